import type { NotificationChannel } from '../../../types/contract';
import { mobileTail } from '../logging';

/** The columns of a user that say how to reach them. */
export interface RecipientRow {
  id: string;
  mobile: string | null;
  weapp_openid: string | null;
  alipay_user_id: string | null;
}

/**
 * The channel of an account: the platform it logged in on (an account belongs to one platform;
 * see UserStore), and SMS for an H5 login by mobile number.
 */
export function channelOf(user: RecipientRow): NotificationChannel {
  if (user.weapp_openid !== null) return 'weapp';
  if (user.alipay_user_id !== null) return 'alipay';
  return 'sms';
}

/** The address on the channel (openid, Alipay user id, mobile), if the account has one. */
export function recipientOf(user: RecipientRow, channel: NotificationChannel): string | undefined {
  const value = channel === 'weapp' ? user.weapp_openid : channel === 'alipay' ? user.alipay_user_id : user.mobile;
  return value ?? undefined;
}

/** "o6_bmjrPTlm6_2sgVt7hMZOPfL2M" → "o6_b****fL2M": tells rows apart in a log, identifies nobody. */
export function maskOpenId(id: string): string {
  return id.length <= 8 ? '****' : `${id.slice(0, 4)}****${id.slice(-4)}`;
}

/** The recipient as logs and officers see it. */
export function maskedRecipient(user: RecipientRow, channel: NotificationChannel): string | undefined {
  const to = recipientOf(user, channel);
  if (to === undefined) return undefined;
  return channel === 'sms' ? mobileTail(to) : maskOpenId(to);
}
