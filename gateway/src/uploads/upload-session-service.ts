import fs from 'node:fs';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import {
  CHUNKED_UPLOAD_THRESHOLD,
  type StartUploadSessionRequest,
  type UploadSession,
  type UploadedFile,
} from '../../../types/contract';
import { ApiError, fieldError, notFound, rateLimited } from '../http/api-error';
import { UploadStore, type UploadRow } from '../store/upload-store';
import { UploadSessionStore, type UploadSessionRow } from '../store/upload-session-store';
import { withFileSource } from './byte-source';
import {
  MATERIAL_MESSAGES,
  checkFileName,
  checkMaterialSize,
  inspectMaterial,
  mismatchMessage,
  type MaterialContent,
} from './material-file';
import { UPLOAD_CHUNK_BYTES } from './material-limits';
import { FILES_DIR, UploadService, uploadView } from './upload-service';

/** Part files live under `<dataDir>/files/sessions/<sessionId>.part` until the session completes. */
export const SESSIONS_DIR = 'sessions';
/** A session expires this long after its last activity (start, chunk, completion). */
export const SESSION_TTL_MS = 24 * 3600 * 1000;
/** Open sessions per user at once: each may hold up to 30 MB of disk until it completes or expires. */
export const MAX_OPEN_SESSIONS = 20;

const SESSION_ID = /^[0-9a-f]{32}$/;
const CHUNK_HASH = /^[0-9a-f]{64}$/;
const MB = 1024 * 1024;

/** The refusals, word for word (the app shows them as they are; tests pin them). */
export const SESSION_MESSAGES = {
  notFound: '没有找到这个上传',
  tooManyOpen: `同时进行的分片上传已达 ${MAX_OPEN_SESSIONS} 个，请先完成已开始的上传`,
  completed: '这个上传已经完成，无需再传分片',
  chunkHashHeader: '缺少分片校验值 x-chunk-sha256（64 位小写十六进制 SHA-256）',
  chunkBody: '请以 application/octet-stream 格式上传分片内容',
  chunkHash: '分片校验失败，请重新上传该分片',
  chunkConflict: '这个分片已上传，且内容与本次不同；文件已变化，请重新开始上传',
  fileHash: '文件校验值不一致',
} as const;

export function indexMessage(chunkCount: number): string {
  return `分片序号须为 0 到 ${chunkCount - 1} 的整数`;
}

export function chunkLengthMessage(index: number, expected: number): string {
  return `第 ${index} 个分片的大小应为 ${expected} 字节`;
}

export function missingChunksMessage(missing: number): string {
  return `还有 ${missing} 个分片没有上传，请传完再提交`;
}

export interface UploadSessionDeps {
  db: Database;
  dataDir: string;
  now: () => Date;
}

/** What a part file holds, read in one streaming pass at completion (never the whole file in memory). */
interface PartDigest {
  sha256: string;
  size: number;
}

async function digestFile(file: string): Promise<PartDigest> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: MB })) {
    const bytes = chunk as Buffer;
    hash.update(bytes);
    size += bytes.length;
  }
  return { sha256: hash.digest('hex'), size };
}

function writeFully(fd: number, bytes: Buffer, position: number): void {
  let written = 0;
  while (written < bytes.length) {
    written += fs.writeSync(fd, bytes, written, bytes.length - written, position + written);
  }
}

/**
 * Chunked, resumable uploads of large material files. The client declares the whole file (name,
 * type, size, SHA-256) and sends fixed-size chunks in any order, each with its own hash; the
 * gateway writes each at its offset in a part file and records it, so after a dropped connection
 * the client asks what is held and sends only the rest. Completion checks the whole file the way a
 * single upload is checked and turns it into an ordinary `uploads` row.
 *
 * Chunk writes and completion's final step are synchronous (no await between the check and the
 * write), so requests for the same session cannot interleave inside them in this single process.
 */
export class UploadSessionService {
  private readonly sessions: UploadSessionStore;
  private readonly uploads: UploadStore;
  private readonly files: UploadService;
  private readonly dir: string;

  constructor(private readonly deps: UploadSessionDeps) {
    this.sessions = new UploadSessionStore(deps.db);
    this.uploads = new UploadStore(deps.db);
    this.files = new UploadService({ db: deps.db, uploads: this.uploads, dataDir: deps.dataDir, now: deps.now });
    this.dir = path.join(deps.dataDir, FILES_DIR, SESSIONS_DIR);
  }

