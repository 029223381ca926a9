import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { IdentityBoundChallenge, LoginResult, User } from '../../types/contract';
import { idCardCheckChar } from '../../src/lib/id-card';
import { DATABASE_FILE } from '../../gateway/src/db/open-database';
import { expectError, expectOk, smsLogin, startGateway, type TestGateway } from './support/harness';

const HOLDER_MOBILE = '13812341234';
const CLAIMANT_MOBILE = '13900001111';
const FIRST17 = '42011119900101123';
const ID = FIRST17 + idCardCheckChar(FIRST17);

let gw: TestGateway;

beforeEach(async () => {
  gw = await startGateway();
});

afterEach(async () => {
  await gw.app.close();
});

function realName(token: string, body: Record<string, string>): ReturnType<TestGateway['request']> {
  return gw.request('/api/me/real-name', { method: 'POST', token, body });
}

function claims(): { user_id: string; bound_user_id: string; outcome: string }[] {
  const db = new BetterSqlite3(path.join(gw.dataDir, DATABASE_FILE), { readonly: true });
  const rows = db.prepare('SELECT user_id, bound_user_id, outcome FROM identity_claims ORDER BY id').all();
  db.close();
  return rows as { user_id: string; bound_user_id: string; outcome: string }[];
}

async function holderVerified(): Promise<{ token: string; user: User }> {
  const { accessToken } = await smsLogin(gw, HOLDER_MOBILE);
  const user = expectOk(await realName(accessToken, { name: '张三', idNumber: ID }), User);
  expect(user.realName.verified).toBe(true);
  // Past the holder's own login code's resend wait.
  gw.clock.advance(61);
  return { token: accessToken, user };
}

