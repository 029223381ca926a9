/**
 * Search latency on a 10,000-item catalogue (DESIGN §4: target p95 ≤ 10 ms per query).
 *
 *   npx tsx test/bench/search-latency.ts [--items 10000] [--rounds 5]
 *
 * Builds a temporary gateway: the real seed (its synonyms and 339 real items) plus a synthetic
 * catalogue from the generator, imported the way `gateway:import` does. Then runs 100 realistic
 * queries (characters, full pinyin, initials, synonyms and aliases, first keystrokes, filters,
 * misses) several rounds: in-process against the search engine, through Fastify's inject (routing,
 * validation, response check, serialisation; no socket), and over HTTP on loopback. Prints
 * p50/p95/p99 per mode and writes test/bench/results/search-latency.json.
 * (`npm run bench` measures the same queries, per round, beside the other figures.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../gateway/src/db/open-database';
import { SearchService } from '../../gateway/src/search/search-service';
import { buildGateway } from '../../gateway/src/server';
import { CatalogueStore } from '../../gateway/src/store/catalogue-store';
import { prepareBenchData } from './lib/bench-data';
import { RESULTS_DIR } from './lib/paths';
import { QUERIES, toParams, toUrl } from './lib/search-queries';
import { latencyStats, type LatencyStats } from './lib/stats';
import { timeRounds } from './measure/gateway-search';

function parseArgs(): { items: number; rounds: number } {
  const args = process.argv.slice(2);
  const value = (name: string, fallback: number): number => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  return { items: value('items', 10_000), rounds: value('rounds', 5) };
}

/** All rounds' samples together: this script reports pooled percentiles. */
async function measure(rounds: number, run: (query: string) => Promise<void> | void): Promise<number[]> {
  return (await timeRounds(rounds, run)).flat();
}

async function main(): Promise<void> {
  const { items, rounds } = parseArgs();
  if (QUERIES.length !== 100) throw new Error(`expected 100 queries, have ${QUERIES.length}`);
  const data = prepareBenchData(items);
  try {
    const t = performance.now();
    const db = openDatabase(data.dataDir);
    const service = new SearchService(new CatalogueStore(db), 0);
    const index = service.rebuild();
    const indexMs = performance.now() - t;
    const total = index.items.count;

    const engine = await measure(rounds, (q) => {
      service.search(toParams(q));
    });

    const app = await buildGateway({ dataDir: data.dataDir, logLevel: 'warn', seed: false, searchAnswerCache: 0 });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const inject = await measure(rounds, async (q) => {
      const res = await app.inject({ method: 'GET', url: toUrl(q) });
      if (res.statusCode !== 200) throw new Error(`${q}: ${res.statusCode} ${res.body}`);
    });
    const http = await measure(rounds, async (q) => {
      const res = await fetch(base + toUrl(q));
      if (res.status !== 200) throw new Error(`${q}: ${res.status}`);
      await res.arrayBuffer();
    });
    await app.close();
    db.close();

    const result = {
      items: total,
      synthetic: data.synthetic,
      queries: QUERIES.length,
      rounds,
      setupMs: { ...data.setupMs, index: Math.round(indexMs) },
      inProcess: latencyStats(engine),
      inject: latencyStats(inject),
      http: latencyStats(http),
      node: process.version,
      cpus: os.cpus().length,
    };
    const row = (name: string, s: LatencyStats): string =>
      `${name.padEnd(32)} p50 ${s.p50.toFixed(2).padStart(6)} ms   p95 ${s.p95.toFixed(2).padStart(6)} ms   p99 ${s.p99
        .toFixed(2)
        .padStart(6)} ms   max ${s.max.toFixed(2).padStart(6)} ms`;
    console.log(
      `search latency: ${total} items (${data.synthetic} synthetic + seed), ${QUERIES.length} queries × ${rounds} rounds`,
    );
    console.log(
      `setup: generate ${result.setupMs.generate} ms, import ${result.setupMs.import} ms, index ${result.setupMs.index} ms`,
    );
    console.log(row('in-process (search engine)', result.inProcess));
    console.log(row('in-process (Fastify inject)', result.inject));
    console.log(row('HTTP on loopback (fetch)', result.http));
    console.log(`target p95 ≤ 10 ms: ${result.http.p95 <= 10 && result.inProcess.p95 <= 10 ? 'met' : 'NOT met'}`);
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    fs.writeFileSync(path.join(RESULTS_DIR, 'search-latency.json'), `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    data.remove();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
