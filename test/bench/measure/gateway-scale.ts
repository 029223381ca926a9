import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateCatalogue } from '../../../gateway/src/generator/synthetic-catalogue';
import { REPO_ROOT } from '../../../gateway/src/paths';
import { figure, type Figure } from '../lib/figures';
import { QUERIES, toUrl } from '../lib/search-queries';
import { latencyStats, type LatencyStats } from '../lib/stats';
import { timeRounds } from './gateway-search';

/** Catalogue sizes: a district's (as figure 4a) and a province's. */
export const SCALE_SIZES = [10_000, 100_000] as const;

const MB = 1024 * 1024;
const START_TIMEOUT_MS = 120_000;

interface Targets {
  p95Ms: number;
  rssMb?: number;
  importS?: number;
  startS?: number;
}

// The province targets are the audit's; a district keeps DESIGN §4's search target.
const TARGETS: Record<number, Targets> = {
  10_000: { p95Ms: 10 },
  100_000: { p95Ms: 15, rssMb: 500, importS: 60, startS: 10 },
};

/** A TypeScript entry point run the way `npm run gateway…` runs it, as one process (no tsx wrapper). */
function runTs(script: string, args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, script), ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** `npm run gateway:import -- FILE` into a fresh data folder (seeded first, as the CLI does): ms. */
async function timeImport(file: string, dataDir: string): Promise<number> {
  const start = performance.now();
  const child = runTs('gateway/src/cli/import.ts', [file], { GATEWAY_DATA_DIR: dataDir });
  let output = '';
  child.stdout?.on('data', (b: Buffer) => (output += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (output += b.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`import failed (${code}):\n${output}`);
  return performance.now() - start;
}

/** Resident and peak resident memory of a process, from /proc (Linux); null elsewhere. */
function memoryOf(pid: number): { rss: number; peak: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string): number => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: kb('VmRSS') * 1024, peak: kb('VmHWM') * 1024 };
  } catch {
    return null;
  }
}

interface Started {
  child: ChildProcess;
  baseUrl: string;
  /** From spawning the process to the gateway listening (its search index built). */
  startMs: number;
}

/** `npm run gateway` on a free port with the search answer cache off (every query runs the engine). */
async function startGateway(dataDir: string): Promise<Started> {
  const start = performance.now();
  const child = runTs('gateway/src/main.ts', [], {
    GATEWAY_DATA_DIR: dataDir,
    GATEWAY_PORT: '0',
    GATEWAY_SEARCH_CACHE: '0',
    GATEWAY_LOG_LEVEL: 'fatal',
    GATEWAY_STATIC_DIR: path.join(dataDir, 'no-static-dir'),
  });
  let output = '';
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`gateway did not start:\n${output}`)), START_TIMEOUT_MS);
    const read = (b: Buffer): void => {
      output += b.toString();
      const url = /running at (http:\/\/[^/\s]+)\//.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve(url);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.on('exit', (code) => reject(new Error(`gateway exited (${code}):\n${output}`)));
  });
  return { child, baseUrl, startMs: performance.now() - start };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function fetchOk(url: string): Promise<void> {
  const res = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
  if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
  await res.arrayBuffer();
}

interface SizeRun {
  startMs: number;
  http: LatencyStats;
  rssBytes: number | null;
  peakRssBytes: number | null;
}

export interface ScaleDetail {
  items: number;
  generateMs: number;
  importMs: number;
  catalogueFileBytes: number;
  runs: SizeRun[];
}

export interface GatewayScaleResult {
  figures: Figure[];
  detail: ScaleDetail[];
}

/**
 * For each size: a generated catalogue imported with the import CLI into a fresh data folder (once:
 * it is the slow part), then `runs` times: the gateway started in its own process (time to
 * listening, which includes building the search index), the 100 queries over HTTP after one
 * uncounted warm-up round, and the process's memory (resident, and its peak since start).
 */
