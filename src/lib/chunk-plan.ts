import type { UploadSession } from '../../types/contract';

/**
 * The chunk/resume planner of the resumable uploads: which byte ranges of a file the gateway still
 * needs, given the chunk size it chose and the chunks it has acknowledged. Pure, so the app and the
 * tests (and the gateway, if it wants) agree on one arithmetic.
 */

/** One chunk: bytes [start, end) of the file (end exclusive, like `Blob.slice`). */
export interface ChunkRange {
  index: number;
  start: number;
  end: number;
}

/** Chunks in a file of `size` bytes; a session always has at least one (an empty file is one empty chunk). */
export function chunkCount(size: number, chunkSize: number): number {
  return Math.max(1, Math.ceil(size / chunkSize));
}

/** The byte range of chunk `index`: every chunk is `chunkSize` long except, possibly, the last. */
export function chunkRange(index: number, size: number, chunkSize: number): ChunkRange {
  const start = index * chunkSize;
  return { index, start, end: Math.min(size, start + chunkSize) };
}

function isValidIndex(index: number, count: number): boolean {
  return Number.isInteger(index) && index >= 0 && index < count;
}

/**
 * The chunks still to send, in file order. `received` may be in any order and hold repeats (the
 * gateway's list is ascending, but a plan must not depend on it); indexes outside the file are
 * ignored here and refused by `checkSession`.
 */
export function planChunks(plan: { size: number; chunkSize: number; received: readonly number[] }): ChunkRange[] {
  const count = chunkCount(plan.size, plan.chunkSize);
  const held = new Set(plan.received);
  const missing: ChunkRange[] = [];
  for (let index = 0; index < count; index++) {
    if (!held.has(index)) missing.push(chunkRange(index, plan.size, plan.chunkSize));
  }
  return missing;
}

/** Bytes of the file the gateway holds: what "已上传 x/y" shows (each chunk counted once). */
export function ackedBytes(plan: { size: number; chunkSize: number; received: readonly number[] }): number {
  const count = chunkCount(plan.size, plan.chunkSize);
  let bytes = 0;
  for (const index of new Set(plan.received)) {
    if (!isValidIndex(index, count)) continue;
    const range = chunkRange(index, plan.size, plan.chunkSize);
    bytes += range.end - range.start;
  }
  return bytes;
}

/** Why a session cannot carry this file (then a new session is started). */
export type SessionMismatch =
  | 'size' // another file, or the file changed since
  | 'sha256'
  | 'mime'
  | 'chunk-size' // not a positive integer
  | 'chunk-count' // does not match size / chunkSize
  | 'received'; // an index outside the file

export type SessionCheck = { ok: true } | { ok: false; reason: SessionMismatch };

/**
 * Whether a session the gateway reports (a stored one being resumed, or one just started) belongs to
 * this local file and is self-consistent. A session that fails this is never resumed: sending chunks
 * planned from a wrong chunk size or for another file could only end in a failed `complete`.
 */
export function checkSession(
  session: Pick<UploadSession, 'size' | 'sha256' | 'mime' | 'chunkSize' | 'chunkCount' | 'received'>,
  file: { size: number; sha256: string; mime?: string },
): SessionCheck {
  if (session.size !== file.size) return { ok: false, reason: 'size' };
  if (session.sha256.toLowerCase() !== file.sha256.toLowerCase()) return { ok: false, reason: 'sha256' };
  if (file.mime !== undefined && session.mime !== file.mime) return { ok: false, reason: 'mime' };
  if (!Number.isInteger(session.chunkSize) || session.chunkSize < 1) return { ok: false, reason: 'chunk-size' };
  const count = chunkCount(session.size, session.chunkSize);
  if (session.chunkCount !== count) return { ok: false, reason: 'chunk-count' };
  if (!session.received.every((index) => isValidIndex(index, count))) return { ok: false, reason: 'received' };
  return { ok: true };
}
