import { stridesOf, visibleWindow } from '../../src/lib/virtual-window';

const base = { listTop: 200, viewportHeight: 800, strides: [], estimatedStride: 100, overscan: 5 };

test('at the top, renders the first screen plus the overscan', () => {
  expect(visibleWindow({ ...base, scrollTop: 0, count: 1000 })).toEqual({
    start: 0,
    end: 11,
    spaceBefore: 0,
    spaceAfter: 989 * 100,
  });
});

test('deep in a 1,000-row list, renders a bounded window around the viewport', () => {
  const range = visibleWindow({ ...base, scrollTop: 50_000, count: 1000 });
  expect(range).toMatchObject({ start: 493, end: 511 });
  expect(range.end - range.start).toBeLessThan(60);
  // The space stands in for exactly the rows not drawn: the list keeps its full height.
  expect(range.spaceBefore + (range.end - range.start) * 100 + range.spaceAfter).toBe(100_000);
});

test('past the end, the last rows stay drawn', () => {
  expect(visibleWindow({ ...base, scrollTop: 200_000, count: 1000 })).toMatchObject({ start: 995, end: 1000 });
  expect(visibleWindow({ ...base, scrollTop: 99_500, count: 1000 })).toMatchObject({ start: 988, end: 1000 });
});

test('short lists render whole; nothing for an empty list; unknown sizes fall back to a first page', () => {
  expect(visibleWindow({ ...base, scrollTop: 0, count: 3 })).toMatchObject({ start: 0, end: 3, spaceAfter: 0 });
  expect(visibleWindow({ ...base, scrollTop: 0, count: 0 })).toEqual({
    start: 0,
    end: 0,
    spaceBefore: 0,
    spaceAfter: 0,
  });
  expect(visibleWindow({ ...base, estimatedStride: 0, scrollTop: 0, count: 1000 })).toMatchObject({
    start: 0,
    end: 10,
  });
});

test('rows of different heights: measured ones count as measured, the rest as the estimate', () => {
  // Rows 0–9 measured: tall cards (300) and short ones (100) alternating; 2,000 px of rows.
  const strides = Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? 300 : 100));
  const at = visibleWindow({
    ...base,
    strides,
    overscan: 0,
    listTop: 0,
    viewportHeight: 500,
    scrollTop: 1000,
    count: 100,
  });
  // Rows 0–3 take 800 px, row 4 (a tall one) 800–1100: it is on screen at 1,000, and the 500 px
  // down to 1,500 show rows 5 (to 1,200) and 6 (to 1,500).
  expect(at).toEqual({ start: 4, end: 7, spaceBefore: 800, spaceAfter: 100 + 300 + 100 + 90 * 100 });
});

test('strides come from consecutive rows; the last row takes the gap of the others', () => {
  const rows = [
    { top: 0, height: 140 },
    { top: 148, height: 190 },
    { top: 346, height: 120 },
  ];
  expect(stridesOf(rows)).toEqual([148, 198, 128]);
  expect(stridesOf([{ top: 10, height: 150 }])).toEqual([150]);
});
