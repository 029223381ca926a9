import type { Database, Statement } from 'better-sqlite3';

export interface SmsCodeRecord {
  id: number;
  code_hash: string;
  created_at: number;
  expires_at: number;
  failed_attempts: number;
  consumed_at: number | null;
}

/** Issued SMS codes (hashed). Times are epoch milliseconds from the gateway clock. */
export class SmsCodeStore {
  private readonly insertStmt: Statement<[string, string, number, number]>;
  private readonly latestStmt: Statement<[string], SmsCodeRecord>;
  private readonly sentSinceStmt: Statement<[string, number], { created_at: number }>;
  private readonly failStmt: Statement<[number]>;
  private readonly consumeStmt: Statement<[number, number]>;
  private readonly supersedeStmt: Statement<[number, string]>;
  private readonly purgeStmt: Statement<[number]>;

  constructor(db: Database) {
    this.insertStmt = db.prepare(
      'INSERT INTO sms_codes (mobile, code_hash, created_at, expires_at) VALUES (?, ?, ?, ?)',
    );
    this.latestStmt = db.prepare(
      'SELECT id, code_hash, created_at, expires_at, failed_attempts, consumed_at FROM sms_codes WHERE mobile = ? ORDER BY created_at DESC, id DESC LIMIT 1',
    );
    this.sentSinceStmt = db.prepare(
      'SELECT created_at FROM sms_codes WHERE mobile = ? AND created_at > ? ORDER BY created_at',
    );
    this.failStmt = db.prepare('UPDATE sms_codes SET failed_attempts = failed_attempts + 1 WHERE id = ?');
    this.consumeStmt = db.prepare('UPDATE sms_codes SET consumed_at = ? WHERE id = ?');
    this.supersedeStmt = db.prepare('UPDATE sms_codes SET consumed_at = ? WHERE mobile = ? AND consumed_at IS NULL');
    this.purgeStmt = db.prepare('DELETE FROM sms_codes WHERE created_at < ?');
  }

  /** Stores a new code; any older unused code for the number stops working. */
  insert(mobile: string, codeHash: string, createdAt: number, expiresAt: number): void {
    this.supersedeStmt.run(createdAt, mobile);
    this.insertStmt.run(mobile, codeHash, createdAt, expiresAt);
  }

  latest(mobile: string): SmsCodeRecord | undefined {
    return this.latestStmt.get(mobile);
  }

  /** Send times after `since`, oldest first (for the per-number limits). */
  sentSince(mobile: string, since: number): number[] {
    return this.sentSinceStmt.all(mobile, since).map((r) => r.created_at);
  }

  recordFailure(id: number): void {
    this.failStmt.run(id);
  }

  consume(id: number, at: number): void {
    this.consumeStmt.run(at, id);
  }

  /** Forgets codes older than `before` (they no longer count towards any limit). */
  purge(before: number): void {
    this.purgeStmt.run(before);
  }
}
