import Taro from '@tarojs/taro';
import { env } from './env';

/**
 * Subscribe-message templates for 办件 status changes, from TARO_APP_SUBSCRIBE_TEMPLATE_IDS
 * (comma-separated, at most three: the platforms refuse more). Empty → nothing is asked.
 */
const templateIds = (process.env.TARO_APP_SUBSCRIBE_TEMPLATE_IDS ?? '')
  .split(',')
  .map((id) => id.trim())
  .filter(Boolean)
  .slice(0, 3);

export type SubscribeOutcome = 'accepted' | 'declined' | 'unavailable';

/**
 * Asks for permission to send status messages. Must be called straight from a tap handler (both
 * platforms refuse otherwise), before any await. Never throws: a refusal only means the user
 * follows the case in 我的办件.
 */
export function requestCaseNotifications(): Promise<SubscribeOutcome> {
  if (env.platform === 'h5' || templateIds.length === 0) return Promise.resolve('unavailable');
  // WeChat names the templates tmplIds, Alipay entityIds; Taro's one Option type wants both.
  const option = (env.platform === 'alipay'
    ? { entityIds: templateIds }
    : { tmplIds: templateIds }) as unknown as Taro.requestSubscribeMessage.Option;
  return Taro.requestSubscribeMessage(option)
    .then((result) => {
      const answers = result as unknown as Record<string, unknown>;
      return templateIds.some((id) => answers[id] === 'accept') || answers.behavior === 'subscribe'
        ? ('accepted' as const)
        : ('declined' as const);
    })
    .catch(() => 'declined' as const);
}
