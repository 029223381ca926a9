import { assessSignatureInk } from '../../src/lib/signature-ink';

const W = 400;
const H = 200;

function pad(): Uint8ClampedArray {
  return new Uint8ClampedArray(W * H * 4); // transparent
}

function stroke(rgba: Uint8ClampedArray, points: [number, number][], width = 3) {
  for (let k = 1; k < points.length; k += 1) {
    const [x0, y0] = points[k - 1];
    const [x1, y1] = points[k];
    const steps = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0));
    for (let s = 0; s <= steps; s += 1) {
      const x = Math.round(x0 + ((x1 - x0) * s) / steps);
      const y = Math.round(y0 + ((y1 - y0) * s) / steps);
      for (let dx = 0; dx < width; dx += 1)
        for (let dy = 0; dy < width; dy += 1) {
          const i = ((y + dy) * W + (x + dx)) * 4;
          rgba.set([20, 20, 20, 255], i);
        }
    }
  }
}

test('a blank pad is refused', () => {
  expect(assessSignatureInk(pad(), W, H)).toEqual({ ok: false, reason: '请先在签名区域手写签名' });
});

test('a white-filled pad counts as blank too', () => {
  const white = new Uint8ClampedArray(W * H * 4).fill(255);
  expect(assessSignatureInk(white, W, H).ok).toBe(false);
});

test('a single dot or a short tick is refused', () => {
  const dot = pad();
  stroke(
    dot,
    [
      [200, 100],
      [202, 101],
    ],
    4,
  );
  expect(assessSignatureInk(dot, W, H)).toEqual({ ok: false, reason: '签名过于简单，请用正楷完整书写您的姓名' });
  const tick = pad();
  stroke(tick, [
    [100, 100],
    [120, 110],
    [150, 70],
  ]);
  expect(assessSignatureInk(tick, W, H).ok).toBe(false);
});

test('a written name across the pad is accepted', () => {
  const name = pad();
  stroke(name, [
    [60, 60],
    [120, 60],
    [90, 60],
    [90, 150],
    [60, 140],
  ]);
  stroke(name, [
    [160, 70],
    [220, 70],
    [190, 40],
    [190, 160],
    [150, 120],
    [230, 120],
  ]);
  stroke(name, [
    [260, 60],
    [330, 60],
    [300, 60],
    [280, 150],
    [340, 150],
  ]);
  const result = assessSignatureInk(name, W, H);
  expect(result.ok).toBe(true);
});

test('bad dimensions are refused rather than read out of bounds', () => {
  expect(assessSignatureInk(new Uint8ClampedArray(16), 10, 10).ok).toBe(false);
  expect(assessSignatureInk(new Uint8ClampedArray(0), 0, 0).ok).toBe(false);
});
