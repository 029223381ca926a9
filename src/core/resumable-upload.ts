import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { MaterialFileType, StartUploadSessionRequest, UploadSession } from '@contract/prereview';
import type { UploadedFile } from '@contract/upload';
import { ackedBytes, checkSession, planChunks } from '@/lib/chunk-plan';
import { ApiError, isApiError } from './http/api-error';
import { request } from './http/client';
import { session as appSession } from './session';
import { readStored, writeStored } from './storage';
import { readLocalFileRange, sha256Hex, type LocalFile } from './upload';

/**
 * Resumable uploads for large files (≥ CHUNKED_UPLOAD_THRESHOLD): the file is declared with its
 * SHA-256, then sent one acknowledged chunk at a time. The session id is kept in local storage under
 * the file's hash, so a dropped connection, a retry tap or an app restart with the same bytes asks
 * the gateway what it already holds and sends only the rest.
 */

export interface UploadProgress {
  /** Bytes the gateway holds (acknowledged chunks, or the multipart body sent so far). */
  sentBytes: number;
  totalBytes: number;
}

export interface ResumableUploadOptions {
  onProgress?: (progress: UploadProgress) => void;
  /** Stops between chunks and aborts the chunk in flight; the session stays for a later resume. */
  signal?: AbortSignal;
}

/** The bytes to send and what the session declares about them. */
export interface ResumableFile {
  file: LocalFile;
  name: string;
  size: number;
  mime: MaterialFileType;
}

/**
 * Retry timing. Exported so tests can shorten it; the app keeps the defaults: three quick retries
 * ride out a tunnel or a lift, and anything longer is the user's call (the page's 重试 button).
 */
export const uploadTiming = {
  retryDelaysMs: [1000, 3000, 8000] as number[],
  /** A 1 MiB chunk at 20 KB/s (a poor 4G cell) is ~50 s. */
  chunkTimeoutMs: 90000,
  requestTimeoutMs: 20000,
  /** Cap on a gateway's Retry-After we are willing to sit through before giving the choice back. */
  maxRetryAfterMs: 30000,
};

/** Read size while hashing: bounded memory whatever the file size. */
const HASH_BLOCK_BYTES = 1024 * 1024;

const INTERRUPTED = '网络连接中断，已上传的部分会保留，恢复网络后点“重试”可继续上传';

export const cancelledError = () => new ApiError({ code: 'CANCELLED', message: '上传已取消' });

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelledError();
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(cancelledError());
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelledError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort);
  });
}

function retryDelay(error: ApiError, attempt: number): number {
  if (error.code === 'RATE_LIMITED' && error.retryAfterSeconds !== undefined) {
    return Math.min(uploadTiming.maxRetryAfterMs, error.retryAfterSeconds * 1000);
  }
  const base = uploadTiming.retryDelaysMs[attempt] ?? 0;
  // ±20 % so that many phones cut off by the same outage do not come back in lockstep.
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

/**
 * Runs `send` and retries it on what may pass (network, timeout, gateway trouble), a few times with
 * growing pauses. When the network stays down the error is NETWORK with a message that says the
 * upload will resume; a refusal (bad file, not allowed, …) is thrown as it is, at once.
 */
export async function withRetry<T>(send: () => Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    throwIfAborted(signal);
    try {
      return await send();
    } catch (error) {
      if (signal?.aborted) throw cancelledError();
      if (!isApiError(error)) throw error;
      if (error.code === 'CANCELLED') throw cancelledError();
      if (!error.retryable) throw error;
      if (attempt >= uploadTiming.retryDelaysMs.length) {
        if (error.code === 'NETWORK' || error.code === 'TIMEOUT') {
          throw new ApiError({ code: 'NETWORK', message: INTERRUPTED, requestId: error.requestId });
        }
        throw error;
      }
      await sleep(retryDelay(error, attempt), signal);
    }
  }
}

// --- Whole-file hash ---

const hashByBlob = new WeakMap<Blob, string>();
const hashByPath = new Map<string, string>();

function cachedHash(file: LocalFile): string | undefined {
  return file.kind === 'blob' ? hashByBlob.get(file.blob) : hashByPath.get(file.path);
}

/**
 * SHA-256 of the whole file, fed a block at a time so a 30 MB PDF never sits in memory at once;
 * remembered per file so a retry does not read it again.
 */
export async function hashLocalFile(file: LocalFile, size: number, signal?: AbortSignal): Promise<string> {
  const known = cachedHash(file);
  if (known) return known;
  const hash = sha256.create();
  for (let start = 0; start < size; start += HASH_BLOCK_BYTES) {
    throwIfAborted(signal);
    const bytes = await readLocalFileRange(file, start, Math.min(size, start + HASH_BLOCK_BYTES));
    hash.update(new Uint8Array(bytes));
  }
  const hex = bytesToHex(hash.digest());
  if (file.kind === 'blob') hashByBlob.set(file.blob, hex);
  else hashByPath.set(file.path, hex);
  return hex;
}