export async function measureGatewayScale(
  runs: number,
  log: (line: string) => void,
  sizes: readonly number[] = SCALE_SIZES,
): Promise<GatewayScaleResult> {
  const figures: Figure[] = [];
  const details: ScaleDetail[] = [];
  for (const items of sizes) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hs-bench-scale-'));
    try {
      let t = performance.now();
      const file = path.join(dataDir, 'catalogue.json');
      fs.writeFileSync(file, JSON.stringify(generateCatalogue({ count: items })));
      const generateMs = performance.now() - t;
      t = performance.now();
      const importMs = await timeImport(file, dataDir);
      log(`  ${items} items: generated in ${Math.round(generateMs)} ms, imported in ${Math.round(importMs)} ms`);
      const detail: ScaleDetail = {
        items,
        generateMs: Math.round(generateMs),
        importMs: Math.round(importMs),
        catalogueFileBytes: fs.statSync(file).size,
        runs: [],
      };
      for (let r = 0; r < runs; r += 1) {
        const gateway = await startGateway(dataDir);
        try {
          const [samples] = await timeRounds(1, (q) => fetchOk(gateway.baseUrl + toUrl(q)));
          const memory = gateway.child.pid === undefined ? null : memoryOf(gateway.child.pid);
          const run: SizeRun = {
            startMs: Math.round(gateway.startMs),
            http: latencyStats(samples),
            rssBytes: memory?.rss ?? null,
            peakRssBytes: memory?.peak ?? null,
          };
          detail.runs.push(run);
          log(
            `  ${items} items, run ${r + 1}/${runs}: start ${run.startMs} ms, HTTP p95 ${run.http.p95} ms, ` +
              `RSS ${memory ? Math.round(memory.rss / MB) : '?'} MB (peak ${memory ? Math.round(memory.peak / MB) : '?'} MB)`,
          );
        } finally {
          await stop(gateway.child);
        }
      }
      details.push(detail);
      figures.push(...figuresFor(detail, runs));
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return { figures, detail: details };
}

function figuresFor(detail: ScaleDetail, runs: number): Figure[] {
  const { items } = detail;
  const targets = TARGETS[items] ?? { p95Ms: 15 };
  const section = `4c. Gateway at scale (seed + ${items.toLocaleString('en')} generated items, own process)`;
  const memory = (key: 'rssBytes' | 'peakRssBytes'): number[] =>
    detail.runs.flatMap((r) => (r[key] === null ? [] : [(r[key] as number) / MB]));
  const mbTarget = targets.rssMb;
  return [
    figure({
      section,
      name: `search over HTTP, p95 of ${QUERIES.length} queries (answer cache off)`,
      unit: 'ms',
      runs: detail.runs.map((r) => r.http.p95),
      target: { text: `≤ ${targets.p95Ms} ms`, check: (v) => v <= targets.p95Ms },
    }),
    figure({
      section,
      name: `search over HTTP, p50 of ${QUERIES.length} queries`,
      unit: 'ms',
      runs: detail.runs.map((r) => r.http.p50),
    }),
    figure({
      section,
      name: 'start-up: process spawned → listening (search index built)',
      unit: 'ms',
      runs: detail.runs.map((r) => r.startMs),
      target: targets.startS
        ? { text: `≤ ${targets.startS} s`, check: (v) => v <= (targets.startS ?? 0) * 1000 }
        : undefined,
    }),
    figure({
      section,
      name: 'gateway resident memory after the queries, MB',
      unit: 'count',
      runs: memory('rssBytes'),
      target: mbTarget ? { text: `≤ ${mbTarget} MB`, check: (v) => v <= mbTarget } : undefined,
    }),
    figure({
      section,
      name: 'gateway peak resident memory since start (index build included), MB',
      unit: 'count',
      runs: memory('peakRssBytes'),
      target: mbTarget ? { text: `≤ ${mbTarget} MB`, check: (v) => v <= mbTarget } : undefined,
    }),
    figure({
      section,
      name: 'import with npm run gateway:import into a fresh data folder (one run)',
      unit: 'ms',
      runs: [detail.importMs],
      target: targets.importS
        ? { text: `≤ ${targets.importS} s`, check: (v) => v <= (targets.importS ?? 0) * 1000 }
        : undefined,
      note: runs > 1 ? 'imported once per size; the other figures are medians of the runs' : undefined,
    }),
  ];
}
