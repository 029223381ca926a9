import { DEFAULT_SEED_DIR } from '../../gateway/src/paths';
import { compact, foldText } from '../../gateway/src/search/normalise';
import { SynonymExpander } from '../../gateway/src/search/synonyms';
import { loadSeed } from '../../gateway/src/seed/load-seed';

const key = (text: string): string => compact(foldText(text));

describe('synonym expansion', () => {
  it('expands a term that sits in two groups to the terms of both', () => {
    const expander = new SynonymExpander([
      ['出生登记', '生孩子'],
      ['生育', '生孩子'],
    ]);
    expect(expander.expand('生孩子').sort()).toEqual(['出生登记', '生育'].sort());
  });

  it('replaces the longest term first and keeps the rest of the query', () => {
    const expander = new SynonymExpander([
      ['居民身份证', '身份证'],
      ['申领', '办理'],
    ]);
    expect(expander.expand('身份证办理')).toEqual(expect.arrayContaining(['居民身份证办理', '身份证申领']));
  });
});

describe('the seed synonym groups', () => {
  const seed = loadSeed(DEFAULT_SEED_DIR);
  const texts = seed.departments.flatMap((d) => d.items.flatMap((i) => [i.name, ...(i.aliases ?? [])].map(key)));

  it('hold at least 100 groups of what residents type', () => {
    expect(seed.synonyms.length).toBeGreaterThanOrEqual(100);
  });

  it.each(seed.synonyms.map((group) => [group[0], group]))(
    '%s: some term of the group is in a catalogue item’s name or alias',
    (_, group) => {
      expect(group.filter((term) => texts.some((t) => t.includes(key(term))))).not.toEqual([]);
    },
  );

  it('never repeats a term inside a group', () => {
    for (const group of seed.synonyms) expect(new Set(group.map(key)).size).toBe(group.length);
  });
});
