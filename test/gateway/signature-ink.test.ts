import { assessSignatureInk as appRule } from '../../src/lib/signature-ink';
import {
  INK_MESSAGES,
  MIN_INK_RATIO,
  MIN_SPAN_X,
  MIN_SPAN_Y,
  assessSignatureInk,
} from '../../gateway/src/uploads/signature-ink';
import {
  PAD_H,
  PAD_W,
  blankPad,
  dotPixels,
  scribblePixels,
  stroke,
  tickPixels,
  whitePixels,
} from './support/commitments';

/** A filled rectangle of ink (inclusive bounds) on a transparent pad. */
function rect(x0: number, y0: number, x1: number, y1: number, width = PAD_W, height = PAD_H): Uint8Array {
  const pad = blankPad(width, height);
  for (let y = y0; y <= y1; y += 1) for (let x = x0; x <= x1; x += 1) pad.set([0, 0, 0, 255], (y * width + x) * 4);
  return pad;
}

/** Examples shared with the app's rule (test/unit/signature-ink.test.ts): both must answer the same. */
const EXAMPLES: [string, Uint8Array, number, number, boolean][] = [
  ['blank (transparent)', blankPad(), PAD_W, PAD_H, false],
  ['blank (white)', whitePixels(), PAD_W, PAD_H, false],
  ['a dot', dotPixels(), PAD_W, PAD_H, false],
  ['a short tick', tickPixels(), PAD_W, PAD_H, false],
  ['a written name', scribblePixels(), PAD_W, PAD_H, true],
  // 400×200 = 80 000 px; 0.3 % = 240 px. A 60×4 bar is 240 px of ink and 15 % of the width, 2 % of the height.
  ['a long flat line', rect(100, 100, 159, 103), PAD_W, PAD_H, false],
  ['exactly at every threshold', rect(100, 80, 159, 99), PAD_W, PAD_H, true],
  ['one column short of 15 % width', rect(100, 80, 158, 99), PAD_W, PAD_H, false],
  ['one row short of 10 % height', rect(100, 80, 159, 98), PAD_W, PAD_H, false],
  ['thin frame, enough span, too little ink', rect(0, 0, 399, 0), PAD_W, PAD_H, false],
];

describe('assessSignatureInk (gateway)', () => {
  it('uses the thresholds of the app: 0.3 % ink, 15 % of the width, 10 % of the height', () => {
    expect({ MIN_INK_RATIO, MIN_SPAN_X, MIN_SPAN_Y }).toEqual({
      MIN_INK_RATIO: 0.003,
      MIN_SPAN_X: 0.15,
      MIN_SPAN_Y: 0.1,
    });
  });

  it('refuses a blank pad with the blank message, a dot and a tick with the trivial message', () => {
    expect(assessSignatureInk(blankPad(), PAD_W, PAD_H)).toMatchObject({ ok: false, reason: INK_MESSAGES.blank });
    expect(assessSignatureInk(whitePixels(), PAD_W, PAD_H)).toMatchObject({ ok: false, reason: INK_MESSAGES.blank });
    expect(assessSignatureInk(dotPixels(), PAD_W, PAD_H)).toMatchObject({ ok: false, reason: INK_MESSAGES.trivial });
    expect(assessSignatureInk(tickPixels(), PAD_W, PAD_H)).toMatchObject({ ok: false, reason: INK_MESSAGES.trivial });
  });

  it('accepts a written name and measures its ink and bounding box', () => {
    const result = assessSignatureInk(scribblePixels(), PAD_W, PAD_H);
    expect(result.ok).toBe(true);
    expect(result.reason).toBeUndefined();
    expect(result.box).toEqual({ minX: 60, minY: 40, maxX: 342, maxY: 162 });
    expect(result.inkRatio).toBeGreaterThan(MIN_INK_RATIO);
    expect(result.inkPixels).toBe(Math.round(result.inkRatio * PAD_W * PAD_H));
  });

  it('counts the edges exactly: 20 rows of 60 px is ink 1.5 %, 15 % wide, 10 % high', () => {
    const at = assessSignatureInk(rect(100, 80, 159, 99), PAD_W, PAD_H);
    expect(at).toMatchObject({ ok: true, inkPixels: 1200, spanX: 0.15, spanY: 0.1 });
    const low = assessSignatureInk(rect(100, 81, 159, 99), PAD_W, PAD_H);
    expect(low).toMatchObject({ ok: false, spanY: 0.095, reason: INK_MESSAGES.trivial });
  });

  it('ignores faint (alpha ≤ 32) and near-white (R, G, B > 230) pixels', () => {
    const pad = blankPad();
    // A whole-pad scribble in a colour that does not count as ink…
    for (const [r, g, b, a] of [
      [0, 0, 0, 32],
      [231, 231, 231, 255],
    ]) {
      const faint = blankPad();
      for (let i = 0; i < faint.length; i += 4) faint.set([r, g, b, a], i);
      expect(assessSignatureInk(faint, PAD_W, PAD_H)).toMatchObject({ ok: false, reason: INK_MESSAGES.blank });
    }
    // …while a light-grey pen just under the near-white line does.
    const grey = blankPad();
    stroke(grey, PAD_W, [
      [20, 20],
      [380, 180],
    ]);
    for (let i = 0; i < grey.length; i += 4) if (grey[i + 3] === 255) grey.set([230, 250, 250, 255], i);
    expect(assessSignatureInk(grey, PAD_W, PAD_H).ok).toBe(true);
    expect(assessSignatureInk(pad, PAD_W, PAD_H).inkPixels).toBe(0);
  });

  it('refuses bad dimensions rather than reading out of bounds', () => {
    expect(assessSignatureInk(new Uint8Array(16), 10, 10)).toMatchObject({ ok: false, reason: INK_MESSAGES.invalid });
    expect(assessSignatureInk(new Uint8Array(0), 0, 0).ok).toBe(false);
    expect(assessSignatureInk(new Uint8Array(8), 1.5, 1).ok).toBe(false);
  });

  it.each(EXAMPLES)('agrees with the app’s rule: %s', (_name, rgba, width, height, expected) => {
    const gateway = assessSignatureInk(rgba, width, height);
    const app = appRule(rgba, width, height);
    expect(gateway.ok).toBe(expected);
    expect(app.ok).toBe(expected);
    if (!gateway.ok && !app.ok) expect(gateway.reason).toBe(app.reason);
  });
});
