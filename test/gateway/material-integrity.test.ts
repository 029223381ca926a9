import { crc32, deflateSync } from 'node:zlib';
import jpegJs from 'jpeg-js';
import { bufferSource } from '../../gateway/src/uploads/byte-source';
import { jpegStructureIntact } from '../../gateway/src/uploads/jpeg-structure';
import { pdfStructureIntact } from '../../gateway/src/uploads/pdf-structure';
import { pngStructure } from '../../gateway/src/uploads/png-structure';
import { MATERIAL_MESSAGES, MAX_MATERIAL_PIXELS, inspectMaterialBytes } from '../../gateway/src/uploads/material-file';
import { encodePng, scribblePixels } from './support/commitments';
import { jpeg, pdf } from './support/material-files';

/** A PNG rebuilt from chunks, each given its right length and CRC. */
function pngOf(chunks: [string, Buffer][]): Buffer {
  const parts: Buffer[] = [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])];
  for (const [type, data] of chunks) {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.from(data), crc32(Buffer.from(type, 'latin1'))), 0);
    parts.push(head, data, crc);
  }
  return Buffer.concat(parts);
}

/** The chunks of a PNG (type, data), as written. */
function chunksOf(png: Buffer): [string, Buffer][] {
  const chunks: [string, Buffer][] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    chunks.push([png.toString('latin1', at + 4, at + 8), png.subarray(at + 8, at + 8 + length)]);
    at += 12 + length;
  }
  return chunks;
}

function ihdr(width: number, height: number, depth = 8, colourType = 6, interlace = 0): Buffer {
  const data = Buffer.alloc(13);
  data.writeUInt32BE(width, 0);
  data.writeUInt32BE(height, 4);
  data.set([depth, colourType, 0, 0, interlace], 8);
  return data;
}

const realPng = () => encodePng(scribblePixels());

/** A real baseline JPEG from an encoder (quantisation and Huffman tables, stuffed bytes, EOI). */
function realJpeg(width = 64, height = 48): Buffer {
  const data = Buffer.alloc(width * height * 4);
  for (let i = 0; i < data.length; i += 4) data.set([(i * 7) % 256, (i * 13) % 256, (i * 3) % 256, 255], i);
  return jpegJs.encode({ data, width, height }, 80).data;
}

const png = (bytes: Buffer) => pngStructure(bufferSource(bytes), MAX_MATERIAL_PIXELS);
const intactJpeg = (bytes: Buffer) => jpegStructureIntact(bufferSource(bytes));
const intactPdf = (bytes: Buffer) => pdfStructureIntact(bufferSource(bytes));

describe('PNG: decodes completely', () => {
  it('accepts a real PNG, an interlaced one and a palette one', () => {
    expect(png(realPng())).toEqual({ ok: true, width: 400, height: 200 });
    const interlaced = pngOf([
      ['IHDR', ihdr(33, 17, 8, 6, 1)],
      // Adam7 of 33×17 RGBA: each pass's rows of (1 + 4 × pass width) bytes.
      ['IDAT', deflateSync(Buffer.alloc(interlacedBytes(33, 17, 4)))],
      ['IEND', Buffer.alloc(0)],
    ]);
    expect(png(interlaced)).toEqual({ ok: true, width: 33, height: 17 });
    const palette = pngOf([
      ['IHDR', ihdr(10, 3, 4, 3)],
      ['PLTE', Buffer.alloc(6)],
      ['IDAT', deflateSync(Buffer.alloc(3 * (1 + 5)))],
      ['IEND', Buffer.alloc(0)],
    ]);
    expect(png(palette)).toEqual({ ok: true, width: 10, height: 3 });
  });

  it('refuses a PNG cut inside its image data (header intact, no IEND)', () => {
    const bytes = realPng();
    expect(png(bytes.subarray(0, bytes.length - 40))).toEqual({ ok: false, tooManyPixels: false });
    expect(png(bytes.subarray(0, 60)).ok).toBe(false);
  });

  it('refuses a PNG whose chunks are whole but whose image data stops early (IEND re-attached)', () => {
    const chunks = chunksOf(realPng());
    const idat = chunks.find(([type]) => type === 'IDAT')?.[1] ?? Buffer.alloc(0);
    const cut = pngOf([chunks[0], ['IDAT', idat.subarray(0, idat.length / 2)], ['IEND', Buffer.alloc(0)]]);
    expect(png(cut).ok).toBe(false);
  });

  it('refuses a bad CRC', () => {
    const bytes = Buffer.from(realPng());
    bytes[bytes.length - 30] ^= 0xff;
    expect(png(bytes).ok).toBe(false);
  });

  it('refuses bad zlib data even with correct CRCs', () => {
    const garbage = pngOf([
      ['IHDR', ihdr(4, 4)],
      ['IDAT', Buffer.from('not zlib at all, just text')],
      ['IEND', Buffer.alloc(0)],
    ]);
    expect(png(garbage).ok).toBe(false);
    // Valid zlib, but fewer bytes than 4 rows of 4 RGBA pixels need…
    const short = pngOf([
      ['IHDR', ihdr(4, 4)],
      ['IDAT', deflateSync(Buffer.alloc(40))],
      ['IEND', Buffer.alloc(0)],
    ]);
    expect(png(short).ok).toBe(false);
    // …or more (a bomb is stopped where the image ends).
    const long = pngOf([
      ['IHDR', ihdr(4, 4)],
      ['IDAT', deflateSync(Buffer.alloc(1_000_000))],
      ['IEND', Buffer.alloc(0)],
    ]);
    expect(png(long).ok).toBe(false);
  });

  it('refuses chunks out of order and a header that describes no image', () => {
    const data = deflateSync(Buffer.alloc(4 * 17));
    const end: [string, Buffer] = ['IEND', Buffer.alloc(0)];
    expect(png(pngOf([['IDAT', data], ['IHDR', ihdr(4, 4)], end])).ok).toBe(false);
    expect(png(pngOf([['IHDR', ihdr(4, 4, 3, 6)], ['IDAT', data], end])).ok).toBe(false);
    expect(png(pngOf([['IHDR', ihdr(0, 4)], ['IDAT', data], end])).ok).toBe(false);
    const split = pngOf([
      ['IHDR', ihdr(4, 4)],
      ['IDAT', data.subarray(0, 5)],
      ['tEXt', Buffer.from('a\0b')],
      ['IDAT', data.subarray(5)],
      end,
    ]);
    expect(png(split).ok).toBe(false);
  });

  it('refuses more than 50 megapixels before inflating anything', () => {
    const huge = pngOf([
      ['IHDR', ihdr(10_000, 5_001)],
      ['IDAT', deflateSync(Buffer.alloc(10))],
      ['IEND', Buffer.alloc(0)],
    ]);
    expect(png(huge)).toEqual({ ok: false, tooManyPixels: true });
  });
});

