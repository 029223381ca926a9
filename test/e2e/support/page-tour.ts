import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import type { CaseStatus } from '../../../types/contract';
import { CASE_STATUS_NAMES } from '../../../src/lib/case-status';
import type { TourIds } from './tour-ids';
import { watchCsp } from './csp-watch';

/**
 * A walk over every page of the app (as app.config.ts lists them), each opened by its H5 link with
 * a real id where it needs one, waited for until it settles. The gallery (`npm run screens`) uses
 * it for screenshots and its audit; an e2e sweep can use it for assertions.
 */

export type Session = 'logged-out' | 'logged-in';
export type Mode = 'normal' | 'care';

/** One screen: a page of the app in one state. */
export interface TourStop {
  /** As in app.config.ts, e.g. `prereview/case/index`. */
  page: string;
  /** What this screen shows, for captions (`需补正`, `搜索 居住证`, `—`). */
  state: string;
  /** Path and query to open. */
  path: string;
}

const q = encodeURIComponent;

/** The screens of one page: most have one; pages that open with an id get one per kind of id. */
function stopsOf(page: string, session: Session, ids: TourIds): TourStop[] {
  const one = (state: string, path: string): TourStop[] => [{ page, state, path }];
  const base = `/${page}`;
  switch (page) {
    case 'search/results/index':
      return [...one('—', base), ...one('搜索 居住证', `${base}?q=${q('居住证')}`)];
    case 'search/guide/index':
      return one(ids.guideCode, `${base}?code=${q(ids.guideCode)}`);
    case 'search/more/theme/index':
      return one(ids.themeCode, `${base}?code=${q(ids.themeCode)}`);
    case 'commitment/notice/index':
      return one(ids.guideCode, `${base}?item=${q(ids.guideCode)}&material=${q(ids.noticeMaterialId)}`);
    case 'rating/window/index':
      return one('窗口二维码', ids.windowQrPath);
    case 'prereview/apply/index':
      // Logged in, the draft the resident has (opening an item would start another application).
      return ids.cases.draft && session === 'logged-in'
        ? one('草稿', `${base}?caseId=${q(ids.cases.draft)}`)
        : one(ids.guideCode, `${base}?item=${q(ids.guideCode)}`);
    case 'prereview/case/index': {
      const statuses = Object.keys(ids.cases) as CaseStatus[];
      if (session === 'logged-out' || statuses.length === 0) return one('—', `${base}?id=unknown`);
      return statuses.map((status) => ({
        page,
        state: CASE_STATUS_NAMES[status],
        path: `${base}?id=${q(ids.cases[status] ?? '')}`,
      }));
    }
    case 'rating/case/index':
      return one('待评价办件', `${base}?caseId=${q(ids.ratableCaseId ?? 'unknown')}`);
    case 'rating/detail/index':
      return one('差评与整改', `${base}?id=${q(ids.ratingId ?? 'unknown')}`);
    case 'commitment/receipt/index':
      return one('承诺回执', `${base}?id=${q(ids.commitmentId ?? 'unknown')}`);
    case 'visit/book/index':
      return one(ids.bookingItemCode, `${base}?item=${q(ids.bookingItemCode)}`);
    case 'visit/mine/index':
      return ids.bookingId ? one('预约', `${base}?booking=${q(ids.bookingId)}`) : one('—', base);
    case 'visit/ticket/index':
      return one('排队号码', `${base}?id=${q(ids.hallTicketId ?? 'unknown')}`);
    default:
      return one('—', base);
  }
}

/** Every screen of the tour for `pages`, in their order. */
export function tourStops(pages: readonly string[], session: Session, ids: TourIds): TourStop[] {
  return pages.flatMap((page) => stopsOf(page, session, ids));
}

/**
 * A phone-sized context at `width` × 812 (the iPhone X class of screen); `storageState` carries a
 * login over from another context (the gateway sends one SMS code per number per minute).
 */
