/**
 * The one entry point the application pages use for material files: check a picked file, then
 * upload it (compressed if it is a photo; in one request when small, in resumable chunks when
 * large) with progress, retries and cancelling.
 */
import type { CHUNKED_UPLOAD_THRESHOLD as ContractThreshold, MaterialFileType } from '@contract/prereview';
import type { UploadedFile } from '@contract/upload';
import { SNIFF_BYTES, sniffFileType, type SniffedType } from '@/lib/file-signature';
import { formatFileSize } from '@/lib/format';
import { ApiError, isApiError } from './http/api-error';
import { compressImage } from './image-compress';
import type { PickedFile } from './pick-files';
import {
  resumableProgress,
  uploadFileName,
  uploadResumable,
  withRetry,
  type ResumableFile,
  type UploadProgress,
} from './resumable-upload';
import { localFileSize, readLocalFileRange, uploadFile } from './upload';

/** The contract's threshold, copied (the app imports the contract's types only); a type check keeps them equal. */
const CHUNKED_UPLOAD_THRESHOLD: typeof ContractThreshold = 4194304;

export type { UploadProgress } from './resumable-upload';

export interface MaterialUploadOptions {
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
}

/** The gateway's limits for one material (`MaterialRequirement`). */
export interface MaterialFileLimits {
  accept: MaterialFileType[];
  maxImageBytes: number;
  maxPdfBytes: number;
}

/** What actually goes up: the picked file, or its compressed copy, with its type read from its bytes. */
interface PreparedFile extends ResumableFile {
  /** The type and size of the picked file itself (the copy may be a JPEG of a PNG). */
  originalType: MaterialFileType;
  originalSize: number;
}

const MULTIPART_TIMEOUT_MS = 120000;

const TYPE_WORDS: Record<MaterialFileType, string> = {
  'image/jpeg': 'JPG 图片',
  'image/png': 'PNG 图片',
  'application/pdf': 'PDF 文件',
};

function quoted(name: string): string {
  const short = name.length > 24 ? `${name.slice(0, 10)}…${name.slice(-10)}` : name;
  return `“${short || '所选文件'}”`;
}

const refuse = (message: string) => new ApiError({ code: 'BAD_REQUEST', message });

async function sniff(file: PickedFile['file'], size: number): Promise<SniffedType | undefined> {
  const head = await readLocalFileRange(file, 0, Math.min(size, SNIFF_BYTES));
  return sniffFileType(new Uint8Array(head));
}

/** Size and real type of the picked file; a refusal (as an ApiError) when it is empty or not a JPG/PNG/PDF. */
async function inspect(file: PickedFile): Promise<{ size: number; type: SniffedType }> {
  let size: number;
  try {
    // The picker's size may be missing (0) or stale: ask the file itself.
    size = await localFileSize(file.file);
  } catch {
    throw refuse(`无法读取${quoted(file.name)}，请重新选择`);
  }
  if (size === 0) throw refuse(`${quoted(file.name)}是空文件，请重新选择`);
  const type = await sniff(file.file, size).catch(() => undefined);
  if (!type) {
    // A renamed .exe, a HEIC photo, a Word file saved as .pdf: judged by content, never by name.
    throw refuse(`${quoted(file.name)}不是有效的 JPG、PNG 图片或 PDF 文件，请重新选择`);
  }
  return { size, type };
}

const prepared = new WeakMap<PickedFile, Promise<PreparedFile>>();

async function prepareUncached(file: PickedFile): Promise<PreparedFile> {
  const { size, type } = await inspect(file);
  const original: PreparedFile = {
    file: file.file,
    name: file.name,
    size,
    mime: type,
    originalType: type,
    originalSize: size,
  };
  if (type === 'application/pdf') return original;
  const smaller = await compressImage(file.file, size);
  if (!smaller) return original;
  const smallerType = await sniff(smaller.file, smaller.size).catch(() => undefined);
  // Only a decodable JPEG/PNG replaces the photo; anything odd from the platform is ignored.
  if (smallerType !== 'image/jpeg' && smallerType !== 'image/png') return original;
  return { ...original, file: smaller.file, name: smaller.file.name, size: smaller.size, mime: smallerType };
}

/**
 * Reads, checks and (for photos) compresses a picked file once: `checkMaterialFile` and
 * `uploadMaterialFile` on the same PickedFile share the work and send the very bytes checked.
 */
function prepare(file: PickedFile): Promise<PreparedFile> {
  let job = prepared.get(file);
  if (!job) {
    job = prepareUncached(file);
    prepared.set(file, job);
    // A failed read may pass (file still being written): do not remember failures.
    job.catch(() => prepared.delete(file));
  }
  return job;
}

/**
 * Why this file cannot be a file of this material (a Chinese sentence naming the file), or undefined
 * when it can. Reads its first bytes: the type is what the content is, whatever the name says. A
 * photo over the image limit is compressed first and judged by the compressed size.
 */
