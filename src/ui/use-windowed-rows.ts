import { usePageScroll } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { stridesOf, visibleWindow, type RowWindow } from '@/lib/virtual-window';
import { measureRows } from './measure-rows';

const OVERSCAN = 6;
/**
 * Rows rendered before any row is measured: enough to fill a phone's first screen under the
 * search bar (a row is ~120–190 px tall at 375 px wide), and no more: every card is render time the
 * resident waits for after a keystroke. The rest follow once the rows are measured.
 */
const INITIAL_ROWS = 8;

type Geometry = { listTop: number; viewport: number };

/**
 * Windowing for a page-scrolled list whose rows are as tall as their content: only the rows near
 * the viewport are rendered, so a list of 1,000 results keeps a few dozen nodes. Each row drawn is
 * measured; rows not drawn yet count as the mean of those measured. `listSelector` is the list's
 * root, its rows are its children with class `rowClass`; a new `listKey` (another query) forgets
 * the measured heights.
 */
export function useWindowedRows(count: number, listSelector: string, rowClass: string, listKey: string) {
  const initial: RowWindow = { start: 0, end: INITIAL_ROWS, spaceBefore: 0, spaceAfter: 0 };
  const [rowWindow, setRowWindow] = useState<RowWindow>(initial);
  const geometry = useRef<Geometry>();
  const strides = useRef<(number | undefined)[]>([]);
  const measuredKey = useRef(listKey);
  const scrollTop = useRef(0);

  if (measuredKey.current !== listKey) {
    measuredKey.current = listKey;
    strides.current = [];
  }

  const update = () => {
    const g = geometry.current;
    if (!g) return;
    const known = strides.current.filter((s): s is number => s !== undefined);
    const next = visibleWindow({
      scrollTop: scrollTop.current,
      listTop: g.listTop,
      viewportHeight: g.viewport,
      strides: strides.current,
      estimatedStride: known.length > 0 ? known.reduce((a, b) => a + b, 0) / known.length : 0,
      count,
      overscan: OVERSCAN,
    });
    setRowWindow((w) =>
      w.start === next.start &&
      w.end === next.end &&
      w.spaceBefore === next.spaceBefore &&
      w.spaceAfter === next.spaceAfter
        ? w
        : next,
    );
  };

  usePageScroll(({ scrollTop: top }) => {
    scrollTop.current = top;
    update();
  });

  const drawn = geometry.current ? rowWindow : initial;
  const start = drawn.start;
  const end = Math.min(drawn.end, count);
  useEffect(() => {
    update();
    if (count === 0) return;
    // Measure the rows just drawn: where the list starts, and each row's stride.
    measureRows(listSelector, `.${rowClass}`, (layout) => {
      if (!layout) return;
      stridesOf(layout.rows).forEach((stride, i) => {
        if (start + i < count) strides.current[start + i] = stride;
      });
      // The list's own top: the space standing in for the rows above is inside it.
      geometry.current = { listTop: layout.listTop + scrollTop.current, viewport: layout.viewportHeight };
      update();
    });
    // Re-measure whenever other rows are drawn (scrolling, next page, new query).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [count, listSelector, rowClass, listKey, start, end]);

  return {
    start,
    end,
    spaceBefore: geometry.current ? drawn.spaceBefore : 0,
    spaceAfter: geometry.current ? drawn.spaceAfter : 0,
  };
}