export async function openPhoneAt(
  browser: Browser,
  width: number,
  storageState?: BrowserContextOptions['storageState'],
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    storageState,
    viewport: { width, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  // Functions sent to the page may be compiled with esbuild's name helper (tsx): give it a no-op there.
  await context.addInitScript('globalThis.__name = globalThis.__name || ((f) => f);');
  await watchCsp(context);
  const page = await context.newPage();
  return { context, page };
}

/** 关怀模式 is a switch on 我的, remembered on the device: turned on once per context, as a person does. */
export async function turnOnCareMode(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/me/index/index`);
  await page.getByRole('switch', { name: '关怀模式' }).click();
  await page.waitForSelector('.page.care');
}

export interface VisitResult {
  settled: boolean;
  /** Uncaught errors thrown in the page while it was open. */
  errors: string[];
  /** Why it did not settle. */
  problem?: string;
}

/** Loading placeholders: while any is shown, the page has not settled. */
const LOADING = '.state--loading, [aria-busy="true"]';

/**
 * Waits until no loading placeholder is shown (on the first screen only, or anywhere on the page);
 * false when `deadline` passes first.
 */
async function loadingEnds(page: Page, deadline: number, where: 'first-screen' | 'anywhere'): Promise<boolean> {
  const loading = () =>
    page.evaluate(
      ({ selector, firstScreen }) =>
        Array.from(document.querySelectorAll(selector)).some((el) => {
          const rect = el.getBoundingClientRect();
          if (rect.width === 0 || rect.height === 0) return false;
          return !firstScreen || (rect.bottom > 0 && rect.top < window.innerHeight);
        }),
      { selector: LOADING, firstScreen: where === 'first-screen' },
    );
  while (await loading()) {
    if (Date.now() > deadline) return false;
    await page.waitForTimeout(200);
  }
  return true;
}

/**
 * Scrolls every scrolling box of the page (the document, or Taro's page container on H5) down a
 * screen at a time to its end, then back to the top: lazy sections load, the screenshot starts at
 * the top.
 */
export async function scrollThrough(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 60)));
    const boxes = [
      document.scrollingElement,
      ...Array.from(document.querySelectorAll('body *')).filter((el) => {
        const style = getComputedStyle(el);
        return /(auto|scroll)/.test(style.overflowY) && el.scrollHeight > el.clientHeight + 10;
      }),
    ].filter((el): el is Element => el !== null);
    for (const box of boxes) {
      for (let y = 0; y < box.scrollHeight; y += Math.max(200, box.clientHeight * 0.8)) {
        box.scrollTop = y;
        await frame();
      }
      box.scrollTop = box.scrollHeight;
      await frame();
      box.scrollTop = 0;
    }
    await frame();
  });
}

/**
 * Opens the stop and waits until the page has drawn (`.page`), the network is quiet and no loading
 * state is left, above the fold and (after scrolling through) below it, or `timeoutMs` passes (then
 * `settled` is false: a page that loads forever).
 */
export async function visit(page: Page, baseUrl: string, stop: TourStop, timeoutMs = 15_000): Promise<VisitResult> {
  const errors: string[] = [];
  const onError = (error: Error) => errors.push(error.message);
  page.on('pageerror', onError);
  const deadline = Date.now() + timeoutMs;
  try {
    await page.goto(`${baseUrl}${stop.path}`, { timeout: timeoutMs });
    await page.waitForSelector('.page', { timeout: Math.max(1, deadline - Date.now()) });
    await page.waitForLoadState('networkidle', { timeout: Math.max(1, deadline - Date.now()) }).catch(() => {
      // Long polling or a slow request: the loading-state check below decides.
    });
    if (!(await loadingEnds(page, deadline, 'first-screen'))) {
      return { settled: false, errors, problem: 'still loading' };
    }
    // Sections below the fold load as a reader scrolls to them (the guide's 办理地点): scroll
    // through once, as a reader would, and wait for them too.
    await scrollThrough(page);
    if (!(await loadingEnds(page, deadline, 'anywhere'))) {
      return { settled: false, errors, problem: 'still loading below the fold' };
    }
    // Transitions (NutUI's fade-ins, toasts appearing) end before the screen is taken.
    await page.waitForTimeout(400);
    return { settled: true, errors };
  } catch (error) {
    return { settled: false, errors, problem: error instanceof Error ? error.message.split('\n')[0] : String(error) };
  } finally {
    page.off('pageerror', onError);
  }
}

/** Taller pages are cut here (a windowed list may be very long). */
const MAX_SHOT_HEIGHT = 6000;

/**
 * A screenshot of the whole page, not just the first screen. On H5 the content scrolls inside
 * Taro's page box, which a full-page screenshot does not see: the viewport is made as tall as the
 * content for the shot, then put back (fixed bars end up at the bottom of the image).
 */
export async function screenshotWhole(page: Page, file: string): Promise<void> {
  const viewport = page.viewportSize();
  const contentHeight = await page.evaluate(() =>
    Math.max(
      document.documentElement.scrollHeight,
      ...Array.from(document.querySelectorAll('body *'))
        .filter((el) => /(auto|scroll)/.test(getComputedStyle(el).overflowY))
        // Its content, plus what sits above and below the box (header, tab bar).
        .map((el) => el.scrollHeight + window.innerHeight - el.getBoundingClientRect().height),
    ),
  );
  if (!viewport || contentHeight <= viewport.height + 1) {
    await page.screenshot({ path: file });
    return;
  }
  await page.setViewportSize({ width: viewport.width, height: Math.min(Math.ceil(contentHeight), MAX_SHOT_HEIGHT) });
  try {
    await page.waitForTimeout(300);
    await page.screenshot({ path: file });
  } finally {
    await page.setViewportSize(viewport);
  }
}
