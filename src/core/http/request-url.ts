import type { AxiosRequestConfig } from 'axios';
import type { API_PREFIX } from '@contract/routes';
import { encodeQuery, type QueryValue } from '@/lib/query-string';
import { env } from '../env';

/** Typed against the contract, so a change there fails the type check; no runtime import of it. */
const apiPrefix: typeof API_PREFIX = '/api';

/** Where the app's requests go: the gateway's origin (empty on H5 served by it) and the API prefix. */
export const apiBase = env.apiOrigin + apiPrefix;

/**
 * The URL a request would go to, built as axios builds it for the client's instance (base joined
 * to a relative path, params through encodeQuery), without loading axios: the H5 page looks up
 * the answers written into it by this URL before axios has arrived.
 */
export function requestUrl(config: Pick<AxiosRequestConfig, 'url' | 'params'>): string {
  const url = config.url ?? '';
  const full = /^([a-z][a-z\d+\-.]*:)?\/\//i.test(url)
    ? url
    : url
      ? `${apiBase.replace(/\/?\/$/, '')}/${url.replace(/^\/+/, '')}`
      : apiBase;
  const query = config.params ? encodeQuery(config.params as Record<string, QueryValue>) : '';
  if (!query) return full;
  const hash = full.indexOf('#');
  const base = hash === -1 ? full : full.slice(0, hash);
  return `${base}${base.includes('?') ? '&' : '?'}${query}`;
}
