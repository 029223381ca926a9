import type { Browser, BrowserContext, Page } from 'playwright-core';
import { openPhone } from '../../e2e/support/browser';

/**
 * tsx compiles with esbuild's keepNames, which wraps named functions in `__name(…)`; functions
 * the bench sends into the page carry those calls, so the page needs a no-op `__name`.
 */
const NAME_SHIM = 'globalThis.__name = globalThis.__name || ((fn) => fn);';

/** The e2e suite's phone-sized page (fresh context: empty cache and storage), ready for bench code. */
export async function openBenchPhone(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const phone = await openPhone(browser);
  await phone.context.addInitScript(NAME_SHIM);
  return phone;
}
