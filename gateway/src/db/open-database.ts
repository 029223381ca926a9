import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { moveLegacySecrets } from '../auth/secret-files';
import { migrate } from './migrate';

export const DATABASE_FILE = 'gateway.sqlite';

/** Opens (creating if needed) `<dataDir>/gateway.sqlite` and brings its schema up to date. */
export function openDatabase(dataDir: string): Database {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new BetterSqlite3(path.join(dataDir, DATABASE_FILE));
  // WAL lets the import CLI write while a running gateway keeps reading.
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  const moved = moveLegacySecrets(db, dataDir);
  migrate(db);
  if (moved) {
    // A deleted row stays readable in free pages and in the WAL until they are rewritten.
    db.exec('VACUUM');
    db.pragma('wal_checkpoint(TRUNCATE)');
  }
  return db;
}
