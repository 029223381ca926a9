import type { FastifyInstance } from 'fastify';

interface RoutePattern {
  pattern: RegExp;
  methods: Set<string>;
}

function toPattern(url: string): RegExp {
  const source = url
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}/?$`);
}

/**
 * The methods each API path answers, so that a request with another method gets 405 and `Allow`
 * (not "没有这个接口", which would send a developer looking for a path that exists). Collected from
 * the routes as they are added; the static site's catch-all is not an API route.
 */
export class RouteMethods {
  private readonly routes = new Map<string, RoutePattern>();

  constructor(private readonly prefix: string) {}

  register(app: FastifyInstance): void {
    app.addHook('onRoute', (route) => {
      if (!route.url.startsWith(this.prefix) || route.url.includes('*')) return;
      const entry = this.routes.get(route.url) ?? { pattern: toPattern(route.url), methods: new Set<string>() };
      for (const method of [route.method].flat()) entry.methods.add(method.toUpperCase());
      this.routes.set(route.url, entry);
    });
  }

  /** The methods `path` answers (sorted; empty when no route has that path). */
  allowed(path: string): string[] {
    const methods = new Set<string>();
    for (const { pattern, methods: own } of this.routes.values()) {
      if (pattern.test(path)) own.forEach((m) => methods.add(m));
    }
    return [...methods].sort();
  }
}
