import type { Database } from 'better-sqlite3';
import { applySeed, catalogueIsEmpty, windowsAreEmpty, writeWindows } from './apply-seed';
import { loadSeed, loadSeedWindows, seedAvailable } from './load-seed';

export interface SeedLog {
  info(data: Record<string, unknown>, message: string): void;
  warn(data: Record<string, unknown>, message: string): void;
}

/**
 * First start: seeds an empty catalogue (with its windows). Later starts: a database created before
 * service windows existed gets the seed's windows once (only while it has none, so windows an
 * officer changed by hand are never overwritten).
 */
export function seedDatabase(db: Database, seedDir: string, now: () => Date, log: SeedLog): void {
  if (catalogueIsEmpty(db)) {
    if (seedAvailable(seedDir)) {
      const result = applySeed(db, loadSeed(seedDir), now);
      log.info({ items: result.added, departments: result.departments.added }, 'seeded an empty catalogue');
    } else {
      log.warn({ seedDir }, 'seed data incomplete: starting with an empty catalogue');
    }
    return;
  }
  if (!windowsAreEmpty(db)) return;
  const windows = loadSeedWindows(seedDir);
  if (!windows) return;
  const result = db.transaction(() => writeWindows(db, windows, false))();
  log.info({ windows: result.written }, 'seeded service windows');
  if (result.skipped.length > 0) {
    log.warn({ skipped: result.skipped }, 'service windows skipped: their hall or department is not in the catalogue');
  }
}
