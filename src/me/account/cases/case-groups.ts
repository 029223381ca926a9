import type { CaseStatus, CaseSummary } from '@contract/case';

export type CaseGroup = 'all' | 'in-progress' | 'to-do' | 'closed';

/** The tabs of 我的办件: what the person may wait on, what waits on them, what is over. */
export const CASE_GROUPS: { value: CaseGroup; title: string; empty: string }[] = [
  { value: 'all', title: '全部', empty: '还没有办件' },
  { value: 'in-progress', title: '办理中', empty: '没有办理中的办件' },
  { value: 'to-do', title: '待我处理', empty: '没有要您处理的办件' },
  { value: 'closed', title: '已结束', empty: '没有已结束的办件' },
];

const GROUP_OF: Record<CaseStatus, Exclude<CaseGroup, 'all'>> = {
  pending_review: 'in-progress',
  prereview_passed: 'in-progress',
  accepted: 'in-progress',
  // A draft to finish, materials to correct: the person's move.
  draft: 'to-do',
  needs_correction: 'to-do',
  completed: 'closed',
  posted: 'closed',
  rejected: 'closed',
  withdrawn: 'closed',
};

export function casesIn(group: CaseGroup, cases: CaseSummary[]): CaseSummary[] {
  return group === 'all' ? cases : cases.filter((c) => GROUP_OF[c.status] === group);
}
