/**
 * What fills the bundles: builds the app and the floor for H5 and weapp with the app's config plus
 * a module-size recorder (test/bench/analyse/), then prints, per chunk, its files (bytes and gzip
 * bytes) and the packages or app folders in it, largest first, and what the app adds over the
 * floor. Sizes per package are webpack's source sizes (before minifying): read them as shares.
 *
 *   npx tsx test/bench/analyse-bundles.ts        (about 2 minutes; output in test/bench/results/analyse/)
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { BENCH_DIR, REPO_ROOT, RESULTS_DIR } from './lib/paths';

const TARO = path.join(REPO_ROOT, 'node_modules', '@tarojs', 'cli', 'bin', 'taro');
const OUT = path.join(RESULTS_DIR, 'analyse');

type Chunks = Record<string, { files: string[]; origins: Record<string, number>; largest: [string, number][] }>;

async function build(project: 'app' | 'floor', platform: 'h5' | 'weapp'): Promise<void> {
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [TARO, 'build', '--type', platform], {
      cwd: path.join(BENCH_DIR, 'analyse'),
      env: { ...process.env, BENCH_ANALYSE: project, FORCE_COLOR: '0' },
      stdio: 'ignore',
    });
    child.on('error', reject);
    child.on('exit', resolve);
  });
  if (code !== 0) throw new Error(`analysis build of the ${project} for ${platform} failed (exit ${code})`);
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const total = (origins: Record<string, number>): number => Object.values(origins).reduce((a, b) => a + b, 0);

/**
 * Where an emitted file ended up: Taro moves a weapp `sub-common/…` chunk into each subpackage that
 * uses it (search/guide/sub-common/…), so it may not be where webpack wrote it.
 */
function locate(dir: string, file: string): string | undefined {
  const direct = path.join(dir, file);
  if (fs.existsSync(direct)) return direct;
  const moved = fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .find((candidate) => candidate.split(path.sep).join('/').endsWith(`/${file}`));
  return moved ? path.join(dir, moved) : undefined;
}

function fileSizes(dir: string, files: string[]): string {
  return files
    .filter((f) => /\.(js|css|wxss|acss)$/.test(f))
    .map((f) => {
      const found = locate(dir, f);
      if (!found) return `${f} (not emitted)`;
      const body = fs.readFileSync(found);
      return `${f} ${kb(body.length)} (gzip ${kb(gzipSync(body, { level: 9 }).length)})`;
    })
    .join(', ');
}

function report(platform: 'h5' | 'weapp'): void {
  const read = (project: string): Chunks =>
    JSON.parse(fs.readFileSync(path.join(OUT, `${project}-${platform}-modules.json`), 'utf8')) as Chunks;
  const app = read('app');
  const floor = read('floor');
  console.log(`\n== ${platform}: app chunks (source bytes by package; files as emitted)`);
  for (const [name, chunk] of Object.entries(app).sort((a, b) => total(b[1].origins) - total(a[1].origins))) {
    if (total(chunk.origins) < 20 * 1024) continue;
    console.log(`${name}: ${fileSizes(path.join(OUT, `app-${platform}`), chunk.files)}`);
    const top = Object.entries(chunk.origins)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10);
    console.log(`   ${top.map(([k, v]) => `${k} ${kb(v)}`).join(' · ')}`);
  }
  const sum = (chunks: Chunks): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const c of Object.values(chunks)) for (const [k, v] of Object.entries(c.origins)) out[k] = (out[k] ?? 0) + v;
    return out;
  };
  const a = sum(app);
  const f = sum(floor);
  const added = Object.keys(a)
    .map((k) => [k, a[k] - (f[k] ?? 0)] as const)
    .filter(([, v]) => v > 1024)
    .sort((x, y) => y[1] - x[1]);
  console.log(`\n== ${platform}: what the app adds over the floor (source bytes, all chunks; duplicates counted)`);
  for (const [k, v] of added.slice(0, 20)) console.log(`   +${kb(v).padStart(9)}  ${k}`);
}

async function main(): Promise<void> {
  fs.rmSync(OUT, { recursive: true, force: true });
  for (const platform of ['h5', 'weapp'] as const) {
    for (const project of ['app', 'floor'] as const) {
      console.log(`building ${project} ${platform} with the module-size recorder…`);
      await build(project, platform);
    }
  }
  report('h5');
  report('weapp');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
