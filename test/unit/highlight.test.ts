import { splitHighlights } from '../../src/lib/highlight';

const joined = (segments: { text: string }[]): string => segments.map((s) => s.text).join('');

describe('splitHighlights', () => {
  it('splits around a single range', () => {
    expect(splitHighlights('办理营业执照', [[2, 4]])).toEqual([
      { text: '办理', highlighted: false },
      { text: '营业', highlighted: true },
      { text: '执照', highlighted: false },
    ]);
  });

  it('merges overlapping, adjacent and unsorted ranges', () => {
    expect(
      splitHighlights('abcdefghij', [
        [6, 8],
        [1, 3],
        [2, 4],
        [4, 5],
      ]),
    ).toEqual([
      { text: 'a', highlighted: false },
      { text: 'bcde', highlighted: true },
      { text: 'f', highlighted: false },
      { text: 'gh', highlighted: true },
      { text: 'ij', highlighted: false },
    ]);
  });

  it('clamps ranges that run past either end', () => {
    expect(
      splitHighlights('户口迁移', [
        [-3, 1],
        [3, 99],
      ]),
    ).toEqual([
      { text: '户', highlighted: true },
      { text: '口迁', highlighted: false },
      { text: '移', highlighted: true },
    ]);
    expect(splitHighlights('户口', [[0, Number.POSITIVE_INFINITY]])).toEqual([{ text: '户口', highlighted: true }]);
  });

  it('ignores empty, inverted, NaN and fully out-of-range ranges', () => {
    expect(
      splitHighlights('社保卡', [
        [1, 1],
        [2, 1],
        [Number.NaN, 2],
        [0, Number.NaN],
        [10, 12],
        [-5, -1],
      ]),
    ).toEqual([{ text: '社保卡', highlighted: false }]);
  });

  it('never splits an emoji surrogate pair', () => {
    const text = 'a😀b';
    // [1,2) and [2,3) each cover half of the emoji; both widen to the whole pair.
    expect(splitHighlights(text, [[1, 2]])).toEqual([
      { text: 'a', highlighted: false },
      { text: '😀', highlighted: true },
      { text: 'b', highlighted: false },
    ]);
    expect(splitHighlights(text, [[2, 4]])).toEqual([
      { text: 'a', highlighted: false },
      { text: '😀b', highlighted: true },
    ]);
    for (const segment of splitHighlights('😀😀😀', [
      [1, 3],
      [5, 6],
    ])) {
      expect(segment.text).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
    }
  });

  it('always concatenates back to the input', () => {
    const text = '我要办🏠居住证👨‍👩‍👧 quickly';
    const cases: [number, number][][] = [
      [],
      [[0, 1]],
      [
        [3, 4],
        [5, 11],
      ],
      [
        [1, 100],
        [0, 2],
      ],
      [
        [7, 8],
        [9, 10],
      ],
    ];
    for (const ranges of cases) expect(joined(splitHighlights(text, ranges))).toBe(text);
    expect(splitHighlights('', [[0, 3]])).toEqual([]);
  });
});
