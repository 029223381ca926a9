import type { Database, Statement } from 'better-sqlite3';
import type { UploadPurpose } from '../../../types/contract';

export interface UploadRow {
  id: string;
  user_id: string;
  purpose: UploadPurpose;
  mime: string;
  size: number;
  sha256: string;
  width: number | null;
  height: number | null;
  /** The user's file name (material files); display only, never a path. */
  name: string | null;
  created_at: number;
}

/** Uploaded files' metadata (the bytes are on disk under the same id). */
export class UploadStore {
  private readonly insertStmt: Statement<Record<string, string | number | null>>;
  private readonly getStmt: Statement<[string], UploadRow>;
  private readonly countSinceStmt: Statement<[string, string, number], { n: number }>;

  constructor(db: Database) {
    this.insertStmt = db.prepare(`
      INSERT INTO uploads (id, user_id, purpose, mime, size, sha256, width, height, name, created_at)
      VALUES (@id, @user_id, @purpose, @mime, @size, @sha256, @width, @height, @name, @created_at)`);
    this.getStmt = db.prepare('SELECT * FROM uploads WHERE id = ?');
    this.countSinceStmt = db.prepare(
      'SELECT COUNT(*) AS n FROM uploads WHERE user_id = ? AND purpose = ? AND created_at >= ?',
    );
  }

  insert(row: UploadRow): void {
    this.insertStmt.run({ ...row });
  }

  get(id: string): UploadRow | undefined {
    return this.getStmt.get(id);
  }

  /** The upload only if it belongs to the user (someone else's is indistinguishable from none). */
  getForUser(userId: string, id: string): UploadRow | undefined {
    const row = this.getStmt.get(id);
    return row && row.user_id === userId ? row : undefined;
  }

  countSince(userId: string, purpose: UploadPurpose, since: number): number {
    return this.countSinceStmt.get(userId, purpose, since)?.n ?? 0;
  }
}
