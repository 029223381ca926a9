import { PNG } from 'pngjs';
import type { MaterialFileType } from '../../../types/contract';

const PAD_WIDTH = 400;
const PAD_HEIGHT = 200;

/** Pen strokes of a three-character name across the pad (pixel points). */
const NAME_STROKES: [number, number][][] = [
  [
    [60, 60],
    [120, 60],
    [90, 60],
    [90, 150],
    [60, 140],
  ],
  [
    [160, 70],
    [220, 70],
    [190, 40],
    [190, 160],
    [150, 120],
    [230, 120],
  ],
  [
    [260, 60],
    [330, 60],
    [300, 60],
    [280, 150],
    [340, 150],
  ],
];

/**
 * A handwritten-looking signature as the app's pad exports it (transparent PNG, dark ink), with
 * enough ink for the gateway's signature check: demo commitments are signed through the real rules.
 * `variant` shifts the strokes so each demo signature is a different file.
 */
export function demoSignaturePng(variant: number): Buffer {
  const png = new PNG({ width: PAD_WIDTH, height: PAD_HEIGHT });
  const pen = 3;
  const dab = (x: number, y: number) => {
    for (let dx = 0; dx < pen; dx += 1) {
      for (let dy = 0; dy < pen; dy += 1) {
        const px = x + dx;
        const py = y + dy;
        if (px < 0 || py < 0 || px >= PAD_WIDTH || py >= PAD_HEIGHT) continue;
        png.data.set([20, 20, 20, 255], (py * PAD_WIDTH + px) * 4);
      }
    }
  };
  for (const stroke of NAME_STROKES) {
    for (let k = 1; k < stroke.length; k += 1) {
      const [x0, y0] = stroke[k - 1];
      const [x1, y1] = stroke[k];
      const steps = Math.max(1, Math.abs(x1 - x0), Math.abs(y1 - y0));
      for (let s = 0; s <= steps; s += 1) {
        dab(Math.round(x0 + ((x1 - x0) * s) / steps) + variant * 3, Math.round(y0 + ((y1 - y0) * s) / steps));
      }
    }
  }
  return PNG.sync.write(png);
}

/**
 * A small file the gateway's content check accepts as `mime`, standing for a scanned material. Its
 * text says it is demo data, should anyone open it.
 */
export function demoMaterialFile(mime: MaterialFileType, label: string): { bytes: Buffer; name: string } {
  if (mime === 'application/pdf') {
    const text = `%PDF-1.4\n% demo material (演示数据): ${label}\n`;
    const catalogueAt = Buffer.byteLength(text);
    const body = `${text}1 0 obj\n<< /Type /Catalog >>\nendobj\n`;
    const xrefAt = Buffer.byteLength(body);
    const xref = `xref\n0 2\n0000000000 65535 f \n${String(catalogueAt).padStart(10, '0')} 00000 n \n`;
    const trailer = `trailer\n<< /Size 2 /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
    return { bytes: Buffer.from(body + xref + trailer, 'utf8'), name: `${label}（演示）.pdf` };
  }
  if (mime === 'image/jpeg') {
    // SOI, APP0 (JFIF), an 8×8 frame, one scan of two bytes, EOI: a JPEG as the gateway walks it.
    const bytes = Buffer.from([
      0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00,
      0x00, 0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x08, 0x00, 0x08, 0x01, 0x01, 0x11, 0x00, 0xff, 0xda, 0x00, 0x08, 0x01,
      0x01, 0x00, 0x00, 0x3f, 0x00, 0x00, 0x00, 0xff, 0xd9,
    ]);
    return { bytes, name: `${label}（演示）.jpg` };
  }
  const png = new PNG({ width: 4, height: 4 });
  png.data.fill(255);
  return { bytes: PNG.sync.write(png), name: `${label}（演示）.png` };
}
