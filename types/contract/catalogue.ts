import { Type, type Static } from '@sinclair/typebox';

/** 服务对象: 自然人 (person) or 法人 (business). */
export const Audience = Type.Union([Type.Literal('person'), Type.Literal('business')]);
export type Audience = Static<typeof Audience>;

/** 办理渠道. */
export const Channel = Type.Union([
  Type.Literal('online'), // 网上办理
  Type.Literal('window'), // 窗口办理
  Type.Literal('terminal'), // 自助终端
  Type.Literal('post'), // 邮寄
]);
export type Channel = Static<typeof Channel>;

/** 通办范围. */
export const TongbanScope = Type.Union([
  Type.Literal('none'),
  Type.Literal('city'), // 全市通办
  Type.Literal('province'), // 全省通办
  Type.Literal('cross-province'), // 跨省通办
]);
export type TongbanScope = Static<typeof TongbanScope>;

export const ItemTags = Type.Object({
  /** 全程网办 */
  fullyOnline: Type.Boolean(),
  /** 最多跑一次 */
  maxOneVisit: Type.Boolean(),
  scope: TongbanScope,
});
export type ItemTags = Static<typeof ItemTags>;

export const Department = Type.Object({
  id: Type.String(),
  name: Type.String(),
  shortName: Type.String(),
  itemCount: Type.Integer({ minimum: 0 }),
});
export type Department = Static<typeof Department>;

export const ItemSummary = Type.Object({
  code: Type.String(),
  name: Type.String(),
  departmentId: Type.String(),
  departmentName: Type.String(),
  audiences: Type.Array(Audience),
  /** 办理类型, e.g. 行政许可 / 行政确认 / 公共服务. */
  itemType: Type.String(),
  tags: ItemTags,
  /** 法定时限 in working days; 0 = 即办. */
  legalDays: Type.Integer({ minimum: 0 }),
  /** 承诺时限 in working days; 0 = 即办. */
  promisedDays: Type.Integer({ minimum: 0 }),
});
export type ItemSummary = Static<typeof ItemSummary>;

/** 材料形式. */
export const MaterialForm = Type.Union([
  Type.Literal('original'), // 原件
  Type.Literal('copy'), // 复印件
  Type.Literal('electronic'), // 电子
]);
export type MaterialForm = Static<typeof MaterialForm>;

/** 必要性. */
export const MaterialNecessity = Type.Union([
  Type.Literal('required'), // 必要
  Type.Literal('optional'), // 非必要
  Type.Literal('conditional'), // 容缺 / 视情况提供
]);
export type MaterialNecessity = Static<typeof MaterialNecessity>;

export const Material = Type.Object({
  id: Type.String(),
  name: Type.String(),
  form: MaterialForm,
  copies: Type.Integer({ minimum: 0 }),
  necessity: MaterialNecessity,
  /** 审查要点 (plain text). */
  reviewPoints: Type.String(),
  /** Source of the material, e.g. 申请人自备 / 公安部门. */
  source: Type.String(),
  /** Can be satisfied by an e-licence (电子证照). */
  eLicenceAccepted: Type.Boolean(),
  /** Can be replaced by a signed 告知承诺. */
  commitmentAllowed: Type.Boolean(),
});
export type Material = Static<typeof Material>;

export const GuideStep = Type.Object({
  title: Type.String(),
  description: Type.String(),
});
export type GuideStep = Static<typeof GuideStep>;

export const Faq = Type.Object({
  question: Type.String(),
  answer: Type.String(),
});
export type Faq = Static<typeof Faq>;

/** 办事大厅 / 街道便民服务中心 / 24 小时自助终端. */
export const HallKind = Type.Union([Type.Literal('hall'), Type.Literal('centre'), Type.Literal('terminal')]);
export type HallKind = Static<typeof HallKind>;

export const OpeningHours = Type.Object({
  /** ISO weekdays 1 (Mon) … 7 (Sun). */
  weekdays: Type.Array(Type.Integer({ minimum: 1, maximum: 7 })),
  /** Local time "HH:mm". */
  open: Type.String(),
  close: Type.String(),
});
export type OpeningHours = Static<typeof OpeningHours>;

export const Hall = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: HallKind,
  address: Type.String(),
  phone: Type.String(),
  /** GCJ-02 coordinates, as the WeChat and Alipay map APIs use. */
  latitude: Type.Number(),
  longitude: Type.Number(),
  open24h: Type.Boolean(),
  /**
   * Follows the working-day calendar: closed on public holidays, open on make-up workdays
   * (调休上班) with the weekday hours.
   */
  followsWorkdayCalendar: Type.Boolean(),
  hours: Type.Array(OpeningHours),
  /** Free text shown as it is, e.g. 中午不休息. */
  note: Type.String(),
});
export type Hall = Static<typeof Hall>;

export const Guide = Type.Composite([
  ItemSummary,
  Type.Object({
    aliases: Type.Array(Type.String()),
    /** 到现场次数. */
    visits: Type.Integer({ minimum: 0 }),
    /** 收费 description; empty string when free. */
    fee: Type.String(),
    channels: Type.Array(Channel),
    /** 办理条件: untrusted HTML from the gateway; the app sanitises it. */
    conditionsHtml: Type.String(),
    materials: Type.Array(Material),
    steps: Type.Array(GuideStep),
    /** 设定依据: untrusted HTML. */
    legalBasisHtml: Type.String(),
    faqs: Type.Array(Faq),
    halls: Type.Array(Hall),
    /** 咨询电话. */
    phone: Type.String(),
    updatedAt: Type.String({ format: 'date-time' }),
  }),
]);
export type Guide = Static<typeof Guide>;

/** 一件事 (theme item): several items in one application. */
export const ThemeItemSummary = Type.Object({
  code: Type.String(),
  name: Type.String(),
  description: Type.String(),
  audiences: Type.Array(Audience),
  itemCount: Type.Integer({ minimum: 0 }),
});
export type ThemeItemSummary = Static<typeof ThemeItemSummary>;

export const ThemeItem = Type.Composite([
  ThemeItemSummary,
  Type.Object({
    items: Type.Array(ItemSummary),
    /** 承诺时限 of the bundle, in working days. */
    promisedDays: Type.Integer({ minimum: 0 }),
    visits: Type.Integer({ minimum: 0 }),
    /** Materials after merging duplicates across the items. */
    materials: Type.Array(Material),
  }),
]);
export type ThemeItem = Static<typeof ThemeItem>;

export const HomeFeed = Type.Object({
  hotItems: Type.Array(ItemSummary),
  themeItems: Type.Array(ThemeItemSummary),
  departments: Type.Array(Department),
});
export type HomeFeed = Static<typeof HomeFeed>;

/** Working-day calendar: dates are "YYYY-MM-DD" in China Standard Time. */
export const WorkdayCalendar = Type.Object({
  /** First and last year the calendar knows; outside it the app falls back to Mon–Fri. */
  fromYear: Type.Integer(),
  toYear: Type.Integer(),
  /** 法定节假日 that fall on what would be a working day, and the rest days of the holiday. */
  holidays: Type.Array(Type.String()),
  /** 调休上班: weekend days that are working days. */
  makeupWorkdays: Type.Array(Type.String()),
});
export type WorkdayCalendar = Static<typeof WorkdayCalendar>;
