/**
 * Which rows of a long list are worth rendering: those in the viewport plus `overscan` rows either
 * side; everything else becomes empty space of the rows' height. Rows may differ in height (a
 * card is as tall as its content): each row's stride (its height plus the gap to the next) is
 * known once it has been drawn and measured, and estimated until then.
 */
export interface WindowInput {
  /** Page scroll offset. */
  scrollTop: number;
  /** Offset of the list's first row from the top of the page. */
  listTop: number;
  viewportHeight: number;
  /** Measured strides by row index; a hole is a row not measured yet. */
  strides: readonly (number | undefined)[];
  /** Stride assumed for rows not measured yet (e.g. the mean of the measured ones). */
  estimatedStride: number;
  count: number;
  overscan: number;
}

export interface RowWindow {
  start: number;
  end: number;
  /** Height of the rows before `start` and after `end`, drawn as empty space. */
  spaceBefore: number;
  spaceAfter: number;
}

export function visibleWindow(input: WindowInput): RowWindow {
  const { scrollTop, listTop, viewportHeight, strides, estimatedStride, count, overscan } = input;
  if (count <= 0) return { start: 0, end: 0, spaceBefore: 0, spaceAfter: 0 };
  if (!(estimatedStride > 0) || !Number.isFinite(scrollTop)) {
    return { start: 0, end: Math.min(count, 2 * overscan), spaceBefore: 0, spaceAfter: 0 };
  }
  const strideOf = (i: number) => {
    const measured = strides[i];
    return measured !== undefined && measured > 0 ? measured : estimatedStride;
  };
  const top = scrollTop - listTop;
  const bottom = top + viewportHeight;
  // First row whose bottom is below the viewport's top, and first row starting below its bottom.
  let offset = 0;
  let firstVisible = 0;
  while (firstVisible < count && offset + strideOf(firstVisible) <= top) offset += strideOf(firstVisible++);
  let afterVisible = firstVisible;
  let visibleEnd = offset;
  while (afterVisible < count && visibleEnd < bottom) visibleEnd += strideOf(afterVisible++);

  const start = Math.max(0, firstVisible - overscan);
  const end = Math.max(Math.min(count, afterVisible + overscan), Math.min(count, start + 1));
  let spaceBefore = 0;
  for (let i = 0; i < start; i++) spaceBefore += strideOf(i);
  let spaceAfter = 0;
  for (let i = end; i < count; i++) spaceAfter += strideOf(i);
  return { start, end, spaceBefore, spaceAfter };
}

/** Strides from the tops and heights of consecutive drawn rows; the last row's gap is taken from the others. */
export function stridesOf(rows: readonly { top: number; height: number }[]): number[] {
  const gaps = rows.slice(1).map((row, i) => row.top - rows[i].top - rows[i].height);
  const gap = gaps.length > 0 ? Math.max(0, gaps[0]) : 0;
  return rows.map((row, i) => (i + 1 < rows.length ? rows[i + 1].top - row.top : row.height + gap));
}
