/**
 * `npm run bench`: builds the app and the floor (a bare Taro + React page, test/bench/floor/)
 * for weapp, alipay and H5 with the same config, measures each figure at least 5 times beside
 * the floor's, prints the table and writes test/bench/results/bench.{json,md} (latest run only).
 *
 *   npm run bench -- [--runs N] [--reuse-dist] [--only packages,first-page,…,uploads,scale] [--long-list-cpu]
 *
 * `--only scale` builds nothing: the gateway at 10,000 and 100,000 items, each in its own process.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser } from '../e2e/support/browser';
import { MIN_RUNS, parseArgs, SECTIONS, wants, type BenchArgs } from './lib/args';
import { prepareBenchData } from './lib/bench-data';
import { startBenchServer, type BenchServer } from './lib/bench-servers';
import { type Figure } from './lib/figures';
import { h5Pages } from './lib/h5-pages';
import { launchLighthouseBrowser } from './lib/lighthouse-browser';
import { PLATFORMS, RESULTS_DIR, type Project } from './lib/paths';
import { renderMarkdown, renderText, type RunMeta } from './lib/report';
import { staleReason, taroBuild } from './lib/taro-build';
import { CONNECTIONS, DURATION_S, measureGatewayLoad } from './measure/gateway-load';
import { measureGatewayScale, SCALE_SIZES } from './measure/gateway-scale';
import { measureGatewaySearch } from './measure/gateway-search';
import { measureFirstPages } from './measure/h5-first-page';
import { measureKeystrokeToPaint } from './measure/keystroke-to-paint';
import { measureLighthouse } from './measure/lighthouse';
import { measureLongList } from './measure/long-list';
import { measurePackageSizes } from './measure/package-sizes';
import { measureUploads } from './measure/uploads';

const CATALOGUE_ITEMS = 10_000;
const GUIDE_QUERY = '户口迁移';
const LOAD_SEARCH_QUERY = '户口';

const log = (line: string): void => console.log(line);

/**
 * Builds app and floor (or reuses fresh builds) for the platforms the chosen sections read: H5
 * always (every server serves it), the mini-programs for the package sizes. Returns what was done.
 */
async function build(args: BenchArgs): Promise<string> {
  const done: string[] = [];
  const platforms = PLATFORMS.filter((platform) => platform === 'h5' || wants(args, 'packages'));
  for (const project of ['app', 'floor'] as Project[]) {
    for (const platform of platforms) {
      const stale = staleReason(project, platform);
      if (args.reuseDist && stale === null) {
        done.push(`${project}/${platform} reused`);
        continue;
      }
      log(`building ${project} ${platform}${args.reuseDist ? ` (${stale})` : ''}…`);
      const ms = await taroBuild(project, platform);
      done.push(`${project}/${platform} ${Math.round(ms / 1000)} s`);
    }
  }
  return done.join(', ');
}

