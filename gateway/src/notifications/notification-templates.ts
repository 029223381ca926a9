import type { NotificationKind, NotificationSubject, NotificationTemplate } from '../../../types/contract';

/**
 * The message templates: which event kinds each carries, its fields, and how each field maps to
 * the WeChat template's keys. WeChat assigns the keys (`thing1`, `character_string2`…) to the
 * template chosen in the mini-program console, so they must match that template; the types set
 * WeChat's length limits (a field over its limit makes the whole send fail with 47003).
 */

/** WeChat subscribe-message field types used here, with their limits in characters. */
export type WeappFieldType = 'thing' | 'character_string' | 'phrase' | 'time' | 'date';

export const WEAPP_FIELD_LIMITS: Record<WeappFieldType, number> = {
  thing: 20,
  character_string: 32,
  phrase: 5,
  time: 24,
  date: 24,
};

interface FieldSpec {
  /** WeChat's key in the template chosen in the console; Alipay's keywords follow the same order. */
  weappKey: string;
  type: WeappFieldType;
}

export const TEMPLATE_FIELDS = {
  case_status: ['item', 'caseNo', 'status', 'note', 'time'],
  commitment_result: ['item', 'material', 'result', 'note', 'time'],
  rectification: ['subject', 'stage', 'note', 'time'],
  rating_reminder: ['item', 'caseNo', 'deadline', 'note'],
  appointment: ['item', 'hall', 'time', 'note'],
} as const satisfies Record<NotificationTemplate, readonly string[]>;

type FieldName<T extends NotificationTemplate> = (typeof TEMPLATE_FIELDS)[T][number];

interface TemplateSpec<T extends NotificationTemplate> {
  /** As the platform's consent prompt names it. */
  name: string;
  fields: Record<FieldName<T>, FieldSpec>;
}

export const TEMPLATES: { [T in NotificationTemplate]: TemplateSpec<T> } = {
  case_status: {
    name: '办件进度通知',
    fields: {
      item: { weappKey: 'thing1', type: 'thing' },
      caseNo: { weappKey: 'character_string2', type: 'character_string' },
      status: { weappKey: 'phrase3', type: 'phrase' },
      note: { weappKey: 'thing4', type: 'thing' },
      time: { weappKey: 'time5', type: 'time' },
    },
  },
  commitment_result: {
    name: '告知承诺核查结果通知',
    fields: {
      item: { weappKey: 'thing1', type: 'thing' },
      material: { weappKey: 'thing2', type: 'thing' },
      result: { weappKey: 'phrase3', type: 'phrase' },
      note: { weappKey: 'thing4', type: 'thing' },
      time: { weappKey: 'time5', type: 'time' },
    },
  },
  rectification: {
    name: '差评整改进度通知',
    fields: {
      subject: { weappKey: 'thing1', type: 'thing' },
      stage: { weappKey: 'phrase2', type: 'phrase' },
      note: { weappKey: 'thing3', type: 'thing' },
      time: { weappKey: 'time4', type: 'time' },
    },
  },
  rating_reminder: {
    name: '服务评价提醒',
    fields: {
      item: { weappKey: 'thing1', type: 'thing' },
      caseNo: { weappKey: 'character_string2', type: 'character_string' },
      deadline: { weappKey: 'time3', type: 'time' },
      note: { weappKey: 'thing4', type: 'thing' },
    },
  },
  appointment: {
    name: '预约办事提醒',
    fields: {
      item: { weappKey: 'thing1', type: 'thing' },
      hall: { weappKey: 'thing2', type: 'thing' },
      time: { weappKey: 'time3', type: 'time' },
      note: { weappKey: 'thing4', type: 'thing' },
    },
  },
};

/** Which template tells of each kind of event. */
export const KIND_TEMPLATE = {
  case_returned: 'case_status',
  case_rejected: 'case_status',
  case_accepted: 'case_status',
  case_completed: 'case_status',
  case_posted: 'case_status',
  commitment_false: 'commitment_result',
  ticket_rectifying: 'rectification',
  ticket_revisiting: 'rectification',
  rating_default_soon: 'rating_reminder',
  appointment_reminder: 'appointment',
  queue_near: 'appointment',
} as const satisfies Record<NotificationKind, NotificationTemplate>;

/** The fields an event of kind K must fill: those of its template, every one. */
export type FieldsOfKind<K extends NotificationKind> = Record<FieldName<(typeof KIND_TEMPLATE)[K]>, string>;

export const NOTIFICATION_TEMPLATES = Object.keys(TEMPLATES) as NotificationTemplate[];

export function templateName(template: NotificationTemplate): string {
  return TEMPLATES[template].name;
}

/** The fields of a template with their WeChat specs, in the template's order. */
export function templateFieldSpecs(template: NotificationTemplate): { name: string; spec: FieldSpec }[] {
  const fields = TEMPLATES[template].fields as Record<string, FieldSpec>;
  return TEMPLATE_FIELDS[template].map((name) => ({ name, spec: fields[name] }));
}

/**
 * The mini-program page a message opens (no leading slash, as both platforms want it). The pages
 * are the app's (src/ui/routes.ts); the appointment page belongs to 预约取号.
 */
export function subjectPage(subject: NotificationSubject): string {
  const id = encodeURIComponent(subject.id);
  switch (subject.kind) {
    case 'case':
      return `prereview/case/index?id=${id}`;
    case 'rating':
      return `rating/detail/index?id=${id}`;
    case 'commitment':
      return `commitment/receipt/index?id=${id}`;
    case 'appointment':
      return `visit/mine/index?booking=${id}`;
  }
}
