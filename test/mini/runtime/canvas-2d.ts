import { PNG } from 'pngjs';

/**
 * Just enough of a canvas 2d context for the signature pad: scale, paths of straight lines stroked
 * with a round pen, clearRect, getImageData. Ink is black at full opacity, whatever the style; the
 * checks downstream (enough ink, not a dot, not a scribble) look at coverage, not colour.
 */
export class Canvas2dNode {
  width = 300;
  height = 150;
  private pixels = new Uint8ClampedArray(0);
  private readonly context: Canvas2dContext;

  constructor(private readonly makeBytes: (length: number) => Uint8ClampedArray) {
    this.context = new Canvas2dContext(this);
  }

  getContext(type: string): Canvas2dContext | null {
    return type === '2d' ? this.context : null;
  }

  /** The backing store, resized (and cleared) when width or height changed, as a canvas does. */
  store(): Uint8ClampedArray {
    const length = this.width * this.height * 4;
    if (this.pixels.length !== length) this.pixels = new Uint8ClampedArray(length);
    return this.pixels;
  }

  newBytes(length: number): Uint8ClampedArray {
    return this.makeBytes(length);
  }

  toPng(): Buffer {
    const png = new PNG({ width: this.width, height: this.height });
    png.data = Buffer.from(this.store());
    return PNG.sync.write(png);
  }
}

type Point = { x: number; y: number };

export class Canvas2dContext {
  lineWidth = 1;
  lineCap = 'butt';
  lineJoin = 'miter';
  strokeStyle = '#000';
  fillStyle = '#000';
  private scaleX = 1;
  private scaleY = 1;
  private path: Point[][] = [];

  constructor(readonly canvas: Canvas2dNode) {}

  scale(x: number, y: number): void {
    this.scaleX *= x;
    this.scaleY *= y;
  }

  beginPath(): void {
    this.path = [];
  }

  moveTo(x: number, y: number): void {
    this.path.push([{ x: x * this.scaleX, y: y * this.scaleY }]);
  }

  lineTo(x: number, y: number): void {
    const point = { x: x * this.scaleX, y: y * this.scaleY };
    const last = this.path[this.path.length - 1];
    if (last) last.push(point);
    else this.path.push([point]);
  }

  stroke(): void {
    const radius = Math.max(0.5, (this.lineWidth * this.scaleX) / 2);
    for (const segmentPoints of this.path) {
      for (let i = 1; i < segmentPoints.length; i++) this.strokeSegment(segmentPoints[i - 1], segmentPoints[i], radius);
      if (segmentPoints.length === 1) this.dot(segmentPoints[0], radius);
    }
  }

  clearRect(x: number, y: number, w: number, h: number): void {
    this.paintRect(x, y, w, h, 0);
  }

  fillRect(x: number, y: number, w: number, h: number): void {
    this.paintRect(x, y, w, h, 255);
  }

  getImageData(
    sx: number,
    sy: number,
    sw: number,
    sh: number,
  ): { data: Uint8ClampedArray; width: number; height: number } {
    const store = this.canvas.store();
    const data = this.canvas.newBytes(sw * sh * 4);
    for (let y = 0; y < sh; y++) {
      const from = ((sy + y) * this.canvas.width + sx) * 4;
      data.set(store.subarray(from, from + sw * 4), y * sw * 4);
    }
    return { data, width: sw, height: sh };
  }

  private paintRect(x: number, y: number, w: number, h: number, alpha: number): void {
    const store = this.canvas.store();
    const x0 = Math.max(0, Math.floor(x * this.scaleX));
    const y0 = Math.max(0, Math.floor(y * this.scaleY));
    const x1 = Math.min(this.canvas.width, Math.ceil((x + w) * this.scaleX));
    const y1 = Math.min(this.canvas.height, Math.ceil((y + h) * this.scaleY));
    for (let py = y0; py < y1; py++) {
      for (let px = x0; px < x1; px++) store.set([0, 0, 0, alpha], (py * this.canvas.width + px) * 4);
    }
  }

  private strokeSegment(a: Point, b: Point, radius: number): void {
    const steps = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) / Math.max(0.5, radius / 2)));
    for (let i = 0; i <= steps; i++) {
      this.dot({ x: a.x + ((b.x - a.x) * i) / steps, y: a.y + ((b.y - a.y) * i) / steps }, radius);
    }
  }

  private dot(centre: Point, radius: number): void {
    const store = this.canvas.store();
    const { width, height } = this.canvas;
    for (let y = Math.floor(centre.y - radius); y <= Math.ceil(centre.y + radius); y++) {
      for (let x = Math.floor(centre.x - radius); x <= Math.ceil(centre.x + radius); x++) {
        if (x < 0 || y < 0 || x >= width || y >= height) continue;
        if ((x - centre.x) ** 2 + (y - centre.y) ** 2 > radius * radius) continue;
        store.set([0, 0, 0, 255], (y * width + x) * 4);
      }
    }
  }
}
