import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { importCatalogue } from '../../../gateway/src/catalogue/import';
import { openDatabase } from '../../../gateway/src/db/open-database';
import { generateCatalogue } from '../../../gateway/src/generator/synthetic-catalogue';
import { DEFAULT_SEED_DIR } from '../../../gateway/src/paths';
import { applySeed } from '../../../gateway/src/seed/apply-seed';
import { loadSeed } from '../../../gateway/src/seed/load-seed';

export interface BenchData {
  /** A temporary gateway data dir holding gateway.sqlite. */
  dataDir: string;
  /** Synthetic items added on top of the seed. */
  synthetic: number;
  setupMs: { generate: number; import: number };
  remove: () => void;
}

/**
 * A gateway database with the real seed (its synonyms, themes and 339 real items) plus a
 * synthetic catalogue from the generator, written to a file and imported the way
 * `gateway:import` does, so search runs over a realistic district-sized catalogue.
 */
export function prepareBenchData(items: number): BenchData {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hs-bench-'));
  let t = performance.now();
  const file = path.join(dataDir, 'catalogue.json');
  fs.writeFileSync(file, JSON.stringify(generateCatalogue({ count: items })));
  const generateMs = performance.now() - t;

  t = performance.now();
  const db = openDatabase(dataDir);
  try {
    applySeed(db, loadSeed(DEFAULT_SEED_DIR), () => new Date());
    const imported = importCatalogue(db, JSON.parse(fs.readFileSync(file, 'utf8')));
    return {
      dataDir,
      synthetic: imported.added,
      setupMs: { generate: Math.round(generateMs), import: Math.round(performance.now() - t) },
      remove: () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  } finally {
    db.close();
  }
}
