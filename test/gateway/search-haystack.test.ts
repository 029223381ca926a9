import { buildHaystack, ownerOf, partLength } from '../../gateway/src/search/haystack';

describe('haystack', () => {
  it('finds the part of every position, separators included, empty parts skipped over', () => {
    const parts = ['户口迁移', '', 'ab', '身份证'];
    const h = buildHaystack(parts);
    expect(h.text).toBe('户口迁移\n\nab\n身份证\n');
    const owners = Array.from(h.text, (_, at) => ownerOf(h, at));
    expect(owners).toEqual([0, 0, 0, 0, 0, 1, 2, 2, 2, 3, 3, 3, 3]);
    expect(parts.map((_, i) => partLength(h, i))).toEqual([4, 0, 2, 3]);
  });
});
