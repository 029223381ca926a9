/**
 * What a file is, read from its first bytes (magic numbers), never from its name or declared type:
 * a renamed `.exe` stays an executable. Pure: used by the app before an upload leaves the phone
 * and by the gateway on what arrived.
 */
export type SniffedType = 'image/jpeg' | 'image/png' | 'application/pdf';

/** Bytes to read from the start of a file to sniff it. */
export const SNIFF_BYTES = 8;

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);
}

/** The file's type from its head, or undefined when it is none of the accepted kinds. */
export function sniffFileType(head: Uint8Array): SniffedType | undefined {
  if (startsWith(head, PNG)) return 'image/png';
  if (startsWith(head, JPEG)) return 'image/jpeg';
  if (startsWith(head, PDF)) return 'application/pdf';
  return undefined;
}

/** 图片 / PDF 文件, for messages. */
export function fileTypeLabel(type: SniffedType): string {
  return type === 'application/pdf' ? 'PDF 文件' : type === 'image/png' ? 'PNG 图片' : 'JPEG 图片';
}
