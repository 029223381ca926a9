/** Test files that pass (or fail) the gateway's content checks, generated in memory. */

/** Bytes that are not all alike, so two files of one size have different hashes. */
export function filler(size: number, seed: number): Buffer {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i += 1) bytes[i] = (i * 31 + seed * 17 + (i >> 8)) & 0x7f;
  return bytes;
}

/**
 * A PDF of exactly `size` bytes that opens the way a reader opens it: a catalogue object, filler in
 * a comment, a classic xref table, a trailer naming /Root, `startxref` with the table's offset, `%%EOF`.
 */
export function pdf(size: number, seed = 1): Buffer {
  const head = '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%';
  const tailFor = (xrefAt: number) =>
    `\nxref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<< /Size 2 /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  // The offset's digits change the tail's length: settle it by trying each width.
  for (let digits = 1; digits <= 10; digits += 1) {
    const fillerLength = size - head.length - tailFor(10 ** (digits - 1)).length;
    const xrefAt = head.length + fillerLength + 1;
    if (fillerLength >= 0 && String(xrefAt).length === digits) {
      // Filler without line breaks stays inside the one comment.
      const body = filler(fillerLength, seed).map((b) => (b === 0x0a || b === 0x0d ? 0x20 : b));
      return Buffer.concat([Buffer.from(head, 'latin1'), body, Buffer.from(tailFor(xrefAt), 'latin1')]);
    }
  }
  throw new Error(`no PDF of ${size} bytes`);
}

/**
 * A JPEG of exactly `size` bytes that walks like one: SOI, APP0 (JFIF), a baseline frame header of
 * 8×8 pixels, a scan header, `size - 47` bytes of entropy-coded data (filler has no 0xFF), EOI.
 */
export function jpeg(size: number, seed = 1): Buffer {
  const head = Buffer.from([
    0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00,
    0x00, 0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x08, 0x00, 0x08, 0x01, 0x01, 0x11, 0x00, 0xff, 0xda, 0x00, 0x08, 0x01,
    0x01, 0x00, 0x00, 0x3f, 0x00,
  ]);
  return Buffer.concat([head, filler(size - head.length - 2, seed), Buffer.from([0xff, 0xd9])]);
}

/** A Windows executable's first bytes (`MZ`). */
export function exe(size: number): Buffer {
  return Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), filler(size - 8, 9)]);
}