describe('one identity, one person', () => {
  it('asks a second account for a code sent to the first account’s mobile, then verifies it as the same person', async () => {
    const holder = await holderVerified();
    const { accessToken } = await smsLogin(gw, CLAIMANT_MOBILE);

    const challenge = expectOk(await realName(accessToken, { name: '张三', idNumber: ID }), IdentityBoundChallenge);
    expect(challenge).toEqual({
      challenge: 'identity_bound',
      mobileMasked: '138****1234',
      resendAfterSeconds: 60,
      expiresInSeconds: 300,
    });
    const me = expectOk(await gw.request('/api/me', { token: accessToken }), User);
    expect(me.realName.verified).toBe(false);

    const code = gw.smsCodes.get(HOLDER_MOBILE)?.slice(-1)[0] ?? '';
    const wrong = code === '000000' ? '111111' : '000000';
    const refused = expectError(
      await realName(accessToken, { name: '张三', idNumber: ID, code: wrong }),
      400,
      'VALIDATION_FAILED',
    );
    expect(refused.fields).toEqual([{ field: 'code', message: '验证码不正确，还可以再试 4 次' }]);

    const linked = expectOk(await realName(accessToken, { name: '张三', idNumber: ID, code }), User);
    expect(linked.realName).toEqual(holder.user.realName);
    // The holder keeps its verification.
    expect(expectOk(await gw.request('/api/me', { token: holder.token }), User).realName.verified).toBe(true);

    const claimant = me.id;
    expect(claims()).toEqual([
      { user_id: claimant, bound_user_id: holder.user.id, outcome: 'code_sent' },
      { user_id: claimant, bound_user_id: holder.user.id, outcome: 'code_rejected' },
      { user_id: claimant, bound_user_id: holder.user.id, outcome: 'linked' },
    ]);
    // Nothing personal leaves in the logs of the attempt.
    expect(gw.logs.join('\n')).not.toContain(ID);
  });

  it('does not verify with a code that was never sent, nor with the claimant’s own login code', async () => {
    await holderVerified();
    const { accessToken } = await smsLogin(gw, CLAIMANT_MOBILE);
    const ownCode = gw.smsCodes.get(CLAIMANT_MOBILE)?.slice(-1)[0] ?? '';
    const error = expectError(
      await realName(accessToken, { name: '张三', idNumber: ID, code: ownCode }),
      400,
      'VALIDATION_FAILED',
    );
    expect(error.fields?.[0].field).toBe('code');
    expect(expectOk(await gw.request('/api/me', { token: accessToken }), User).realName.verified).toBe(false);
  });

  it('keeps claim codes and login codes apart: neither does the other’s work', async () => {
    await holderVerified();
    const { accessToken } = await smsLogin(gw, CLAIMANT_MOBILE);
    expectOk(await realName(accessToken, { name: '张三', idNumber: ID }), IdentityBoundChallenge);
    const claimCode = gw.smsCodes.get(HOLDER_MOBILE)?.slice(-1)[0] ?? '';

    // The claim code, sent to the holder's phone, does not open the holder's account.
    const login = await gw.request('/api/auth/sms-login', {
      method: 'POST',
      body: { mobile: HOLDER_MOBILE, code: claimCode },
    });
    expect(expectError(login, 400, 'VALIDATION_FAILED').fields?.[0].field).toBe('code');

    // A login code to the holder's phone does not confirm the claim.
    gw.clock.advance(61);
    expect((await gw.request('/api/auth/sms', { method: 'POST', body: { mobile: HOLDER_MOBILE } })).status).toBe(200);
    const loginCode = gw.smsCodes.get(HOLDER_MOBILE)?.slice(-1)[0] ?? '';
    const confirm = await realName(accessToken, { name: '张三', idNumber: ID, code: loginCode });
    expect(expectError(confirm, 400, 'VALIDATION_FAILED').fields?.[0].field).toBe('code');
    expect(expectOk(await gw.request('/api/me', { token: accessToken }), User).realName.verified).toBe(false);
  });

  it('refuses another name for a bound 身份证号, sends no code, and records the attempt', async () => {
    await holderVerified();
    const { accessToken } = await smsLogin(gw, CLAIMANT_MOBILE);
    const sentBefore = gw.smsCodes.get(HOLDER_MOBILE)?.length;
    const error = expectError(await realName(accessToken, { name: '李四', idNumber: ID }), 400, 'VALIDATION_FAILED');
    expect(error.fields).toEqual([{ field: 'name', message: '姓名与身份证号不一致' }]);
    expect(gw.smsCodes.get(HOLDER_MOBILE)?.length).toBe(sentBefore);
    expect(claims().map((c) => c.outcome)).toEqual(['name_mismatch']);
  });

  it('sends a bound identity’s claimant to a hall when the first account has no mobile', async () => {
    const mini = expectOk(
      await gw.request('/api/auth/code-login', { method: 'POST', body: { platform: 'weapp', code: 'code-1' } }),
      LoginResult,
    );
    expectOk(await realName(mini.tokens.accessToken, { name: '张三', idNumber: ID }), User);
    const { accessToken } = await smsLogin(gw, CLAIMANT_MOBILE);
    const error = expectError(await realName(accessToken, { name: '张三', idNumber: ID }), 409, 'CONFLICT');
    expect(error.fields?.[0]).toEqual({ field: 'idNumber', message: expect.stringContaining('政务服务大厅') });
    expect(claims().map((c) => c.outcome)).toEqual(['no_mobile']);
  });

  it('keeps the holder’s number’s SMS limits, and sends at most 3 claim codes to it a day', async () => {
    await holderVerified();
    const { accessToken } = await smsLogin(gw, CLAIMANT_MOBILE);
    expectOk(await realName(accessToken, { name: '张三', idNumber: ID }), IdentityBoundChallenge);
    gw.clock.advance(10);
    expectError(await realName(accessToken, { name: '张三', idNumber: ID }), 429, 'RATE_LIMITED');
    for (let i = 0; i < 2; i += 1) {
      gw.clock.advance(61);
      expectOk(await realName(accessToken, { name: '张三', idNumber: ID }), IdentityBoundChallenge);
    }
    gw.clock.advance(61);
    const limited = expectError(await realName(accessToken, { name: '张三', idNumber: ID }), 429, 'RATE_LIMITED');
    expect(limited.message).toBe('该身份今日的验证次数已达上限，请明天再试');
    // The holder can still log in with a code of their own.
    await smsLogin(gw, HOLDER_MOBILE);
    expect(claims().map((c) => c.outcome)).toEqual([
      'code_sent',
      'rate_limited',
      'code_sent',
      'code_sent',
      'rate_limited',
    ]);
  });
});
