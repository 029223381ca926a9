import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../../gateway/src/db/open-database';
import { SearchService } from '../../../gateway/src/search/search-service';
import { CatalogueStore } from '../../../gateway/src/store/catalogue-store';
import { figure, type Figure } from '../lib/figures';
import { QUERIES, toParams, toUrl } from '../lib/search-queries';
import { latencyStats, type LatencyStats } from '../lib/stats';

const SECTION = '4a. Search on the gateway (seed + 10,000 generated items)';

/**
 * Times `run` once per query per round, after one uncounted warm-up round (JIT, SQLite page
 * cache). Returns one array of samples (ms) per round.
 */
export async function timeRounds(
  rounds: number,
  run: (query: string) => Promise<void> | void,
  queries: readonly string[] = QUERIES,
): Promise<number[][]> {
  for (const q of queries) await run(q);
  const perRound: number[][] = [];
  for (let r = 0; r < rounds; r += 1) {
    const samples: number[] = [];
    for (const q of queries) {
      const start = performance.now();
      await run(q);
      samples.push(performance.now() - start);
    }
    perRound.push(samples);
  }
  return perRound;
}

async function fetchOk(url: string): Promise<void> {
  const res = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
  if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
  await res.arrayBuffer();
}

export interface GatewaySearchResult {
  figures: Figure[];
  /** Per round: the 100 queries' latency distribution. */
  detail: { items: number; engine: LatencyStats[]; http: LatencyStats[]; floorHttp: LatencyStats[] };
}

/**
 * The 100 realistic queries, each round in the search engine in-process and over HTTP on
 * loopback against a gateway whose search answer cache is off (the warm-up round would otherwise
 * fill it, and every counted query would be a repeat); the floor is the same gateway answering a static file
 * (the floor app's index.html) as often. Each percentile is the median of the rounds' values.
 */
export async function measureGatewaySearch(
  dataDir: string,
  urls: { app: string; floor: string },
  rounds: number,
  log: (line: string) => void,
): Promise<GatewaySearchResult> {
  const db = openDatabase(dataDir);
  try {
    // No answer cache: every query is answered by the engine, as a query seen for the first time is.
    const service = new SearchService(new CatalogueStore(db), 0);
    const items = service.rebuild().items.count;
    const engine = await timeRounds(rounds, (q) => {
      service.search(toParams(q));
    });
    const http = await timeRounds(rounds, (q) => fetchOk(urls.app + toUrl(q)));
    const floor = await timeRounds(rounds, () => fetchOk(`${urls.floor}/`));
    const detail = {
      items,
      engine: engine.map(latencyStats),
      http: http.map(latencyStats),
      floorHttp: floor.map(latencyStats),
    };
    detail.http.forEach((s, i) =>
      log(
        `  round ${i + 1}/${rounds}: HTTP p50 ${s.p50} ms, p95 ${s.p95} ms, p99 ${s.p99} ms (engine p95 ${detail.engine[i].p95} ms)`,
      ),
    );
    const percentiles = ['p50', 'p95', 'p99'] as const;
    const figures = [
      ...percentiles.map((p) =>
        figure({
          section: SECTION,
          name: `search over HTTP on loopback, ${p} of 100 queries`,
          unit: 'ms',
          runs: detail.http.map((s) => s[p]),
          floorRuns: detail.floorHttp.map((s) => s[p]),
          target: p === 'p95' ? { text: '≤ 10 ms', check: (v) => v <= 10 } : undefined,
        }),
      ),
      ...percentiles.map((p) =>
        figure({
          section: SECTION,
          name: `search engine in-process, ${p} of 100 queries`,
          unit: 'ms',
          runs: detail.engine.map((s) => s[p]),
          target: p === 'p95' ? { text: '≤ 10 ms', check: (v) => v <= 10 } : undefined,
        }),
      ),
    ];
    return { figures, detail };
  } finally {
    db.close();
  }
}
