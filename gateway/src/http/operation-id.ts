/**
 * A stable camelCase operationId from the method and the route (`GET /api/me/cases/:id` →
 * `getMeCasesById`), so a client generated from the contract gets usable names without anyone
 * keeping a list in step with the routes. Method + route is unique per operation, and so is this.
 */
export function operationIdFor(method: string, url: string, prefix: string): string {
  const route = url.startsWith(prefix) ? url.slice(prefix.length) : url;
  const words = route
    .split('/')
    .filter((segment) => segment.length > 0)
    .map((segment) => (segment.startsWith(':') ? `by-${segment.slice(1)}` : segment))
    .flatMap((segment) => segment.split(/[^A-Za-z0-9]+/))
    .filter((word) => word.length > 0)
    .map((word) => word[0].toUpperCase() + word.slice(1));
  return method.toLowerCase() + words.join('');
}
