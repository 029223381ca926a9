import { PNG } from 'pngjs';

/** The 8-byte PNG signature. */
export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Refused before decoding: a small file can declare a huge image (a decompression bomb). */
export const MAX_PNG_SIDE = 4096;

export function hasPngSignature(bytes: Buffer): boolean {
  return bytes.length >= PNG_SIGNATURE.length && bytes.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE);
}

/** Width and height from the IHDR chunk (which must come first), or undefined when it is not there. */
export function pngHeaderSize(bytes: Buffer): { width: number; height: number } | undefined {
  if (!hasPngSignature(bytes) || bytes.length < 33) return undefined;
  if (bytes.readUInt32BE(8) !== 13 || bytes.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

export interface DecodedPng {
  width: number;
  height: number;
  /** 8-bit RGBA, row-major. */
  rgba: Buffer;
}

/** Decodes any PNG colour type to 8-bit RGBA (CRCs checked); throws on a corrupted file. */
export function decodePng(bytes: Buffer): DecodedPng {
  const png = PNG.sync.read(bytes, { checkCRC: true });
  return { width: png.width, height: png.height, rgba: png.data };
}
