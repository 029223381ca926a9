import { Type, type Static } from '@sinclair/typebox';

/** 五级评价 (GB/T 39734-2020): 5 非常满意 … 1 非常不满意; 1–2 are 差评. */
export const RatingLevel = Type.Integer({ minimum: 1, maximum: 5 });
export type RatingLevel = 1 | 2 | 3 | 4 | 5;

export const RATING_COMMENT_MAX = 500;
/** A 差评 needs a comment of at least this many characters. */
export const BAD_RATING_COMMENT_MIN = 5;
/** Days after completion during which a case can be rated; then it counts as 基本满意. */
export const RATING_WINDOW_DAYS = 7;

/** 一事一评 (online, per case) or 一次一评 (on site, per window visit). */
export const RatingChannel = Type.Union([Type.Literal('online'), Type.Literal('onsite')]);
export type RatingChannel = Static<typeof RatingChannel>;

/**
 * Indicators, each scored 1–5. Online: 办事效率, 办事指南精确度, 办事便捷度, 平台操作性.
 * On site: 服务效率, 服务水平, 服务态度.
 */
export const OnlineIndicator = Type.Union([
  Type.Literal('efficiency'),
  Type.Literal('guideAccuracy'),
  Type.Literal('convenience'),
  Type.Literal('usability'),
]);
export type OnlineIndicator = Static<typeof OnlineIndicator>;
export const OnsiteIndicator = Type.Union([
  Type.Literal('serviceEfficiency'),
  Type.Literal('serviceLevel'),
  Type.Literal('attitude'),
]);
export type OnsiteIndicator = Static<typeof OnsiteIndicator>;

export const IndicatorScores = Type.Record(Type.String({ maxLength: 32 }), RatingLevel);
export type IndicatorScores = Record<string, RatingLevel>;

/** A 差评 reason from the gateway's list. */
export const RatingReason = Type.Object({
  code: Type.String(),
  label: Type.String(),
});
export type RatingReason = Static<typeof RatingReason>;

export const RatingReasonList = Type.Object({
  channel: RatingChannel,
  indicators: Type.Array(Type.Object({ key: Type.String(), label: Type.String() })),
  reasons: Type.Array(RatingReason),
});
export type RatingReasonList = Static<typeof RatingReasonList>;

/** A service window (办事窗口) that can be rated on site. */
export const ServiceWindow = Type.Object({
  code: Type.String(),
  name: Type.String(),
  hallName: Type.String(),
  departmentName: Type.String(),
});
export type ServiceWindow = Static<typeof ServiceWindow>;

/**
 * Start an on-site rating: the scanned QR content (a URL whose query has `w` = window code and
 * `s` = the gateway's signature), or the window code typed from the counter sign.
 */
export const StartVisitRequest = Type.Object(
  {
    qr: Type.Optional(Type.String({ maxLength: 500 })),
    windowCode: Type.Optional(Type.String({ maxLength: 32 })),
  },
  { additionalProperties: false },
);
export type StartVisitRequest = Static<typeof StartVisitRequest>;

/** One visit to one window by one user: the thing 一次一评 rates, at most once. */
export const WindowVisit = Type.Object({
  id: Type.String(),
  window: ServiceWindow,
  startedAt: Type.String({ format: 'date-time' }),
  /** The visit can be rated until then. */
  expiresAt: Type.String({ format: 'date-time' }),
});
export type WindowVisit = Static<typeof WindowVisit>;

export const RatingTarget = Type.Union([
  Type.Object({ kind: Type.Literal('case'), caseId: Type.String({ maxLength: 64 }) }, { additionalProperties: false }),
  Type.Object(
    { kind: Type.Literal('visit'), visitId: Type.String({ maxLength: 64 }) },
    { additionalProperties: false },
  ),
]);
export type RatingTarget = Static<typeof RatingTarget>;

export const SubmitRatingRequest = Type.Object(
  {
    target: RatingTarget,
    level: RatingLevel,
    indicators: IndicatorScores,
    reasonCodes: Type.Optional(Type.Array(Type.String({ maxLength: 32 }), { maxItems: 10 })),
    comment: Type.Optional(Type.String({ maxLength: 5000 })),
  },
  { additionalProperties: false },
);
export type SubmitRatingRequest = Static<typeof SubmitRatingRequest>;

/** 差评整改 ticket: 核实 → 整改 → 回访 → 办结. */
export const TicketStatus = Type.Union([
  Type.Literal('verifying'), // 核实
  Type.Literal('rectifying'), // 整改
  Type.Literal('revisiting'), // 回访
  Type.Literal('closed'), // 已办结
]);
export type TicketStatus = Static<typeof TicketStatus>;

