import type { Database, Statement } from 'better-sqlite3';

const CATALOGUE_VERSION = 'catalogue_version';

/** Small key/value facts about this installation (counters); never secrets: those are in keys/ (auth/secret-files). */
export class SettingsStore {
  private readonly getStmt: Statement<[string], { value: string }>;
  private readonly setStmt: Statement<[string, string]>;

  constructor(db: Database) {
    this.getStmt = db.prepare('SELECT value FROM settings WHERE key = ?');
    this.setStmt = db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    );
  }

  get(key: string): string | undefined {
    return this.getStmt.get(key)?.value;
  }

  set(key: string, value: string): void {
    this.setStmt.run(key, value);
  }

  /**
   * Bumped by every change to the catalogue, so a running gateway notices an import made by another
   * process (the CLI) and rebuilds its search index.
   */
  catalogueVersion(): number {
    return Number(this.get(CATALOGUE_VERSION) ?? '0');
  }

  bumpCatalogueVersion(): number {
    const next = this.catalogueVersion() + 1;
    this.set(CATALOGUE_VERSION, String(next));
    return next;
  }
}
