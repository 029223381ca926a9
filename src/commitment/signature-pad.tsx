import { Canvas, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { exportPng, getDrawingSurface, type DrawingSurface } from '@/core/canvas';
import { env } from '@/core/env';
import type { LocalFile } from '@/core/upload';
import { assessSignatureInk } from '@/lib/signature-ink';
import './signature-pad.scss';
import '@/ui/field.scss';

type Point = { x: number; y: number };

export type SignaturePadHandle = {
  /** The signature as a PNG, or the reason it is not one yet (blank, a dot, a tick). */
  export(): Promise<{ ok: true; file: LocalFile } | { ok: false; reason: string }>;
};

export type SignaturePadProps = { onInkChange?: (hasInk: boolean) => void };

const CANVAS_ID = 'signature-pad';

/**
 * Handwriting on the platform's canvas 2d (WeChat, Alipay and H5 alike), sized for the device's
 * pixel ratio so strokes stay sharp. NutUI's Signature is not used: it is unreliable on Alipay.
 */
export const SignaturePad = forwardRef<SignaturePadHandle, SignaturePadProps>(function SignaturePad(
  { onInkChange },
  ref,
) {
  const surface = useRef<DrawingSurface>();
  const strokes = useRef<Point[][]>([]);
  const [strokeCount, setStrokeCount] = useState(0);
  const [failed, setFailed] = useState(false);

  const redraw = () => {
    const s = surface.current;
    if (!s) return;
    s.ctx.clearRect(0, 0, s.width, s.height);
    for (const stroke of strokes.current) drawStroke(s, stroke);
  };

  const begin = (p: Point) => {
    strokes.current.push([p]);
    setStrokeCount(strokes.current.length);
    onInkChange?.(true);
  };
  const extend = (p: Point) => {
    const stroke = strokes.current[strokes.current.length - 1];
    const s = surface.current;
    if (!stroke || !s) return;
    stroke.push(p);
    drawStroke(s, stroke.slice(-2));
  };

  useEffect(() => {
    let detach = () => undefined as void;
    getDrawingSurface(CANVAS_ID)
      .then((s) => {
        surface.current = s;
        const element = s.element;
        if (!element) return;
        // H5: pointer events cover mouse, touch and pen alike.
        let drawing = false;
        const at = (e: PointerEvent): Point => {
          const rect = element.getBoundingClientRect();
          return { x: e.clientX - rect.left, y: e.clientY - rect.top };
        };
        const down = (e: PointerEvent) => {
          drawing = true;
          element.setPointerCapture?.(e.pointerId);
          begin(at(e));
          e.preventDefault();
        };
        const move = (e: PointerEvent) => {
          if (drawing) extend(at(e));
        };
        const up = () => {
          drawing = false;
        };
        element.addEventListener('pointerdown', down);
        element.addEventListener('pointermove', move);
        element.addEventListener('pointerup', up);
        element.addEventListener('pointercancel', up);
        detach = () => {
          element.removeEventListener('pointerdown', down);
          element.removeEventListener('pointermove', move);
          element.removeEventListener('pointerup', up);
          element.removeEventListener('pointercancel', up);
        };
      })
      .catch(() => setFailed(true));
    return () => detach();
    // Set up once per mount; the handlers read refs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useImperativeHandle(ref, () => ({
    async export() {
      const s = surface.current;
      if (!s || strokes.current.length === 0) return { ok: false, reason: '请先在签名区域手写签名' };
      const image = s.ctx.getImageData(0, 0, s.node.width, s.node.height);
      const assessment = assessSignatureInk(image.data, image.width, image.height);
      if (!assessment.ok) return assessment;
      return { ok: true, file: await exportPng(s, 'signature.png') };
    },
  }));

  type TouchLike = { x?: number; y?: number };
  const touchPoint = (e: { touches: ArrayLike<TouchLike> }): Point | undefined => {
    const t = e.touches[0];
    return t && t.x !== undefined && t.y !== undefined ? { x: t.x, y: t.y } : undefined;
  };
  const miniHandlers =
    env.platform === 'h5'
      ? {}
      : {
          onTouchStart: (e: { touches: ArrayLike<TouchLike> }) => {
            const p = touchPoint(e);
            if (p) begin(p);
          },
          onTouchMove: (e: { touches: ArrayLike<TouchLike> }) => {
            const p = touchPoint(e);
            if (p) extend(p);
          },
        };

  return (
    <View className='sig'>
      <Canvas type='2d' id={CANVAS_ID} className='sig__canvas' disableScroll {...miniHandlers} />
      {strokeCount === 0 ? <Text className='sig__hint'>请在此处用手指正楷书写您的姓名</Text> : null}
      {failed ? <Text className='field__error'>签名区域加载失败，请返回后重试</Text> : null}
      <View className='sig__actions'>
        <Button
          className='tap-target'
          disabled={strokeCount === 0}
          onClick={() => {
            strokes.current.pop();
            setStrokeCount(strokes.current.length);
            onInkChange?.(strokes.current.length > 0);
            redraw();
          }}
        >
          撤销一笔
        </Button>
        <Button
          className='tap-target'
          disabled={strokeCount === 0}
          onClick={() => {
            strokes.current = [];
            setStrokeCount(0);
            onInkChange?.(false);
            redraw();
          }}
        >
          清除重写
        </Button>
      </View>
    </View>
  );
});

function drawStroke(s: DrawingSurface, points: Point[]) {
  const { ctx } = s;
  ctx.strokeStyle = '#111827';
  ctx.lineWidth = 3;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.beginPath();
  points.forEach((p, i) => (i === 0 ? ctx.moveTo(p.x, p.y) : ctx.lineTo(p.x, p.y)));
  if (points.length === 1) ctx.lineTo(points[0].x + 0.1, points[0].y + 0.1);
  ctx.stroke();
}
