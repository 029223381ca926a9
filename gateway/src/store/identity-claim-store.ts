import type { Database, Statement } from 'better-sqlite3';

export type IdentityClaimOutcome =
  'code_sent' | 'rate_limited' | 'linked' | 'code_rejected' | 'name_mismatch' | 'no_mobile';

export interface IdentityClaimRecord {
  user_id: string;
  bound_user_id: string;
  at: number;
  outcome: IdentityClaimOutcome;
}

/** Attempts to verify an identity that another account already holds (append-only). */
export class IdentityClaimStore {
  private readonly insertStmt: Statement<[string, string, number, IdentityClaimOutcome]>;
  private readonly byUserStmt: Statement<[string], IdentityClaimRecord>;
  private readonly codesSentStmt: Statement<[string, number], { at: number }>;

  constructor(db: Database) {
    this.insertStmt = db.prepare(
      'INSERT INTO identity_claims (user_id, bound_user_id, at, outcome) VALUES (?, ?, ?, ?)',
    );
    this.byUserStmt = db.prepare(
      'SELECT user_id, bound_user_id, at, outcome FROM identity_claims WHERE user_id = ? ORDER BY at, id',
    );
    this.codesSentStmt = db.prepare(
      "SELECT at FROM identity_claims WHERE bound_user_id = ? AND outcome = 'code_sent' AND at > ? ORDER BY at",
    );
  }

  record(userId: string, boundUserId: string, at: number, outcome: IdentityClaimOutcome): void {
    this.insertStmt.run(userId, boundUserId, at, outcome);
  }

  /** When codes were sent to the holder's mobile for claims after `since`, oldest first. */
  codesSentTo(boundUserId: string, since: number): number[] {
    return this.codesSentStmt.all(boundUserId, since).map((r) => r.at);
  }

  /** The attempts an account made, oldest first. */
  byUser(userId: string): IdentityClaimRecord[] {
    return this.byUserStmt.all(userId);
  }
}
