import { Type, type Static } from '@sinclair/typebox';

/**
 * 办件 status: 草稿 → 待预审 → 需补正 / 不予受理 / 预审通过 → 已受理 → 办结 (→ 已寄出), or 已撤回.
 * The pre-review issue drives every transition; ratings only read `completed` / `posted`.
 */
export const CaseStatus = Type.Union([
  Type.Literal('draft'), // 草稿
  Type.Literal('pending_review'), // 待预审
  Type.Literal('needs_correction'), // 需补正
  Type.Literal('rejected'), // 不予受理
  Type.Literal('prereview_passed'), // 预审通过
  Type.Literal('accepted'), // 已受理
  Type.Literal('completed'), // 办结
  Type.Literal('posted'), // 已寄出
  Type.Literal('withdrawn'), // 已撤回
]);
export type CaseStatus = Static<typeof CaseStatus>;

/** Whether and how the case has been rated (一事一评). */
export const CaseRatingState = Type.Union([
  Type.Literal('not_ratable'), // not finished yet
  Type.Literal('open'), // finished, may be rated until `ratingDeadline`
  Type.Literal('rated'),
  Type.Literal('defaulted'), // not rated within 7 days: counts as 基本满意
]);
export type CaseRatingState = Static<typeof CaseRatingState>;

export const CaseSummary = Type.Object({
  id: Type.String(),
  itemCode: Type.String(),
  itemName: Type.String(),
  departmentName: Type.String(),
  status: CaseStatus,
  createdAt: Type.String({ format: 'date-time' }),
  /** When it was (last) submitted for pre-review; absent while a draft. */
  submittedAt: Type.Optional(Type.String({ format: 'date-time' })),
  completedAt: Type.Optional(Type.String({ format: 'date-time' })),
  ratingState: CaseRatingState,
  /** Last moment a rating is accepted (completedAt + 7 days), when finished. */
  ratingDeadline: Type.Optional(Type.String({ format: 'date-time' })),
  /** The rating's id, when rated (or defaulted). */
  ratingId: Type.Optional(Type.String()),
});
export type CaseSummary = Static<typeof CaseSummary>;

export const CaseList = Type.Object({ cases: Type.Array(CaseSummary) });
export type CaseList = Static<typeof CaseList>;

/** Admin: create a case for a user (until online pre-review lands, and for tests). */
export const AdminCreateCase = Type.Object(
  {
    /** The applicant, by user id or by the mobile they logged in with. */
    userId: Type.Optional(Type.String()),
    mobile: Type.Optional(Type.String({ pattern: '^1[3-9]\\d{9}$' })),
    itemCode: Type.String({ minLength: 1, maxLength: 64 }),
    status: CaseStatus,
  },
  { additionalProperties: false },
);
export type AdminCreateCase = Static<typeof AdminCreateCase>;
