import type { Browser } from 'playwright-core';
import { appPages } from './support/app-pages';
import { launchBrowser } from './support/browser';
import { openPhoneAt, tourStops, turnOnCareMode, visit, type Mode, type Session } from './support/page-tour';
import { startGateway, type RunningGateway } from './support/running-gateway';
import { auditScreen } from './support/screen-audit';
import { tourIdsFor, type TourLogin } from './support/tour-login';

/**
 * Every page of app.config.ts, logged out and logged in (as a demo resident with a case in each
 * state, a commitment and a rating with its 整改 ticket), in normal and 关怀模式, on a 375 px phone:
 * each must settle without an error and show no axe-core finding of impact serious or critical, no
 * two controls drawn over each other, no text out of its box, no tap target under 44 px (60 px in
 * 关怀模式) and nothing in NutUI's default reds. A failure lists every finding, page by page.
 * The narrow (320 px) and wide (414 px) phones get the same walk without axe, whose rules do not
 * depend on the width.
 */

const AXE_WIDTH = 375;
let gateway: RunningGateway;
let browser: Browser;
/** The resident signs in once; later sweeps reuse the login. */
const saved: { login?: TourLogin } = {};

beforeAll(async () => {
  gateway = await startGateway({ demoData: true });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await gateway?.close();
});

async function sweep(session: Session, mode: Mode, width: number): Promise<string[]> {
  const { context, page } = await openPhoneAt(browser, width, session === 'logged-in' ? saved.login?.state : undefined);
  try {
    const ids = await tourIdsFor(gateway, context, page, session, saved);
    if (mode === 'care') await turnOnCareMode(page, gateway.baseUrl);
    const problems: string[] = [];
    for (const stop of tourStops(appPages(), session, ids)) {
      const result = await visit(page, gateway.baseUrl, stop);
      const where = `${stop.path} (${stop.state})`;
      if (!result.settled || result.errors.length > 0) {
        problems.push(`${where}: ${result.problem ?? 'error'} ${result.errors.join('; ')}`);
        continue;
      }
      for (const finding of await auditScreen(page, mode, width !== AXE_WIDTH)) {
        problems.push(
          finding.kind === 'axe'
            ? `${where}: axe ${finding.impact} ${finding.rule} — ${finding.elements.join(', ')}`
            : `${where}: ${finding.kind} ${finding.element} — ${finding.detail}`,
        );
      }
    }
    return problems;
  } finally {
    await context.close();
  }
}

const SWEEPS: [Session, Mode][] = [
  ['logged-out', 'normal'],
  ['logged-in', 'normal'],
  ['logged-out', 'care'],
  ['logged-in', 'care'],
];

test.each(SWEEPS)(
  'every page at 375 px, %s, %s mode: settles, axe clean, no overlap, overflow, small target or NutUI red',
  async (session, mode) => {
    expect(await sweep(session, mode, AXE_WIDTH)).toEqual([]);
  },
  600_000,
);

test.each(([320, 414] as const).flatMap((width) => SWEEPS.map(([session, mode]) => [width, session, mode] as const)))(
  'every page at %i px, %s, %s mode: settles, no overlap, overflow, small target or NutUI red',
  async (width, session, mode) => {
    expect(await sweep(session, mode, width)).toEqual([]);
  },
  600_000,
);
