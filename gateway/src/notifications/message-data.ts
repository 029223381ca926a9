import type { NotificationTemplate } from '../../../types/contract';
import { WEAPP_FIELD_LIMITS, templateFieldSpecs, type WeappFieldType } from './notification-templates';

/** One notification as a sender gets it: who, which template, the fields, and the page to open. */
export interface OutgoingMessage {
  notificationId: string;
  /** openid, Alipay user id or mobile number: only senders see it, never a log. */
  to: string;
  /** The same, masked, for logs. */
  toMasked: string;
  template: NotificationTemplate;
  /** Mini-program page, e.g. `prereview/case/index?id=…`. */
  page: string;
  fields: Record<string, string>;
  title: string;
  body: string;
}

/** Characters as the platforms count them (code points). */
const chars = (text: string): string[] => Array.from(text);

function cut(text: string, max: number): string {
  const list = chars(text);
  return list.length <= max ? text : `${list.slice(0, max - 1).join('')}…`;
}

/**
 * A value WeChat accepts for its field type: `thing` ≤ 20 characters, `character_string` ≤ 32 of
 * letters, digits and symbols, `phrase` ≤ 5 Chinese characters. One bad value fails the whole send
 * (errcode 47003), so values are made to fit rather than refused; an empty one gets a dash.
 */
export function weappValue(type: WeappFieldType, value: string): string {
  const limit = WEAPP_FIELD_LIMITS[type];
  let text = value.replace(/\s+/g, ' ').trim();
  if (type === 'character_string') text = text.replace(/[^\x21-\x7e]/g, '');
  if (type === 'phrase') text = text.replace(/[^\u4e00-\u9fff]/g, '');
  if (text === '') return type === 'phrase' ? '通知' : '-';
  // A phrase cut with an ellipsis is no longer a phrase: it is cut short instead.
  return type === 'phrase' || type === 'character_string' ? chars(text).slice(0, limit).join('') : cut(text, limit);
}

/** `subscribeMessage.send`'s `data`: `{ thing1: { value }, … }`. */
export function weappData(message: OutgoingMessage): Record<string, { value: string }> {
  const data: Record<string, { value: string }> = {};
  for (const { name, spec } of templateFieldSpecs(message.template)) {
    data[spec.weappKey] = { value: weappValue(spec.type, message.fields[name] ?? '') };
  }
  return data;
}

/** Alipay template message `data`: `{ keyword1: { value }, … }` in the template's field order. */
export function alipayData(message: OutgoingMessage): Record<string, { value: string }> {
  const data: Record<string, { value: string }> = {};
  templateFieldSpecs(message.template).forEach(({ name }, i) => {
    data[`keyword${i + 1}`] = { value: cut(message.fields[name] ?? '-', 20) };
  });
  return data;
}

/** The SMS text: signature, title and the message, within 3 segments of 67 characters. */
export function smsText(message: OutgoingMessage): string {
  return cut(`【洪山掌上办】${message.title}。${message.body}`, 200);
}
