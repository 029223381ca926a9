import type { CaseStatus } from '../../types/contract';
import {
  allowedActions,
  allowedOfficerActions,
  canWithdraw,
  isDraft,
  nextStatus,
  refusalMessage,
  type CaseAction,
} from '../../src/lib/case-workflow';

const STATUSES: CaseStatus[] = [
  'draft',
  'pending_review',
  'needs_correction',
  'rejected',
  'prereview_passed',
  'accepted',
  'completed',
  'posted',
  'withdrawn',
];
const ACTIONS: CaseAction[] = [
  'submit',
  'resubmit',
  'withdraw',
  'approve',
  'return',
  'reject',
  'accept',
  'complete',
  'post',
];

/** The whole table, written out: every (status, action) pair not listed here is refused. */
const ALLOWED: Record<string, CaseStatus> = {
  'draft submit': 'pending_review',
  'needs_correction resubmit': 'pending_review',
  'pending_review withdraw': 'withdrawn',
  'needs_correction withdraw': 'withdrawn',
  'prereview_passed withdraw': 'withdrawn',
  'pending_review approve': 'prereview_passed',
  'pending_review return': 'needs_correction',
  'pending_review reject': 'rejected',
  'needs_correction reject': 'rejected',
  'prereview_passed accept': 'accepted',
  'accepted complete': 'completed',
  'completed post': 'posted',
};

describe('case workflow', () => {
  it('allows exactly the listed transitions and refuses every other pair', () => {
    for (const status of STATUSES) {
      for (const action of ACTIONS) {
        const key = `${status} ${action}`;
        expect({ key, to: nextStatus(status, action) }).toEqual({ key, to: ALLOWED[key] });
      }
    }
  });

  it('withdraw is possible after submitting and until accepted', () => {
    expect(STATUSES.filter(canWithdraw)).toEqual(['pending_review', 'needs_correction', 'prereview_passed']);
  });

  it('lists the allowed actions, and the officer ones separately', () => {
    expect(allowedActions('pending_review')).toEqual(['withdraw', 'approve', 'return', 'reject']);
    expect(allowedOfficerActions('pending_review')).toEqual(['approve', 'return', 'reject']);
    expect(allowedOfficerActions('needs_correction')).toEqual(['reject']);
    expect(allowedActions('posted')).toEqual([]);
    expect(allowedActions('rejected')).toEqual([]);
    expect(allowedActions('withdrawn')).toEqual([]);
    expect(allowedActions('draft')).toEqual(['submit']);
  });

  it('says in words why an action is refused', () => {
    expect(refusalMessage('needs_correction', 'complete')).toBe('办件当前为「需补正」，不能办结');
    expect(refusalMessage('accepted', 'withdraw')).toBe('办件当前为「已受理」，不能撤回');
    expect(refusalMessage('pending_review', 'resubmit')).toBe('办件当前为「待预审」，不能提交补正材料');
  });

  it('a draft is a draft', () => {
    expect(STATUSES.filter(isDraft)).toEqual(['draft']);
  });
});