function interlacedBytes(width: number, height: number, bytesPerPixel: number): number {
  const passes = [
    [0, 0, 8, 8],
    [4, 0, 8, 8],
    [0, 4, 4, 8],
    [2, 0, 4, 4],
    [0, 2, 2, 4],
    [1, 0, 2, 2],
    [0, 1, 1, 2],
  ];
  let total = 0;
  for (const [x0, y0, dx, dy] of passes) {
    const w = Math.ceil((width - x0) / dx);
    const h = Math.ceil((height - y0) / dy);
    if (w > 0 && h > 0) total += h * (1 + w * bytesPerPixel);
  }
  return total;
}

describe('JPEG: SOI … frame, scan … EOI', () => {
  it('accepts a real encoder’s JPEG and the test fixture, with zero padding after EOI', () => {
    const real = realJpeg();
    expect(intactJpeg(real)).toBe(true);
    expect(jpegJs.decode(real).width).toBe(64);
    expect(intactJpeg(jpeg(10_000))).toBe(true);
    expect(inspectMaterialBytes(Buffer.concat([real, Buffer.alloc(100)]), 'file')).toEqual({ mime: 'image/jpeg' });
  });

  it('refuses a JPEG cut anywhere before its EOI', () => {
    const real = realJpeg();
    for (const keep of [2, 20, 200, real.length / 2, real.length - 2, real.length - 1]) {
      expect(intactJpeg(real.subarray(0, Math.floor(keep)))).toBe(false);
    }
  });

  it('refuses SOI … EOI without a frame or a scan, and a segment running past the end', () => {
    expect(intactJpeg(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xd9]))).toBe(false);
    const frameOnly = Buffer.from([0xff, 0xd8, 0xff, 0xc0, 0, 11, 8, 0, 8, 0, 8, 1, 1, 0x11, 0, 0xff, 0xd9]);
    expect(intactJpeg(frameOnly)).toBe(false);
    expect(intactJpeg(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x40, 0, 0, 0, 0xff, 0xd9]))).toBe(false);
    // An EOI pasted on a file cut inside its tables does not make it whole (cut inside the scan data
    // and given an EOI, a JPEG is whole as far as its structure goes: only decoding would tell).
    const real = realJpeg();
    const pasted = Buffer.concat([real.subarray(0, 300), Buffer.from([0xff, 0xd9])]);
    expect(intactJpeg(pasted)).toBe(false);
  });
});

describe('PDF: startxref → xref table and trailer, or xref stream', () => {
  it('accepts the fixture (classic xref) and an xref stream', () => {
    expect(intactPdf(pdf(5000))).toBe(true);
    const head = '%PDF-1.5\n1 0 obj\n<< /Type /Catalog >>\nendobj\n';
    const stream = '2 0 obj\n<< /Type /XRef /Size 3 /Root 1 0 R /W [1 2 1] /Length 0 >>\nstream\n\nendstream\nendobj\n';
    const bytes = Buffer.from(`${head}${stream}startxref\n${head.length}\n%%EOF\n`, 'latin1');
    expect(intactPdf(bytes)).toBe(true);
  });

  it('refuses a file that only ends in %%EOF, or whose startxref points at nothing', () => {
    expect(intactPdf(Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1'))).toBe(false);
    const good = pdf(5000).toString('latin1');
    expect(intactPdf(Buffer.from(good.replace(/startxref\n\d+/, 'startxref\n100'), 'latin1'))).toBe(false);
    expect(intactPdf(Buffer.from(good.replace(/startxref\n\d+/, 'startxref\n999999'), 'latin1'))).toBe(false);
    expect(intactPdf(Buffer.from(good.replace('/Root 1 0 R', ''), 'latin1'))).toBe(false);
    expect(intactPdf(pdf(50_000).subarray(0, 40_000))).toBe(false);
  });

  it('names the type in its refusal', () => {
    expect(() => inspectMaterialBytes(pdf(3000).subarray(0, 2000), 'file')).toThrow(MATERIAL_MESSAGES.corruptedPdf);
    expect(() => inspectMaterialBytes(jpeg(3000).subarray(0, 2000), 'file')).toThrow(MATERIAL_MESSAGES.corruptedJpeg);
    expect(() => inspectMaterialBytes(realPng().subarray(0, 500), 'file')).toThrow(MATERIAL_MESSAGES.corruptedPng);
  });
});
