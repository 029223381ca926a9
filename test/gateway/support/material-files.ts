/** Test files that pass (or fail) the gateway's content checks, generated in memory. */

/** Bytes that are not all alike, so two files of one size have different hashes. */
export function filler(size: number, seed: number): Buffer {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i += 1) bytes[i] = (i * 31 + seed * 17 + (i >> 8)) & 0x7f;
  return bytes;
}

/** A minimal PDF as far as the gateway can tell: header, body, `%%EOF` at the end. */
export function pdf(size: number, seed = 1): Buffer {
  const head = Buffer.from('%PDF-1.4\n');
  const tail = Buffer.from('\n%%EOF\n');
  return Buffer.concat([head, filler(size - head.length - tail.length, seed), tail]);
}

/** A JPEG as far as the gateway can tell: SOI + APP0 marker at the start, EOI at the end. */
export function jpeg(size: number, seed = 1): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), filler(size - 6, seed), Buffer.from([0xff, 0xd9])]);
}

/** A Windows executable's first bytes (`MZ`). */
export function exe(size: number): Buffer {
  return Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), filler(size - 8, 9)]);
}
