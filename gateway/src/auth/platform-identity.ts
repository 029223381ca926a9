import { createHash, createPrivateKey, createSign, type KeyObject } from 'node:crypto';
import type { Platform } from '../../../types/contract';
import { chinaTime } from '../../../src/lib/dayjs-china';
import type { AlipayCredentials, WeappCredentials } from '../config';
import { ApiError } from '../http/api-error';

export type FetchLike = (
  url: string,
  init?: { method?: string; headers?: Record<string, string>; body?: string },
) => Promise<{
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
}>;

export interface PlatformIdentityDeps {
  weapp?: WeappCredentials;
  alipay?: AlipayCredentials;
  fetch: FetchLike;
  now: () => Date;
}

const INVALID_CODE = '登录凭证无效或已过期，请重新登录';

function unavailable(platform: Platform): ApiError {
  const name = platform === 'weapp' ? '微信' : '支付宝';
  return new ApiError('INTERNAL', `${name}登录服务暂时不可用，请稍后再试`, { statusCode: 502 });
}

/**
 * Local identity stand-in, used when the platform's credentials are not configured (development,
 * tests, demos): the identity is a hash of platform + login code. The same code always gives the
 * same user, and different codes give different users — unlike the real exchange, where every
 * `Taro.login` code differs but maps to the same openid. Never use it in production.
 */
export function localOpenId(platform: Platform, code: string): string {
  return `local-${createHash('sha256').update(`${platform}:${code}`).digest('hex').slice(0, 32)}`;
}

/** WeChat `jscode2session`: login code → openid. */
async function weappOpenId(creds: WeappCredentials, code: string, fetchFn: FetchLike): Promise<string> {
  const url =
    'https://api.weixin.qq.com/sns/jscode2session?' +
    new URLSearchParams({ appid: creds.appId, secret: creds.secret, js_code: code, grant_type: 'authorization_code' });
  let body: { openid?: unknown; errcode?: unknown };
  try {
    const res = await fetchFn(url);
    body = (await res.json()) as typeof body;
  } catch {
    throw unavailable('weapp');
  }
  if (typeof body.openid === 'string' && body.openid !== '') return body.openid;
  // 40029 invalid code, 40163 code already used: the user's fault. Anything else: WeChat's side.
  if (body.errcode === 40029 || body.errcode === 40163) throw new ApiError('UNAUTHENTICATED', INVALID_CODE);
  throw unavailable('weapp');
}

export function alipayKey(pemOrBase64: string): KeyObject {
  if (pemOrBase64.includes('-----BEGIN')) return createPrivateKey(pemOrBase64);
  // The Alipay key tool hands out bare base64 (PKCS#8 or PKCS#1 DER).
  const der = Buffer.from(pemOrBase64.replace(/\s+/g, ''), 'base64');
  try {
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } catch {
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs1' });
  }
}

/** Alipay's timestamp format, in China Standard Time: "2025-01-02 03:04:05". */
export function chinaTimestamp(date: Date): string {
  return chinaTime(date).format('YYYY-MM-DD HH:mm:ss');
}

/** Alipay `alipay.system.oauth.token`: auth code → open_id (or the older user_id), signed RSA2. */
async function alipayUserId(creds: AlipayCredentials, code: string, fetchFn: FetchLike, now: Date): Promise<string> {
  const params: Record<string, string> = {
    app_id: creds.appId,
    method: 'alipay.system.oauth.token',
    format: 'JSON',
    charset: 'utf-8',
    sign_type: 'RSA2',
    timestamp: chinaTimestamp(now),
    version: '1.0',
    grant_type: 'authorization_code',
    code,
  };
  const content = Object.keys(params)
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join('&');
  const signer = createSign('RSA-SHA256');
  signer.update(content, 'utf8');
  const sign = signer.sign(alipayKey(creds.privateKey), 'base64');
  type AlipayAnswer = {
    alipay_system_oauth_token_response?: { open_id?: unknown; user_id?: unknown };
    error_response?: { code?: unknown; sub_code?: unknown };
  };
  let body: AlipayAnswer;
  try {
    const res = await fetchFn('https://openapi.alipay.com/gateway.do?charset=utf-8', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
      body: new URLSearchParams({ ...params, sign }).toString(),
    });
    body = (await res.json()) as AlipayAnswer;
  } catch {
    throw unavailable('alipay');
  }
  const ok = body.alipay_system_oauth_token_response;
  const id = ok?.open_id ?? ok?.user_id;
  if (typeof id === 'string' && id !== '') return id;
  const sub = body.error_response?.sub_code;
  if (sub === 'isv.code-invalid' || sub === 'isv.invalid-auth-code')
    throw new ApiError('UNAUTHENTICATED', INVALID_CODE);
  throw unavailable('alipay');
}

/** Resolves a mini-program login code to the platform's stable user identity. */
export class PlatformIdentity {
  constructor(private readonly deps: PlatformIdentityDeps) {}

  /** Whether the real exchange is configured for a platform (otherwise the local stand-in is used). */
  configured(platform: Platform): boolean {
    return platform === 'weapp' ? this.deps.weapp !== undefined : this.deps.alipay !== undefined;
  }

  async resolve(platform: Platform, code: string): Promise<string> {
    if (platform === 'weapp' && this.deps.weapp) return weappOpenId(this.deps.weapp, code, this.deps.fetch);
    if (platform === 'alipay' && this.deps.alipay) {
      return alipayUserId(this.deps.alipay, code, this.deps.fetch, this.deps.now());
    }
    return localOpenId(platform, code);
  }
}
