import type { Database } from 'better-sqlite3';
import { NoticeService } from '../commitments/notice-service';
import { CatalogueStore } from '../store/catalogue-store';
import { NoticeStore } from '../store/notice-store';
import { applySeed, catalogueIsEmpty, windowsAreEmpty, writeWindows } from './apply-seed';
import { loadSeed, loadSeedNoticeTerms, loadSeedWindows, seedAvailable } from './load-seed';
import { seedHallSchedules } from '../booking/schedule-seed';

export interface SeedLog {
  info(data: Record<string, unknown>, message: string): void;
  warn(data: Record<string, unknown>, message: string): void;
}

function seedCatalogueOrWindows(db: Database, seedDir: string, now: () => Date, log: SeedLog): void {
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

/**
 * Writes version 1 of a 告知书 for every commitment-allowed material without one (existing notices
 * are never touched); returns how many. An import does it for the items it brings, so the first
 * start after importing a province's catalogue does not spend seconds on it before listening.
 */
export function seedMissingNotices(db: Database, seedDir: string, now: () => Date): number {
  const notices = new NoticeService(new NoticeStore(db), new CatalogueStore(db), now);
  return notices.seedMissing(loadSeedNoticeTerms(seedDir));
}

/**
 * First start: seeds an empty catalogue (with its windows). Later starts: a database created before
 * service windows existed gets the seed's windows once (only while it has none, so windows an
 * officer changed by hand are never overwritten). Every start: a commitment-allowed material
 * without a 告知书 (a new database, one from before notices, or a newly imported item) gets version 1
 * of one; existing notices are never touched.
 */
export function seedDatabase(db: Database, seedDir: string, now: () => Date, log: SeedLog): void {
  seedCatalogueOrWindows(db, seedDir, now, log);
  const written = seedMissingNotices(db, seedDir, now);
  if (written > 0) log.info({ notices: written }, 'seeded commitment notices');
  const schedules = seedHallSchedules(db, seedDir);
  if (schedules > 0) log.info({ hallSchedules: schedules }, 'seeded hall booking schedules');
}