  private nowMs(): number {
    return this.deps.now().getTime();
  }

  private partPath(id: string): string {
    return path.join(this.dir, `${id}.part`);
  }

  /** Forgets expired sessions and deletes their part files (completed files stay: they are uploads now). */
  private purgeExpired(): void {
    for (const { id, status } of this.sessions.expired(this.nowMs())) {
      if (status === 'open') fs.rmSync(this.partPath(id), { force: true });
      this.sessions.delete(id);
    }
  }

  /** The user's live session, or 404 (someone else's, expired and unknown ones look the same). */
  private owned(userId: string, id: string): UploadSessionRow {
    this.purgeExpired();
    const row = SESSION_ID.test(id) ? this.sessions.getForUser(userId, id) : undefined;
    if (!row) throw notFound(SESSION_MESSAGES.notFound);
    return row;
  }

  private view(row: UploadSessionRow): UploadSession {
    const session: UploadSession = {
      id: row.id,
      fileName: row.file_name,
      mime: row.mime,
      size: row.size,
      sha256: row.sha256,
      chunkSize: row.chunk_size,
      chunkCount: row.chunk_count,
      received: this.sessions.chunks(row.id).map((c) => c.chunk_index),
      bytesTransferred: row.bytes_transferred,
      status: row.status,
      expiresAt: new Date(row.expires_at).toISOString(),
    };
    if (row.file_id !== null) session.fileId = row.file_id;
    return session;
  }

  /** `POST /uploads/sessions`: refuses up front whatever completion would refuse by its declaration. */
  start(userId: string, body: StartUploadSessionRequest): UploadSession {
    this.purgeExpired();
    const fileName = checkFileName(body.fileName);
    if (body.size === 0) throw fieldError('size', MATERIAL_MESSAGES.empty);
    if (body.size < CHUNKED_UPLOAD_THRESHOLD) throw fieldError('size', MATERIAL_MESSAGES.useSingle);
    checkMaterialSize(body.mime, body.size, 'size');
    this.files.checkQuota(userId, 'material');
    const now = this.nowMs();
    const open = this.sessions.countOpen(userId, now);
    if (open.n >= MAX_OPEN_SESSIONS) {
      throw rateLimited(((open.earliest ?? now + SESSION_TTL_MS) - now) / 1000, SESSION_MESSAGES.tooManyOpen);
    }
    const row: UploadSessionRow = {
      id: randomBytes(16).toString('hex'),
      user_id: userId,
      purpose: body.purpose,
      file_name: fileName,
      mime: body.mime,
      size: body.size,
      sha256: body.sha256,
      chunk_size: UPLOAD_CHUNK_BYTES,
      chunk_count: Math.ceil(body.size / UPLOAD_CHUNK_BYTES),
      bytes_transferred: 0,
      status: 'open',
      file_id: null,
      created_at: now,
      expires_at: now + SESSION_TTL_MS,
    };
    this.sessions.insert(row);
    return this.view(row);
  }

  /** `GET /uploads/sessions/:id`: what the gateway holds, for a resume. */
  get(userId: string, id: string): UploadSession {
    return this.view(this.owned(userId, id));
  }

