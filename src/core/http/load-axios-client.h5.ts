import { ApiError } from './api-error';
import type { AxiosClient } from './load-axios-client';

let loading: Promise<AxiosClient> | undefined;

/**
 * H5: axios and the client around it (~14 KB gzip) arrive after the first paint. A first page
 * draws from the answers written into it, so nothing needs them sooner; they are fetched once the
 * page has loaded, or at the first request, whichever comes first. A failed fetch (offline) is a
 * network error, and the next request tries again.
 */
export function loadAxiosClient(): Promise<AxiosClient> {
  loading ??= import('./axios-client').catch(() => {
    loading = undefined;
    throw new ApiError({ code: 'NETWORK' });
  });
  return loading;
}

if (typeof window !== 'undefined') {
  const soon = () => setTimeout(() => void loadAxiosClient().catch(() => undefined), 0);
  if (document.readyState === 'complete') soon();
  else window.addEventListener('load', soon, { once: true });
}
