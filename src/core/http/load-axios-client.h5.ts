import { ApiError } from './api-error';
import type { AxiosClient } from './load-axios-client';

let loading: Promise<AxiosClient> | undefined;

/**
 * H5: axios and the client around it (~16 KB gzip) are not part of the first download. A first
 * page draws from the answers written into it, so a resident who opens a guide, reads it and
 * leaves never needs them. They are fetched at the first request, or sooner, at the first sign of
 * interaction (see below). A failed fetch (offline) is a network error, and the next request
 * tries again.
 */
export function loadAxiosClient(): Promise<AxiosClient> {
  loading ??= import('./axios-client').catch(() => {
    loading = undefined;
    throw new ApiError({ code: 'NETWORK' });
  });
  return loading;
}

/**
 * A tap, a click, a key or a focus usually starts something that will ask the gateway (a search,
 * 收藏, a form): the client is fetched then, while the person is still typing or the next page is
 * opening, so the request itself does not wait for it. (touchstart and mousedown rather than
 * pointerdown: iOS 12 has no pointer events.)
 */
const FIRST_INTERACTION = ['touchstart', 'mousedown', 'keydown', 'focusin'] as const;

function warmOnFirstInteraction(): void {
  const warm = () => {
    for (const type of FIRST_INTERACTION) window.removeEventListener(type, warm, true);
    void loadAxiosClient().catch(() => undefined);
  };
  for (const type of FIRST_INTERACTION) window.addEventListener(type, warm, { capture: true, passive: true });
}

if (typeof window !== 'undefined') warmOnFirstInteraction();
