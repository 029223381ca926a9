/**
 * Which rows of a long list of equal-height rows are worth rendering: those in the viewport plus
 * `overscan` rows either side. Everything else becomes empty space of the same height.
 */
export interface WindowInput {
  /** Page scroll offset. */
  scrollTop: number;
  /** Offset of the list's first row from the top of the page. */
  listTop: number;
  viewportHeight: number;
  /** Row height plus the gap to the next row. */
  rowStride: number;
  count: number;
  overscan: number;
}

export function visibleRange({ scrollTop, listTop, viewportHeight, rowStride, count, overscan }: WindowInput): {
  start: number;
  end: number;
} {
  if (count <= 0) return { start: 0, end: 0 };
  if (!(rowStride > 0) || !Number.isFinite(scrollTop)) return { start: 0, end: Math.min(count, 2 * overscan) };
  const firstVisible = Math.floor((scrollTop - listTop) / rowStride);
  const visibleRows = Math.ceil(viewportHeight / rowStride) + 1;
  const start = Math.min(count, Math.max(0, firstVisible - overscan));
  const end = Math.min(count, Math.max(start, firstVisible + visibleRows + overscan));
  return { start, end: Math.max(end, Math.min(count, start + 1)) };
}