// --- Sessions remembered across restarts ---

interface RememberedSession {
  id: string;
  size: number;
  /** Whose session: another user on the same phone never resumes it. */
  userId?: string;
  expiresAt: string;
}

/** One entry (hsz:upload-sessions), keyed by the file's SHA-256: expired ones are dropped on write. */
const SESSIONS_KEY = 'upload-sessions';

const isRemembered = (value: unknown): value is Record<string, RememberedSession> =>
  typeof value === 'object' &&
  value !== null &&
  Object.values(value).every(
    (r) =>
      typeof (r as RememberedSession)?.id === 'string' &&
      typeof (r as RememberedSession)?.size === 'number' &&
      typeof (r as RememberedSession)?.expiresAt === 'string',
  );

function rememberedSessions(): Record<string, RememberedSession> {
  return readStored(SESSIONS_KEY, isRemembered) ?? {};
}

function currentUserId(): string | undefined {
  return appSession.get().user?.id;
}

function isLive(record: RememberedSession, now: number): boolean {
  const expires = Date.parse(record.expiresAt);
  return Number.isNaN(expires) || expires > now;
}

/** The stored session for these bytes (same hash and size, same user, not expired), if any. */
export function rememberedSession(fileSha256: string, size: number): RememberedSession | undefined {
  const record = rememberedSessions()[fileSha256];
  if (!record || record.size !== size || !isLive(record, Date.now())) return undefined;
  if (record.userId !== undefined && record.userId !== currentUserId()) return undefined;
  return record;
}

function remember(fileSha256: string, session: UploadSession): void {
  const now = Date.now();
  const kept: Record<string, RememberedSession> = {};
  for (const [sha, record] of Object.entries(rememberedSessions())) if (isLive(record, now)) kept[sha] = record;
  kept[fileSha256] = { id: session.id, size: session.size, userId: currentUserId(), expiresAt: session.expiresAt };
  writeStored(SESSIONS_KEY, kept);
}

function forget(fileSha256: string): void {
  const all = rememberedSessions();
  if (!(fileSha256 in all)) return;
  delete all[fileSha256];
  writeStored(SESSIONS_KEY, all);
}

// --- The protocol ---

const sessionPath = (id: string) => `/uploads/sessions/${encodeURIComponent(id)}`;

/** The session's not there (expired, cleaned, or another account's): start over rather than fail. */
function isSessionGone(error: unknown): boolean {
  return isApiError(error) && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN');
}

function usable(session: UploadSession, input: ResumableFile, fileSha256: string): boolean {
  return checkSession(session, { size: input.size, sha256: fileSha256, mime: input.mime }).ok;
}

// Controls (C0, DEL, C1) and bidi overrides/isolates: the gateway refuses names with them, since an
// RLO can make `报告\u202efdp.exe` read as `报告exe.pdf`.
// eslint-disable-next-line no-control-regex
const UNSAFE_NAME_CHARS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const MAX_NAME_LENGTH = 200;

/**
 * The display name the gateway accepts for a file: no folders, no `..`, no control or bidi
 * characters, at most 200 UTF-16 units (the extension kept). A name with nothing left gets a plain one.
 */
export function uploadFileName(name: string, mime: MaterialFileType): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .replace(UNSAFE_NAME_CHARS, '')
    .replace(/\.{2,}/g, '.')
    .trim();
  const fallback = mime === 'application/pdf' ? '材料.pdf' : mime === 'image/png' ? '材料.png' : '材料.jpg';
  if (base === '' || base === '.') return fallback;
  if (base.length <= MAX_NAME_LENGTH) return base;
  const ext = /\.[A-Za-z0-9]{1,5}$/.exec(base)?.[0] ?? '';
  let stem = '';
  // By code point, so a cut never leaves half of a surrogate pair.
  for (const ch of Array.from(base.slice(0, base.length - ext.length))) {
    if (stem.length + ch.length + ext.length > MAX_NAME_LENGTH) break;
    stem += ch;
  }
  return stem + ext;
}

async function resumeStored(
  input: ResumableFile,
  fileSha256: string,
  signal: AbortSignal | undefined,
): Promise<UploadSession | undefined> {
  const stored = rememberedSession(fileSha256, input.size);
  if (!stored) return undefined;
  try {
    const session = await withRetry(
      () =>
        request<UploadSession>({
          url: sessionPath(stored.id),
          method: 'GET',
          timeout: uploadTiming.requestTimeoutMs,
          signal,
        }),
      signal,
    );
    if (usable(session, input, fileSha256)) return session;
  } catch (error) {
    if (!isSessionGone(error)) throw error;
  }
  forget(fileSha256);
  return undefined;
}

