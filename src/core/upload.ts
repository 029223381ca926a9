import Taro from '@tarojs/taro';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { UploadedFile, UploadPurpose } from '@contract/upload';
import { env } from './env';
import { ApiError, isApiError } from './http/api-error';
import { envelopeData, refreshTokens, request } from './http/client';
import { answerInFailure, failureTimedOut, type PlatformFailure } from './http/platform-failure';
import { session } from './session';

/**
 * A file to send: on mini-programs a temp file path from the platform (canvas export, camera,
 * chat file); on H5 a Blob.
 */
export type LocalFile = { kind: 'path'; path: string; name: string } | { kind: 'blob'; blob: Blob; name: string };

const unreadable = () => new ApiError({ code: 'BAD_REQUEST', message: '无法读取文件，请重新选择' });

/**
 * A Blob's bytes. `Blob.arrayBuffer()` is missing from older WebViews (iOS < 14, the Android range
 * this app still targets) and from jsdom, so FileReader is the fallback.
 */
export function blobToArrayBuffer(blob: Blob): Promise<ArrayBuffer> {
  if (typeof blob.arrayBuffer === 'function') return blob.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(unreadable());
    reader.readAsArrayBuffer(blob);
  });
}

/** The file's bytes, read on the phone (to hash them before they leave it). */
export async function readLocalFile(file: LocalFile): Promise<ArrayBuffer> {
  if (file.kind === 'blob') return blobToArrayBuffer(file.blob);
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath: file.path,
      success: (res) => resolve(res.data as ArrayBuffer),
      fail: () => reject(unreadable()),
    });
  });
}

/**
 * Bytes [start, end) of the file, without holding the rest in memory: a 30 MB PDF is read a chunk at
 * a time for hashing and sending. Mini-programs read with `position`/`length` (weapp base library
 * ≥ 2.10); an engine that answers with another length gets the slow but right whole-file read.
 */
export async function readLocalFileRange(file: LocalFile, start: number, end: number): Promise<ArrayBuffer> {
  const length = end - start;
  if (length <= 0) return new ArrayBuffer(0);
  if (file.kind === 'blob') return blobToArrayBuffer(file.blob.slice(start, end));
  const data = await new Promise<ArrayBuffer>((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath: file.path,
      position: start,
      length,
      success: (res) => (typeof res.data === 'string' ? reject(unreadable()) : resolve(res.data)),
      fail: () => reject(unreadable()),
    });
  });
  if (data.byteLength === length) return data;
  // An engine that ignored position/length: read it whole (costly, but right) and cut.
  const whole = await readLocalFile(file);
  if (whole.byteLength < end) throw unreadable();
  return whole.slice(start, end);
}

/** The file's size in bytes (a Blob knows it; a mini-program path is asked of the file system). */
export function localFileSize(file: LocalFile): Promise<number> {
  if (file.kind === 'blob') return Promise.resolve(file.blob.size);
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().getFileInfo({
      filePath: file.path,
      success: (res) => resolve(res.size),
      fail: () => reject(unreadable()),
    });
  });
}

/** Lower-case hex SHA-256, the form the gateway reports and checks. */
export function sha256Hex(bytes: ArrayBuffer): string {
  return bytesToHex(sha256(new Uint8Array(bytes)));
}

/** Progress and cancelling of one transfer. */
export interface TransferOptions {
  /** Bytes of the request body sent so far, of `total`. */
  onProgress?: (sent: number, total: number) => void;
  /** Aborts the request in flight; the promise rejects with ApiError CANCELLED. */
  signal?: AbortSignal;
  timeoutMs?: number;
}

const cancelled = () => new ApiError({ code: 'CANCELLED', message: '上传已取消' });

function uploadFromPath(
  path: string,
  name: string,
  purpose: UploadPurpose,
  options: TransferOptions,
): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const { signal } = options;
    if (signal?.aborted) return reject(cancelled());
    const token = session.get().tokens?.accessToken;
    const onAbort = () => task.abort();
    const task = Taro.uploadFile({
      url: `${env.apiOrigin}/api/uploads`,
      filePath: path,
      name: 'file',
      // The file part is named after the temp path (tmp_…/apml…): a material's name goes as a field.
      formData: purpose === 'material' ? { purpose, fileName: name } : { purpose },
      // Alipay's my.uploadFile wants the kind of file; the others ignore it.
      ...(process.env.TARO_ENV === 'alipay' ? { fileType: 'image' } : {}),
      header: token ? { Authorization: `Bearer ${token}` } : {},
      timeout: options.timeoutMs,
      success: (res) => {
        signal?.removeEventListener('abort', onAbort);
        try {
          resolve(envelopeData<UploadedFile>(res.statusCode, res.data));
        } catch (error) {
          reject(error);
        }
      },
      fail: (err) => {
        signal?.removeEventListener('abort', onAbort);
        if (signal?.aborted) return reject(cancelled());
        const failure = err as PlatformFailure;
        // Alipay's 4xx/5xx: the gateway's refusal (wrong type, too large, expired token) with its envelope.
        const answer = answerInFailure(failure);
        if (answer) {
          try {
            resolve(envelopeData<UploadedFile>(answer.status, answer.data));
          } catch (error) {
            reject(error);
          }
          return;
        }
        const timedOut = failureTimedOut(failure);
        reject(new ApiError({ code: timedOut ? 'TIMEOUT' : 'NETWORK', message: '上传失败，请检查网络后重试' }));
      },
    });
    // Taro also returns the outcome as a promise, rejected on failure; `fail` above handles it.
    void Promise.resolve(task).catch(() => undefined);
    const { onProgress } = options;
    if (onProgress) task.onProgressUpdate((p) => onProgress(p.totalBytesSent, p.totalBytesExpectedToSend));
    signal?.addEventListener('abort', onAbort);
  });
}

function uploadBlob(blob: Blob, name: string, purpose: UploadPurpose, options: TransferOptions): Promise<UploadedFile> {
  const form = new FormData();
  // The gateway reads the purpose before the file, to apply that purpose's checks.
  form.append('purpose', purpose);
  form.append('file', blob, name);
  const { onProgress } = options;
  return request<UploadedFile>({
    url: '/uploads',
    method: 'POST',
    data: form,
    timeout: options.timeoutMs ?? 60000,
    signal: options.signal,
    // The multipart framing makes `total` a little more than the file; the caller scales it.
    onUploadProgress: onProgress ? (e) => onProgress(e.loaded, e.total ?? blob.size) : undefined,
  });
}

/**
 * Sends one file through the gateway's upload endpoint (one multipart request); the gateway checks
 * its content, size and count. On mini-programs an expired token is refreshed and the upload tried
 * once more (on H5 the axios client does that).
 */
export async function uploadFile(
  file: LocalFile,
  purpose: UploadPurpose,
  options: TransferOptions = {},
): Promise<UploadedFile> {
  if (file.kind === 'blob') return uploadBlob(file.blob, file.name, purpose, options);
  try {
    return await uploadFromPath(file.path, file.name, purpose, options);
  } catch (error) {
    if (!isApiError(error) || error.code !== 'TOKEN_EXPIRED') throw error;
    await refreshTokens();
    return uploadFromPath(file.path, file.name, purpose, options);
  }
}
