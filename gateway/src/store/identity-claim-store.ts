import type { Database, Statement } from 'better-sqlite3';

export type IdentityClaimOutcome = 'code_sent' | 'linked' | 'code_rejected' | 'name_mismatch' | 'no_mobile';

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

  constructor(db: Database) {
    this.insertStmt = db.prepare(
      'INSERT INTO identity_claims (user_id, bound_user_id, at, outcome) VALUES (?, ?, ?, ?)',
    );
    this.byUserStmt = db.prepare(
      'SELECT user_id, bound_user_id, at, outcome FROM identity_claims WHERE user_id = ? ORDER BY at, id',
    );
  }

  record(userId: string, boundUserId: string, at: number, outcome: IdentityClaimOutcome): void {
    this.insertStmt.run(userId, boundUserId, at, outcome);
  }

  /** The attempts an account made, oldest first. */
  byUser(userId: string): IdentityClaimRecord[] {
    return this.byUserStmt.all(userId);
  }
}
