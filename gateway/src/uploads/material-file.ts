import { CHUNKED_UPLOAD_THRESHOLD, type MaterialFileType } from '../../../types/contract';
import { fileTypeLabel, sniffFileType } from '../../../src/lib/file-signature';
import { ApiError, fieldError } from '../http/api-error';
import { MATERIAL_LIMITS } from './material-limits';
import { pngHeaderSize } from './png';

/** Material uploads per user per China calendar day (single requests and completed sessions alike). */
export const DAILY_MATERIAL_UPLOADS = 300;

/** Bytes of the start of a file the checks need (the PNG IHDR ends at byte 33). */
export const MATERIAL_HEAD_BYTES = 64;
/** Bytes of the end of a file the checks need: a PDF's `%%EOF` must be in its last 1 KiB. */
export const MATERIAL_TAIL_BYTES = 1024;

const MB = 1024 * 1024;

/** The refusals, word for word (the app shows them as they are; tests pin them). */
export const MATERIAL_MESSAGES = {
  unsupported: '文件类型不支持：只能上传 JPEG、PNG 图片或 PDF 文件',
  empty: '文件是空的',
  corrupted: '文件已损坏或不完整',
  badName: '文件名不合法',
  useChunks: `${CHUNKED_UPLOAD_THRESHOLD / MB} MB 及以上的文件请分片上传`,
  useSingle: `小于 ${CHUNKED_UPLOAD_THRESHOLD / MB} MB 的文件无需分片，请直接上传`,
  imageTooLarge: `图片不能超过 ${MATERIAL_LIMITS.maxImageBytes / MB} MB`,
  pdfTooLarge: `文件不能超过 ${MATERIAL_LIMITS.maxPdfBytes / MB} MB`,
  dailyLimit: '今天上传材料文件的次数已达上限，请明天再试',
} as const;

/** The largest file of a type. */
export function maxBytesFor(mime: MaterialFileType): number {
  return mime === 'application/pdf' ? MATERIAL_LIMITS.maxPdfBytes : MATERIAL_LIMITS.maxImageBytes;
}

/** 413 on `field` when `size` is over the limit of its type. */
export function checkMaterialSize(mime: MaterialFileType, size: number, field: string): void {
  if (size <= maxBytesFor(mime)) return;
  const message = mime === 'application/pdf' ? MATERIAL_MESSAGES.pdfTooLarge : MATERIAL_MESSAGES.imageTooLarge;
  throw new ApiError('PAYLOAD_TOO_LARGE', message, { fields: [{ field, message }] });
}

// C0 and C1 controls, DEL, and the bidi overrides/isolates: an RLO can make `报告‮fdp.exe` read as
// `报告exe.pdf` in the officer's list.
// eslint-disable-next-line no-control-regex
const UNSAFE_NAME_CHARS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/**
 * The display name a file is shown under (never its storage name). Refused when it could be read as
 * a path or hide what it is: path separators, `..`, control characters, blank, over 200 characters.
 */
export function checkFileName(name: string | undefined, field = 'fileName'): string {
  if (
    name === undefined ||
    name.trim().length === 0 ||
    name.length > 200 ||
    /[/\\]/.test(name) ||
    name.includes('..') ||
    UNSAFE_NAME_CHARS.test(name)
  ) {
    throw fieldError(field, MATERIAL_MESSAGES.badName);
  }
  return name;
}

export interface MaterialContent {
  mime: MaterialFileType;
  /** PNG only: read from IHDR. */
  width?: number;
  height?: number;
}

/**
 * Judges a material file by its bytes: the type by magic number, then a cheap integrity check of
 * the kind a truncated or damaged upload fails (PNG header readable, JPEG ending in EOI, PDF with
 * `%%EOF` near its end). `head` is the file's first bytes, `tail` its last (both may be the whole
 * file); the caller reads them so a 30 MB file never has to be in memory. `field` names what the
 * client should fix when the type is wrong (`file` for a single upload, `mime` for a session).
 */
export function inspectMaterial(head: Buffer, tail: Buffer, typeField: string): MaterialContent {
  const mime = sniffFileType(head);
  if (!mime) throw fieldError(typeField, MATERIAL_MESSAGES.unsupported);
  const corrupted = () => fieldError('file', MATERIAL_MESSAGES.corrupted);
  if (mime === 'image/png') {
    const header = pngHeaderSize(head);
    if (!header || header.width < 1 || header.height < 1) throw corrupted();
    return { mime, width: header.width, height: header.height };
  }
  if (mime === 'image/jpeg') {
    // Some scanners and phones pad the file with zeros after the EOI marker; that is not damage.
    let end = tail.length;
    while (end > 0 && tail[end - 1] === 0) end -= 1;
    if (end < 2 || tail[end - 2] !== 0xff || tail[end - 1] !== 0xd9) throw corrupted();
    return { mime };
  }
  if (!tail.includes('%%EOF', 0, 'latin1')) throw corrupted();
  return { mime };
}

/** `inspectMaterial` for a file whose bytes are all in memory. */
export function inspectMaterialBytes(bytes: Buffer, typeField: string): MaterialContent {
  return inspectMaterial(
    bytes.subarray(0, MATERIAL_HEAD_BYTES),
    bytes.subarray(Math.max(0, bytes.length - MATERIAL_TAIL_BYTES)),
    typeField,
  );
}

/** The declared type must be what the bytes are (a session declares it up front). */
export function mismatchMessage(actual: MaterialFileType): string {
  return `文件内容与声明的类型不符：实际是${fileTypeLabel(actual)}`;
}
