import type { Browser } from 'playwright-core';
import { openBenchPhone } from '../lib/phone';
import { figure, type Figure } from '../lib/figures';
import type { H5Page } from '../lib/h5-pages';
import { GZIP_ONLY, throttle } from '../lib/mobile-profile';
import { NetworkLog, type Transfer } from '../lib/network-log';
import { observePaints, readPaints, type Paints } from '../lib/paint-observer';
import { median } from '../lib/stats';

const SECTION = '2. H5 first page (cold cache; 4× CPU, 1.6 Mbit/s down, 750 kbit/s up, 150 ms RTT)';

export interface FirstPageLoad {
  bytes: number;
  paints: Paints;
  transfers: Transfer[];
}

function putInStorage(entries: Record<string, string>): void {
  for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
}

/**
 * One cold load (fresh browser context: empty cache and storage) under the throttled mobile
 * profile, until the page shows its content and the network has been quiet for a second.
 */
export async function loadFirstPage(browser: Browser, baseUrl: string, target: H5Page): Promise<FirstPageLoad> {
  const { context, page } = await openBenchPhone(browser);
  try {
    await context.setExtraHTTPHeaders(GZIP_ONLY);
    if (target.storage) await context.addInitScript(putInStorage, target.storage);
    await context.addInitScript(observePaints);
    const cdp = await throttle(page, { network: true, cpu: true });
    const log = new NetworkLog(cdp);
    await page.goto(baseUrl + target.path, { waitUntil: 'load', timeout: 90_000 });
    await page.locator(target.ready).first().waitFor({ timeout: 90_000 });
    await log.quiet(1000, 90_000);
    return { bytes: log.totalBytes, paints: await page.evaluate(readPaints), transfers: log.transfers };
  } finally {
    await context.close();
  }
}

export interface FirstPageResult {
  figures: Figure[];
  /** Per page: every run, and the transfers of the median-bytes run (what dominates). */
  detail: Record<string, { runs: FirstPageLoad[]; medianTransfers: Transfer[] }>;
}

/** Bytes and LCP of each page, `runs` cold loads each, app and floor loads interleaved. */
export async function measureFirstPages(
  browser: Browser,
  baseUrls: Record<'app' | 'floor', string>,
  pages: H5Page[],
  runs: number,
  log: (line: string) => void,
): Promise<FirstPageResult> {
  const loads = new Map<string, FirstPageLoad[]>(pages.map((p) => [p.key, []]));
  for (let run = 1; run <= runs; run += 1) {
    for (const target of pages) {
      const load = await loadFirstPage(browser, baseUrls[target.project], target);
      loads.get(target.key)?.push(load);
      log(
        `  run ${run}/${runs} ${target.label}: ${(load.bytes / 1024).toFixed(1)} KB, LCP ${Math.round(load.paints.lcp)} ms`,
      );
    }
  }
  const floorLoads = loads.get('floor') ?? [];
  const floorBytes = floorLoads.map((l) => l.bytes);
  const floorLcp = floorLoads.map((l) => l.paints.lcp);
  const figures: Figure[] = [];
  const detail: FirstPageResult['detail'] = {};
  for (const target of pages) {
    const runsOf = loads.get(target.key) ?? [];
    const bytes = runsOf.map((l) => l.bytes);
    const middle = median(bytes);
    detail[target.key] = {
      runs: runsOf.map((l) => ({ ...l, transfers: [] })),
      medianTransfers: (runsOf.find((l) => l.bytes === middle) ?? runsOf[0])?.transfers ?? [],
    };
    if (target.project === 'floor') continue;
    const targets = !target.comparison;
    figures.push(
      figure({
        section: SECTION,
        name: `${target.label}: bytes transferred (gzip)`,
        unit: 'bytes',
        runs: bytes,
        floorRuns: floorBytes,
        target: targets ? { text: '≤ 1.5× floor', check: (v, f) => f !== null && v <= 1.5 * f } : undefined,
      }),
      figure({
        section: SECTION,
        name: `${target.label}: largest contentful paint`,
        unit: 'ms',
        runs: runsOf.map((l) => l.paints.lcp),
        floorRuns: floorLcp,
        target: targets ? { text: '≤ 1.3× floor', check: (v, f) => f !== null && v <= 1.3 * f } : undefined,
      }),
    );
  }
  return { figures, detail };
}
