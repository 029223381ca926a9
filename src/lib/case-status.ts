import type { CaseStatus } from '../../types/contract';

/** 办件 status as residents read it on the timeline. */
export const CASE_STATUS_NAMES: Record<CaseStatus, string> = {
  draft: '草稿',
  pending_review: '待预审',
  needs_correction: '需补正',
  rejected: '不予受理',
  prereview_passed: '预审通过',
  accepted: '已受理',
  completed: '办结',
  posted: '已寄出',
  withdrawn: '已撤回',
};
