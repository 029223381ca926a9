import type { Flags, RunnerResult } from 'lighthouse';
import { figure, type Figure } from '../lib/figures';
import type { H5Page } from '../lib/h5-pages';
import type { LighthouseBrowser } from '../lib/lighthouse-browser';

const SECTION = '3. Lighthouse (mobile)';

export interface LighthouseRun {
  performance: number;
  accessibility: number;
  /** Lighthouse's own (simulated) metrics, for reading the scores. */
  metrics: Record<string, number>;
  /** Accessibility audits that failed, by id. */
  failedA11y: string[];
  /** Performance opportunities with their estimated savings (ms). */
  opportunities: Record<string, number>;
  /**
   * Audits Lighthouse could not run. 12.2.3 cannot read some trace fields of newer Chromium
   * (e.g. largest-contentful-paint-element); that is harmless while none of them carries weight.
   */
  erroredAudits: string[];
}

/**
 * Puts the page's storage in place on a cold browser: Lighthouse's own storage reset would wipe
 * the search handoff, so the bench resets instead (every storage of the origin, then the HTTP
 * cache) and writes the handoff in between, from a same-origin document that is not the app.
 */
async function prepareColdOrigin(browser: LighthouseBrowser, origin: string, target: H5Page): Promise<void> {
  const page = await browser.context.newPage();
  try {
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' });
    if (target.storage) {
      await page.goto(`${origin}/api/calendar`);
      await page.evaluate((entries) => {
        for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
      }, target.storage);
    }
    await cdp.send('Network.clearBrowserCache');
  } finally {
    await page.close();
  }
}

const METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'speed-index'] as const;

export async function runLighthouse(
  browser: LighthouseBrowser,
  baseUrl: string,
  target: H5Page,
): Promise<LighthouseRun> {
  await prepareColdOrigin(browser, baseUrl, target);
  const { default: lighthouse } = await import('lighthouse');
  const flags: Flags = {
    port: browser.port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility'],
    disableStorageReset: true,
  };
  const result: RunnerResult | undefined = await lighthouse(baseUrl + target.path, flags);
  if (!result) throw new Error(`Lighthouse returned nothing for ${target.path}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const audits = lhr.audits;
  const a11yIds = lhr.categories.accessibility.auditRefs.map((r) => r.id);
  const erroredAudits = Object.values(audits)
    .filter((a) => a.scoreDisplayMode === 'error')
    .map((a) => a.id);
  const weighted = Object.values(lhr.categories)
    .flatMap((c) => c.auditRefs)
    .filter((r) => r.weight > 0 && erroredAudits.includes(r.id));
  // A scored audit that errored would make the category score meaningless: stop rather than print it.
  if (weighted.length > 0) {
    throw new Error(`Lighthouse could not run scored audits: ${weighted.map((r) => r.id).join(', ')}`);
  }
  return {
    performance: lhr.categories.performance.score ?? 0,
    accessibility: lhr.categories.accessibility.score ?? 0,
    metrics: Object.fromEntries(METRICS.map((id) => [id, Math.round(audits[id]?.numericValue ?? Number.NaN)])),
    failedA11y: a11yIds.filter((id) => audits[id]?.score === 0),
    opportunities: Object.fromEntries(
      Object.values(audits)
        .filter((a) => a.details?.type === 'opportunity' && (a.numericValue ?? 0) > 0)
        .map((a) => [a.id, Math.round(a.numericValue ?? 0)]),
    ),
    erroredAudits,
  };
}

export interface LighthouseResult {
  figures: Figure[];
  detail: Record<string, LighthouseRun[]>;
}

/** Performance and accessibility scores of each page, `runs` times each, pages interleaved. */
export async function measureLighthouse(
  browser: LighthouseBrowser,
  baseUrls: Record<'app' | 'floor', string>,
  pages: H5Page[],
  runs: number,
  log: (line: string) => void,
): Promise<LighthouseResult> {
  const detail: Record<string, LighthouseRun[]> = Object.fromEntries(pages.map((p) => [p.key, []]));
  for (let run = 1; run <= runs; run += 1) {
    for (const target of pages) {
      const result = await runLighthouse(browser, baseUrls[target.project], target);
      detail[target.key].push(result);
      log(
        `  run ${run}/${runs} ${target.label}: performance ${result.performance}, accessibility ${result.accessibility}`,
      );
    }
  }
  const floor = detail.floor ?? [];
  const figures = pages
    .filter((p) => p.project === 'app')
    .flatMap((p) => [
      figure({
        section: SECTION,
        name: `${p.label}: performance`,
        unit: 'score',
        runs: detail[p.key].map((r) => r.performance),
        floorRuns: floor.map((r) => r.performance),
        target: { text: '≥ 0.95', check: (v) => v >= 0.95 },
      }),
      figure({
        section: SECTION,
        name: `${p.label}: accessibility`,
        unit: 'score',
        runs: detail[p.key].map((r) => r.accessibility),
        floorRuns: floor.map((r) => r.accessibility),
        target: { text: '≥ 0.95', check: (v) => v >= 0.95 },
      }),
    ]);
  return { figures, detail };
}
