import type { CDPSession, Page } from 'playwright-core';

/**
 * The throttled mobile profile of the issue (Lighthouse's "slow 4G" figures, applied literally
 * through the DevTools protocol): 4× CPU slowdown, 1.6 Mbit/s down, 750 kbit/s up, 150 ms RTT.
 */
export const MOBILE_PROFILE = {
  cpuSlowdown: 4,
  downloadBitsPerSecond: 1_600_000,
  uploadBitsPerSecond: 750_000,
  rttMs: 150,
} as const;

/** A DevTools session on the page with the CPU slowdown and, if asked, the network throttling. */
export async function throttle(page: Page, options: { network: boolean; cpu: boolean }): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  if (options.network) {
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: MOBILE_PROFILE.rttMs,
      downloadThroughput: MOBILE_PROFILE.downloadBitsPerSecond / 8,
      uploadThroughput: MOBILE_PROFILE.uploadBitsPerSecond / 8,
    });
  }
  if (options.cpu) await cdp.send('Emulation.setCPUThrottlingRate', { rate: MOBILE_PROFILE.cpuSlowdown });
  return cdp;
}

/** Phones send this; the figure the issue asks for is gzip (the gateway would pick brotli over it). */
export const GZIP_ONLY = { 'Accept-Encoding': 'gzip' } as const;
