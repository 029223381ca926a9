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
    const text = `%PDF-1.4\n% demo material (演示数据): ${label}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`;
    return { bytes: Buffer.from(text, 'utf8'), name: `${label}（演示）.pdf` };
  }
  if (mime === 'image/jpeg') {
    // SOI, an APP0 marker, EOI: as far as the gateway reads a JPEG.
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0xff, 0xd9]);
    return { bytes, name: `${label}（演示）.jpg` };
  }
  const png = new PNG({ width: 4, height: 4 });
  png.data.fill(255);
  return { bytes: PNG.sync.write(png), name: `${label}（演示）.png` };
}
