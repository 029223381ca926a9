import { MAX_WORDS, NOTICE_TOO_MANY_WORDS, search } from '../../gateway/src/search/search-engine';
import { gramOf } from '../../gateway/src/search/pinyin-grams';
import { tinyIndex } from './support/search-index';

/*
 * The shortcuts that keep a province's catalogue fast find exactly what a full scan finds: one
 * letter reads its list of texts, full pinyin only looks where a syllable starts with the query's
 * first three letters, a query with a Latin letter or a digit is looked for literally only in the
 * texts that have one, and "户口q" only runs the matcher where the character after 户口 reads q….
 */

const index = tinyIndex([
  { name: '社会保障卡申领', popularity: 5 },
  { name: '居民身份证申领', popularity: 9 },
  { name: '户口迁移', popularity: 3 },
  { name: '户口登记', popularity: 2 },
  { name: 'SOS求助登记', popularity: 1 },
  { name: '12345热线', popularity: 0 },
  { name: '迁移证明', materials: ['4050人员认定表'], popularity: 0 },
  // Two texts side by side in the haystacks: no match may run from one into the next.
  { name: '户口', popularity: 0 },
  { name: '迁入', popularity: 0 },
]);

const found = (q: string, extra: { audience?: 'person' | 'business' } = {}) => {
  const result = search(index, { q, page: 1, pageSize: 20, ...extra });
  return { total: result.total, names: result.hits.map((h) => h.item.name) };
};

describe('one letter', () => {
  it('finds every text whose initials hold it: names starting with it first, then by field and popularity', () => {
    // 社会… and SOS… start with s; 居民身份证申领 has s inside (身, 申); every item's department,
    // 测试局, has it inside (试).
    expect(found('s').names).toEqual([
      '社会保障卡申领',
      'SOS求助登记',
      '居民身份证申领',
      '户口迁移',
      '户口登记',
      '户口',
      '迁入',
      '迁移证明',
      '12345热线',
    ]);
  });

  it('an upper-case letter is the same query', () => {
    expect(found('S')).toEqual(found('s'));
  });

  it('a letter no text has finds nothing', () => {
    expect(found('v')).toEqual({ total: 0, names: [] });
  });
});

describe('two letters (the second keystroke)', () => {
  it.each([
    // Initials of neighbours: 户口 is exactly "hk", the others start with it.
    ['hk', ['户口', '户口迁移', '户口登记']],
    // The start of a syllable (qian, qiu): 迁 in first place (shorter name first), then inside.
    ['qi', ['迁入', '迁移证明', '户口迁移', 'SOS求助登记']],
    // Never inside a syllable ("ou" of kou) or across two texts.
    ['ou', []],
  ])('%s finds %j', (q, names) => {
    expect(found(q).names).toEqual(names);
  });
});

describe('full pinyin from the index of syllable starts', () => {
  it.each([
    ['hukouqianyi', ['户口迁移']],
    ['hukouq', ['户口迁移']],
    ['qianyi', ['迁移证明', '户口迁移']],
    ['shenfenzheng', ['居民身份证申领']],
    ['dengji', ['户口登记', 'SOS求助登记']],
  ])('%s finds %j', (q, names) => {
    expect(found(q).names).toEqual(names);
  });

  it('only where a syllable starts', () => {
    // "ukou" is inside hu·kou, "ianyi" inside qian·yi.
    expect(found('ukou').total).toBe(0);
    expect(found('ianyi').total).toBe(0);
  });

  it('never across two texts', () => {
    // 户口 and 迁入 are neighbours in the haystacks: "kouqianru" is in neither.
    expect(found('kouqianru').total).toBe(0);
    expect(found('hukouqianru').total).toBe(0);
  });

  it('groups a position by its next three characters, past the end counting as one code', () => {
    expect(gramOf('huk', 0)).toBe(gramOf('hukou', 0));
    expect(gramOf('hu\n', 0)).toBe(gramOf('hu', 0));
    expect(gramOf('abc', 0)).not.toBe(gramOf('abd', 0));
  });
});

describe('digits and Latin letters', () => {
  it.each([
    ['12345', ['12345热线']],
    ['12345热线', ['12345热线']],
    ['4050', ['迁移证明']],
    ['4050人员', ['迁移证明']],
    ['sos', ['SOS求助登记']],
  ])('%s finds %j literally', (q, names) => {
    expect(found(q).names).toEqual(names);
  });
});

describe('characters then pinyin', () => {
  it.each([
    ['户口q', ['户口迁移']],
    ['户口qy', ['户口迁移']],
    ['户口d', ['户口登记']],
    ['户口dengji', ['户口登记']],
    ['证m', ['迁移证明']],
  ])('%s finds %j', (q, names) => {
    expect(found(q).names).toEqual(names);
  });

  it('a letter that follows no occurrence of the characters finds nothing', () => {
    expect(found('户口x').total).toBe(0);
  });
});

describe('filters and pages over the shortcuts', () => {
  it('a filter drops items, never reorders them', () => {
    expect(found('s', { audience: 'business' })).toEqual({ total: 0, names: [] });
    expect(found('s', { audience: 'person' })).toEqual(found('s'));
  });

  it('pages continue the same order', () => {
    const all = found('s').names;
    const pages = [1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((page) =>
      search(index, { q: 's', page, pageSize: 1 }).hits.map((h) => h.item.name),
    );
    expect(pages).toEqual(all);
  });
});

describe('many words', () => {
  // Nine different words, each of which finds 户口迁移 on its own; the whole query finds nothing.
  const nine = ['户', '口', '迁', '移', 'hu', 'kou', 'qian', 'yi', '火星'];

  it(`searches the first ${MAX_WORDS} words and says so`, () => {
    const result = search(index, { q: nine.join(' '), page: 1, pageSize: 20 });
    expect(result.hits.map((h) => h.item.name)).toEqual(['户口迁移']);
    expect(result.notice).toBe(NOTICE_TOO_MANY_WORDS);
  });

  it(`every word counts up to ${MAX_WORDS}, without a notice`, () => {
    const result = search(index, { q: [...nine.slice(0, MAX_WORDS - 1), '火星'].join(' '), page: 1, pageSize: 20 });
    expect(result).toMatchObject({ total: 0, hits: [] });
    expect(result.notice).toBeUndefined();
  });
});
