import type { Database, Statement } from 'better-sqlite3';

export type IdentityClaimOutcome =
  'code_sent' | 'rate_limited' | 'linked' | 'code_rejected' | 'name_mismatch' | 'no_mobile';

export interface IdentityClaimRecord {
  user_id: string;
  bound_user_id: string;
  at: number;
  outcome: IdentityClaimOutcome;
}

/** One attempt as an officer reviews it: who tried, whose identity, with the numbers to reach them. */
export interface IdentityClaimReview {
  at: number;
  outcome: IdentityClaimOutcome;
  user_id: string;
  claimant_mobile: string | null;
  bound_user_id: string;
  holder_mobile: string | null;
  id_number: string | null;
}

/** Attempts to verify an identity that another account already holds (append-only). */
export class IdentityClaimStore {
  private readonly insertStmt: Statement<[string, string, number, IdentityClaimOutcome]>;
  private readonly byUserStmt: Statement<[string], IdentityClaimRecord>;
  private readonly codesSentStmt: Statement<[string, number], { at: number }>;
  private readonly sinceStmt: Statement<[number], IdentityClaimReview>;

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
    // The identity claimed is the holder's: a claimant has none of its own until it is linked.
    this.sinceStmt = db.prepare(
      `SELECT c.at, c.outcome, c.user_id, claimant.mobile AS claimant_mobile, c.bound_user_id,
              holder.mobile AS holder_mobile, holder.id_number
         FROM identity_claims c
         JOIN users claimant ON claimant.id = c.user_id
         JOIN users holder ON holder.id = c.bound_user_id
        WHERE c.at >= ?
        ORDER BY c.at DESC, c.id DESC`,
    );
  }

  record(userId: string, boundUserId: string, at: number, outcome: IdentityClaimOutcome): void {
    this.insertStmt.run(userId, boundUserId, at, outcome);
  }

  /** When codes were sent to the holder's mobile for claims after `since`, oldest first. */
  codesSentTo(boundUserId: string, since: number): number[] {
    return this.codesSentStmt.all(boundUserId, since).map((r) => r.at);
  }

  /** Every attempt at or after `since` (epoch ms), newest first: the officers' review list. */
  since(since: number): IdentityClaimReview[] {
    return this.sinceStmt.all(since);
  }

  /** The attempts an account made, oldest first. */
  byUser(userId: string): IdentityClaimRecord[] {
    return this.byUserStmt.all(userId);
  }
}
