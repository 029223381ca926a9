import type { Database, Statement } from 'better-sqlite3';
import type { MaterialFileType } from '../../../types/contract';

export interface UploadSessionRow {
  id: string;
  user_id: string;
  purpose: 'material';
  file_name: string;
  mime: MaterialFileType;
  size: number;
  sha256: string;
  chunk_size: number;
  chunk_count: number;
  bytes_transferred: number;
  status: 'open' | 'complete';
  file_id: string | null;
  created_at: number;
  expires_at: number;
}

export interface UploadChunkRow {
  chunk_index: number;
  size: number;
  sha256: string;
}

/** Chunked upload sessions and the chunks the gateway acknowledged (the bytes are in the part file). */
export class UploadSessionStore {
  private readonly insertStmt: Statement<Record<string, string | number | null>>;
  private readonly getStmt: Statement<[string], UploadSessionRow>;
  private readonly countOpenStmt: Statement<[string, number], { n: number; earliest: number | null }>;
  private readonly chunksStmt: Statement<[string], UploadChunkRow>;
  private readonly chunkStmt: Statement<[string, number], UploadChunkRow>;
  private readonly addChunkStmt: Statement<[string, number, number, string]>;
  private readonly countChunksStmt: Statement<[string], { n: number }>;
  private readonly touchStmt: Statement<[number, number, string]>;
  private readonly completeStmt: Statement<[string, number, string]>;
  private readonly expiredStmt: Statement<[number], { id: string; status: string }>;
  private readonly deleteStmt: Statement<[string]>;

  constructor(db: Database) {
    this.insertStmt = db.prepare(`
      INSERT INTO upload_sessions (id, user_id, purpose, file_name, mime, size, sha256, chunk_size, chunk_count,
        bytes_transferred, status, file_id, created_at, expires_at)
      VALUES (@id, @user_id, @purpose, @file_name, @mime, @size, @sha256, @chunk_size, @chunk_count,
        @bytes_transferred, @status, @file_id, @created_at, @expires_at)`);
    this.getStmt = db.prepare('SELECT * FROM upload_sessions WHERE id = ?');
    this.countOpenStmt = db.prepare(`
      SELECT COUNT(*) AS n, MIN(expires_at) AS earliest FROM upload_sessions
      WHERE user_id = ? AND status = 'open' AND expires_at > ?`);
    this.chunksStmt = db.prepare(
      'SELECT chunk_index, size, sha256 FROM upload_chunks WHERE session_id = ? ORDER BY chunk_index',
    );
    this.chunkStmt = db.prepare(
      'SELECT chunk_index, size, sha256 FROM upload_chunks WHERE session_id = ? AND chunk_index = ?',
    );
    this.addChunkStmt = db.prepare(
      'INSERT INTO upload_chunks (session_id, chunk_index, size, sha256) VALUES (?, ?, ?, ?)',
    );
    this.countChunksStmt = db.prepare('SELECT COUNT(*) AS n FROM upload_chunks WHERE session_id = ?');
    this.touchStmt = db.prepare(
      'UPDATE upload_sessions SET bytes_transferred = bytes_transferred + ?, expires_at = ? WHERE id = ?',
    );
    this.completeStmt = db.prepare(
      "UPDATE upload_sessions SET status = 'complete', file_id = ?, expires_at = ? WHERE id = ? AND status = 'open'",
    );
    this.expiredStmt = db.prepare('SELECT id, status FROM upload_sessions WHERE expires_at <= ?');
    this.deleteStmt = db.prepare('DELETE FROM upload_sessions WHERE id = ?');
  }

  insert(row: UploadSessionRow): void {
    this.insertStmt.run({ ...row });
  }

  get(id: string): UploadSessionRow | undefined {
    return this.getStmt.get(id);
  }

  /** The session only if it belongs to the user (someone else's is indistinguishable from none). */
  getForUser(userId: string, id: string): UploadSessionRow | undefined {
    const row = this.getStmt.get(id);
    return row && row.user_id === userId ? row : undefined;
  }

  /** The user's open, unexpired sessions, and when the first of them expires. */
  countOpen(userId: string, now: number): { n: number; earliest: number | null } {
    return this.countOpenStmt.get(userId, now) ?? { n: 0, earliest: null };
  }

  chunks(sessionId: string): UploadChunkRow[] {
    return this.chunksStmt.all(sessionId);
  }

  chunk(sessionId: string, index: number): UploadChunkRow | undefined {
    return this.chunkStmt.get(sessionId, index);
  }

  addChunk(sessionId: string, index: number, size: number, sha256: string): void {
    this.addChunkStmt.run(sessionId, index, size, sha256);
  }

  countChunks(sessionId: string): number {
    return this.countChunksStmt.get(sessionId)?.n ?? 0;
  }

  /** Counts bytes read for the session and moves its expiry (activity keeps a session alive). */
  touch(sessionId: string, bytesRead: number, expiresAt: number): void {
    this.touchStmt.run(bytesRead, expiresAt, sessionId);
  }

  /** Marks an open session complete with its file; false when it was not open any more. */
  complete(sessionId: string, fileId: string, expiresAt: number): boolean {
    return this.completeStmt.run(fileId, expiresAt, sessionId).changes === 1;
  }

  expired(now: number): { id: string; status: string }[] {
    return this.expiredStmt.all(now);
  }

  /** Removes the session and (by cascade) its chunk records. */
  delete(sessionId: string): void {
    this.deleteStmt.run(sessionId);
  }
}
