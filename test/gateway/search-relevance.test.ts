import { SearchResult, SuggestResult } from '../../types/contract';
import { DEFAULT_SEED_DIR } from '../../gateway/src/paths';
import { expectError, expectOk, startGateway, type TestGateway } from './support/harness';

/*
 * Relevance against the REAL seed catalogue (gateway/seed): what a resident types → the item they
 * mean must come first. Characters, full pinyin (with and without spaces, cut inside the last
 * syllable), initials, aliases, synonyms, width/case variants, a wrong character of the right
 * sound (拼音输入法 typos), and the everyday words residents use on the 12345 hotline.
 */

let gw: TestGateway;

beforeAll(async () => {
  gw = await startGateway({ seedDir: DEFAULT_SEED_DIR });
});

afterAll(async () => {
  await gw.close();
});

async function search(q: string, extra = ''): Promise<SearchResult> {
  return expectOk(await gw.request(`/api/search?q=${encodeURIComponent(q)}${extra}`), SearchResult);
}

const TOP: [query: string, expected: string, kind: string][] = [
  ['户口迁移', '户口迁移', 'characters'],
  ['身份证换领', '居民身份证换领', 'characters'],
  ['出生登记', '出生登记', 'characters'],
  ['结婚登记', '结婚登记', 'characters'],
  ['离婚', '离婚登记', 'characters'],
  ['失业保险金', '失业保险金申领', 'characters'],
  ['就业创业证', '就业创业证申领', 'characters'],
  ['医师执业注册', '医师执业注册', 'exact beats prefix'],
  ['异地就医', '异地就医备案', 'characters'],
  ['城市道路挖掘', '城市道路挖掘许可', 'characters'],
  ['营业性演出', '营业性演出许可', 'characters'],
  ['法律援助', '法律援助申请', 'characters'],
  ['残疾人证', '残疾人证办理', 'popularity among prefixes'],
  ['人力资源服务许可', '人力资源服务许可', 'exact'],
  ['特困人员', '特困人员认定', 'characters'],
  ['公共场所卫生许可', '公共场所卫生许可', 'exact beats （延续）'],
  ['个体工商户设立', '个体工商户设立登记', 'characters'],
  ['城乡居民基本养老保险参保', '城乡居民基本养老保险参保登记', 'characters'],
  ['hukouqianyi', '户口迁移', 'full pinyin'],
  ['hu kou qian yi', '户口迁移', 'full pinyin with spaces'],
  ['hukouq', '户口迁移', 'pinyin cut inside the last syllable'],
  ['jiehundengji', '结婚登记', 'full pinyin'],
  ['falvyuanzhu', '法律援助申请', 'full pinyin, ü as v'],
  ['yidijiuyi', '异地就医备案', 'full pinyin'],
  ['shiyebaoxianjin', '失业保险金申领', 'full pinyin'],
  ['canjirenzheng', '残疾人证办理', 'full pinyin'],
  ['hkqy', '户口迁移', 'initials'],
  ['jhdj', '结婚登记', 'initials'],
  ['lhdj', '离婚登记', 'initials'],
  ['csdj', '出生登记', 'initials'],
  ['ydjy', '异地就医备案', 'initials'],
  ['flyz', '法律援助申请', 'initials'],
  ['yszyzc', '医师执业注册', 'initials'],
  ['gssldj', '公司设立登记', 'initials'],
  ['hkqianyi', '户口迁移', 'initials then full pinyin'],
  ['shebaoka', '社会保障卡申领', 'pinyin of a synonym (社保卡)'],
  ['开饭店', '食品经营许可（新办）', 'alias / synonym'],
  ['餐饮许可', '食品经营许可（新办）', 'alias'],
  ['迁户口', '户口迁移', 'alias'],
  ['户口迁入', '户口迁移', 'alias'],
  ['办身份证', '居民身份证申领', 'alias'],
  ['身份证办理', '居民身份证申领', 'alias'],
  ['开公司', '公司设立登记', 'alias'],
  ['注册公司', '公司设立登记', 'alias'],
  ['办退休', '职工基本养老保险退休待遇核定', 'alias / synonym'],
  ['过户', '不动产登记（二手房转移登记）', 'alias / synonym'],
  ['房产过户', '不动产登记（二手房转移登记）', 'alias'],
  ['身份证', '居民身份证申领', 'part of the name, most popular'],
  ['个体户', '个体工商户设立登记', 'synonym'],
  ['社保卡', '社会保障卡申领', 'synonym'],
  ['失业金', '失业保险金申领', 'alias / synonym'],
  ['上户口', '出生登记', 'synonym'],
  ['ＨＫＱＹ', '户口迁移', 'full-width capitals'],
  ['HuKou', '户口迁移', 'mixed case pinyin'],
  ['  户口   迁移 ', '户口迁移', 'extra spaces'],
  ['户口签移', '户口迁移', 'sound-alike: 签 for 迁'],
  ['户口前移', '户口迁移', 'sound-alike: 前 for 迁'],
  ['身分证', '居民身份证申领', 'sound-alike: 分 for 份'],
  ['结昏', '结婚登记', 'sound-alike: 昏 for 婚'],
  ['结昏登记', '结婚登记', 'sound-alike'],
  ['离昏', '离婚登记', 'sound-alike'],
  ['医世执业注册', '医师执业注册', 'sound-alike: 世 for 师'],
  ['失业保险金申零', '失业保险金申领', 'sound-alike: 零 for 领'],
  ['养狗', '养犬登记证核发', 'everyday word'],
  ['开店', '个体工商户设立登记', 'everyday word'],
  ['生孩子', '出生登记', 'everyday word'],
  ['退休金', '养老保险待遇领取资格认证', 'everyday word'],
  ['驾照丢了', '机动车驾驶证补领', 'everyday word'],
  ['年报', '企业年度报告公示', 'everyday word'],
  ['转学', '义务教育阶段学生转学', 'everyday word'],
  ['12315', '消费投诉举报受理', 'hotline number'],
  ['加装电梯', '既有住宅增设电梯联合审查', 'everyday word'],
  ['砍树', '城市树木砍伐、迁移审批', 'everyday word'],
  ['宠物医院', '动物诊疗许可证核发', 'everyday word'],
  ['长护险', '长期护理保险失能评估申请', 'everyday word'],
  ['打疫苗', '预防接种证办理', 'everyday word'],
];

