import BetterSqlite3 from 'better-sqlite3';
import path from 'node:path';
import { TokenPair } from '../../types/contract';
import { DATABASE_FILE } from '../../gateway/src/db/open-database';
import { expectError, expectOk, smsLogin, startGateway, type TestGateway } from './support/harness';

const MOBILE = '13812345678';

let gw: TestGateway;

beforeEach(async () => {
  gw = await startGateway();
});

afterEach(async () => {
  await gw.app.close();
});

function refresh(refreshToken: string): ReturnType<TestGateway['request']> {
  return gw.request('/api/auth/refresh', { method: 'POST', body: { refreshToken } });
}

describe('refresh grace window', () => {
  it('answers five parallel refreshes with one token with the same new pair, and the user stays logged in', async () => {
    const login = await smsLogin(gw, MOBILE);
    const answers = await Promise.all(Array.from({ length: 5 }, () => refresh(login.refreshToken)));
    const pairs = answers.map((answer) => expectOk(answer, TokenPair));
    const tokens = new Set(pairs.map((p) => `${p.accessToken} ${p.refreshToken}`));
    expect(tokens.size).toBe(1);
    expect(pairs[0].refreshToken).not.toBe(login.refreshToken);

    expect((await gw.request('/api/me', { token: pairs[0].accessToken })).status).toBe(200);
    // The new refresh token is the live one: it rotates normally.
    const next = expectOk(await refresh(pairs[0].refreshToken), TokenPair);
    expect((await gw.request('/api/me', { token: next.accessToken })).status).toBe(200);
    expect(gw.logs.some((l) => l.includes('refresh token reused'))).toBe(false);
  });

  it('counts the repeated pair’s lifetimes from the rotation', async () => {
    const login = await smsLogin(gw, MOBILE);
    const first = expectOk(await refresh(login.refreshToken), TokenPair);
    gw.clock.advance(29);
    const again = expectOk(await refresh(login.refreshToken), TokenPair);
    expect(again.accessToken).toBe(first.accessToken);
    expect(again.accessExpiresIn).toBe(first.accessExpiresIn - 29);
    expect(again.refreshExpiresIn).toBe(first.refreshExpiresIn - 29);
  });

  it('revokes the whole login when the old token comes back after the window', async () => {
    const login = await smsLogin(gw, MOBILE);
    const pair = expectOk(await refresh(login.refreshToken), TokenPair);
    gw.clock.advance(30);
    expectError(await refresh(login.refreshToken), 401, 'UNAUTHENTICATED');
    expectError(await gw.request('/api/me', { token: pair.accessToken }), 401, 'UNAUTHENTICATED');
    expectError(await refresh(pair.refreshToken), 401, 'UNAUTHENTICATED');
    expect(gw.logs.some((l) => l.includes('refresh token reused'))).toBe(true);
  });

  it('keeps no usable token in the database: the repeat is sealed with the old token', async () => {
    const login = await smsLogin(gw, MOBILE);
    const pair = expectOk(await refresh(login.refreshToken), TokenPair);
    const db = new BetterSqlite3(path.join(gw.dataDir, DATABASE_FILE), { readonly: true });
    const rows = db.prepare('SELECT * FROM refresh_tokens').all();
    db.close();
    const dump = JSON.stringify(rows);
    expect(dump).toContain('"successor_sealed":"');
    for (const token of [login.refreshToken, pair.refreshToken, pair.accessToken]) {
      expect(dump).not.toContain(token);
      expect(dump).not.toContain(token.slice(3, 20));
    }
  });
});
