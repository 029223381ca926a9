import { CHUNKED_UPLOAD_THRESHOLD, type MaterialFileType } from '../../../types/contract';
import { fileTypeLabel, sniffFileType } from '../../../src/lib/file-signature';
import { ApiError, fieldError } from '../http/api-error';
import { bufferSource, type ByteSource } from './byte-source';
import { jpegStructureIntact } from './jpeg-structure';
import { MATERIAL_LIMITS } from './material-limits';
import { pdfStructureIntact } from './pdf-structure';
import { pngStructure } from './png-structure';

/** Material uploads per user per China calendar day (single requests and completed sessions alike). */
export const DAILY_MATERIAL_UPLOADS = 300;

/** Bytes of the start of a file its type is told by. */
export const MATERIAL_HEAD_BYTES = 64;
/** A material image may have up to 50 megapixels (phone cameras give 12–48): more is refused before inflating. */
export const MAX_MATERIAL_PIXELS = 50_000_000;

const MB = 1024 * 1024;

/** The refusals, word for word (the app shows them as they are; tests pin them). */
export const MATERIAL_MESSAGES = {
  unsupported: '文件类型不支持：只能上传 JPEG、PNG 图片或 PDF 文件',
  empty: '文件是空的',
  corrupted: '文件已损坏或不完整',
  corruptedPng: 'PNG 图片已损坏或不完整，图像数据无法完整读取，请重新导出后上传',
  corruptedJpeg: 'JPEG 图片已损坏或不完整，缺少图像数据或结束标记，请重新拍摄或导出后上传',
  corruptedPdf: 'PDF 文件已损坏或不完整，找不到交叉引用表或文件尾，请重新导出后上传',
  tooManyPixels: `图片像素过多（不超过 ${MAX_MATERIAL_PIXELS / 10_000} 万像素），请缩小后上传`,
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
 * Judges a material file by its bytes: the type by magic number, then whether it is whole, read
 * the way a viewer reads it (png-structure, jpeg-structure, pdf-structure): a truncated or damaged
 * upload is refused with what is wrong with it. The source may be a part file on disk: nothing
 * reads a 30 MB file into memory. `typeField` names what the client should fix when the type is
 * wrong (`file` for a single upload, `mime` for a session).
 */
export function inspectMaterial(source: ByteSource, typeField: string): MaterialContent {
  const mime = sniffFileType(source.read(0, MATERIAL_HEAD_BYTES));
  if (!mime) throw fieldError(typeField, MATERIAL_MESSAGES.unsupported);
  if (mime === 'image/png') {
    const png = pngStructure(source, MAX_MATERIAL_PIXELS);
    if (png.ok) return { mime, width: png.width, height: png.height };
    throw fieldError('file', png.tooManyPixels ? MATERIAL_MESSAGES.tooManyPixels : MATERIAL_MESSAGES.corruptedPng);
  }
  if (mime === 'image/jpeg') {
    if (!jpegStructureIntact(source) || !endsWithEoi(source)) throw fieldError('file', MATERIAL_MESSAGES.corruptedJpeg);
    return { mime };
  }
  if (!pdfStructureIntact(source)) throw fieldError('file', MATERIAL_MESSAGES.corruptedPdf);
  return { mime };
}

/**
 * The file's last bytes are EOI, past any zero padding (some scanners and phones pad). What lies
 * between the first EOI and the last (a phone's appended preview) is not read.
 */
function endsWithEoi(source: ByteSource): boolean {
  const tail = source.read(Math.max(0, source.size - 1024), 1024);
  let end = tail.length;
  while (end > 0 && tail[end - 1] === 0) end -= 1;
  return end >= 2 && tail[end - 2] === 0xff && tail[end - 1] === 0xd9;
}

/** `inspectMaterial` for a file whose bytes are all in memory. */
export function inspectMaterialBytes(bytes: Buffer, typeField: string): MaterialContent {
  return inspectMaterial(bufferSource(bytes), typeField);
}

/** The declared type must be what the bytes are (a session declares it up front). */
export function mismatchMessage(actual: MaterialFileType): string {
  return `文件内容与声明的类型不符：实际是${fileTypeLabel(actual)}`;
}
