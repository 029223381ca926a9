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
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { importCatalogue } from '../../gateway/src/catalogue/import';
import { openDatabase } from '../../gateway/src/db/open-database';
import { generateCatalogue } from '../../gateway/src/generator/synthetic-catalogue';
import { DEFAULT_SEED_DIR, REPO_ROOT } from '../../gateway/src/paths';
import { SearchService } from '../../gateway/src/search/search-service';
import type { SearchParams } from '../../gateway/src/search/search-engine';
import { applySeed } from '../../gateway/src/seed/apply-seed';
import { loadSeed } from '../../gateway/src/seed/load-seed';
import { buildGateway } from '../../gateway/src/server';
import { CatalogueStore } from '../../gateway/src/store/catalogue-store';

/** 100 queries as residents type them; `&…` adds filters. */
const QUERIES: string[] = [
  // characters: whole names, parts, departments, materials
  '户口迁移',
  '户口',
  '身份证',
  '居民身份证申领',
  '出生登记',
  '结婚登记',
  '离婚',
  '营业执照',
  '食品经营许可',
  '公司设立登记',
  '个体工商户',
  '养老保险',
  '失业保险金',
  '就业创业证',
  '医师执业注册',
  '异地就医',
  '不动产登记',
  '二手房',
  '城市道路挖掘',
  '营业性演出',
  '法律援助',
  '残疾人证',
  '人力资源服务许可',
  '特困人员',
  '公共场所卫生许可',
  '社会保障卡',
  '退休',
  '护士执业',
  '药品零售',
  '居住证',
  '公安',
  '市场监督管理局',
  '户口簿',
  '无犯罪记录证明',
  '登记',
  '许可',
  '证明',
  '补贴',
  '备案',
  '注销',
  // full pinyin, with spaces, cut inside a syllable
  'hukouqianyi',
  'hu kou qian yi',
  'hukouq',
  'shenfenzheng',
  'jiehundengji',
  'yingyezhizhao',
  'shipinjingying',
  'gongsisheli',
  'yanglaobaoxian',
  'yidijiuyi',
  'falvyuanzhu',
  'canjirenzheng',
  'shebaoka',
  'gongjijin',
  'tuixiu',
  'hushi',
  'dengji',
  'xuke',
  'zhuce',
  'biangeng',
  // initials and mixed
  'hkqy',
  'sfz',
  'jhdj',
  'yyzz',
  'spjy',
  'gssl',
  'ylbx',
  'ydjy',
  'flyz',
  'cjrz',
  'sbk',
  'hkqianyi',
  'gtgsh',
  'bdcdj',
  'zydj',
  // synonyms and aliases
  '开饭店',
  '开公司',
  '注册公司',
  '个体户',
  '办退休',
  '社保',
  '医保',
  '过户',
  '上户口',
  '失业金',
  // first keystrokes (suggest-as-you-type)
  'h',
  's',
  'z',
  '户',
  '证',
  // with filters
  '登记&audience=business',
  '许可&fullyOnline=true',
  'sfz&audience=person',
  '&department=gongan',
  '&scope=cross-province',
  // misses and awkward input
  '不存在的事项',
  'xyzxyz',
  '火星移民',
  "' OR 1=1 --",
  '%',
];

function parseArgs(): { items: number; rounds: number } {
  const args = process.argv.slice(2);
  const value = (name: string, fallback: number): number => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  return { items: value('items', 10_000), rounds: value('rounds', 5) };
}

function toParams(query: string): SearchParams {
  const [q, ...filters] = query.split('&');
  const params: SearchParams = { q, page: 1, pageSize: 20 };
  for (const f of filters) {
    const [key, value] = f.split('=');
    if (key === 'audience') params.audience = value as SearchParams['audience'];
    if (key === 'department') params.department = value;
    if (key === 'fullyOnline') params.fullyOnline = value === 'true';
    if (key === 'scope') params.scope = value as SearchParams['scope'];
  }
  return params;
}

function toUrl(query: string): string {
  const [q, ...filters] = query.split('&');
  return `/api/search?q=${encodeURIComponent(q)}${filters.map((f) => `&${f}`).join('')}`;
}

interface Stats {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  const round = (n: number): number => Math.round(n * 1000) / 1000;
  return {
    count: sorted.length,
    p50: round(at(50)),
    p95: round(at(95)),
    p99: round(at(99)),
    max: round(sorted[sorted.length - 1]),
    mean: round(sorted.reduce((a, b) => a + b, 0) / sorted.length),
  };
}

async function measure(rounds: number, run: (query: string) => Promise<void> | void): Promise<number[]> {
  for (const q of QUERIES) await run(q); // warm-up round, not counted
  const samples: number[] = [];
  for (let r = 0; r < rounds; r += 1) {
    for (const q of QUERIES) {
      const start = performance.now();
      await run(q);
      samples.push(performance.now() - start);
    }
  }
  return samples;
}

async function main(): Promise<void> {
  const { items, rounds } = parseArgs();
  if (QUERIES.length !== 100) throw new Error(`expected 100 queries, have ${QUERIES.length}`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hs-bench-search-'));
  try {
    let t = performance.now();
    const file = path.join(dataDir, 'catalogue.json');
    fs.writeFileSync(file, JSON.stringify(generateCatalogue({ count: items })));
    const generateMs = performance.now() - t;

    t = performance.now();
    const db = openDatabase(dataDir);
    applySeed(db, loadSeed(DEFAULT_SEED_DIR), () => new Date());
    const imported = importCatalogue(db, JSON.parse(fs.readFileSync(file, 'utf8')));
    const importMs = performance.now() - t;

    t = performance.now();
    const service = new SearchService(new CatalogueStore(db));
    const index = service.rebuild();
    const indexMs = performance.now() - t;
    const total = index.items.length;

    const engine = await measure(rounds, (q) => {
      service.search(toParams(q));
    });

    const app = await buildGateway({ dataDir, logLevel: 'warn', seed: false });
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
      synthetic: imported.added,
      queries: QUERIES.length,
      rounds,
      setupMs: { generate: Math.round(generateMs), import: Math.round(importMs), index: Math.round(indexMs) },
      inProcess: stats(engine),
      inject: stats(inject),
      http: stats(http),
      node: process.version,
      cpus: os.cpus().length,
    };
    const row = (name: string, s: Stats): string =>
      `${name.padEnd(32)} p50 ${s.p50.toFixed(2).padStart(6)} ms   p95 ${s.p95.toFixed(2).padStart(6)} ms   p99 ${s.p99
        .toFixed(2)
        .padStart(6)} ms   max ${s.max.toFixed(2).padStart(6)} ms`;
    console.log(
      `search latency: ${total} items (${imported.added} synthetic + seed), ${QUERIES.length} queries × ${rounds} rounds`,
    );
    console.log(
      `setup: generate ${result.setupMs.generate} ms, import ${result.setupMs.import} ms, index ${result.setupMs.index} ms`,
    );
    console.log(row('in-process (search engine)', result.inProcess));
    console.log(row('in-process (Fastify inject)', result.inject));
    console.log(row('HTTP on loopback (fetch)', result.http));
    console.log(`target p95 ≤ 10 ms: ${result.http.p95 <= 10 && result.inProcess.p95 <= 10 ? 'met' : 'NOT met'}`);
    const out = path.join(REPO_ROOT, 'test', 'bench', 'results');
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, 'search-latency.json'), `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