export const FeedbackLevel = Type.Union([
  Type.Literal('satisfied'), // 满意
  Type.Literal('basically_satisfied'), // 基本满意
  Type.Literal('unsatisfied'), // 不满意
]);
export type FeedbackLevel = Static<typeof FeedbackLevel>;

export const TicketEvent = Type.Object({
  status: TicketStatus,
  at: Type.String({ format: 'date-time' }),
  /** What the hall did or found (written by the officer). */
  note: Type.String(),
});
export type TicketEvent = Static<typeof TicketEvent>;

export const RectificationTicket = Type.Object({
  id: Type.String(),
  status: TicketStatus,
  /** YYYY-MM-DD: 15 working days (configurable) after the rating, over the holiday calendar. */
  deadline: Type.String(),
  overdue: Type.Boolean(),
  /** The hall's written result, once rectified. */
  result: Type.Optional(Type.String()),
  history: Type.Array(TicketEvent),
  feedback: Type.Optional(
    Type.Object({ level: FeedbackLevel, comment: Type.String(), at: Type.String({ format: 'date-time' }) }),
  ),
});
export type RectificationTicket = Static<typeof RectificationTicket>;

export const Rating = Type.Object({
  id: Type.String(),
  channel: RatingChannel,
  /** What was rated: the item name (一事一评) or the window (一次一评). */
  subject: Type.String(),
  departmentName: Type.String(),
  hallName: Type.Optional(Type.String()),
  caseId: Type.Optional(Type.String()),
  level: RatingLevel,
  /** 默认好评: the case was not rated within 7 days and counts as 基本满意. */
  isDefault: Type.Boolean(),
  indicators: IndicatorScores,
  reasons: Type.Array(RatingReason),
  /** Stored and returned as plain text; the app renders it as text. */
  comment: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  ticket: Type.Optional(RectificationTicket),
});
export type Rating = Static<typeof Rating>;

export const RatingList = Type.Object({ ratings: Type.Array(Rating) });
export type RatingList = Static<typeof RatingList>;

export const FeedbackRequest = Type.Object(
  { level: FeedbackLevel, comment: Type.Optional(Type.String({ maxLength: 5000 })) },
  { additionalProperties: false },
);
export type FeedbackRequest = Static<typeof FeedbackRequest>;

/** 公开评价指标 for one department or hall; never any rater's identity. */
export const RatingStatsRow = Type.Object({
  id: Type.String(),
  name: Type.String(),
  total: Type.Integer({ minimum: 0 }),
  /** Share of ratings at levels 3–5 (满意率 as the standard counts it), 0–1; null without ratings. */
  satisfactionRate: Type.Union([Type.Number(), Type.Null()]),
  badCount: Type.Integer({ minimum: 0 }),
  /** Share of 差评 tickets closed by their deadline, 0–1; null without 差评. */
  rectifiedOnTimeRate: Type.Union([Type.Number(), Type.Null()]),
});
export type RatingStatsRow = Static<typeof RatingStatsRow>;

export const RatingStats = Type.Object({
  departments: Type.Array(RatingStatsRow),
  halls: Type.Array(RatingStatsRow),
  /** When the figures were computed. */
  asOf: Type.String({ format: 'date-time' }),
});
export type RatingStats = Static<typeof RatingStats>;

/** Admin: move a ticket on, with the written note/result. */
export const AdvanceTicketRequest = Type.Object(
  {
    to: Type.Union([Type.Literal('rectifying'), Type.Literal('revisiting'), Type.Literal('closed')]),
    note: Type.String({ minLength: 2, maxLength: 2000 }),
  },
  { additionalProperties: false },
);
export type AdvanceTicketRequest = Static<typeof AdvanceTicketRequest>;

/** Admin: flag a suspected malicious rating for 申诉复核. */
export const AppealRequest = Type.Object(
  { reason: Type.String({ minLength: 2, maxLength: 2000 }) },
  { additionalProperties: false },
);
export type AppealRequest = Static<typeof AppealRequest>;

/** What an officer sees of a rating: no rater identity beyond the case reference. */
export const AdminTicketView = Type.Object({
  ticket: RectificationTicket,
  rating: Type.Omit(Rating, ['ticket']),
  appealed: Type.Boolean(),
});
export type AdminTicketView = Static<typeof AdminTicketView>;
