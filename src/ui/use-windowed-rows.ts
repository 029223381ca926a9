import { usePageScroll } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { visibleRange } from '@/lib/virtual-window';
import { measureRows } from './measure-rows';

const OVERSCAN = 6;
/**
 * Rows rendered before the row size is known: enough to fill a phone's first screen under the
 * search bar (a row is ~150 px tall at 375 px wide), and no more: every card is render time the
 * resident waits for after a keystroke. The rest follow once the rows are measured.
 */
const INITIAL_ROWS = 8;

type Geometry = { listTop: number; stride: number; viewport: number };

/**
 * Windowing for a page-scrolled list of equal-height rows: only the rows near the viewport are
 * rendered, so a list of 1,000 results keeps a few dozen nodes. `listSelector` is the list's root;
 * its rows are its children with class `rowClass`.
 */
export function useWindowedRows(count: number, listSelector: string, rowClass: string) {
  // The measured window; until the rows are measured the first INITIAL_ROWS are drawn instead.
  const [range, setRange] = useState({ start: 0, end: INITIAL_ROWS });
  const geometry = useRef<Geometry>();
  const scrollTop = useRef(0);

  const update = () => {
    const g = geometry.current;
    if (!g) return;
    const next = visibleRange({
      scrollTop: scrollTop.current,
      listTop: g.listTop,
      viewportHeight: g.viewport,
      rowStride: g.stride,
      count,
      overscan: OVERSCAN,
    });
    setRange((r) => (r.start === next.start && r.end === next.end ? r : next));
  };

  usePageScroll(({ scrollTop: top }) => {
    scrollTop.current = top;
    update();
  });

  useEffect(() => {
    update();
    if (count < 2) return;
    // Measure where the list starts and the distance between two rows, as laid out.
    measureRows(listSelector, `.${rowClass}`, (layout) => {
      if (!layout) return;
      const stride = layout.rowTops[1] - layout.rowTops[0];
      if (!(stride > 0)) return;
      geometry.current = { listTop: layout.listTop + scrollTop.current, stride, viewport: layout.viewportHeight };
      update();
    });
    // Re-measure when rows arrive (first page, next page, new query).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [count, listSelector, rowClass]);

  const stride = geometry.current?.stride ?? 0;
  // Until measured, the first rows: derived here rather than waiting for the effect, so rows that
  // just arrived are drawn in this render, not in a second one.
  const { start, end } = geometry.current ? range : { start: 0, end: INITIAL_ROWS };
  return {
    start,
    end: Math.min(end, count),
    spaceBefore: start * stride,
    spaceAfter: Math.max(0, count - Math.min(end, count)) * stride,
  };
}
