import type { Database, Statement } from 'better-sqlite3';

export interface IdempotencyRow {
  user_id: string;
  key: string;
  case_id: string;
  operation: string;
  request_hash: string;
  /** The JSON `data` answered the first time. */
  response: string;
  created_at: number;
}

/** Idempotency keys of submit / resubmit: one row per (user, key), written with the transition. */
export class IdempotencyStore {
  private readonly getStmt: Statement<[string, string], IdempotencyRow>;
  private readonly insertStmt: Statement<IdempotencyRow>;

  constructor(db: Database) {
    this.getStmt = db.prepare('SELECT * FROM idempotency_keys WHERE user_id = ? AND key = ?');
    this.insertStmt = db.prepare(`
      INSERT INTO idempotency_keys (user_id, key, case_id, operation, request_hash, response, created_at)
      VALUES (@user_id, @key, @case_id, @operation, @request_hash, @response, @created_at)`);
  }

  get(userId: string, key: string): IdempotencyRow | undefined {
    return this.getStmt.get(userId, key);
  }

  insert(row: IdempotencyRow): void {
    this.insertStmt.run(row);
  }
}
