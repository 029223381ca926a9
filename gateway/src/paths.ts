import path from 'node:path';

/** The repository root: gateway/src → ../.. (the gateway runs from source through tsx or babel-jest). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** Where the seed data lives (written by hand, one module per kind of data). */
export const DEFAULT_SEED_DIR = path.join(REPO_ROOT, 'gateway', 'seed');
