import type { Database } from 'better-sqlite3';
import type { Hall, WorkdayCalendar } from '../../../types/contract';
import { importCatalogue, type ImportResult } from '../catalogue/import';
import { SettingsStore } from '../store/settings-store';
import type { SeedData, SeedTheme, SeedWindow } from './seed-schema';

export const CALENDAR_FROM_YEAR = 'calendar_from_year';
export const CALENDAR_TO_YEAR = 'calendar_to_year';

function writeHalls(db: Database, halls: Hall[]): void {
  const upsert = db.prepare(`
    INSERT INTO halls (id, name, kind, address, phone, latitude, longitude, open_24h, follows_workday_calendar,
      hours, note, sort_order)
    VALUES (@id, @name, @kind, @address, @phone, @latitude, @longitude, @open24h, @followsWorkdayCalendar,
      @hours, @note, @sortOrder)
    ON CONFLICT(id) DO UPDATE SET name = excluded.name, kind = excluded.kind, address = excluded.address,
      phone = excluded.phone, latitude = excluded.latitude, longitude = excluded.longitude,
      open_24h = excluded.open_24h, follows_workday_calendar = excluded.follows_workday_calendar,
      hours = excluded.hours, note = excluded.note, sort_order = excluded.sort_order
  `);
  halls.forEach((h, sortOrder) =>
    upsert.run({
      ...h,
      open24h: h.open24h ? 1 : 0,
      followsWorkdayCalendar: h.followsWorkdayCalendar ? 1 : 0,
      hours: JSON.stringify(h.hours),
      sortOrder,
    }),
  );
}

function writeThemes(db: Database, themes: SeedTheme[]): void {
  const known = db.prepare('SELECT 1 FROM items WHERE code = ?');
  const upsert = db.prepare(`
    INSERT INTO themes (code, name, description, audiences, promised_days, visits, sort_order)
    VALUES (@code, @name, @description, @audiences, @promisedDays, @visits, @sortOrder)
    ON CONFLICT(code) DO UPDATE SET name = excluded.name, description = excluded.description,
      audiences = excluded.audiences, promised_days = excluded.promised_days, visits = excluded.visits,
      sort_order = excluded.sort_order
  `);
  const clearItems = db.prepare('DELETE FROM theme_items WHERE theme_code = ?');
  const addItem = db.prepare('INSERT INTO theme_items (theme_code, item_code, position) VALUES (?, ?, ?)');
  themes.forEach((t, sortOrder) => {
    const missing = t.itemCodes.filter((code) => !known.get(code));
    if (missing.length > 0) throw new Error(`theme ${t.code} refers to unknown items: ${missing.join(', ')}`);
    upsert.run({
      code: t.code,
      name: t.name,
      description: t.description,
      audiences: JSON.stringify(t.audiences),
      promisedDays: t.promisedDays,
      visits: t.visits,
      sortOrder,
    });
    clearItems.run(t.code);
    [...new Set(t.itemCodes)].forEach((code, position) => addItem.run(t.code, code, position));
  });
}

function writeCalendar(db: Database, calendar: WorkdayCalendar): void {
  db.prepare('DELETE FROM calendar_days').run();
  const insert = db.prepare('INSERT OR REPLACE INTO calendar_days (date, kind) VALUES (?, ?)');
  for (const date of calendar.holidays) insert.run(date, 'holiday');
  for (const date of calendar.makeupWorkdays) insert.run(date, 'makeup');
  const settings = new SettingsStore(db);
  settings.set(CALENDAR_FROM_YEAR, String(calendar.fromYear));
  settings.set(CALENDAR_TO_YEAR, String(calendar.toYear));
}

function writeSynonyms(db: Database, groups: string[][]): void {
  db.prepare('DELETE FROM synonyms').run();
  const insert = db.prepare('INSERT OR IGNORE INTO synonyms (group_id, term) VALUES (?, ?)');
  groups.forEach((terms, groupId) => {
    for (const term of terms) if (term.trim() !== '') insert.run(groupId, term.trim());
  });
}

export interface WindowSeedResult {
  written: number;
  /** Windows whose hall or department is not in the database (only when not strict). */
  skipped: string[];
}

/**
 * Upserts service windows. Strict (a fresh seed): a window naming an unknown hall or department is a
 * seed error. Lenient (adding windows to an existing database, whose catalogue may come from an
 * import): such windows are skipped and reported.
 */
export function writeWindows(db: Database, windows: SeedWindow[], strict: boolean): WindowSeedResult {
  const hallKnown = db.prepare('SELECT 1 FROM halls WHERE id = ?');
  const departmentKnown = db.prepare('SELECT 1 FROM departments WHERE id = ?');
  const upsert = db.prepare(`
    INSERT INTO service_windows (code, name, hall_id, department_id, sort_order)
    VALUES (@code, @name, @hallId, @departmentId, @sortOrder)
    ON CONFLICT(code) DO UPDATE SET name = excluded.name, hall_id = excluded.hall_id,
      department_id = excluded.department_id, sort_order = excluded.sort_order
  `);
  const result: WindowSeedResult = { written: 0, skipped: [] };
  windows.forEach((w, sortOrder) => {
    if (!hallKnown.get(w.hallId) || !departmentKnown.get(w.departmentId)) {
      if (strict) throw new Error(`window ${w.code} refers to an unknown hall or department`);
      result.skipped.push(w.code);
      return;
    }
    upsert.run({ ...w, sortOrder });
    result.written += 1;
  });
  return result;
}

/** True when no service window exists (a database from before windows, or a fresh one). */
export function windowsAreEmpty(db: Database): boolean {
  return db.prepare('SELECT 1 FROM service_windows LIMIT 1').get() === undefined;
}

/** True when the catalogue has never been filled (first start). */
export function catalogueIsEmpty(db: Database): boolean {
  return db.prepare('SELECT 1 FROM items LIMIT 1').get() === undefined;
}

/** Writes the whole seed in one transaction: halls first (items refer to them), then the rest. */
export function applySeed(db: Database, seed: SeedData, now: () => Date): ImportResult {
  return db.transaction(() => {
    writeHalls(db, seed.halls);
    const result = importCatalogue(db, { version: 1, departments: seed.departments }, now);
    writeThemes(db, seed.themes);
    writeCalendar(db, seed.calendar);
    writeSynonyms(db, seed.synonyms);
    if (seed.windows) writeWindows(db, seed.windows, true);
    new SettingsStore(db).bumpCatalogueVersion();
    return result;
  })();
}
