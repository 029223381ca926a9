import type { Database, Statement } from 'better-sqlite3';
import type { ItemSummary } from '../../../types/contract';
import { toItemSummary, type ItemRow } from './catalogue-rows';

/** Favourites: every statement is scoped by user id, so one user can never see another's. */
export class FavouriteStore {
  private readonly listStmt: Statement<[string], ItemRow>;
  private readonly hasStmt: Statement<[string, string], { one: number }>;
  private readonly addStmt: Statement<[string, string, number]>;
  private readonly removeStmt: Statement<[string, string]>;

  constructor(db: Database) {
    this.listStmt = db.prepare(`
      SELECT i.*, d.name AS department_name FROM favourites f
      JOIN items i ON i.code = f.item_code JOIN departments d ON d.id = i.department_id
      WHERE f.user_id = ? ORDER BY f.created_at DESC, f.rowid DESC`);
    this.hasStmt = db.prepare('SELECT 1 AS one FROM favourites WHERE user_id = ? AND item_code = ?');
    this.addStmt = db.prepare('INSERT OR IGNORE INTO favourites (user_id, item_code, created_at) VALUES (?, ?, ?)');
    this.removeStmt = db.prepare('DELETE FROM favourites WHERE user_id = ? AND item_code = ?');
  }

  list(userId: string): ItemSummary[] {
    return this.listStmt.all(userId).map(toItemSummary);
  }

  has(userId: string, code: string): boolean {
    return this.hasStmt.get(userId, code) !== undefined;
  }

  add(userId: string, code: string, now: number): void {
    this.addStmt.run(userId, code, now);
  }

  remove(userId: string, code: string): void {
    this.removeStmt.run(userId, code);
  }
}
