import type { ByteSource } from './byte-source';

const BLOCK = 64 * 1024;

/** Frame headers: SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range. */
function isFrameMarker(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/** Markers that stand alone, with no length: RST0–RST7 and TEM. */
function isStandalone(marker: number): boolean {
  return (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01;
}

/**
 * Where the entropy-coded data that starts at `from` ends: the offset of the 0xFF of the next marker
 * that is not a stuffed byte (FF 00) or a restart (FF D0–D7); undefined when the file ends first.
 */
function endOfScan(source: ByteSource, from: number): number | undefined {
  let at = from;
  while (at < source.size) {
    // One byte of overlap, so an FF at the end of a block is read with the byte after it.
    const block = source.read(at, BLOCK + 1);
    let i = block.indexOf(0xff);
    while (i >= 0 && i + 1 < block.length) {
      const next = block[i + 1];
      if (next !== 0x00 && next !== 0xff && !(next >= 0xd0 && next <= 0xd7)) return at + i;
      i = block.indexOf(0xff, i + 1);
    }
    if (block.length <= BLOCK) return undefined;
    at += BLOCK;
  }
  return undefined;
}

/**
 * Whether a JPEG is whole, read the way a decoder walks it without decoding pixels: SOI, then
 * marker segments each within the file, a frame header (SOF) with a width, at least one scan (SOS)
 * after it whose entropy-coded data runs to a marker, and EOI. A file cut anywhere before its EOI,
 * or with a segment running past the end, fails. Huffman data is not decoded: a flipped bit in it
 * spoils part of the picture, not the file, and decoding a 40-megapixel photo costs seconds.
 */
export function jpegStructureIntact(source: ByteSource): boolean {
  const { size } = source;
  const head = source.read(0, 2);
  if (head.length < 2 || head[0] !== 0xff || head[1] !== 0xd8) return false;
  let at = 2;
  let frame = false;
  let scans = 0;
  while (at < size) {
    if (source.read(at, 1)[0] !== 0xff) return false;
    // Any number of FF fill bytes may precede a marker.
    let marker = 0xff;
    while (marker === 0xff) {
      at += 1;
      if (at >= size) return false;
      marker = source.read(at, 1)[0];
    }
    at += 1;
    if (marker === 0xd9) return frame && scans > 0;
    if (marker === 0x00 || marker === 0xd8) return false;
    if (isStandalone(marker)) continue;
    const lengthBytes = source.read(at, 2);
    if (lengthBytes.length < 2) return false;
    const length = lengthBytes.readUInt16BE(0);
    if (length < 2 || at + length > size) return false;
    const segment = source.read(at + 2, Math.min(length - 2, 8));
    if (isFrameMarker(marker)) {
      // P, Y (2), X (2), Nf, then 3 bytes per component.
      if (length < 8 || segment.readUInt16BE(3) === 0 || segment[5] === 0 || length < 8 + 3 * segment[5]) return false;
      frame = true;
    } else if (marker === 0xda) {
      // Ns, then 2 bytes per component, then Ss, Se, Ah/Al.
      if (!frame || length < 6 || length !== 6 + 2 * segment[0]) return false;
      const end = endOfScan(source, at + length);
      if (end === undefined) return false;
      scans += 1;
      at = end;
      continue;
    }
    at += length;
  }
  return false;
}
