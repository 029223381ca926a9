import path from 'node:path';

/** Where everything the bench reads and writes lives. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const BENCH_DIR = path.join(REPO_ROOT, 'test', 'bench');
export const RESULTS_DIR = path.join(BENCH_DIR, 'results');
export const FLOOR_DIR = path.join(BENCH_DIR, 'floor');

export type Platform = 'weapp' | 'alipay' | 'h5';
export const PLATFORMS: readonly Platform[] = ['weapp', 'alipay', 'h5'];

/** The two projects the bench builds: the app (repo root) and the floor fixture. */
export type Project = 'app' | 'floor';

export function projectDir(project: Project): string {
  return project === 'app' ? REPO_ROOT : FLOOR_DIR;
}

export function distDir(project: Project, platform: Platform): string {
  return path.join(projectDir(project), 'dist', platform);
}
