import BetterSqlite3 from 'better-sqlite3';
import { migrate } from '../../gateway/src/db/migrate';
import { migrations } from '../../gateway/src/db/migrations';
import { openDatabase } from '../../gateway/src/db/open-database';
import { tempDir } from './support/harness';

describe('migrations', () => {
  it('records each migration once and sets WAL and foreign keys', () => {
    const dir = tempDir('migrate');
    const db = openDatabase(dir);
    const versions = (
      db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[]
    ).map((r) => r.version);
    expect(versions).toEqual(migrations.map((m) => m.version));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
    const reopened = openDatabase(dir);
    expect(migrate(reopened)).toEqual([]);
    reopened.close();
  });

  it('applies only a newly appended migration', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db);
    const next = [
      ...migrations,
      { version: migrations.length + 1, name: 'test-extra', sql: 'CREATE TABLE extra (id INTEGER)' },
    ];
    expect(migrate(db, next)).toEqual([migrations.length + 1]);
    expect(migrate(db, next)).toEqual([]);
    expect(() => migrate(db, migrations)).toThrow(/newer than this gateway/);
    db.close();
  });

  it('refuses a misnumbered list', () => {
    const db = new BetterSqlite3(':memory:');
    expect(() => migrate(db, [{ version: 2, name: 'x', sql: '' }])).toThrow(/expected 1/);
    db.close();
  });

  it('rolls back a failing migration', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db);
    const broken = [
      ...migrations,
      { version: migrations.length + 1, name: 'broken', sql: 'CREATE TABLE ok_table (id INTEGER); NOT SQL' },
    ];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'ok_table'").get()).toBeUndefined();
    db.close();
  });
});
