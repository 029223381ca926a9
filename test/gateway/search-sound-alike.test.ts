import { search } from '../../gateway/src/search/search-engine';
import { querySyllables } from '../../gateway/src/search/sound-alike';
import { tinyIndex } from './support/search-index';

/*
 * A wrong character of the right sound (拼音输入法 picks 签 for 迁): the item is still found, but
 * only after everything that matched as typed.
 */

const names = (index: ReturnType<typeof tinyIndex>, q: string): string[] =>
  search(index, { q, page: 1, pageSize: 20 }).hits.map((h) => h.item.name);

describe('matching by sound', () => {
  const index = tinyIndex([
    { name: '户口迁移', popularity: 1 },
    { name: '结婚登记', popularity: 1 },
    { name: '居民身份证申领', popularity: 1 },
    { name: '生育登记', popularity: 1 },
    // Spelled like the typo, but only in a material: a literal match, in the lowest field.
    { name: '档案查询', materials: ['户口签移表'], popularity: 0 },
  ]);

  it.each([
    ['户口签移', '户口迁移'],
    ['结昏', '结婚登记'],
    ['身分证', '居民身份证申领'],
  ])('%s finds %s', (query, expected) => {
    expect(names(index, query)).toContain(expected);
  });

  it('ranks a literal match in any field above a sound-alike name, and says which field matched', () => {
    const result = search(index, { q: '户口签移', page: 1, pageSize: 20 });
    expect(result.hits.map((h) => [h.item.name, h.matchedField])).toEqual([
      ['档案查询', 'material'],
      ['户口迁移', 'name'],
    ]);
    expect(result.hits[1].nameHighlights).toEqual([[0, 4]]);
  });

  it('does not read by sound when a name matches as typed', () => {
    const typed = tinyIndex([{ name: '结婚登记' }, { name: '结昏测试' }]);
    expect(names(typed, '结昏')).toEqual(['结昏测试']);
  });

  it('matches whole syllables only: 申 (shen) is not the start of 生 (sheng)', () => {
    expect(names(index, '申育登记')).toEqual([]);
    expect(names(index, '生玉登记')).toEqual(['生育登记']);
  });

  it('leaves single characters and pinyin queries to the other matchers', () => {
    expect(querySyllables('昏')).toBeUndefined();
    expect(querySyllables('jiehun')).toBeUndefined();
    expect(querySyllables('结昏')).toEqual(['jie', 'hun']);
  });
});