  /**
   * `PUT /uploads/sessions/:id/chunks/:index`. Every body read for an open session counts in
   * `bytesTransferred`, refused or repeated alike: it measures what the client sent, which is what
   * a resume must keep low. A chunk is stored only when its length and hash are right.
   */
  putChunk(
    userId: string,
    id: string,
    rawIndex: string,
    body: unknown,
    chunkSha256: string | undefined,
  ): UploadSession {
    const row = this.owned(userId, id);
    if (row.status === 'complete') throw new ApiError('CONFLICT', SESSION_MESSAGES.completed);
    if (!Buffer.isBuffer(body)) throw new ApiError('BAD_REQUEST', SESSION_MESSAGES.chunkBody);
    this.sessions.touch(row.id, body.length, this.nowMs() + SESSION_TTL_MS);

    if (chunkSha256 === undefined || !CHUNK_HASH.test(chunkSha256)) {
      throw fieldError('x-chunk-sha256', SESSION_MESSAGES.chunkHashHeader);
    }
    const index = /^\d{1,9}$/.test(rawIndex) ? Number(rawIndex) : Number.NaN;
    if (!Number.isInteger(index) || index >= row.chunk_count) {
      throw fieldError('index', indexMessage(row.chunk_count));
    }
    const offset = index * row.chunk_size;
    const expected = Math.min(row.chunk_size, row.size - offset);
    if (body.length !== expected) throw fieldError('chunk', chunkLengthMessage(index, expected));
    const actual = createHash('sha256').update(body).digest('hex');
    if (actual !== chunkSha256) throw fieldError('chunk', SESSION_MESSAGES.chunkHash);

    const held = this.sessions.chunk(row.id, index);
    if (held) {
      // A repeat after a lost acknowledgement: the bytes are already there, nothing is rewritten.
      if (held.sha256 !== actual) throw new ApiError('CONFLICT', SESSION_MESSAGES.chunkConflict);
      return this.get(userId, id);
    }
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const fd = fs.openSync(this.partPath(row.id), fs.constants.O_WRONLY | fs.constants.O_CREAT, 0o600);
    try {
      writeFully(fd, body, offset);
      // On disk before it is acknowledged: a client that was told "held" never sends it again.
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    this.sessions.addChunk(row.id, index, body.length, actual);
    return this.get(userId, id);
  }

  private completedFile(row: UploadSessionRow): UploadedFile {
    const upload = row.file_id === null ? undefined : this.uploads.getForUser(row.user_id, row.file_id);
    if (!upload) throw notFound(SESSION_MESSAGES.notFound);
    return uploadView(upload);
  }

  /**
   * `POST /uploads/sessions/:id/complete`: all chunks held, the whole file's hash as declared, its
   * content of the declared type and intact; then it becomes an upload under a new random id.
   * Completing again returns the same file. A refusal leaves the session as it was.
   */
  async complete(userId: string, id: string): Promise<UploadedFile> {
    const row = this.owned(userId, id);
    if (row.status === 'complete') return this.completedFile(row);
    const missing = row.chunk_count - this.sessions.countChunks(row.id);
    if (missing > 0) throw new ApiError('CONFLICT', missingChunksMessage(missing));

    let digest: PartDigest;
    try {
      digest = await digestFile(this.partPath(row.id));
    } catch (error) {
      // A parallel completion may have moved the part file away meanwhile: answer with its result.
      const again = this.sessions.getForUser(userId, id);
      if (again?.status === 'complete') return this.completedFile(again);
      throw error;
    }
    if (digest.size !== row.size || digest.sha256 !== row.sha256) {
      throw fieldError('sha256', SESSION_MESSAGES.fileHash);
    }
    let content: MaterialContent;
    try {
      // The whole completed file, read from disk piece by piece (png/jpeg/pdf-structure).
      content = withFileSource(this.partPath(row.id), (source) => inspectMaterial(source, 'mime'));
    } catch (error) {
      if (error instanceof ApiError) throw error;
      const again = this.sessions.getForUser(userId, id);
      if (again?.status === 'complete') return this.completedFile(again);
      throw error;
    }
    if (content.mime !== row.mime) throw fieldError('mime', mismatchMessage(content.mime));
    checkMaterialSize(content.mime, digest.size, 'size');

    // From here on synchronous: re-read the session (another completion may have won while hashing).
    const current = this.sessions.getForUser(userId, id);
    if (!current) throw notFound(SESSION_MESSAGES.notFound);
    if (current.status === 'complete') return this.completedFile(current);

    const fileId = this.files.newFileId();
    const target = this.files.filePath(fileId) as string;
    this.files.ensureDir();
    const part = this.partPath(row.id);
    fs.renameSync(part, target);
    const now = this.nowMs();
    const upload: UploadRow = {
      id: fileId,
      user_id: userId,
      purpose: 'material',
      mime: content.mime,
      size: digest.size,
      sha256: digest.sha256,
      width: content.width ?? null,
      height: content.height ?? null,
      name: row.file_name,
      created_at: now,
    };
    try {
      this.deps.db.transaction(() => {
        this.uploads.insert(upload);
        if (!this.sessions.complete(row.id, fileId, now + SESSION_TTL_MS)) {
          throw new ApiError('CONFLICT', SESSION_MESSAGES.completed);
        }
      })();
    } catch (error) {
      // Put the bytes back where the session expects them: the session is unchanged.
      fs.renameSync(target, part);
      throw error;
    }
    return uploadView(upload);
  }
}
