import type { CaseStatus, PrereviewAction } from '../../types/contract';
import { CASE_STATUS_NAMES } from './case-status';

/**
 * The 办件 state machine of 网上申报预审, shared by the gateway (which enforces it) and the app
 * (which only offers what the gateway would allow). Pure: no Taro, no Node.
 *
 *   草稿 ─提交→ 待预审 ─预审通过→ 预审通过 ─受理→ 已受理 ─办结→ 办结 ─寄出→ 已寄出
 *                 │  ↑                   (邮寄 only)
 *            退回补正  重新提交
 *                 ↓  │
 *                需补正
 *   待预审 / 需补正 ─不予受理→ 不予受理;  待预审 / 需补正 / 预审通过 ─撤回→ 已撤回
 */

/** What the applicant does to a case (officers' actions are `PrereviewAction`). */
export type ApplicantAction = 'submit' | 'resubmit' | 'withdraw';
export type CaseAction = ApplicantAction | PrereviewAction;

interface Transition {
  from: readonly CaseStatus[];
  to: CaseStatus;
}

const TRANSITIONS: Readonly<Record<CaseAction, Transition>> = {
  submit: { from: ['draft'], to: 'pending_review' },
  resubmit: { from: ['needs_correction'], to: 'pending_review' },
  // Until accepted (受理) the applicant may take the application back.
  withdraw: { from: ['pending_review', 'needs_correction', 'prereview_passed'], to: 'withdrawn' },
  approve: { from: ['pending_review'], to: 'prereview_passed' },
  return: { from: ['pending_review'], to: 'needs_correction' },
  // A case waiting for corrections may still be refused outright (e.g. the applicant is not eligible).
  reject: { from: ['pending_review', 'needs_correction'], to: 'rejected' },
  accept: { from: ['prereview_passed'], to: 'accepted' },
  complete: { from: ['accepted'], to: 'completed' },
  post: { from: ['completed'], to: 'posted' },
};

/** Officers' actions, in the order a case normally meets them. */
export const OFFICER_ACTIONS: readonly PrereviewAction[] = [
  'approve',
  'return',
  'reject',
  'accept',
  'complete',
  'post',
];

/** Each action as a verb phrase ("不能办结", "不能撤回"). */
export const CASE_ACTION_NAMES: Readonly<Record<CaseAction, string>> = {
  submit: '提交预审',
  resubmit: '提交补正材料',
  withdraw: '撤回',
  approve: '预审通过',
  return: '退回补正',
  reject: '不予受理',
  accept: '受理',
  complete: '办结',
  post: '标记为已寄出',
};

/** The status `action` moves `status` to, or undefined when the action is not allowed there. */
export function nextStatus(status: CaseStatus, action: CaseAction): CaseStatus | undefined {
  const t = TRANSITIONS[action];
  return t.from.includes(status) ? t.to : undefined;
}

/** Every action allowed in `status` (the post action still needs 邮寄 delivery; see the gateway). */
export function allowedActions(status: CaseStatus): CaseAction[] {
  return (Object.keys(TRANSITIONS) as CaseAction[]).filter((a) => nextStatus(status, a) !== undefined);
}

/** The officer actions allowed in `status`. */
export function allowedOfficerActions(status: CaseStatus): PrereviewAction[] {
  return OFFICER_ACTIONS.filter((a) => nextStatus(status, a) !== undefined);
}

/** Whether the applicant may withdraw: submitted and not yet accepted (受理). */
export function canWithdraw(status: CaseStatus): boolean {
  return nextStatus(status, 'withdraw') !== undefined;
}

/** Whether the case is still being edited by the applicant (never submitted). */
export function isDraft(status: CaseStatus): boolean {
  return status === 'draft';
}

/** 办件当前为「需补正」，不能办结: why `action` is refused in `status`. */
export function refusalMessage(status: CaseStatus, action: CaseAction): string {
  return `办件当前为「${CASE_STATUS_NAMES[status]}」，不能${CASE_ACTION_NAMES[action]}`;
}
