import Taro from '@tarojs/taro';
import type { NotificationConsentList, NotificationTemplate } from '@contract/notification';
import { notificationsApi } from './api/notifications';
import { env } from './env';
import { session } from './session';

export type ConsentOutcome = 'accepted' | 'declined' | 'unavailable';

let asking: Promise<ConsentOutcome> | undefined;

/**
 * The gateway's consent list, kept from the last time it was read: the platform prompt must be
 * opened straight from a tap, before any await, so the template ids it asks for have to be known
 * already. Pages where asking matters (submit, booking) call `loadNotificationConsents` on show.
 */
let known: { userId: string; list: NotificationConsentList } | undefined;

const signedInUser = (): string | undefined => session.get().user?.id;

function keep(list: NotificationConsentList): void {
  const userId = signedInUser();
  if (userId) known = { userId, list };
}

export function loadNotificationConsents(): void {
  if (env.platform === 'h5' || !signedInUser()) return;
  notificationsApi
    .consents()
    .then(keep)
    .catch(() => undefined);
}

/** The list, if it is the signed-in person's (another may have logged in on this phone since). */
function knownList(): NotificationConsentList | undefined {
  return known && known.userId === signedInUser() ? known.list : undefined;
}

/** Whether the platform's answer accepted template `id` (WeChat: per id; Alipay: the lists). */
function acceptedIn(answer: Record<string, unknown>, id: string): boolean {
  if (answer[id] === 'accept') return true;
  const result = answer.result as { subscribeEntityIds?: unknown } | undefined;
  if (Array.isArray(result?.subscribeEntityIds)) return result.subscribeEntityIds.includes(id);
  return answer.behavior === 'subscribe';
}

/**
 * Asks the platform for permission to send these templates' messages, then tells the gateway the
 * answers (it sends only what was allowed). Call it straight from a tap handler, before any await.
 * Never throws: a refusal, or no template configured, only means the person follows it in 消息.
 * On H5 nothing is asked: an SMS login already counts as consent to service notices.
 */
export function askNotificationConsent(templates: NotificationTemplate[]): Promise<ConsentOutcome> {
  // A double tap: the prompt already open answers both.
  if (asking) return asking;
  const list = knownList();
  if (env.platform === 'h5' || !list) return Promise.resolve('unavailable');
  const asked = list.consents.filter((c) => templates.includes(c.template) && c.templateId);
  // The platforms show at most three templates in one prompt.
  const ids = asked.slice(0, 3).map((c) => c.templateId as string);
  if (ids.length === 0) return Promise.resolve('unavailable');
  const platform = env.platform;
  // WeChat names the templates tmplIds, Alipay entityIds; Taro's one Option type wants both.
  const option = (platform === 'alipay'
    ? { entityIds: ids }
    : { tmplIds: ids }) as unknown as Taro.requestSubscribeMessage.Option;
  asking = Taro.requestSubscribeMessage(option)
    .then((result) => {
      const answer = result as unknown as Record<string, unknown>;
      const answers = asked
        .slice(0, 3)
        .map((c) => ({ template: c.template, accepted: acceptedIn(answer, c.templateId as string) }));
      notificationsApi
        .recordConsents({ platform, answers })
        .then(keep)
        .catch(() => undefined);
      return answers.some((a) => a.accepted) ? ('accepted' as const) : ('declined' as const);
    })
    .catch(() => 'declined' as const)
    .finally(() => {
      asking = undefined;
    });
  return asking;
}
