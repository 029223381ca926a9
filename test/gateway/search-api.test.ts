import { SearchResult } from '../../types/contract';
import { expectError, expectOk, startGateway, type TestGateway } from './support/harness';

/* Filters, paging, browsing and request validation, against the small fixture catalogue. */

let gw: TestGateway;

beforeAll(async () => {
  gw = await startGateway();
});

afterAll(async () => {
  await gw.close();
});

async function search(query: string): Promise<SearchResult> {
  return expectOk(await gw.request(`/api/search?${query}`), SearchResult);
}

const codes = (r: SearchResult): string[] => r.hits.map((h) => h.item.code);

describe('browsing (empty q)', () => {
  it('lists every item by popularity', async () => {
    const result = await search('');
    expect(result.total).toBe(9);
    expect(codes(result).slice(0, 3)).toEqual(['FX-GA-0002', 'FX-GA-0001', 'FX-GA-0003']);
    expect(result.hits.every((h) => h.matchedField === 'none' && h.nameHighlights.length === 0)).toBe(true);
  });

  it('treats a blank q as browsing', async () => {
    expect((await search('q=%20%20')).total).toBe(9);
  });
});

describe('filters', () => {
  it('by audience', async () => {
    const result = await search('audience=business');
    expect(codes(result).sort()).toEqual(['FX-SC-0001', 'FX-SC-0002', 'FX-SC-0003']);
  });

  it('by department', async () => {
    const result = await search('department=fx-minzheng');
    expect(codes(result)).toEqual(['FX-MZ-0001', 'FX-MZ-0002', 'FX-MZ-0003']);
  });

  it('by 全程网办', async () => {
    const online = await search('fullyOnline=true');
    expect(online.hits.every((h) => h.item.tags.fullyOnline)).toBe(true);
    expect(online.total).toBe(4);
    const offline = await search('fullyOnline=false');
    expect(offline.total).toBe(5);
  });

  it('by 通办 scope', async () => {
    const result = await search('scope=cross-province');
    expect(codes(result).sort()).toEqual(['FX-GA-0002', 'FX-MZ-0001']);
  });

  it('combined with a query', async () => {
    const all = await search(`q=${encodeURIComponent('身份证')}`);
    const business = await search(`q=${encodeURIComponent('身份证')}&audience=business`);
    expect(all.total).toBeGreaterThan(business.total);
    expect(business.hits.every((h) => h.item.audiences.includes('business'))).toBe(true);
    expect(business.total).toBeGreaterThan(0);
  });

  it('an unknown department simply matches nothing', async () => {
    expect((await search('department=nope')).total).toBe(0);
  });
});

describe('paging', () => {
  it('splits results into pages that add up to the whole list', async () => {
    const all = await search('pageSize=50');
    const pages = [];
    for (let page = 1; page <= 3; page += 1) pages.push(...codes(await search(`pageSize=4&page=${page}`)));
    expect(pages).toEqual(codes(all));
    const last = await search('pageSize=4&page=3');
    expect(last).toMatchObject({ total: 9, page: 3, pageSize: 4 });
    expect(last.hits).toHaveLength(1);
  });

  it('a page past the end is empty, not an error', async () => {
    const result = await search('page=100');
    expect(result.total).toBe(9);
    expect(result.hits).toEqual([]);
  });

  it('defaults to page 1 of 20', async () => {
    expect(await search('')).toMatchObject({ page: 1, pageSize: 20 });
  });
});

describe('synonyms and match reporting', () => {
  it('expands 餐饮 to the alias 开饭店', async () => {
    const result = await search(`q=${encodeURIComponent('餐饮')}`);
    expect(codes(result)).toEqual(['FX-SC-0001']);
  });

  it('reports a department match', async () => {
    const result = await search(`q=${encodeURIComponent('民政')}`);
    expect(result.total).toBe(3);
    expect(result.hits[0]).toMatchObject({
      matchedField: 'department',
      matchedText: '测试民政局',
      matchedTextHighlights: [[2, 4]],
    });
  });

  it('requires every word when the phrase itself matches nothing', async () => {
    const result = await search(`q=${encodeURIComponent('户口 结婚')}`);
    expect(codes(result).sort()).toEqual(['FX-GA-0003', 'FX-MZ-0001']);
    const marriage = result.hits.find((h) => h.item.code === 'FX-MZ-0001');
    expect(marriage?.nameHighlights).toEqual([[0, 2]]);
  });
});

describe('request validation', () => {
  it.each([
    ['pageSize=1000000', 'pageSize', /每页条数不能大于 50/],
    ['pageSize=0', 'pageSize', /每页条数不能小于 1/],
    ['page=-1', 'page', /页码不能小于 1/],
    ['page=abc', 'page', /页码应为整数/],
    ['page=1.5', 'page', /页码应为整数/],
    ['foo=1', 'foo', /不支持的字段“foo”/],
    ['audience=alien', 'audience', /服务对象取值无效，可选：person、business/],
    ['scope=world', 'scope', /通办范围取值无效/],
    ['fullyOnline=maybe', 'fullyOnline', /全程网办应为 true 或 false/],
    ['q=a&q=b', 'q', /搜索词应为文本/],
  ])('%s → 400 naming %s', async (query, field, message) => {
    const error = expectError(await gw.request(`/api/search?${query}`), 400, 'VALIDATION_FAILED');
    expect(error.fields).toEqual([{ field, message: expect.stringMatching(message) }]);
    expect(error.message).toMatch(message);
  });

  it('names every bad field at once', async () => {
    const error = expectError(await gw.request('/api/search?page=-1&pageSize=1000000&foo=1'), 400, 'VALIDATION_FAILED');
    expect(error.fields?.map((f) => f.field).sort()).toEqual(['foo', 'page', 'pageSize']);
  });
});

describe('privacy', () => {
  it('never writes what people type into the search box to the log', async () => {
    const typed = '420111199003071234';
    await gw.request(`/api/search?q=${typed}`);
    await gw.request(`/api/search/suggest?q=${encodeURIComponent('张三')}`);
    const logs = gw.logs.join('\n');
    expect(logs).toContain('/api/search');
    expect(logs).not.toContain(typed);
    expect(logs).not.toContain(encodeURIComponent('张三'));
  });
});
