import type { Browser } from 'playwright-core';
import { openBenchPhone } from '../lib/phone';
import { paintSeen, readPaintWatch, watchPaint, type TextCondition } from '../lib/after-paint';
import { figure, type Figure } from '../lib/figures';
import { throttle } from '../lib/mobile-profile';

const SECTION = '4b. Search in the H5 app (keystrokes “hkqy”, 4× CPU)';
/** src/search/results/index.tsx: DEBOUNCE_MS. */
export const DEBOUNCE_MS = 300;
/** Initials, typed key by key as residents do (the e2e journey searches the same). */
export const TYPED_QUERY = 'hkqy';
const KEY_DELAY_MS = 80;

export interface KeystrokeRun {
  /** Last keystroke → results painted. */
  totalMs: number;
  /** Last keystroke → the search request sent: the debounce plus handling the keystroke. */
  toRequestMs: number;
  /** The search request for the final query, as the browser timed it (0 for the floor). */
  requestMs: number;
  /** Response received → results painted: rendering. */
  renderMs: number;
}

interface Setup {
  path: string;
  input: string;
  /** Painted means all of these hold. */
  painted: TextCondition[];
}

const APP: Setup = {
  path: '/search/results/index',
  input: '.search__input input',
  painted: [
    { selector: '.search__count', textStartsWith: '共找到' },
    { selector: '.item-card', textStartsWith: '' },
  ],
};
const FLOOR: Setup = {
  path: '/',
  input: '.floor__input input',
  painted: [{ selector: '.floor__echo', textStartsWith: TYPED_QUERY }],
};

/** In the page: when the search request for `query` started and ended (0s when there was none). */
function searchRequest(query: string): { start: number; end: number } {
  const entry = performance
    .getEntriesByType('resource')
    .find((e) => e.name.includes('/api/search?') && e.name.includes(`q=${query}&`)) as
    PerformanceResourceTiming | undefined;
  return entry ? { start: entry.startTime, end: entry.responseEnd } : { start: 0, end: 0 };
}

/** One fresh page (cold query cache): load it, then 4× CPU slowdown, type, wait for the paint. */
async function typeOnce(browser: Browser, baseUrl: string, setup: Setup): Promise<KeystrokeRun> {
  const { context, page } = await openBenchPhone(browser);
  try {
    await page.goto(baseUrl + setup.path, { waitUntil: 'networkidle' });
    const input = page.locator(setup.input);
    await input.waitFor();
    await throttle(page, { network: false, cpu: true });
    await page.evaluate(watchPaint, setup.painted);
    await input.click();
    await input.pressSequentially(TYPED_QUERY, { delay: KEY_DELAY_MS });
    await page.waitForFunction(paintSeen, undefined, { timeout: 30_000, polling: 50 });
    const watch = await page.evaluate(readPaintWatch);
    const request = await page.evaluate(searchRequest, TYPED_QUERY);
    const sent = request.start > 0;
    return {
      totalMs: watch.painted - watch.lastInput,
      toRequestMs: sent ? request.start - watch.lastInput : 0,
      requestMs: sent ? request.end - request.start : 0,
      renderMs: sent ? watch.painted - request.end : watch.painted - watch.lastInput,
    };
  } finally {
    await context.close();
  }
}

export interface KeystrokeResult {
  figures: Figure[];
  detail: { app: KeystrokeRun[]; floor: KeystrokeRun[] };
}

/**
 * Time from the last keystroke to the results being painted, in the app (debounce included, and
 * beyond the debounce) and in the floor (typed text echoed in a View: the framework's own cost).
 */
export async function measureKeystrokeToPaint(
  browser: Browser,
  baseUrls: Record<'app' | 'floor', string>,
  runs: number,
  log: (line: string) => void,
): Promise<KeystrokeResult> {
  const detail: KeystrokeResult['detail'] = { app: [], floor: [] };
  for (let run = 1; run <= runs; run += 1) {
    const app = await typeOnce(browser, baseUrls.app, APP);
    const floor = await typeOnce(browser, baseUrls.floor, FLOOR);
    detail.app.push(app);
    detail.floor.push(floor);
    log(
      `  run ${run}/${runs}: app ${Math.round(app.totalMs)} ms (to request ${Math.round(app.toRequestMs)}, request ` +
        `${Math.round(app.requestMs)}, render ${Math.round(app.renderMs)}), floor ${Math.round(floor.totalMs)} ms`,
    );
  }
  const floorRuns = detail.floor.map((r) => r.totalMs);
  return {
    figures: [
      figure({
        section: SECTION,
        name: `last keystroke → results painted, incl. ${DEBOUNCE_MS} ms debounce`,
        unit: 'ms',
        runs: detail.app.map((r) => r.totalMs),
        floorRuns,
      }),
      figure({
        section: SECTION,
        name: `last keystroke → results painted, beyond the debounce`,
        unit: 'ms',
        runs: detail.app.map((r) => r.totalMs - DEBOUNCE_MS),
        floorRuns,
        target: { text: '≤ 150 ms', check: (v) => v <= 150 },
      }),
      figure({
        section: SECTION,
        name: `  of which keystroke → request sent (debounce + input handling)`,
        unit: 'ms',
        runs: detail.app.map((r) => r.toRequestMs),
      }),
      figure({
        section: SECTION,
        name: `  of which the search request (browser timing)`,
        unit: 'ms',
        runs: detail.app.map((r) => r.requestMs),
      }),
      figure({
        section: SECTION,
        name: `  of which response → results painted (rendering)`,
        unit: 'ms',
        runs: detail.app.map((r) => r.renderMs),
        floorRuns,
      }),
    ],
    detail,
  };
}