describe('search relevance on the seed catalogue', () => {
  it('has a relevance table of at least 30 queries', () => {
    expect(TOP.length).toBeGreaterThanOrEqual(30);
  });

  it.each(TOP)('%s → %s (%s)', async (query, expected) => {
    const result = await search(query);
    expect(result.hits[0]?.item.name).toBe(expected);
  });
});

describe('everyday words reach every item they can mean', () => {
  it.each([
    ['生孩子', ['出生登记', '生育登记', '生育津贴支付']],
    ['退休', ['职工基本养老保险退休待遇核定', '城乡居民基本养老保险待遇申领']],
    ['开店', ['个体工商户设立登记']],
  ])('%s finds %j', async (query, expected) => {
    const names = (await search(query, '&pageSize=20')).hits.map((h) => h.item.name);
    expect(names).toEqual(expect.arrayContaining(expected));
  });
});

describe('highlights are ranges in the item name', () => {
  it.each([
    ['hkqy', '户口迁移', [[0, 4]]],
    ['hukouq', '户口迁移', [[0, 3]]],
    ['hu kou', '户口迁移', [[0, 2]]],
    ['身份证', '居民身份证申领', [[2, 5]]],
    ['sfz', '居民身份证申领', [[2, 5]]],
    ['qianyi', '户口迁移', [[2, 4]]],
    ['失业保险金', '失业保险金申领', [[0, 5]]],
  ])('%s highlights %s at %j', async (query, name, ranges) => {
    const hit = (await search(query)).hits.find((h) => h.item.name === name);
    expect(hit?.matchedField).toBe('name');
    expect(hit?.nameHighlights).toEqual(ranges);
    for (const [, end] of hit?.nameHighlights ?? []) expect(end).toBeLessThanOrEqual(name.length);
  });

  it('skips punctuation inside a match and highlights across it', async () => {
    const hit = (await search('xinban')).hits.find((h) => h.item.name === '食品经营许可（新办）');
    expect(hit?.nameHighlights).toEqual([[7, 9]]);
    expect('食品经营许可（新办）'.slice(7, 9)).toBe('新办');
  });

  it('reports an alias match with the alias and its highlight, not a name highlight', async () => {
    const hit = (await search('开公司')).hits[0];
    expect(hit.item.name).toBe('公司设立登记');
    expect(hit.matchedField).toBe('alias');
    expect(hit.nameHighlights).toEqual([]);
    expect(hit.matchedText).toBe('开公司');
    expect(hit.matchedTextHighlights).toEqual([[0, 3]]);
  });

  it('reports a material match with the material name', async () => {
    const result = await search('户口簿');
    const material = result.hits.find((h) => h.matchedField === 'material');
    expect(material?.matchedText).toContain('户口簿');
    const [[start, end]] = material?.matchedTextHighlights ?? [[0, 0]];
    expect(material?.matchedText?.slice(start, end)).toBe('户口簿');
  });
});

