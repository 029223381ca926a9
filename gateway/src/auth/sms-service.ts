import { randomInt } from 'node:crypto';
import type { SmsSent } from '../../../types/contract';
import { fieldError, rateLimited } from '../http/api-error';
import type { SmsCodeStore } from '../store/sms-code-store';
import { codeHash, sameHash } from './secrets';

export const SMS_CODE_TTL_SECONDS = 5 * 60;
export const SMS_RESEND_SECONDS = 60;
export const SMS_DAILY_LIMIT = 10;
export const SMS_MAX_FAILED_ATTEMPTS = 5;
const DAY_MS = 24 * 3600 * 1000;

/**
 * What a code is for. A code proves control of the number for that purpose only: the one sent to
 * confirm an identity claim does not log in, and a login code does not confirm a claim.
 */
export type SmsPurpose = 'login' | 'identity_claim';

/** Login codes keep the hash input they had before purposes existed, so codes in flight still work. */
const hashSubject = (mobile: string, purpose: SmsPurpose): string =>
  purpose === 'login' ? mobile : `${purpose}:${mobile}`;

export interface SmsDeps {
  store: SmsCodeStore;
  secret: string;
  now: () => Date;
  /** Delivers the code; the reference gateway has no SMS provider and logs it instead. */
  deliver: (mobile: string, code: string, purpose: SmsPurpose) => void;
}

/** Issues and checks 6-digit codes, with per-number limits shared by every purpose. */
export class SmsService {
  constructor(private readonly deps: SmsDeps) {}

  send(mobile: string, purpose: SmsPurpose = 'login'): SmsSent {
    const now = this.deps.now().getTime();
    // A rolling 24 h window: simpler to reason about than calendar days, and never resets at midnight.
    const sent = this.deps.store.sentSince(mobile, now - DAY_MS);
    const last = sent[sent.length - 1];
    if (last !== undefined && now - last < SMS_RESEND_SECONDS * 1000) {
      const wait = (last + SMS_RESEND_SECONDS * 1000 - now) / 1000;
      throw rateLimited(wait, `验证码发送过于频繁，请 ${Math.ceil(wait)} 秒后再试`);
    }
    if (sent.length >= SMS_DAILY_LIMIT) {
      const wait = (sent[sent.length - SMS_DAILY_LIMIT] + DAY_MS - now) / 1000;
      throw rateLimited(wait, '该手机号今日获取验证码次数已达上限，请明天再试');
    }
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const hash = codeHash(this.deps.secret, hashSubject(mobile, purpose), code);
    this.deps.store.insert(mobile, hash, now, now + SMS_CODE_TTL_SECONDS * 1000);
    this.deps.store.purge(now - 2 * DAY_MS);
    this.deps.deliver(mobile, code, purpose);
    return { resendAfterSeconds: SMS_RESEND_SECONDS, expiresInSeconds: SMS_CODE_TTL_SECONDS };
  }

  /**
   * Throws a field error on `code` unless it is the latest valid code for the number, sent for this
   * purpose; a code works once.
   */
  verify(mobile: string, code: string, purpose: SmsPurpose = 'login'): void {
    const now = this.deps.now().getTime();
    const record = this.deps.store.latest(mobile);
    if (!record || record.consumed_at !== null) throw fieldError('code', '请先获取验证码');
    if (record.failed_attempts >= SMS_MAX_FAILED_ATTEMPTS) {
      throw fieldError('code', '验证码错误次数过多，已失效，请重新获取');
    }
    if (now >= record.expires_at) throw fieldError('code', '验证码已过期，请重新获取');
    if (!sameHash(record.code_hash, codeHash(this.deps.secret, hashSubject(mobile, purpose), code))) {
      this.deps.store.recordFailure(record.id);
      const left = SMS_MAX_FAILED_ATTEMPTS - record.failed_attempts - 1;
      throw fieldError(
        'code',
        left > 0 ? `验证码不正确，还可以再试 ${left} 次` : '验证码错误次数过多，已失效，请重新获取',
      );
    }
    this.deps.store.consume(record.id, now);
  }
}
