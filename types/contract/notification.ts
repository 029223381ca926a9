import { Type, type Static } from '@sinclair/typebox';

/**
 * 消息: what the gateway told a person about their affairs. Every event that concerns a person
 * (a case returned for 补正, accepted, completed, posted; a commitment found 不实; a step of a 差评
 * rectification; the 7-day default rating about to apply; an appointment reminder) is one
 * notification: listed in the app's 消息 list whatever happens to it, and sent on the person's
 * platform (WeChat subscribe message, Alipay template message, SMS) when consent is on record.
 */

/** What happened. */
export const NotificationKind = Type.Union([
  Type.Literal('case_returned'), // 退回补正
  Type.Literal('case_rejected'), // 不予受理
  Type.Literal('case_accepted'), // 已受理
  Type.Literal('case_completed'), // 办结
  Type.Literal('case_posted'), // 结果已寄出
  Type.Literal('commitment_false'), // 告知承诺核查不实
  Type.Literal('ticket_rectifying'), // 差评整改：核实完毕，进入整改
  Type.Literal('ticket_revisiting'), // 差评整改：整改完成，请评价整改结果
  Type.Literal('rating_default_soon'), // 评价期限将到，逾期默认“基本满意”
  Type.Literal('appointment_reminder'), // 预约办事提醒（预约取号）
  Type.Literal('queue_near'), // 即将叫号（预约取号）
]);
export type NotificationKind = Static<typeof NotificationKind>;

/**
 * The message template asked for and sent with: the consent a person gives is per template (the
 * platforms ask "allow 办件进度通知?"), and one template carries several kinds of event.
 */
export const NotificationTemplate = Type.Union([
  Type.Literal('case_status'), // 办件进度通知
  Type.Literal('commitment_result'), // 告知承诺核查结果通知
  Type.Literal('rectification'), // 差评整改进度通知
  Type.Literal('rating_reminder'), // 服务评价提醒
  Type.Literal('appointment'), // 预约办事提醒
]);
export type NotificationTemplate = Static<typeof NotificationTemplate>;

/** What the notification is about; the app opens that page. A ticket's steps open its rating. */
export const NotificationSubject = Type.Object({
  kind: Type.Union([
    Type.Literal('case'),
    Type.Literal('rating'),
    Type.Literal('commitment'),
    Type.Literal('appointment'),
  ]),
  id: Type.String(),
});
export type NotificationSubject = Static<typeof NotificationSubject>;

/** How the message goes out: WeChat subscribe message, Alipay template message, or SMS (H5 logins). */
export const NotificationChannel = Type.Union([Type.Literal('weapp'), Type.Literal('alipay'), Type.Literal('sms')]);
export type NotificationChannel = Static<typeof NotificationChannel>;

/**
 * Delivery on the platform, as the person may see it: `pending` (being sent, or waiting to retry),
 * `sent`, `failed` (given up after retries), `skipped` (no consent for the template, or no way to
 * reach the person; the 消息 list still has it).
 */
export const NotificationDeliveryStatus = Type.Union([
  Type.Literal('pending'),
  Type.Literal('sent'),
  Type.Literal('failed'),
  Type.Literal('skipped'),
]);
export type NotificationDeliveryStatus = Static<typeof NotificationDeliveryStatus>;

export const NotificationItem = Type.Object({
  id: Type.String(),
  kind: NotificationKind,
  template: NotificationTemplate,
  /** E.g. “您的办件需要补正材料”. */
  title: Type.String(),
  /** The whole text (the platform message carries a shortened form of it). */
  body: Type.String(),
  subject: NotificationSubject,
  createdAt: Type.String({ format: 'date-time' }),
  /** When the person opened or dismissed it; absent while unread. */
  readAt: Type.Optional(Type.String({ format: 'date-time' })),
  delivery: Type.Object({
    channel: NotificationChannel,
    status: NotificationDeliveryStatus,
    sentAt: Type.Optional(Type.String({ format: 'date-time' })),
  }),
});
export type NotificationItem = Static<typeof NotificationItem>;

export const NOTIFICATION_PAGE_MAX = 50;
export const NOTIFICATION_PAGE_DEFAULT = 20;

export const NotificationListQuery = Type.Object(
  {
    /** `nextCursor` of the previous page; absent → the newest. */
    cursor: Type.Optional(Type.String({ pattern: '^[0-9]{1,15}$' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: NOTIFICATION_PAGE_MAX })),
  },
  { additionalProperties: false },
);
export type NotificationListQuery = Static<typeof NotificationListQuery>;

/** Newest first. */
export const NotificationList = Type.Object({
  items: Type.Array(NotificationItem),
  /** Present when older notifications remain. */
  nextCursor: Type.Optional(Type.String()),
  unread: Type.Integer({ minimum: 0 }),
});
export type NotificationList = Static<typeof NotificationList>;

export const UnreadCount = Type.Object({ unread: Type.Integer({ minimum: 0 }) });
export type UnreadCount = Static<typeof UnreadCount>;

export const MarkAllRead = Type.Object({ marked: Type.Integer({ minimum: 0 }), unread: Type.Integer({ minimum: 0 }) });
export type MarkAllRead = Static<typeof MarkAllRead>;

/** Where the answer was given (the SMS channel's opt-out is given on H5). */
export const ConsentPlatform = Type.Union([Type.Literal('weapp'), Type.Literal('alipay'), Type.Literal('h5')]);
export type ConsentPlatform = Static<typeof ConsentPlatform>;

export const ConsentAnswer = Type.Object(
  { template: NotificationTemplate, accepted: Type.Boolean() },
  { additionalProperties: false },
);
export type ConsentAnswer = Static<typeof ConsentAnswer>;

/** The person's answers to the platform's consent prompt (one per template asked). */
export const RecordConsentsRequest = Type.Object(
  {
    platform: ConsentPlatform,
    answers: Type.Array(ConsentAnswer, { minItems: 1, maxItems: 10 }),
  },
  { additionalProperties: false },
);
export type RecordConsentsRequest = Static<typeof RecordConsentsRequest>;

export const NotificationConsent = Type.Object({
  template: NotificationTemplate,
  /** The template's name as the platform prompt shows it (办件进度通知…). */
  name: Type.String(),
  /**
   * The platform's template id for this account's channel (WeChat `tmplIds`, Alipay `entityIds`),
   * when the gateway has one: the app asks the platform prompt for exactly these.
   */
  templateId: Type.Optional(Type.String()),
  /**
   * Whether messages of this template are sent now. For an SMS login (H5) the mobile login itself
   * counts as consent to service notices until the person opts out.
   */
  active: Type.Boolean(),
  /** The recorded answer; absent when never asked. */
  accepted: Type.Optional(Type.Boolean()),
  answeredAt: Type.Optional(Type.String({ format: 'date-time' })),
  platform: Type.Optional(ConsentPlatform),
});
export type NotificationConsent = Static<typeof NotificationConsent>;

export const NotificationConsentList = Type.Object({
  /** The channel messages go out on for this account. */
  channel: NotificationChannel,
  consents: Type.Array(NotificationConsent),
});
export type NotificationConsentList = Static<typeof NotificationConsentList>;