export async function checkMaterialFile(file: PickedFile, limits: MaterialFileLimits): Promise<string | undefined> {
  let ready: PreparedFile;
  try {
    ready = await prepare(file);
  } catch (error) {
    return isApiError(error) ? error.message : `无法读取${quoted(file.name)}，请重新选择`;
  }
  const type = ready.originalType;
  if (!limits.accept.includes(type)) {
    const accepted = limits.accept.map((t) => TYPE_WORDS[t]).join('、');
    return accepted
      ? `${quoted(file.name)}是 ${TYPE_WORDS[type]}，该材料只接受 ${accepted}`
      : '该材料不接受上传文件，请用其他方式提供';
  }
  if (type === 'application/pdf') {
    if (ready.size > limits.maxPdfBytes) {
      return `${quoted(file.name)}有 ${formatFileSize(ready.size)}，超过 PDF 上限 ${formatFileSize(limits.maxPdfBytes)}，请压缩或拆分后上传`;
    }
    return undefined;
  }
  if (!limits.accept.includes(ready.mime)) {
    // The compressed copy is a JPEG and this material takes PNG only: the original goes instead.
    ready = {
      file: file.file,
      name: file.name,
      size: ready.originalSize,
      mime: type,
      originalType: type,
      originalSize: ready.originalSize,
    };
    prepared.set(file, Promise.resolve(ready));
  }
  if (ready.size > limits.maxImageBytes) {
    const compressed = ready.size < ready.originalSize ? '压缩后仍' : '';
    return `${quoted(file.name)}${compressed}有 ${formatFileSize(ready.size)}，超过图片上限 ${formatFileSize(limits.maxImageBytes)}，请重新拍摄或选择较小的图片`;
  }
  return undefined;
}

async function uploadInOneRequest(ready: PreparedFile, options: MaterialUploadOptions): Promise<UploadedFile> {
  let best = 0;
  const onProgress = options.onProgress;
  const uploaded = await withRetry(
    () =>
      uploadFile({ ...ready.file, name: uploadFileName(ready.name, ready.mime) }, 'material', {
        signal: options.signal,
        timeoutMs: MULTIPART_TIMEOUT_MS,
        onProgress: onProgress
          ? (sent, total) => {
              // The multipart body is the file plus some framing: scale to the file, never go back.
              const bytes = total > 0 ? Math.floor((Math.min(sent, total) / total) * ready.size) : 0;
              if (bytes <= best || bytes >= ready.size) return;
              best = bytes;
              onProgress({ sentBytes: bytes, totalBytes: ready.size });
            }
          : undefined,
      }),
    options.signal,
  );
  onProgress?.({ sentBytes: ready.size, totalBytes: ready.size });
  return uploaded;
}

/**
 * Uploads a material file as purpose `material`: photos compressed first, PDFs untouched; below
 * CHUNKED_UPLOAD_THRESHOLD in one multipart request, above it through a resumable upload session
 * (only chunks the gateway has not acknowledged are sent, also after a restart). Progress counts
 * the bytes the gateway holds. Rejects with an ApiError: NETWORK when the connection stays down
 * (calling again resumes), CANCELLED when `signal` aborts, or the gateway's refusal.
 */
export async function uploadMaterialFile(file: PickedFile, options: MaterialUploadOptions = {}): Promise<UploadedFile> {
  const ready = await prepare(file);
  if (options.signal?.aborted) throw new ApiError({ code: 'CANCELLED', message: '上传已取消' });
  const report = options.onProgress;
  let last = -1;
  // Each distinct value once: a page re-renders on every call.
  const onProgress = report
    ? (p: UploadProgress) => {
        if (p.sentBytes === last) return;
        last = p.sentBytes;
        report(p);
      }
    : undefined;
  // Total known at once (a large file is hashed before the first byte goes).
  onProgress?.({ sentBytes: 0, totalBytes: ready.size });
  const inner = { signal: options.signal, onProgress };
  if (ready.size < CHUNKED_UPLOAD_THRESHOLD) return uploadInOneRequest(ready, inner);
  return uploadResumable(ready, inner);
}

/**
 * For a large file that may have been half uploaded before (e.g. restored after a restart): what the
 * gateway already holds, to show "已上传 x/y" before the user resumes. Undefined when nothing is
 * held or the file goes in one request.
 */
export async function uploadedSoFar(file: PickedFile, signal?: AbortSignal): Promise<UploadProgress | undefined> {
  const ready = await prepare(file);
  if (ready.size < CHUNKED_UPLOAD_THRESHOLD) return undefined;
  return resumableProgress(ready, signal);
}

/** "已上传 1.5 MB / 6.2 MB（24%）" for a progress line. */
export function describeUploadProgress(progress: UploadProgress): string {
  const total = Math.max(0, progress.totalBytes);
  const sent = Math.min(Math.max(0, progress.sentBytes), total);
  const percent = total > 0 ? Math.floor((sent / total) * 100) : 0;
  return `已上传 ${formatFileSize(sent)} / ${formatFileSize(total)}（${percent}%）`;
}
