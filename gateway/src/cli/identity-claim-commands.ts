import { maskIdNumberKeepRegion, maskMobile } from '../../../src/lib/mask';
import type { IdentityClaimOutcome, IdentityClaimReview, IdentityClaimStore } from '../store/identity-claim-store';
import { UsageError } from './usage-error';

export const IDENTITY_CLAIMS_USAGE = `  identity-claims [--since YYYY-MM-DD]            他人账号认证已实名身份的尝试（新的在前；身份证号、手机号打码）`;

const OUTCOME_LABELS: Record<IdentityClaimOutcome, string> = {
  code_sent: '已向持有人手机发送验证码',
  rate_limited: '超出验证次数，未发送验证码',
  code_rejected: '验证码错误',
  linked: '验证通过，认定为同一人',
  name_mismatch: '姓名与身份证号不一致',
  no_mobile: '持有账号未绑定手机，无法在线验证',
};

const BEIJING_OFFSET_MS = 8 * 3600 * 1000;

/** Officers read Beijing time, whatever zone the server runs in. */
function beijingTime(at: number): string {
  return new Date(at + BEIJING_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** `--since 2025-03-01`: from that day's start in Beijing; a date that does not exist is refused. */
function sinceOf(value: string | undefined): number {
  if (value === undefined) return 0;
  const at = /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00+08:00`) : NaN;
  if (Number.isNaN(at) || new Date(at + BEIJING_OFFSET_MS).toISOString().slice(0, 10) !== value) {
    throw new UsageError(`--since 应为日期 YYYY-MM-DD，例如 2025-03-01（收到“${value}”）`);
  }
  return at;
}

function claimLine(c: IdentityClaimReview): string {
  const mobile = (m: string | null) => (m ? maskMobile(m) : '未绑定手机');
  return [
    `${beijingTime(c.at)}  身份证 ${c.id_number ? maskIdNumberKeepRegion(c.id_number) : '—'}  ${OUTCOME_LABELS[c.outcome]}`,
    `    申请账号 ${c.user_id}（${mobile(c.claimant_mobile)}） → 持有账号 ${c.bound_user_id}（${mobile(c.holder_mobile)}）`,
  ].join('\n');
}

/**
 * `identity-claims`: what a second account did to take on an identity already verified elsewhere,
 * so an officer can see a stranger trying someone's 身份证号 (many 姓名不符, codes refused) and
 * reach the holder. Personal numbers are masked as on any shared screen.
 */
export function identityClaimLines(claims: IdentityClaimStore, since: string | undefined): string[] {
  const rows = claims.since(sinceOf(since));
  if (rows.length === 0) return [since ? `${since} 以来没有他人认证已实名身份的尝试` : '没有他人认证已实名身份的尝试'];
  return [...rows.map(claimLine), `共 ${rows.length} 次`];
}
