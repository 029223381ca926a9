import { FavouriteList, FavouriteState } from '../../types/contract';
import { expectError, expectOk, smsLogin, startGateway, type TestGateway } from './support/harness';

let gw: TestGateway;
let alice: string;
let bob: string;

beforeAll(async () => {
  gw = await startGateway();
  alice = (await smsLogin(gw, '13800000001')).accessToken;
  bob = (await smsLogin(gw, '13800000002')).accessToken;
});

afterAll(async () => {
  await gw.close();
});

const fav = (code: string, method: string, token: string) =>
  gw.request(`/api/me/favourites/${code}`, { method, token });
const list = async (token: string) =>
  expectOk(await gw.request('/api/me/favourites', { token }), FavouriteList).items.map((i) => i.code);

describe('favourites', () => {
  it('are per user: one user never sees or changes another’s', async () => {
    expect(expectOk(await fav('FX-GA-0001', 'PUT', alice), FavouriteState)).toEqual({
      code: 'FX-GA-0001',
      favourite: true,
    });
    gw.clock.advance(1);
    expectOk(await fav('FX-SC-0001', 'PUT', alice), FavouriteState);
    expect(await list(alice)).toEqual(['FX-SC-0001', 'FX-GA-0001']);
    expect(await list(bob)).toEqual([]);
    expect(expectOk(await fav('FX-GA-0001', 'GET', bob), FavouriteState).favourite).toBe(false);
    // Bob removing "his" favourite does not touch Alice's.
    expectOk(await fav('FX-GA-0001', 'DELETE', bob), FavouriteState);
    expect(expectOk(await fav('FX-GA-0001', 'GET', alice), FavouriteState).favourite).toBe(true);
  });

  it('adding twice and removing twice are both fine', async () => {
    expectOk(await fav('FX-MZ-0001', 'PUT', bob), FavouriteState);
    expectOk(await fav('FX-MZ-0001', 'PUT', bob), FavouriteState);
    expect(await list(bob)).toEqual(['FX-MZ-0001']);
    expect(expectOk(await fav('FX-MZ-0001', 'DELETE', bob), FavouriteState)).toEqual({
      code: 'FX-MZ-0001',
      favourite: false,
    });
    expectOk(await fav('FX-MZ-0001', 'DELETE', bob), FavouriteState);
    expect(await list(bob)).toEqual([]);
  });

  it('lists full item summaries', async () => {
    const items = expectOk(await gw.request('/api/me/favourites', { token: alice }), FavouriteList).items;
    expect(items.find((i) => i.code === 'FX-SC-0001')).toMatchObject({
      name: '食品经营许可（新办）',
      departmentName: '测试市场监督管理局',
    });
  });

  it('404 for an unknown item', async () => {
    const error = expectError(await fav('NO-SUCH-ITEM', 'PUT', alice), 404, 'NOT_FOUND');
    expect(error.message).toMatch(/没有找到这个事项/);
    expectError(await fav('NO-SUCH-ITEM', 'GET', alice), 404, 'NOT_FOUND');
  });

  it('401 without a token', async () => {
    expectError(await gw.request('/api/me/favourites'), 401, 'UNAUTHENTICATED');
    expectError(await gw.request('/api/me/favourites/FX-GA-0001', { method: 'PUT' }), 401, 'UNAUTHENTICATED');
  });
});