async function startSession(
  input: ResumableFile,
  fileSha256: string,
  signal: AbortSignal | undefined,
): Promise<UploadSession> {
  const body: StartUploadSessionRequest = {
    purpose: 'material',
    fileName: uploadFileName(input.name, input.mime),
    mime: input.mime,
    size: input.size,
    sha256: fileSha256,
  };
  // A start whose answer was lost leaves an unused session at the gateway: harmless, it expires.
  const session = await withRetry(
    () =>
      request<UploadSession>({
        url: '/uploads/sessions',
        method: 'POST',
        data: body,
        timeout: uploadTiming.requestTimeoutMs,
        signal,
      }),
    signal,
  );
  if (!usable(session, input, fileSha256)) throw new ApiError({ code: 'BAD_RESPONSE' });
  return session;
}

async function sendChunks(
  input: ResumableFile,
  start: UploadSession,
  options: ResumableUploadOptions,
): Promise<UploadSession> {
  const { signal } = options;
  let session = start;
  // Chunks go one at a time and in order: on a weak link parallel chunks only compete for the same
  // bandwidth, and one in flight means at most one chunk is re-sent after a drop.
  for (const chunk of planChunks(start)) {
    if (session.received.includes(chunk.index)) continue;
    throwIfAborted(signal);
    const bytes = await readLocalFileRange(input.file, chunk.start, chunk.end);
    const chunkSha256 = sha256Hex(bytes);
    session = await withRetry(
      () =>
        request<UploadSession>({
          url: `${sessionPath(session.id)}/chunks/${chunk.index}`,
          method: 'PUT',
          data: bytes,
          headers: { 'Content-Type': 'application/octet-stream', 'x-chunk-sha256': chunkSha256 },
          timeout: uploadTiming.chunkTimeoutMs,
          signal,
        }),
      signal,
    );
    options.onProgress?.({ sentBytes: ackedBytes(session), totalBytes: input.size });
  }
  return session;
}

async function runSession(
  input: ResumableFile,
  fileSha256: string,
  options: ResumableUploadOptions,
): Promise<UploadedFile> {
  const { signal } = options;
  let session = (await resumeStored(input, fileSha256, signal)) ?? (await startSession(input, fileSha256, signal));
  remember(fileSha256, session);
  options.onProgress?.({ sentBytes: ackedBytes(session), totalBytes: input.size });
  if (session.status !== 'complete') session = await sendChunks(input, session, options);
  throwIfAborted(signal);
  let uploaded: UploadedFile;
  try {
    // Completing again after a lost answer returns the same file: the gateway keeps it on the session.
    uploaded = await withRetry(
      () =>
        request<UploadedFile>({
          url: `${sessionPath(session.id)}/complete`,
          method: 'POST',
          timeout: uploadTiming.chunkTimeoutMs,
          signal,
        }),
      signal,
    );
  } catch (error) {
    // The assembled file refused (hash or content): resuming this session can only fail the same
    // way, so the next try starts a new one.
    if (isApiError(error) && ['BAD_REQUEST', 'VALIDATION_FAILED'].includes(error.code)) forget(fileSha256);
    throw error;
  }
  forget(fileSha256);
  options.onProgress?.({ sentBytes: input.size, totalBytes: input.size });
  return uploaded;
}

/**
 * Uploads a large file through an upload session, resuming a stored one for the same bytes.
 * Resolves with the stored file; rejects with ApiError NETWORK (message says 重试 resumes) when the
 * connection stays down, CANCELLED when aborted, or the gateway's refusal as it is.
 */
export async function uploadResumable(
  input: ResumableFile,
  options: ResumableUploadOptions = {},
): Promise<UploadedFile> {
  const fileSha256 = await hashLocalFile(input.file, input.size, options.signal);
  try {
    return await runSession(input, fileSha256, options);
  } catch (error) {
    // The session contradicts this file (a chunk held with other bytes): start anew next time. A
    // refused chunk (say, damaged on the way) keeps the session: 重试 reads and sends it again.
    if (isApiError(error) && error.code === 'CONFLICT') forget(fileSha256);
    // The session vanished half-way (expired between two chunks): one clean start, then give up.
    if (!isSessionGone(error)) throw error;
    forget(fileSha256);
    return runSession(input, fileSha256, options);
  }
}

/**
 * What the gateway already holds of this file, for "已上传 x/y" before the user taps 继续 (e.g. after
 * a restart). Reads the file to hash it; undefined when no session is remembered or it is gone.
 */
export async function resumableProgress(
  input: ResumableFile,
  signal?: AbortSignal,
): Promise<UploadProgress | undefined> {
  const fileSha256 = await hashLocalFile(input.file, input.size, signal);
  if (!rememberedSession(fileSha256, input.size)) return undefined;
  const session = await resumeStored(input, fileSha256, signal);
  return session ? { sentBytes: ackedBytes(session), totalBytes: input.size } : undefined;
}
