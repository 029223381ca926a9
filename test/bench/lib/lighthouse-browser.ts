import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { chromePath } from '../../e2e/support/browser';

export interface LighthouseBrowser {
  /** The browser's default context: Lighthouse opens its tab here, so storage set here is seen. */
  context: BrowserContext;
  /** DevTools port Lighthouse connects to. */
  port: number;
  close: () => Promise<void>;
}

async function readDevToolsPort(userDataDir: string): Promise<number> {
  const file = path.join(userDataDir, 'DevToolsActivePort');
  for (let i = 0; i < 100; i += 1) {
    if (fs.existsSync(file)) {
      const port = Number(fs.readFileSync(file, 'utf8').split('\n')[0]);
      if (port > 0) return port;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('Chromium did not report its DevTools port');
}

/**
 * One system Chromium for every Lighthouse run (launching one per run costs seconds on two
 * cores), with the usual flags plus a DevTools port. A persistent context is the browser's
 * default context, the one Lighthouse's own tab lands in.
 */
export async function launchLighthouseBrowser(): Promise<LighthouseBrowser> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hs-bench-lh-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromePath(),
    headless: true,
    viewport: null,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      '--remote-debugging-port=0',
    ],
  });
  const port = await readDevToolsPort(userDataDir);
  return {
    context,
    port,
    close: async () => {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
