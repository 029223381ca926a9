import { Type } from '@sinclair/typebox';
import {
  Department,
  Guide,
  Hall,
  HomeFeed,
  SearchResult,
  ThemeItem,
  ThemeItemSummary,
  WorkdayCalendar,
} from '../../types/contract';
import { DEFAULT_SEED_DIR } from '../../gateway/src/paths';
import { expectError, expectOk, startGateway, type TestGateway } from './support/harness';

describe('catalogue endpoints (fixture)', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startGateway();
  });

  afterAll(async () => {
    await gw.close();
  });

  it('home: hot items by popularity, themes, departments with counts', async () => {
    const home = expectOk(await gw.request('/api/home'), HomeFeed);
    expect(home.hotItems.map((i) => i.code)).toEqual([
      'FX-GA-0002',
      'FX-GA-0001',
      'FX-GA-0003',
      'FX-SC-0001',
      'FX-SC-0002',
      'FX-SC-0003',
      'FX-MZ-0001',
      'FX-MZ-0002',
    ]);
    expect(home.themeItems).toEqual([
      {
        code: 'FX-T-001',
        name: '新生儿出生一件事',
        description: '出生登记、医保参保一次办',
        audiences: ['person'],
        itemCount: 2,
      },
    ]);
    expect(home.departments.map((d) => [d.id, d.itemCount])).toEqual([
      ['fx-gongan', 3],
      ['fx-shichang', 3],
      ['fx-minzheng', 3],
    ]);
  });

  it('departments', async () => {
    const { departments } = expectOk(
      await gw.request('/api/departments'),
      Type.Object({ departments: Type.Array(Department) }),
    );
    expect(departments[0]).toEqual({ id: 'fx-gongan', name: '测试公安分局', shortName: '公安', itemCount: 3 });
  });

  it('guide: every field, with defaults filled and halls resolved', async () => {
    const guide = expectOk(await gw.request('/api/items/FX-GA-0001'), Guide);
    expect(guide).toMatchObject({
      code: 'FX-GA-0001',
      name: '户口迁移',
      aliases: ['迁户口', '户口迁入'],
      departmentName: '测试公安分局',
      legalDays: 20,
      promisedDays: 5,
      visits: 1,
      channels: ['window', 'online'],
      tags: { fullyOnline: false, maxOneVisit: true, scope: 'province' },
      phone: '027-11111111',
      updatedAt: '2025-03-03T02:00:00.000Z',
    });
    expect(guide.materials.map((m) => [m.name, m.form, m.eLicenceAccepted])).toEqual([
      ['居民户口簿', 'original', true],
      ['居民身份证', 'original', true],
    ]);
    expect(guide.halls.map((h) => h.id)).toEqual(['fx-hall']);
    const sparse = expectOk(await gw.request('/api/items/FX-GA-0002'), Guide);
    expect(sparse.materials[1]).toMatchObject({
      name: '近期免冠彩色证件照片',
      copies: 2,
      necessity: 'required',
      reviewPoints: '',
    });
  });

  it('guide: 404 with a Chinese message for an unknown code', async () => {
    const error = expectError(await gw.request('/api/items/HS-NOPE-0001'), 404, 'NOT_FOUND');
    expect(error.message).toBe('没有找到这个事项，它可能已调整或下线');
    expectError(await gw.request(`/api/items/${encodeURIComponent("' OR 1=1 --")}`), 404, 'NOT_FOUND');
  });

  it('themes: list, and a theme with its items and merged materials', async () => {
    const { themes } = expectOk(await gw.request('/api/themes'), Type.Object({ themes: Type.Array(ThemeItemSummary) }));
    expect(themes.map((t) => t.code)).toEqual(['FX-T-001']);
    const theme = expectOk(await gw.request('/api/themes/FX-T-001'), ThemeItem);
    expect(theme.items.map((i) => i.code)).toEqual(['FX-GA-0003', 'FX-GA-0001']);
    // 居民户口簿 is in both items: asked once.
    expect(theme.materials.map((m) => m.name)).toEqual(['出生医学证明', '居民户口簿', '结婚证', '居民身份证']);
    expect(theme).toMatchObject({ promisedDays: 5, visits: 1, itemCount: 2 });
    expectError(await gw.request('/api/themes/NOPE'), 404, 'NOT_FOUND');
  });

  it('halls and calendar', async () => {
    const { halls } = expectOk(await gw.request('/api/halls'), Type.Object({ halls: Type.Array(Hall) }));
    expect(halls.map((h) => [h.id, h.open24h])).toEqual([
      ['fx-hall', false],
      ['fx-terminal', true],
    ]);
    const calendar = expectOk(await gw.request('/api/calendar'), WorkdayCalendar);
    expect(calendar).toEqual({
      fromYear: 2025,
      toYear: 2025,
      holidays: ['2025-01-01', '2025-10-01'],
      makeupWorkdays: ['2025-09-28'],
    });
  });

  it('an unknown /api route is a 404 envelope, for any method', async () => {
    const error = expectError(await gw.request('/api/nope'), 404, 'NOT_FOUND');
    expect(error.message).toBe('没有这个接口');
    expectError(await gw.request('/api/nope', { method: 'POST', body: {} }), 404, 'NOT_FOUND');
    expectError(await gw.request('/api'), 404, 'NOT_FOUND');
  });

  it('every response carries a request id; a safe incoming one is kept', async () => {
    const res = await gw.request('/api/home', { headers: { 'x-request-id': 'trace-abc-12345' } });
    expect(res.headers.get('x-request-id')).toBe('trace-abc-12345');
    expect((res.body as { requestId: string }).requestId).toBe('trace-abc-12345');
    const unsafe = await gw.request('/api/home', { headers: { 'x-request-id': 'bad id <script>' } });
    expect(unsafe.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('compresses large JSON responses with gzip', async () => {
    const res = await fetch(`${gw.base}/api/items/FX-GA-0001`, { headers: { 'accept-encoding': 'gzip' } });
    await res.arrayBuffer();
    const big = await fetch(`${gw.base}/api/search?pageSize=50`, { headers: { 'accept-encoding': 'gzip' } });
    expect(big.headers.get('content-encoding')).toBe('gzip');
    expectOk({ status: big.status, headers: big.headers, body: await big.json(), text: '' }, SearchResult);
  });
});

describe('the real seed through the API', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startGateway({ seedDir: DEFAULT_SEED_DIR });
  });

  afterAll(async () => {
    await gw.close();
  });

  it('serves every guide and every theme within the contract', async () => {
    const { departments } = expectOk(
      await gw.request('/api/departments'),
      Type.Object({ departments: Type.Array(Department) }),
    );
    const total = departments.reduce((n, d) => n + d.itemCount, 0);
    expect(total).toBeGreaterThan(100);
    const all = expectOk(await gw.request('/api/search?pageSize=50'), SearchResult);
    expect(all.total).toBe(total);
    const codes: string[] = [];
    for (let page = 1; page <= Math.ceil(total / 50); page += 1) {
      codes.push(
        ...expectOk(await gw.request(`/api/search?pageSize=50&page=${page}`), SearchResult).hits.map(
          (h) => h.item.code,
        ),
      );
    }
    expect(new Set(codes).size).toBe(total);
    for (const code of codes) expectOk(await gw.request(`/api/items/${code}`), Guide);
    const { themes } = expectOk(await gw.request('/api/themes'), Type.Object({ themes: Type.Array(ThemeItemSummary) }));
    expect(themes.length).toBeGreaterThan(0);
    for (const t of themes) {
      const theme = expectOk(await gw.request(`/api/themes/${t.code}`), ThemeItem);
      const names = theme.materials.map((m) => m.name);
      expect(new Set(names).size).toBe(names.length);
    }
    expectOk(await gw.request('/api/home'), HomeFeed);
    expectOk(await gw.request('/api/halls'), Type.Object({ halls: Type.Array(Hall) }));
    expectOk(await gw.request('/api/calendar'), WorkdayCalendar);
  });
});
