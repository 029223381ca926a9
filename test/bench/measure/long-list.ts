import type { Browser, Page } from 'playwright-core';
import { figure, type Figure } from '../lib/figures';
import { searchHandoff } from '../lib/h5-pages';
import { throttle } from '../lib/mobile-profile';
import { openBenchPhone } from '../lib/phone';
import { domNodes, droppedFrames, scrollState, startFrames, stopFrames } from '../lib/scroll-probe';

const SECTION = '5. Long result list (H5)';
export const LIST_LENGTH = 1000;
/** An empty query with this filter: 4,700+ results on the bench catalogue. */
export const LIST_FILTER = { audience: 'business' } as const;
/** A flick of the thumb per step, at a steady pace, like a resident hunting through a list. */
const WHEEL_PX = 500;
const STEP_MS = 50;
/** At the bottom with nothing loading for this long, the resident taps 加载更多. */
const TAP_MORE_AFTER_MS = 1500;
const TIMEOUT_MS = 240_000;

export interface LongListRun {
  /** `.item-card` elements in the DOM once scrolled to the end. */
  itemNodes: number;
  /** Results loaded from the gateway when the end was reached. */
  loaded: number;
  droppedFrames: number;
  frames: number;
  durationMs: number;
  domNodes: number;
  /** Times 加载更多 had to be tapped (infinite scroll did not fire). */
  taps: number;
}

/** How far the list has loaded, and whether anything is still loading. */
interface Progress {
  loaded: () => Promise<number>;
  busy: () => boolean;
}

/** The app's results come 20 at a time from /api/search: count the hits that arrived. */
function watchSearchResponses(page: Page): Progress {
  let loaded = 0;
  let inflight = 0;
  const isApi = (url: string) => url.includes('/api/');
  page.on('request', (r) => {
    if (isApi(r.url())) inflight += 1;
  });
  const done = (url: string) => {
    if (isApi(url)) inflight -= 1;
  };
  page.on('requestfinished', (r) => done(r.url()));
  page.on('requestfailed', (r) => done(r.url()));
  page.on('response', (r) => {
    if (!r.url().includes('/api/search?') || r.status() !== 200) return;
    r.json().then(
      (body: { data?: { hits?: unknown[] } }) => (loaded += body.data?.hits?.length ?? 0),
      () => undefined,
    );
  });
  return { loaded: async () => loaded, busy: () => inflight > 0 };
}

/** Scrolls with the mouse wheel to the end of `LIST_LENGTH` results, recording frames throughout. */
async function scrollToEnd(page: Page, progress: Progress): Promise<Omit<LongListRun, 'itemNodes' | 'domNodes'>> {
  await page.mouse.move(195, 500);
  await page.evaluate(startFrames);
  const start = Date.now();
  let bottomSince = 0;
  let taps = 0;
  for (;;) {
    if (Date.now() - start > TIMEOUT_MS) throw new Error(`long list: not at the end after ${TIMEOUT_MS} ms`);
    const state = await page.evaluate(scrollState);
    const loaded = await progress.loaded();
    // The end of the first LIST_LENGTH results; reaching it may ask for one more page (more exist).
    if (state.atBottom && loaded >= LIST_LENGTH) break;
    if (!state.atBottom) {
      bottomSince = 0;
      await page.mouse.wheel(0, WHEEL_PX);
    } else if (bottomSince === 0) {
      bottomSince = Date.now();
    } else if (!progress.busy() && Date.now() - bottomSince > TAP_MORE_AFTER_MS) {
      await page.locator('.search__more .action-button').first().click();
      taps += 1;
      bottomSince = 0;
    }
    await page.waitForTimeout(STEP_MS);
  }
  const durationMs = Date.now() - start;
  for (let waited = 0; progress.busy() && waited < 10_000; waited += STEP_MS) await page.waitForTimeout(STEP_MS);
  await page.waitForTimeout(500);
  const frames = await page.evaluate(stopFrames);
  return {
    loaded: await progress.loaded(),
    droppedFrames: droppedFrames(frames),
    frames: frames.length,
    durationMs,
    taps,
  };
}

async function runOnce(
  browser: Browser,
  baseUrl: string,
  project: 'app' | 'floor',
  cpu: boolean,
): Promise<LongListRun> {
  const { context, page } = await openBenchPhone(browser);
  try {
    let progress: Progress;
    if (project === 'app') {
      const handoff = searchHandoff(LIST_FILTER);
      await context.addInitScript((entries) => {
        for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
      }, handoff);
      progress = watchSearchResponses(page);
      await page.goto(`${baseUrl}/search/results/index`, { waitUntil: 'networkidle' });
    } else {
      progress = { loaded: async () => (await page.evaluate(scrollState)).itemCards, busy: () => false };
      await page.goto(`${baseUrl}/pages/index/index?rows=${LIST_LENGTH}`, { waitUntil: 'networkidle' });
    }
    await page.locator('.item-card').first().waitFor();
    if (cpu) await throttle(page, { network: false, cpu: true });
    const scrolled = await scrollToEnd(page, progress);
    return {
      ...scrolled,
      itemNodes: (await page.evaluate(scrollState)).itemCards,
      domNodes: await page.evaluate(domNodes),
    };
  } finally {
    await context.close();
  }
}

export interface LongListResult {
  figures: Figure[];
  detail: { app: LongListRun[]; floor: LongListRun[]; cpuSlowdown: boolean };
}

/**
 * 1,000 results (an empty query + a filter on the bench catalogue) scrolled to the end: the
 * item nodes left in the DOM and the frames dropped on the way; the floor renders 1,000 plain
 * View rows and is scrolled the same way.
 */
export async function measureLongList(
  browser: Browser,
  baseUrls: Record<'app' | 'floor', string>,
  runs: number,
  cpu: boolean,
  log: (line: string) => void,
): Promise<LongListResult> {
  const detail: LongListResult['detail'] = { app: [], floor: [], cpuSlowdown: cpu };
  for (let run = 1; run <= runs; run += 1) {
    const app = await runOnce(browser, baseUrls.app, 'app', cpu);
    const floor = await runOnce(browser, baseUrls.floor, 'floor', cpu);
    detail.app.push(app);
    detail.floor.push(floor);
    log(
      `  run ${run}/${runs}: app ${app.itemNodes} nodes, ${app.droppedFrames}/${app.frames + app.droppedFrames} frames dropped in ${(app.durationMs / 1000).toFixed(1)} s; ` +
        `floor ${floor.itemNodes} nodes, ${floor.droppedFrames} dropped in ${(floor.durationMs / 1000).toFixed(1)} s`,
    );
  }
  const profile = cpu ? '4× CPU' : 'no CPU slowdown';
  return {
    figures: [
      figure({
        section: SECTION,
        name: `rendered .item-card nodes after ${LIST_LENGTH} results`,
        unit: 'count',
        runs: detail.app.map((r) => r.itemNodes),
        floorRuns: detail.floor.map((r) => r.itemNodes),
        target: { text: '< 60', check: (v) => v < 60 },
      }),
      figure({
        section: SECTION,
        name: `dropped frames scrolling to the end (${profile})`,
        unit: 'frames',
        runs: detail.app.map((r) => r.droppedFrames),
        floorRuns: detail.floor.map((r) => r.droppedFrames),
      }),
      figure({
        section: SECTION,
        name: `  time to scroll to the end`,
        unit: 'ms',
        runs: detail.app.map((r) => r.durationMs),
        floorRuns: detail.floor.map((r) => r.durationMs),
      }),
    ],
    detail,
  };
}