async function guideCode(app: BenchServer): Promise<string> {
  const res = await fetch(`${app.baseUrl}/api/search?q=${encodeURIComponent(GUIDE_QUERY)}`);
  const body = (await res.json()) as { data: { hits: { item: { code: string } }[] } };
  const code = body.data.hits[0]?.item.code;
  if (!code) throw new Error(`no item found for ${GUIDE_QUERY}`);
  return code;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const startedAt = new Date().toISOString();
  const notes: string[] = [
    'floors: mini-program and H5 figures use the floor app (test/bench/floor: one page of View/Input, same build config); ' +
      'keystroke → paint uses the floor page echoing the typed text in a View; the long list, 1,000 plain View rows; ' +
      'gateway figures, the same gateway serving the floor app’s index.html',
    'package sizes come from one build each (a build is deterministic); every other figure is a median of the runs',
    'H5 bytes: everything the page fetched until the network was quiet for 1 s (HTML, JS, CSS, API), as the gateway ' +
      'sends it to a client accepting gzip',
  ];
  if (args.runs < MIN_RUNS) notes.push(`only ${args.runs} runs per figure: the issue asks for at least ${MIN_RUNS}`);
  // Latest run only: drop the previous run's table and build logs (other tools' output stays).
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  for (const name of fs.readdirSync(RESULTS_DIR)) {
    if (/^(bench\.(json|md)|build-.*\.log)$/.test(name)) fs.rmSync(path.join(RESULTS_DIR, name));
  }

  // Every section but the scale one needs the built apps and the bench servers.
  const needsApp = SECTIONS.some((section) => section !== 'scale' && wants(args, section));
  const built = needsApp ? await build(args) : 'nothing built';
  const figures: Figure[] = [];
  const details: Record<string, unknown> = {};
  let chromium = 'chromium not started';

  if (wants(args, 'packages')) {
    log('1. mini-program packages');
    const sizes = measurePackageSizes();
    figures.push(...sizes.figures);
    details.packages = sizes.detail;
  }

  if (needsApp) {
    log(`preparing the bench catalogue (seed + ${CATALOGUE_ITEMS} generated items)…`);
    const data = prepareBenchData(CATALOGUE_ITEMS);
    const app = await startBenchServer('app', data.dataDir);
    const floor = await startBenchServer('floor');
    // The same gateway without its search answer cache: figure 4a, and search under load uncached.
    const uncached = await startBenchServer('app', data.dataDir, { searchAnswerCache: 0 });
    const urls = { app: app.baseUrl, floor: floor.baseUrl };
    try {
      const pages = h5Pages(await guideCode(app));
      const runs = args.runs;
      if (wants(args, 'first-page') || wants(args, 'keystroke') || wants(args, 'long-list')) {
        const browser = await launchBrowser();
        chromium = `Chromium ${browser.version()}`;
        try {
          if (wants(args, 'first-page')) {
            log('2. H5 first page (cold, throttled)');
            const result = await measureFirstPages(browser, urls, pages, runs, log);
            figures.push(...result.figures);
            details.firstPage = result.detail;
          }
          if (wants(args, 'keystroke')) {
            log('4. keystroke to results painted (H5, 4× CPU)');
            const result = await measureKeystrokeToPaint(browser, urls, runs, log);
            figures.push(...result.figures);
            details.keystroke = result.detail;
          }
          if (wants(args, 'long-list')) {
            log('5. long result list (H5)');
            const result = await measureLongList(browser, urls, runs, args.longListCpu, log);
            figures.push(...result.figures);
            details.longList = result.detail;
            if (!args.longListCpu) notes.push('long list scrolled without the CPU slowdown (--long-list-cpu adds it)');
          }
        } finally {
          await browser.close();
        }
      }
      if (wants(args, 'lighthouse')) {
        log('3. Lighthouse 12.2.3 (mobile, simulated throttling)');
        const browser = await launchLighthouseBrowser();
        try {
          const result = await measureLighthouse(
            browser,
            urls,
            pages.filter((p) => !p.comparison),
            runs,
            log,
          );
          figures.push(...result.figures);
          details.lighthouse = result.detail;
        } finally {
          await browser.close();
        }
      }
      if (wants(args, 'search')) {
        log('4. gateway search latency (100 queries per round)');
        const result = await measureGatewaySearch(data.dataDir, { ...urls, app: uncached.baseUrl }, runs, log);
        figures.push(...result.figures);
        details.gatewaySearch = result.detail;
      }
      if (wants(args, 'load')) {
        log(`6. gateway under load (${CONNECTIONS} connections, ${DURATION_S} s)`);
        const code = await guideCode(app);
        const result = await measureGatewayLoad(
          [
            {
              key: 'search',
              label: `search “${LOAD_SEARCH_QUERY}”`,
              url: `${urls.app}/api/search?q=${encodeURIComponent(LOAD_SEARCH_QUERY)}`,
            },
            {
              key: 'search-uncached',
              label: `search “${LOAD_SEARCH_QUERY}”, answer cache off`,
              url: `${uncached.baseUrl}/api/search?q=${encodeURIComponent(LOAD_SEARCH_QUERY)}`,
            },
            { key: 'guide', label: `guide ${code}`, url: `${urls.app}/api/items/${code}` },
            { key: 'floor', label: 'floor: the floor app’s index.html', url: `${urls.floor}/` },
          ],
          runs,
          log,
        );
        figures.push(...result.figures);
        details.gatewayLoad = result.detail;
      }
      if (wants(args, 'uploads')) {
        log('7. uploads (20 MiB PDF, throttled, drop at 50%; ~5 min per run)');
        const browser = await launchBrowser();
        chromium = `Chromium ${browser.version()}`;
        try {
          const result = await measureUploads(browser, runs, log);
          figures.push(...result.figures);
          details.uploads = result.detail;
          notes.push(result.note);
        } finally {
          await browser.close();
        }
      }
    } finally {
      await app.close();
      await uncached.close();
      await floor.close();
      data.remove();
    }
  }
  if (wants(args, 'scale')) {
    log(`4c. gateway at scale (${SCALE_SIZES.join(' and ')} generated items, own process)`);
    const result = await measureGatewayScale(args.runs, log);
    figures.push(...result.figures);
    details.gatewayScale = result.detail;
    notes.push(
      'gateway at scale: each gateway in its own process (npm run gateway), answer cache off; other agents share ' +
        `this machine's ${os.cpus().length} cores, so its timings carry their load`,
    );
  }

  const sorted = [...figures].sort((a, b) => a.section.localeCompare(b.section));
  const meta: RunMeta = {
    startedAt,
    durationS: Math.round((Date.now() - started) / 1000),
    runs: args.runs,
    node: process.version,
    chromium,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown CPU',
    built,
    notes,
  };
  const text = renderText(sorted, meta);
  log(`\n${text}`);
  fs.writeFileSync(path.join(RESULTS_DIR, 'bench.md'), renderMarkdown(sorted, meta));
  fs.writeFileSync(
    path.join(RESULTS_DIR, 'bench.json'),
    `${JSON.stringify({ meta, figures: sorted, details }, null, 2)}\n`,
  );
  log(`\nwritten: ${path.relative(process.cwd(), path.join(RESULTS_DIR, 'bench.json'))} and bench.md`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
