/** How a link was passed on: the system share sheet, the clipboard, or shown for the user to copy. */
export type ShareOutcome = 'shared' | 'copied' | 'cancelled' | 'manual';

/**
 * Shares a page link on H5: the system share sheet where the browser has one (phones), else the
 * clipboard (secure pages only), else the caller shows the link to copy by hand. The browser's own
 * APIs rather than Taro.setClipboardData, which shows a toast and so brings Taro's whole
 * toast/modal module (~6 KB gzip) into the guide's first download.
 */
export async function shareLink(title: string, url: string): Promise<ShareOutcome> {
  if (typeof navigator.share === 'function') {
    try {
      await navigator.share({ title, url });
      return 'shared';
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return 'cancelled';
    }
  }
  try {
    await navigator.clipboard.writeText(url);
    return 'copied';
  } catch {
    return 'manual';
  }
}
