import { crc32 } from 'node:zlib';
import { Unzlib } from 'fflate';
import { piecesOf, type ByteSource } from './byte-source';
import { PNG_SIGNATURE } from './png';

/** Adam7 passes: x start, y start, x step, y step. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

/** Channels of each colour type, and the bit depths it allows (PNG spec, table 11.1). */
const COLOUR_TYPES: Record<number, { channels: number; depths: readonly number[] }> = {
  0: { channels: 1, depths: [1, 2, 4, 8, 16] },
  2: { channels: 3, depths: [8, 16] },
  3: { channels: 1, depths: [1, 2, 4, 8] },
  4: { channels: 2, depths: [8, 16] },
  6: { channels: 4, depths: [8, 16] },
};

export interface PngHeader {
  width: number;
  height: number;
  /** Bytes the image data inflates to: each scanline with its filter byte, every pass if interlaced. */
  inflatedBytes: number;
}

/** The IHDR's fields, checked; undefined when they describe no valid image. */
export function readPngHeader(ihdr: Buffer): PngHeader | undefined {
  if (ihdr.length !== 13) return undefined;
  const width = ihdr.readUInt32BE(0);
  const height = ihdr.readUInt32BE(4);
  const [depth, colourType, compression, filter, interlace] = ihdr.subarray(8);
  const colour = COLOUR_TYPES[colourType];
  if (width < 1 || height < 1 || width > 2 ** 31 - 1 || height > 2 ** 31 - 1) return undefined;
  if (!colour || !colour.depths.includes(depth) || compression !== 0 || filter !== 0 || interlace > 1) {
    return undefined;
  }
  const bits = colour.channels * depth;
  const rowBytes = (w: number) => 1 + Math.ceil((w * bits) / 8);
  let inflatedBytes = 0;
  if (interlace === 0) {
    inflatedBytes = height * rowBytes(width);
  } else {
    for (const [x0, y0, dx, dy] of ADAM7) {
      const w = Math.ceil((width - x0) / dx);
      const h = Math.ceil((height - y0) / dy);
      if (w > 0 && h > 0) inflatedBytes += h * rowBytes(w);
    }
  }
  return { width, height, inflatedBytes };
}

/**
 * Whether a PNG decodes completely, read in one pass without keeping its pixels: every chunk whole
 * with a matching CRC, IHDR first and valid, the IDAT chunks consecutive and their zlib stream
 * complete, inflating to exactly the bytes the image's scanlines need (no more: a small file cannot
 * make the gateway inflate gigabytes), and IEND. `maxPixels` is checked from IHDR before inflating.
 */
export function pngStructure(
  source: ByteSource,
  maxPixels: number,
): { ok: true; width: number; height: number } | { ok: false; tooManyPixels: boolean } {
  const bad = { ok: false as const, tooManyPixels: false };
  if (!source.read(0, 8).equals(PNG_SIGNATURE)) return bad;
  let at = 8;
  let header: PngHeader | undefined;
  let inflater: Unzlib | undefined;
  let inflated = 0;
  let inflateEnded = false;
  let idatDone = false;
  while (at + 12 <= source.size) {
    const chunkHead = source.read(at, 8);
    const length = chunkHead.readUInt32BE(0);
    const type = chunkHead.toString('latin1', 4, 8);
    if (length > 2 ** 31 - 1 || at + 12 + length > source.size || !/^[A-Za-z]{4}$/.test(type)) return bad;
    if (header === undefined && type !== 'IHDR') return bad;
    if (type === 'IHDR') {
      if (header !== undefined) return bad;
      header = readPngHeader(source.read(at + 8, length));
      if (!header) return bad;
      if (header.width * header.height > maxPixels) return { ok: false, tooManyPixels: true };
    }
    if (type === 'IDAT') {
      if (idatDone) return bad;
      inflater ??= new Unzlib((data, final) => {
        inflated += data.length;
        if (final) inflateEnded = true;
        if (header && inflated > header.inflatedBytes) throw new Error('more image data than the image holds');
      });
    } else if (inflater) {
      idatDone = true;
    }
    let crc = crc32(chunkHead.subarray(4, 8));
    try {
      for (const piece of piecesOf(source, at + 8, length)) {
        crc = crc32(piece, crc);
        if (type === 'IDAT') inflater?.push(piece, false);
      }
    } catch {
      return bad;
    }
    if (source.read(at + 8 + length, 4).readUInt32BE(0) !== crc) return bad;
    at += 12 + length;
    if (type === 'IEND') {
      if (length !== 0 || !inflater || !header) return bad;
      try {
        inflater.push(new Uint8Array(0), true);
      } catch {
        return bad;
      }
      if (!inflateEnded || inflated !== header.inflatedBytes) return bad;
      return { ok: true, width: header.width, height: header.height };
    }
  }
  return bad;
}
