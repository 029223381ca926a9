export type QueryValue = string | number | boolean | undefined | null;

/**
 * Query parameters as `a=1&b=x`: in the order given, each name and value through
 * encodeURIComponent, undefined and null left out. The app's API calls take scalar parameters
 * only, so nothing here nests; the gateway writes a page's first answers in under URLs built the
 * same way (gateway/src/web/static-site.ts).
 */
export function encodeQuery(params: Readonly<Record<string, QueryValue>>): string {
  return Object.entries(params)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined && entry[1] !== null)
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`)
    .join('&');
}
