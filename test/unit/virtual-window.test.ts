import { visibleRange } from '../../src/lib/virtual-window';

const base = { listTop: 200, viewportHeight: 800, rowStride: 100, overscan: 5 };

test('at the top, renders the first screen plus the overscan', () => {
  expect(visibleRange({ ...base, scrollTop: 0, count: 1000 })).toEqual({ start: 0, end: 12 });
});

test('deep in a 1,000-row list, renders a bounded window around the viewport', () => {
  const range = visibleRange({ ...base, scrollTop: 50_000, count: 1000 });
  expect(range).toEqual({ start: 493, end: 512 });
  expect(range.end - range.start).toBeLessThan(60);
});

test('at the end, the window stops at the last row', () => {
  expect(visibleRange({ ...base, scrollTop: 200_000, count: 1000 })).toEqual({ start: 1000, end: 1000 });
  expect(visibleRange({ ...base, scrollTop: 99_500, count: 1000 })).toEqual({ start: 988, end: 1000 });
});

test('short lists render whole; nothing for an empty list; unknown sizes fall back to a first page', () => {
  expect(visibleRange({ ...base, scrollTop: 0, count: 3 })).toEqual({ start: 0, end: 3 });
  expect(visibleRange({ ...base, scrollTop: 0, count: 0 })).toEqual({ start: 0, end: 0 });
  expect(visibleRange({ ...base, rowStride: 0, scrollTop: 0, count: 1000 })).toEqual({ start: 0, end: 10 });
});