describe('ranking', () => {
  it('puts name matches before alias, department and material matches', async () => {
    const fields = (await search('户口', '&pageSize=50')).hits.map((h) => h.matchedField);
    const order = ['name', 'alias', 'department', 'material'];
    const ranks = fields.map((f) => order.indexOf(f));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(fields[0]).toBe('name');
  });

  it('puts a prefix match before a substring match in the same field', async () => {
    const names = (await search('户口', '&pageSize=50')).hits
      .filter((h) => h.matchedField === 'name')
      .map((h) => h.item.name);
    const firstSubstring = names.findIndex((n) => !n.startsWith('户口'));
    const lastPrefix = names.map((n) => n.startsWith('户口')).lastIndexOf(true);
    expect(firstSubstring).toBeGreaterThan(lastPrefix);
  });
});

describe('awkward input never breaks search', () => {
  it.each(['%', '_', "'", '"', '\\', '％', '😀', '<>'])('%s → no results and a notice', async (query) => {
    const result = await search(query);
    expect(result.total).toBe(0);
    expect(result.notice).toMatch(/没有可搜索的文字/);
  });

  it.each(["' OR 1=1 --", '<script>alert(1)</script>', 'DROP TABLE items;', '" OR ""="'])(
    '%s is searched as text, not run',
    async (query) => {
      const result = await search(query);
      expect(result.q).toBe(query.trim());
      expect(result.total).toBe(0);
    },
  );

  it('ignores wildcard and emoji characters around real words', async () => {
    expect((await search('%身份证%')).hits[0].item.name).toBe('居民身份证申领');
    expect((await search('身份证😀')).hits[0].item.name).toBe('居民身份证申领');
    expect((await search('户\u0000口\u200b迁移')).hits[0].item.name).toBe('户口迁移');
  });

  it('truncates a query over 50 characters with a notice', async () => {
    const long = '户口迁移'.repeat(30);
    const result = await search(long);
    expect(Array.from(result.q)).toHaveLength(50);
    expect(result.notice).toMatch(/前 50 个字/);
  });

  it('accepts 500 characters and rejects 501 naming the field q', async () => {
    expect((await gw.request(`/api/search?q=${'a'.repeat(500)}`)).status).toBe(200);
    const error = expectError(await gw.request(`/api/search?q=${'a'.repeat(501)}`), 400, 'VALIDATION_FAILED');
    expect(error.fields?.map((f) => f.field)).toEqual(['q']);
    expect(error.fields?.[0].message).toMatch(/搜索词/);
  });
});

describe('suggestions', () => {
  it('returns at most 8, best first, with name highlights', async () => {
    const result = expectOk(await gw.request(`/api/search/suggest?q=${encodeURIComponent('hk')}`), SuggestResult);
    expect(result.suggestions.length).toBeGreaterThan(0);
    expect(result.suggestions.length).toBeLessThanOrEqual(8);
    const many = expectOk(await gw.request(`/api/search/suggest?q=${encodeURIComponent('登记')}`), SuggestResult);
    expect(many.suggestions).toHaveLength(8);
  });

  it('reads a complete syllable inside pinyin as that syllable: shebao is 社保, never 申报 (shen bao)', async () => {
    const result = await search('shebao', '&pageSize=50');
    expect(result.total).toBeGreaterThan(0);
    for (const hit of result.hits) {
      const text = hit.matchedText ?? hit.item.name;
      expect({ name: hit.item.name, about社保: /社会保险|社会保障|社保|养老保险/.test(text) }).toEqual({
        name: hit.item.name,
        about社保: true,
      });
    }
  });

  it('suggests 户口迁移 first for hkqy', async () => {
    const result = expectOk(await gw.request('/api/search/suggest?q=hkqy'), SuggestResult);
    expect(result.suggestions[0]).toEqual({ code: 'HS-GA-0005', name: '户口迁移', nameHighlights: [[0, 4]] });
  });

  it('suggests nothing for an empty or unsearchable query', async () => {
    expect(expectOk(await gw.request('/api/search/suggest?q='), SuggestResult).suggestions).toEqual([]);
    expect(expectOk(await gw.request('/api/search/suggest?q=%25'), SuggestResult).suggestions).toEqual([]);
  });

  it('requires q', async () => {
    const error = expectError(await gw.request('/api/search/suggest'), 400, 'VALIDATION_FAILED');
    expect(error.fields?.[0].field).toBe('q');
  });
});
