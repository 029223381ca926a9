import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
export const H5_DIST = path.join(ROOT, 'dist/h5');
/** What the H5 build is made from: newer than the build → rebuild. */
const SOURCES = ['src', 'config', 'types', 'babel.config.js', 'package-lock.json', '.env', '.env.production'];

function newestChange(target: string): number {
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(target).reduce(
    (newest, name) => Math.max(newest, newestChange(path.join(target, name))),
    stat.mtimeMs,
  );
}

/** Whether dist/h5 was built after the last change to anything it is built from. */
export function h5BuildIsFresh(): boolean {
  const index = path.join(H5_DIST, 'index.html');
  if (!existsSync(index)) return false;
  const built = statSync(index).mtimeMs;
  return SOURCES.every((source) => {
    const full = path.join(ROOT, source);
    return !existsSync(full) || newestChange(full) <= built;
  });
}

/** Reuses dist/h5 when it is fresh, else runs `npm run build:h5` (a few minutes on two cores). */
export function ensureH5Build(log: (line: string) => void): void {
  if (h5BuildIsFresh()) {
    log('dist/h5 is up to date: reusing it');
    return;
  }
  log('dist/h5 is missing or older than src/: npm run build:h5 …');
  const build = spawnSync('npm', ['run', 'build:h5'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`npm run build:h5 failed (exit ${build.status ?? 'signal'})`);
}
