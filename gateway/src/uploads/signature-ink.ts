/**
 * Whether a handwritten signature has enough ink to be one. The same rule as the app's
 * src/lib/signature-ink.ts (same thresholds, same notion of ink): the app refuses before
 * uploading, the gateway refuses what a client that skipped the check sends anyway.
 */

/** Share of all pixels that must be ink (0.3 %). */
export const MIN_INK_RATIO = 0.003;
/** The ink's bounding box must span at least 15 % of the width… */
export const MIN_SPAN_X = 0.15;
/** …and 10 % of the height (so a dot or a short tick is refused). */
export const MIN_SPAN_Y = 0.1;
/** Visible: alpha above this. */
export const INK_MIN_ALPHA = 32;
/** Near-white: every one of R, G and B above this. */
export const NEAR_WHITE = 230;

export const INK_MESSAGES = {
  invalid: '签名图片无效，请重新签名',
  blank: '请先在签名区域手写签名',
  trivial: '签名过于简单，请用正楷完整书写您的姓名',
} as const;

export interface InkBox {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export interface InkAssessment {
  ok: boolean;
  /** Why it is refused (Chinese, shown to the user); absent when ok. */
  reason?: string;
  inkPixels: number;
  inkRatio: number;
  /** Bounding box of the ink, inclusive; absent when there is none. */
  box?: InkBox;
  /** Box width / image width and box height / image height (0 without ink). */
  spanX: number;
  spanY: number;
}

/** A pixel is ink when it is visible (alpha > 32) and not near-white (R, G and B all > 230). */
export function isInkPixel(rgba: ArrayLike<number>, offset: number): boolean {
  return (
    rgba[offset + 3] > INK_MIN_ALPHA &&
    !(rgba[offset] > NEAR_WHITE && rgba[offset + 1] > NEAR_WHITE && rgba[offset + 2] > NEAR_WHITE)
  );
}

/**
 * Counts ink pixels in 8-bit RGBA data (row-major, 4 bytes per pixel) and their bounding box;
 * refuses no ink at all (blank), less than 0.3 % ink, or a box narrower than 15 % of the width or
 * lower than 10 % of the height. Pure: no I/O, the same answer for the same pixels.
 */
export function assessSignatureInk(rgba: ArrayLike<number>, width: number, height: number): InkAssessment {
  const none = { inkPixels: 0, inkRatio: 0, spanX: 0, spanY: 0 };
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    return { ok: false, reason: INK_MESSAGES.invalid, ...none };
  }
  if (rgba.length < width * height * 4) return { ok: false, reason: INK_MESSAGES.invalid, ...none };
  let ink = 0;
  let minX = width;
  let minY = height;
  let maxX = -1;
  let maxY = -1;
  for (let y = 0; y < height; y += 1) {
    const row = y * width * 4;
    for (let x = 0; x < width; x += 1) {
      if (!isInkPixel(rgba, row + x * 4)) continue;
      ink += 1;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  if (ink === 0) return { ok: false, reason: INK_MESSAGES.blank, ...none };
  const inkRatio = ink / (width * height);
  const spanX = (maxX - minX + 1) / width;
  const spanY = (maxY - minY + 1) / height;
  const measured = { inkPixels: ink, inkRatio, box: { minX, minY, maxX, maxY }, spanX, spanY };
  if (inkRatio < MIN_INK_RATIO || spanX < MIN_SPAN_X || spanY < MIN_SPAN_Y) {
    return { ok: false, reason: INK_MESSAGES.trivial, ...measured };
  }
  return { ok: true, ...measured };
}
