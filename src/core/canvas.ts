import Taro from '@tarojs/taro';
import { env } from './env';
import type { LocalFile } from './upload';

/** A canvas 2d node: the DOM canvas on H5, the platform's canvas node on mini-programs. */
export type CanvasNode = {
  width: number;
  height: number;
  getContext(type: '2d'): CanvasRenderingContext2D | null;
};

export interface DrawingSurface {
  node: CanvasNode;
  ctx: CanvasRenderingContext2D;
  /** Size on screen in CSS px; the backing store is this × `dpr` for crisp lines. */
  width: number;
  height: number;
  dpr: number;
  /** H5 only: the element, for pointer events (mini-programs use the component's touch events). */
  element?: HTMLCanvasElement;
}

function pixelRatio(): number {
  // On H5 the browser's own figure: Taro's getSystemInfoSync there pulls in a user-agent parser
  // (~42 KB of source) for fields this does not read.
  if (process.env.TARO_ENV === 'h5') return Math.min(3, window.devicePixelRatio || 1);
  else {
    try {
      return Math.min(3, Taro.getSystemInfoSync().pixelRatio || 1);
    } catch {
      return 1;
    }
  }
}

function h5Canvas(id: string): HTMLCanvasElement | null {
  const host = document.getElementById(id);
  if (host instanceof HTMLCanvasElement) return host;
  return host?.querySelector('canvas') ?? null;
}

/** Finds the `<Canvas type='2d' id={id}>` of the current page and prepares it for drawing. */
export function getDrawingSurface(id: string): Promise<DrawingSurface> {
  const dpr = pixelRatio();
  const prepare = (node: CanvasNode, width: number, height: number, element?: HTMLCanvasElement): DrawingSurface => {
    node.width = Math.round(width * dpr);
    node.height = Math.round(height * dpr);
    const ctx = node.getContext('2d');
    if (!ctx) throw new Error('canvas 2d unavailable');
    ctx.scale(dpr, dpr);
    return { node, ctx, width, height, dpr, element };
  };
  if (env.platform === 'h5') {
    return new Promise((resolve, reject) => {
      // The H5 canvas is created by a web component: wait a frame for it to exist.
      const attempt = (left: number) => {
        const canvas = h5Canvas(id);
        if (canvas && canvas.clientWidth > 0) {
          resolve(prepare(canvas, canvas.clientWidth, canvas.clientHeight, canvas));
        } else if (left > 0) setTimeout(() => attempt(left - 1), 50);
        else reject(new Error('canvas not found'));
      };
      attempt(40);
    });
  }
  return new Promise((resolve, reject) => {
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .fields({ node: true, size: true })
      .exec((res: Array<{ node?: CanvasNode; width: number; height: number } | null>) => {
        const found = res[0];
        if (!found?.node) return reject(new Error('canvas not found'));
        resolve(prepare(found.node, found.width, found.height));
      });
  });
}

/** The drawing as a PNG file ready for `uploadFile`. */
export function exportPng(surface: DrawingSurface, name: string): Promise<LocalFile> {
  if (surface.element) {
    const element = surface.element;
    return new Promise((resolve, reject) =>
      element.toBlob(
        (blob) => (blob ? resolve({ kind: 'blob', blob, name }) : reject(new Error('export failed'))),
        'image/png',
      ),
    );
  }
  return Taro.canvasToTempFilePath({ canvas: surface.node as never, fileType: 'png' }).then((res) => ({
    kind: 'path',
    path: res.tempFilePath,
    name,
  }));
}
