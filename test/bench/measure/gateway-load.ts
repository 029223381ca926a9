import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { figure, type Figure } from '../lib/figures';
import { REPO_ROOT } from '../lib/paths';

const run = promisify(execFile);
const SECTION = '6. Gateway under load (autocannon)';
export const CONNECTIONS = 100;
export const DURATION_S = 10;
const AUTOCANNON = path.join(REPO_ROOT, 'node_modules', 'autocannon', 'autocannon.js');

export interface LoadRun {
  requestsPerSecond: number;
  p99Ms: number;
  /** Connection errors + timeouts + non-2xx answers: all must be 0. */
  errors: number;
  requests: number;
}

interface AutocannonJson {
  requests: { average: number; total: number };
  latency: { p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}

/**
 * autocannon in its own process: in this one it would share the event loop (and one of the two
 * cores' worth of scheduling) with the gateway it is measuring. Asks for gzip as phones do.
 */
async function autocannon(url: string): Promise<LoadRun> {
  const { stdout } = await run(
    process.execPath,
    [AUTOCANNON, '-c', String(CONNECTIONS), '-d', String(DURATION_S), '-H', 'accept-encoding=gzip', '-j', url],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  const result = JSON.parse(stdout) as AutocannonJson;
  return {
    requestsPerSecond: result.requests.average,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    requests: result.requests.total,
  };
}

const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);

export interface LoadTarget {
  key: 'search' | 'search-uncached' | 'guide' | 'floor';
  label: string;
  url: string;
}

export interface LoadResult {
  figures: Figure[];
  detail: Record<string, LoadRun[]>;
}

/** Each endpoint `runs` times, interleaved, 100 connections for 10 s each time. */
export async function measureGatewayLoad(
  targets: LoadTarget[],
  runs: number,
  log: (line: string) => void,
): Promise<LoadResult> {
  const detail: Record<string, LoadRun[]> = Object.fromEntries(targets.map((t) => [t.key, []]));
  for (let i = 1; i <= runs; i += 1) {
    for (const target of targets) {
      const result = await autocannon(target.url);
      detail[target.key].push(result);
      log(
        `  run ${i}/${runs} ${target.label}: ${Math.round(result.requestsPerSecond)} req/s, p99 ${result.p99Ms} ms, ${result.errors} errors`,
      );
    }
  }
  const floor = detail.floor ?? [];
  const figures = targets
    .filter((t) => t.key !== 'floor')
    .flatMap((t) => [
      figure({
        section: SECTION,
        name: `${t.label}: requests/s`,
        unit: 'req/s',
        runs: detail[t.key].map((r) => r.requestsPerSecond),
        floorRuns: floor.map((r) => r.requestsPerSecond),
      }),
      figure({
        section: SECTION,
        name: `${t.label}: p99 latency`,
        unit: 'ms',
        runs: detail[t.key].map((r) => r.p99Ms),
        floorRuns: floor.map((r) => r.p99Ms),
        target: t.key === 'search' ? { text: '≤ 50 ms', check: (v) => v <= 50 } : undefined,
      }),
      figure({
        section: SECTION,
        name: `${t.label}: errors, all runs together`,
        unit: 'count',
        // One error in any run fails the target, so this is the sum over the runs, not a median.
        runs: [sum(detail[t.key].map((r) => r.errors))],
        floorRuns: [sum(floor.map((r) => r.errors))],
        target: { text: '0', check: (v) => v === 0 },
      }),
    ]);
  return { figures, detail };
}
