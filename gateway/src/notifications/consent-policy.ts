import type { NotificationChannel, NotificationTemplate } from '../../../types/contract';
import type { ConsentRow } from '../store/consent-store';
import { templateName } from './notification-templates';

/**
 * Whether a template's messages may be sent on a channel. Mini-program messages need the person's
 * "allow" in the platform prompt on record. SMS goes to the number the person logged in with:
 * that login counts as consent to service notices about their own affairs, until they opt out.
 */
export function consentActive(channel: NotificationChannel, row: ConsentRow | undefined): boolean {
  return channel === 'sms' ? row?.accepted !== 0 : row?.accepted === 1;
}

/** Why a message is not sent, in words an officer reads in the outbox. */
export function consentRefusal(
  channel: NotificationChannel,
  template: NotificationTemplate,
  row: ConsentRow | undefined,
): string | undefined {
  if (consentActive(channel, row)) return undefined;
  const name = templateName(template);
  if (channel === 'sms') return `用户已退订“${name}”短信`;
  return row ? `用户拒绝了“${name}”的订阅` : `未获得“${name}”的订阅授权`;
}
