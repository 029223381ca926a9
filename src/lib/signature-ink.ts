/**
 * Whether a handwritten signature has enough ink to be one: a blank pad, a single dot or a short
 * tick is refused. The gateway applies the same rule to the uploaded PNG.
 */
export type InkAssessment = { ok: true; inkRatio: number } | { ok: false; reason: string };

/** Share of pixels that must carry ink. */
export const MIN_INK_RATIO = 0.003;
/** The inked area must span at least this share of the width and of the height. */
export const MIN_SPAN_X = 0.15;
export const MIN_SPAN_Y = 0.1;

/** A pixel is ink when it is visible (alpha > 32) and not near-white. */
function isInk(rgba: ArrayLike<number>, i: number): boolean {
  return rgba[i + 3] > 32 && !(rgba[i] > 230 && rgba[i + 1] > 230 && rgba[i + 2] > 230);
}

export function assessSignatureInk(rgba: ArrayLike<number>, width: number, height: number): InkAssessment {
  if (width <= 0 || height <= 0 || rgba.length < width * height * 4)
    return { ok: false, reason: '签名图片无效，请重新签名' };
  let ink = 0;
  let minX = width;
  let minY = height;
  let maxX = -1;
  let maxY = -1;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      if (!isInk(rgba, (y * width + x) * 4)) continue;
      ink += 1;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  if (ink === 0) return { ok: false, reason: '请先在签名区域手写签名' };
  const inkRatio = ink / (width * height);
  const spanX = (maxX - minX + 1) / width;
  const spanY = (maxY - minY + 1) / height;
  if (inkRatio < MIN_INK_RATIO || spanX < MIN_SPAN_X || spanY < MIN_SPAN_Y) {
    return { ok: false, reason: '签名过于简单，请用正楷完整书写您的姓名' };
  }
  return { ok: true, inkRatio };
}
