import { generateKeyPairSync, createVerify } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import { LoginResult, SmsSent, TokenPair, User } from '../../types/contract';
import { idCardCheckChar } from '../../src/lib/id-card';
import type { FetchLike } from '../../gateway/src/auth/platform-identity';
import { expectError, expectOk, smsLogin, startGateway, type TestGateway } from './support/harness';

const MOBILE = '13812341234';
const LogoutData = Type.Object({ loggedOut: Type.Literal(true) });

function validId(first17: string): string {
  return first17 + idCardCheckChar(first17);
}

let gw: TestGateway;

beforeEach(async () => {
  gw = await startGateway();
});

afterEach(async () => {
  await gw.close();
});

const post = (path: string, body: unknown, token?: string) => gw.request(path, { method: 'POST', body, token });
const lastCode = (mobile: string): string => gw.smsCodes.get(mobile)?.slice(-1)[0] ?? '';
const wrong = (code: string): string => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('SMS login', () => {
  it('sends a 6-digit code and logs it without the mobile number', async () => {
    const sent = expectOk(await post('/api/auth/sms', { mobile: MOBILE }), SmsSent);
    expect(sent).toEqual({ resendAfterSeconds: 60, expiresInSeconds: 300 });
    const code = lastCode(MOBILE);
    expect(code).toMatch(/^\d{6}$/);
    const line = gw.logs.find((l) => l.includes(code));
    expect(line).toContain('****1234');
    expect(gw.logs.join('\n')).not.toContain(MOBILE);
  });

  it('logs in with the code, once, and returns a masked user', async () => {
    await post('/api/auth/sms', { mobile: MOBILE });
    const code = lastCode(MOBILE);
    const login = expectOk(await post('/api/auth/sms-login', { mobile: MOBILE, code }), LoginResult);
    expect(login.user.mobileMasked).toBe('138****1234');
    expect(login.user.realName).toEqual({ verified: false });
    expect(login.tokens.accessExpiresIn).toBe(900);
    expect(login.tokens.refreshExpiresIn).toBe(30 * 24 * 3600);
    const again = expectError(await post('/api/auth/sms-login', { mobile: MOBILE, code }), 400, 'VALIDATION_FAILED');
    expect(again.fields?.[0].field).toBe('code');
  });

  it('logs the same number into the same account', async () => {
    const first = await smsLogin(gw, MOBILE);
    gw.clock.advance(61);
    const second = await smsLogin(gw, MOBILE);
    const a = expectOk(await gw.request('/api/me', { token: first.accessToken }), User);
    const b = expectOk(await gw.request('/api/me', { token: second.accessToken }), User);
    expect(a.id).toBe(b.id);
  });

  it('counts wrong codes and gives up after 5', async () => {
    await post('/api/auth/sms', { mobile: MOBILE });
    const code = lastCode(MOBILE);
    const first = expectError(
      await post('/api/auth/sms-login', { mobile: MOBILE, code: wrong(code) }),
      400,
      'VALIDATION_FAILED',
    );
    expect(first.fields).toEqual([{ field: 'code', message: '验证码不正确，还可以再试 4 次' }]);
    for (let i = 0; i < 4; i += 1) await post('/api/auth/sms-login', { mobile: MOBILE, code: wrong(code) });
    const exhausted = expectError(
      await post('/api/auth/sms-login', { mobile: MOBILE, code }),
      400,
      'VALIDATION_FAILED',
    );
    expect(exhausted.fields?.[0].message).toMatch(/错误次数过多/);
  });

  it('expires a code after 5 minutes', async () => {
    await post('/api/auth/sms', { mobile: MOBILE });
    gw.clock.advance(301);
    const error = expectError(
      await post('/api/auth/sms-login', { mobile: MOBILE, code: lastCode(MOBILE) }),
      400,
      'VALIDATION_FAILED',
    );
    expect(error.fields?.[0].message).toMatch(/已过期/);
  });

  it('only the newest code works', async () => {
    await post('/api/auth/sms', { mobile: MOBILE });
    const old = lastCode(MOBILE);
    gw.clock.advance(61);
    await post('/api/auth/sms', { mobile: MOBILE });
    const fresh = lastCode(MOBILE);
    if (old !== fresh) expect((await post('/api/auth/sms-login', { mobile: MOBILE, code: old })).status).toBe(400);
    expect((await post('/api/auth/sms-login', { mobile: MOBILE, code: fresh })).status).toBe(200);
  });

  it('rejects malformed requests naming the field', async () => {
    const bad = expectError(await post('/api/auth/sms', { mobile: '12345' }), 400, 'VALIDATION_FAILED');
    expect(bad.fields).toEqual([{ field: 'mobile', message: expect.stringMatching(/手机号格式不正确/) }]);
    const number = expectError(await post('/api/auth/sms', { mobile: 13812341234 }), 400, 'VALIDATION_FAILED');
    expect(number.fields?.[0].field).toBe('mobile');
    const extra = expectError(await post('/api/auth/sms', { mobile: MOBILE, admin: true }), 400, 'VALIDATION_FAILED');
    expect(extra.fields?.[0].field).toBe('admin');
    const code = expectError(
      await post('/api/auth/sms-login', { mobile: MOBILE, code: '12ab' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(code.fields?.[0]).toEqual({ field: 'code', message: expect.stringMatching(/6 位数字/) });
    const missing = expectError(await post('/api/auth/sms-login', {}), 400, 'VALIDATION_FAILED');
    expect(missing.fields?.map((f) => f.field).sort()).toEqual(['code', 'mobile']);
  });

  it('answers a body that is not JSON with a clear error', async () => {
    const res = await gw.request('/api/auth/sms', {
      method: 'POST',
      body: undefined,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    const broken = await fetch(`${gw.base}/api/auth/sms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"mobile":',
    });
    const body = (await broken.json()) as { ok: boolean; error: { code: string; message: string } };
    expect(broken.status).toBe(400);
    expect(body.error).toMatchObject({ code: 'BAD_REQUEST', message: '请求内容不是有效的 JSON' });
  });

  it('marks auth responses as not cacheable', async () => {
    const res = await post('/api/auth/sms', { mobile: MOBILE });
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});

describe('SMS rate limits', () => {
  it('allows one code per number per 60 seconds', async () => {
    expect((await post('/api/auth/sms', { mobile: MOBILE })).status).toBe(200);
    gw.clock.advance(20);
    const res = await post('/api/auth/sms', { mobile: MOBILE });
    const error = expectError(res, 429, 'RATE_LIMITED');
    expect(error.retryAfterSeconds).toBe(40);
    expect(error.message).toMatch(/40 秒后再试/);
    expect(res.headers.get('retry-after')).toBe('40');
    expect((await post('/api/auth/sms', { mobile: '13912345678' })).status).toBe(200);
    gw.clock.advance(40);
    expect((await post('/api/auth/sms', { mobile: MOBILE })).status).toBe(200);
  });

  it('allows 10 codes per number per day', async () => {
    for (let i = 0; i < 10; i += 1) {
      expect((await post('/api/auth/sms', { mobile: MOBILE })).status).toBe(200);
      gw.clock.advance(61);
    }
    const error = expectError(await post('/api/auth/sms', { mobile: MOBILE }), 429, 'RATE_LIMITED');
    expect(error.message).toMatch(/今日/);
    // The first of the ten was sent 610 s ago: it leaves the 24 h window in 86400 − 610 s.
    expect(error.retryAfterSeconds).toBe(86400 - 610);
    gw.clock.advance(86400 - 610);
    expect((await post('/api/auth/sms', { mobile: MOBILE })).status).toBe(200);
  });

  it('limits sends per IP address', async () => {
    const limited = await startGateway({ ipLimits: { smsPerHour: 3 } });
    try {
      for (const mobile of ['13800000001', '13800000002', '13800000003']) {
        expect((await limited.request('/api/auth/sms', { method: 'POST', body: { mobile } })).status).toBe(200);
      }
      const res = await limited.request('/api/auth/sms', { method: 'POST', body: { mobile: '13800000004' } });
      const error = expectError(res, 429, 'RATE_LIMITED');
      expect(error.retryAfterSeconds).toBeGreaterThan(0);
      expect(error.message).toMatch(/秒后再试/);
    } finally {
      await limited.close();
    }
  });
});

describe('tokens', () => {
  it('rejects missing, malformed and unknown tokens as UNAUTHENTICATED', async () => {
    expectError(await gw.request('/api/me'), 401, 'UNAUTHENTICATED');
    expectError(await gw.request('/api/me', { token: 'at_nope' }), 401, 'UNAUTHENTICATED');
    expectError(await gw.request('/api/me', { headers: { authorization: 'Basic abc' } }), 401, 'UNAUTHENTICATED');
  });

  it('reports an expired access token as TOKEN_EXPIRED, and refreshing fixes it', async () => {
    const tokens = await smsLogin(gw, MOBILE);
    gw.clock.advance(899);
    expect((await gw.request('/api/me', { token: tokens.accessToken })).status).toBe(200);
    gw.clock.advance(2);
    expectError(await gw.request('/api/me', { token: tokens.accessToken }), 401, 'TOKEN_EXPIRED');
    const fresh = expectOk(await post('/api/auth/refresh', { refreshToken: tokens.refreshToken }), TokenPair);
    expect(fresh.refreshToken).not.toBe(tokens.refreshToken);
    expect((await gw.request('/api/me', { token: fresh.accessToken })).status).toBe(200);
  });

  it('checks auth before validating the request', async () => {
    const tokens = await smsLogin(gw, MOBILE);
    gw.clock.advance(901);
    expectError(await post('/api/me/real-name', { bogus: 1 }, tokens.accessToken), 401, 'TOKEN_EXPIRED');
  });

  it('rotates refresh tokens and revokes the whole login when an old one is reused', async () => {
    const first = await smsLogin(gw, MOBILE);
    const second = expectOk(await post('/api/auth/refresh', { refreshToken: first.refreshToken }), TokenPair);
    const third = expectOk(await post('/api/auth/refresh', { refreshToken: second.refreshToken }), TokenPair);
    expect((await gw.request('/api/me', { token: third.accessToken })).status).toBe(200);

    // Someone replays the first refresh token after the grace window: the login is compromised.
    gw.clock.advance(31);
    expectError(await post('/api/auth/refresh', { refreshToken: first.refreshToken }), 401, 'UNAUTHENTICATED');
    expectError(await post('/api/auth/refresh', { refreshToken: third.refreshToken }), 401, 'UNAUTHENTICATED');
    expectError(await gw.request('/api/me', { token: third.accessToken }), 401, 'UNAUTHENTICATED');
    expect(gw.logs.some((l) => l.includes('refresh token reused'))).toBe(true);
  });

  it('keeps other logins of the same user when one is revoked', async () => {
    const phone = await smsLogin(gw, MOBILE);
    gw.clock.advance(61);
    const laptop = await smsLogin(gw, MOBILE);
    await post('/api/auth/logout', { refreshToken: phone.refreshToken });
    expectError(await gw.request('/api/me', { token: phone.accessToken }), 401, 'UNAUTHENTICATED');
    expect((await gw.request('/api/me', { token: laptop.accessToken })).status).toBe(200);
  });

  it('does not refresh with an expired refresh token', async () => {
    const tokens = await smsLogin(gw, MOBILE);
    gw.clock.advance(30 * 24 * 3600 + 1);
    expectError(await post('/api/auth/refresh', { refreshToken: tokens.refreshToken }), 401, 'UNAUTHENTICATED');
  });

  it('logs out: both tokens stop working, and logging out twice is fine', async () => {
    const tokens = await smsLogin(gw, MOBILE);
    expect(expectOk(await post('/api/auth/logout', { refreshToken: tokens.refreshToken }), LogoutData)).toEqual({
      loggedOut: true,
    });
    expectError(await gw.request('/api/me', { token: tokens.accessToken }), 401, 'UNAUTHENTICATED');
    expectError(await post('/api/auth/refresh', { refreshToken: tokens.refreshToken }), 401, 'UNAUTHENTICATED');
    expect((await post('/api/auth/logout', { refreshToken: tokens.refreshToken })).status).toBe(200);
  });
});

describe('mini-program login', () => {
  it('uses a local identity stand-in without credentials: same code, same user', async () => {
    const a = expectOk(await post('/api/auth/code-login', { platform: 'weapp', code: 'code-1' }), LoginResult);
    const b = expectOk(await post('/api/auth/code-login', { platform: 'weapp', code: 'code-1' }), LoginResult);
    const c = expectOk(await post('/api/auth/code-login', { platform: 'alipay', code: 'code-1' }), LoginResult);
    expect(a.user.id).toBe(b.user.id);
    expect(c.user.id).not.toBe(a.user.id);
    expect(a.user.mobileMasked).toBeUndefined();
  });

  it('rejects an unknown platform', async () => {
    const error = expectError(
      await post('/api/auth/code-login', { platform: 'douyin', code: 'x' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(error.fields?.[0].field).toBe('platform');
  });

  it('exchanges the code with WeChat when credentials are configured', async () => {
    const calls: string[] = [];
    const fake: FetchLike = async (url) => {
      calls.push(url);
      const code = new URL(url).searchParams.get('js_code');
      const body =
        code === 'good' ? { openid: 'o-wx-123', session_key: 'k' } : { errcode: 40029, errmsg: 'invalid code' };
      return { ok: true, status: 200, json: async () => body };
    };
    const wx = await startGateway({ weapp: { appId: 'wx-app', secret: 'wx-secret' }, platformFetch: fake });
    try {
      const a = expectOk(
        await wx.request('/api/auth/code-login', { method: 'POST', body: { platform: 'weapp', code: 'good' } }),
        LoginResult,
      );
      const b = expectOk(
        await wx.request('/api/auth/code-login', { method: 'POST', body: { platform: 'weapp', code: 'good' } }),
        LoginResult,
      );
      expect(a.user.id).toBe(b.user.id);
      const url = new URL(calls[0]);
      expect(url.origin + url.pathname).toBe('https://api.weixin.qq.com/sns/jscode2session');
      expect(Object.fromEntries(url.searchParams)).toEqual({
        appid: 'wx-app',
        secret: 'wx-secret',
        js_code: 'good',
        grant_type: 'authorization_code',
      });
      expectError(
        await wx.request('/api/auth/code-login', { method: 'POST', body: { platform: 'weapp', code: 'bad' } }),
        401,
        'UNAUTHENTICATED',
      );
      // The secret never reaches the log.
      expect(wx.logs.join('\n')).not.toContain('wx-secret');
    } finally {
      await wx.close();
    }
  });

  it('reports WeChat being unreachable as a 502 with a Chinese message', async () => {
    const down: FetchLike = async () => {
      throw new Error('ECONNREFUSED');
    };
    const wx = await startGateway({ weapp: { appId: 'wx-app', secret: 's' }, platformFetch: down });
    try {
      const error = expectError(
        await wx.request('/api/auth/code-login', { method: 'POST', body: { platform: 'weapp', code: 'x' } }),
        502,
        'INTERNAL',
      );
      expect(error.message).toMatch(/微信登录服务暂时不可用/);
    } finally {
      await wx.close();
    }
  });

  it('signs alipay.system.oauth.token with RSA2 when credentials are configured', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    let verified = false;
    const fake: FetchLike = async (_url, init) => {
      const params = new URLSearchParams(init?.body ?? '');
      const sign = params.get('sign') ?? '';
      params.delete('sign');
      const content = [...params.keys()]
        .sort()
        .map((k) => `${k}=${params.get(k)}`)
        .join('&');
      verified = createVerify('RSA-SHA256').update(content).verify(publicKey, sign, 'base64');
      expect(params.get('method')).toBe('alipay.system.oauth.token');
      expect(params.get('timestamp')).toBe('2025-03-03 10:00:00'); // the test clock, in China time
      return {
        ok: true,
        status: 200,
        json: async () => ({ alipay_system_oauth_token_response: { open_id: 'ali-open-1' } }),
      };
    };
    const ali = await startGateway({
      alipay: { appId: '2021000000000000', privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() },
      platformFetch: fake,
    });
    try {
      expectOk(
        await ali.request('/api/auth/code-login', { method: 'POST', body: { platform: 'alipay', code: 'auth-code' } }),
        LoginResult,
      );
      expect(verified).toBe(true);
    } finally {
      await ali.close();
    }
  });
});

describe('me and real-name verification', () => {
  const ID = validId('42011119900307123');

  it('masks personal data and never logs it', async () => {
    const tokens = await smsLogin(gw, MOBILE);
    const user = expectOk(await post('/api/me/real-name', { name: '张三', idNumber: ID }, tokens.accessToken), User);
    expect(user.realName).toEqual({
      verified: true,
      nameMasked: '张*',
      idNumberMasked: `4201**********${ID.slice(-4)}`,
    });
    const me = expectOk(await gw.request('/api/me', { token: tokens.accessToken }), User);
    expect(me).toEqual({ id: user.id, mobileMasked: '138****1234', realName: user.realName });
    expect(JSON.stringify(me)).not.toContain(ID);
    const logs = gw.logs.join('\n');
    for (const secret of [MOBILE, ID, '张三', tokens.accessToken, tokens.refreshToken])
      expect(logs).not.toContain(secret);
  });

  it('names the field for a bad check digit and for a bad name', async () => {
    const tokens = await smsLogin(gw, MOBILE);
    const badDigit = ID.slice(0, 17) + (ID[17] === '0' ? '1' : '0');
    const error = expectError(
      await post('/api/me/real-name', { name: '张三', idNumber: badDigit }, tokens.accessToken),
      400,
      'VALIDATION_FAILED',
    );
    expect(error.fields).toEqual([{ field: 'idNumber', message: '身份证号校验位不正确' }]);
    const both = expectError(
      await post('/api/me/real-name', { name: 'Zhang San', idNumber: badDigit }, tokens.accessToken),
      400,
      'VALIDATION_FAILED',
    );
    expect(both.fields?.map((f) => f.field)).toEqual(['name', 'idNumber']);
    const short = expectError(
      await post('/api/me/real-name', { name: '张三', idNumber: '4201' }, tokens.accessToken),
      400,
      'VALIDATION_FAILED',
    );
    expect(short.fields?.[0].field).toBe('idNumber');
    const me = expectOk(await gw.request('/api/me', { token: tokens.accessToken }), User);
    expect(me.realName.verified).toBe(false);
  });

  it('refuses a 身份证号 whose region does not exist or whose holder is not born yet, even with a valid check digit', async () => {
    const tokens = await smsLogin(gw, MOBILE);
    const zeros = validId('00000019900101123');
    const error = expectError(
      await post('/api/me/real-name', { name: '张三', idNumber: zeros }, tokens.accessToken),
      400,
      'VALIDATION_FAILED',
    );
    expect(error.fields).toEqual([{ field: 'idNumber', message: '身份证号地区码不正确' }]);
    const unborn = expectError(
      await post('/api/me/real-name', { name: '张三', idNumber: validId('42011120990101123') }, tokens.accessToken),
      400,
      'VALIDATION_FAILED',
    );
    expect(unborn.fields).toEqual([{ field: 'idNumber', message: '身份证号的出生日期不正确' }]);
    const me = expectOk(await gw.request('/api/me', { token: tokens.accessToken }), User);
    expect(me.realName.verified).toBe(false);
  });

  it('accepts a lower-case x and a minority name with a middle dot', async () => {
    const tokens = await smsLogin(gw, MOBILE);
    const id = validId('42011119900307101');
    expect(id.endsWith('X')).toBe(true);
    const user = expectOk(
      await post('/api/me/real-name', { name: '阿依古丽·买买提', idNumber: id.toLowerCase() }, tokens.accessToken),
      User,
    );
    expect(user.realName.nameMasked).toBe('阿*******');
  });

  it('does not let a verified account switch to another identity', async () => {
    const tokens = await smsLogin(gw, MOBILE);
    await post('/api/me/real-name', { name: '张三', idNumber: ID }, tokens.accessToken);
    expect((await post('/api/me/real-name', { name: '张三', idNumber: ID }, tokens.accessToken)).status).toBe(200);
    const other = validId('42011119851111002');
    expectError(
      await post('/api/me/real-name', { name: '李四', idNumber: other }, tokens.accessToken),
      409,
      'CONFLICT',
    );
  });
});
