import type { AdminCreateCase, CaseRatingState, CaseSummary } from '../../../types/contract';
import { fieldError, notFound } from '../http/api-error';
import { defaultRatingId, ratingDeadline } from '../ratings/rating-rules';
import type { CatalogueStore } from '../store/catalogue-store';
import { isFinished, type CaseRow, type CaseStore } from '../store/case-store';
import type { UserStore } from '../store/user-store';

export interface CaseDeps {
  cases: CaseStore;
  users: UserStore;
  catalogue: CatalogueStore;
  now: () => Date;
}

export const CASE_NOT_FOUND = '没有找到这个办件';

const iso = (ms: number): string => new Date(ms).toISOString();

/** Where a case stands for 一事一评, read from the clock (nothing is written when a deadline passes). */
export function caseRatingState(row: CaseRow, now: number): { state: CaseRatingState; ratingId?: string } {
  if (row.rating_id !== null) return { state: 'rated', ratingId: row.rating_id };
  if (!isFinished(row.status) || row.completed_at === null) return { state: 'not_ratable' };
  if (now <= ratingDeadline(row.completed_at)) return { state: 'open' };
  return { state: 'defaulted', ratingId: defaultRatingId(row.id) };
}

export function caseSummary(row: CaseRow, now: number): CaseSummary {
  const { state, ratingId } = caseRatingState(row, now);
  const summary: CaseSummary = {
    id: row.id,
    itemCode: row.item_code,
    itemName: row.item_name,
    departmentName: row.department_name,
    status: row.status,
    createdAt: iso(row.created_at),
    ratingState: state,
  };
  // A draft was never submitted: its submitted_at column only holds the creation time.
  if (row.status !== 'draft') summary.submittedAt = iso(row.submitted_at);
  if (row.completed_at !== null) {
    summary.completedAt = iso(row.completed_at);
    summary.ratingDeadline = iso(ratingDeadline(row.completed_at));
  }
  if (ratingId) summary.ratingId = ratingId;
  return summary;
}

/**
 * 我的办件 (the list) and the officer's "create a case" (for cases from other channels, and tests);
 * the case page and the pre-review workflow are PrereviewService's.
 */
export class CaseService {
  constructor(private readonly deps: CaseDeps) {}

  list(userId: string): CaseSummary[] {
    const now = this.deps.now().getTime();
    return this.deps.cases.listForUser(userId).map((row) => caseSummary(row, now));
  }

  /** Admin: a case for an existing user (by id or login mobile) and an existing item. */
  create(input: AdminCreateCase, officer: string): CaseSummary {
    if ((input.userId === undefined) === (input.mobile === undefined)) {
      throw fieldError('userId', '请指定办件申请人：用户编号与手机号二选一');
    }
    const user =
      input.userId !== undefined ? this.deps.users.get(input.userId) : this.deps.users.findByMobile(input.mobile ?? '');
    if (!user) throw notFound('没有找到这个用户（手机号须已登录过）');
    const item = this.deps.catalogue.itemSummary(input.itemCode);
    if (!item) throw notFound('没有找到这个事项，它可能已调整或下线');
    const row = this.deps.cases.create(
      {
        userId: user.id,
        itemCode: item.code,
        itemName: item.name,
        departmentId: item.departmentId,
        status: input.status,
        actor: `officer:${officer}`,
        note: '管理端登记办件',
        promisedDays: item.promisedDays,
      },
      this.deps.now().getTime(),
    );
    return caseSummary(row, this.deps.now().getTime());
  }
}
