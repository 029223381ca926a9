import type { IdentityBoundChallenge, RealNameResult, SmsSent } from '../../../types/contract';
import { maskMobile } from '../../../src/lib/mask';
import { ApiError, fieldError, rateLimited } from '../http/api-error';
import type { IdentityClaimStore } from '../store/identity-claim-store';
import type { UserRecord, UserStore } from '../store/user-store';
import type { SmsService } from './sms-service';
import { userView } from './user-view';

export interface RealNameDeps {
  users: UserStore;
  claims: IdentityClaimStore;
  sms: SmsService;
  now: () => Date;
}

/**
 * Codes sent to one holder's mobile for claims in 24 h: the number's own SMS limit (10 a day) is
 * its owner's, and claims must not use it up and lock the owner out of logging in.
 */
export const CLAIM_CODES_PER_HOLDER_PER_DAY = 3;
const DAY_MS = 24 * 3600 * 1000;

const NO_MOBILE =
  '该身份证号已在另一账号完成实名认证，且该账号未绑定手机号，无法在线验证，请携带身份证到政务服务大厅办理';

/**
 * 实名认证 in the reference gateway: name + 身份证号, with one identity bound to one person. The
 * first account to verify an identity holds it; another account claiming it must show a code sent
 * to the holder's mobile. Then it is verified as the same person too (each account keeps its own
 * cases and records; the person reaches both by logging in to either), and the link is the
 * `linked` row in identity_claims. In production the platform's face verification replaces this
 * knowledge check, but the binding rule stays.
 */
export class RealNameService {
  constructor(private readonly deps: RealNameDeps) {}

  verify(user: UserRecord, name: string, idNumber: string, code: string | undefined): RealNameResult {
    const { users, claims, sms } = this.deps;
    if (user.verified_at !== null) {
      if (user.real_name === name && user.id_number === idNumber) return userView(user);
      throw new ApiError('CONFLICT', '该账号已完成实名认证，不能更换为其他身份');
    }
    const holder = users.firstHolderOf(idNumber, user.id);
    if (!holder) return userView(users.setRealName(user.id, name, idNumber, this.deps.now()));

    const at = this.deps.now().getTime();
    if (holder.real_name !== name) {
      claims.record(user.id, holder.id, at, 'name_mismatch');
      throw fieldError('name', '姓名与身份证号不一致');
    }
    if (!holder.mobile) {
      claims.record(user.id, holder.id, at, 'no_mobile');
      throw new ApiError('CONFLICT', NO_MOBILE, { fields: [{ field: 'idNumber', message: NO_MOBILE }] });
    }
    if (code === undefined) return this.sendClaimCode(user.id, holder.id, holder.mobile, at);
    try {
      sms.verify(holder.mobile, code, 'identity_claim');
    } catch (error) {
      claims.record(user.id, holder.id, at, 'code_rejected');
      throw error;
    }
    claims.record(user.id, holder.id, at, 'linked');
    return userView(users.setRealName(user.id, name, idNumber, this.deps.now()));
  }

  /** The code to the holder's mobile, within the claim and SMS limits; every try is recorded. */
  private sendClaimCode(userId: string, holderId: string, holderMobile: string, at: number): IdentityBoundChallenge {
    const { claims, sms } = this.deps;
    let sent: SmsSent;
    try {
      const sentAt = claims.codesSentTo(holderId, at - DAY_MS);
      if (sentAt.length >= CLAIM_CODES_PER_HOLDER_PER_DAY) {
        const wait = (sentAt[sentAt.length - CLAIM_CODES_PER_HOLDER_PER_DAY] + DAY_MS - at) / 1000;
        throw rateLimited(wait, '该身份今日的验证次数已达上限，请明天再试');
      }
      // The number's own limits apply too (sms-service: one code a minute).
      sent = sms.send(holderMobile, 'identity_claim');
    } catch (error) {
      claims.record(userId, holderId, at, 'rate_limited');
      throw error;
    }
    claims.record(userId, holderId, at, 'code_sent');
    return { challenge: 'identity_bound', mobileMasked: maskMobile(holderMobile), ...sent };
  }
}
