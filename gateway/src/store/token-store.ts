import type { Database, Statement } from 'better-sqlite3';

export interface RefreshRecord {
  family_id: string;
  user_id: string;
  expires_at: number;
  rotated_at: number | null;
  revoked_at: number | null;
  /** The pair it was rotated into, sealed with the token (auth/successor-seal). */
  successor_sealed: string | null;
}

export interface AccessRecord {
  user_id: string;
  expires_at: number;
}

/** Token hashes (never the tokens) grouped in families, one family per login. */
export class TokenStore {
  private readonly familyInsert: Statement<[string, string, number]>;
  private readonly familyRevoke: Statement<[number, string]>;
  private readonly accessDeleteFamily: Statement<[string]>;
  private readonly refreshInsert: Statement<[string, string, string, number, number]>;
  private readonly accessInsert: Statement<[string, string, string, number]>;
  private readonly refreshGet: Statement<[string], RefreshRecord>;
  private readonly refreshRotate: Statement<[number, string, string]>;
  private readonly accessGet: Statement<[string], AccessRecord>;
  private readonly accessPurge: Statement<[number]>;
  private readonly refreshPurge: Statement<[number]>;

  constructor(db: Database) {
    this.familyInsert = db.prepare('INSERT INTO token_families (family_id, user_id, created_at) VALUES (?, ?, ?)');
    this.familyRevoke = db.prepare(
      'UPDATE token_families SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL',
    );
    this.accessDeleteFamily = db.prepare('DELETE FROM access_tokens WHERE family_id = ?');
    this.refreshInsert = db.prepare(
      'INSERT INTO refresh_tokens (token_hash, family_id, user_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.accessInsert = db.prepare(
      'INSERT INTO access_tokens (token_hash, family_id, user_id, expires_at) VALUES (?, ?, ?, ?)',
    );
    this.refreshGet = db.prepare(`
      SELECT r.family_id, r.user_id, r.expires_at, r.rotated_at, r.successor_sealed, f.revoked_at
      FROM refresh_tokens r JOIN token_families f ON f.family_id = r.family_id
      WHERE r.token_hash = ?`);
    this.refreshRotate = db.prepare(
      'UPDATE refresh_tokens SET rotated_at = ?, successor_sealed = ? WHERE token_hash = ?',
    );
    this.accessGet = db.prepare('SELECT user_id, expires_at FROM access_tokens WHERE token_hash = ?');
    this.accessPurge = db.prepare('DELETE FROM access_tokens WHERE expires_at < ?');
    this.refreshPurge = db.prepare('DELETE FROM refresh_tokens WHERE expires_at < ?');
  }

  createFamily(familyId: string, userId: string, now: number): void {
    this.familyInsert.run(familyId, userId, now);
  }

  /** Ends a login: its refresh tokens stop refreshing and its access tokens stop working. */
  revokeFamily(familyId: string, now: number): void {
    this.familyRevoke.run(now, familyId);
    this.accessDeleteFamily.run(familyId);
  }

  addRefresh(hash: string, familyId: string, userId: string, now: number, expiresAt: number): void {
    this.refreshInsert.run(hash, familyId, userId, now, expiresAt);
  }

  addAccess(hash: string, familyId: string, userId: string, expiresAt: number): void {
    this.accessInsert.run(hash, familyId, userId, expiresAt);
  }

  refresh(hash: string): RefreshRecord | undefined {
    return this.refreshGet.get(hash);
  }

  markRotated(hash: string, now: number, successorSealed: string): void {
    this.refreshRotate.run(now, successorSealed, hash);
  }

  access(hash: string): AccessRecord | undefined {
    return this.accessGet.get(hash);
  }

  /**
   * Expired access tokens are kept for a while so a late request gets TOKEN_EXPIRED (and the app
   * refreshes) rather than UNAUTHENTICATED (and the user is sent to log in again).
   */
  purge(accessBefore: number, refreshBefore: number): void {
    this.accessPurge.run(accessBefore);
    this.refreshPurge.run(refreshBefore);
  }
}
