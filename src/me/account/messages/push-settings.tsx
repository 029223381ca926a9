import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationConsentList, NotificationTemplate } from '@contract/notification';
import { notificationsApi } from '@/core/api/notifications';
import { describeError } from '@/core/http/api-error';
import { askNotificationConsent, loadNotificationConsents } from '@/core/notification-consent';
import { queryKeys } from '@/core/query-keys';
import { InlineNotice, useNotice } from '@/ui/inline-notice';
import { LabelledSwitch } from '@/ui/labelled-switch';
import { useEffect } from 'react';

const CHANNEL_NAMES = { weapp: '微信服务通知', alipay: '支付宝消息', sms: '短信' } as const;

/**
 * Which messages also reach the person outside the app. An SMS login (H5) is sent service notices
 * until switched off here; WeChat and Alipay send only what their own prompt allowed, asked on
 * submit and on booking, or again from here. Whatever the answer, 消息 above has everything.
 */
export function PushSettings() {
  const queryClient = useQueryClient();
  const [notice, setNotice] = useNotice();
  const consents = useQuery({
    queryKey: queryKeys.notificationConsents,
    queryFn: ({ signal }) => notificationsApi.consents(signal),
  });
  // The platform prompt opens straight from a tap: its template ids must be known before.
  useEffect(loadNotificationConsents, []);
  const list = consents.data;
  if (!list) return null;
  const channel = CHANNEL_NAMES[list.channel];

  const setSms = (template: NotificationTemplate, accepted: boolean) => {
    notificationsApi
      .recordConsents({ platform: 'h5', answers: [{ template, accepted }] })
      .then((next: NotificationConsentList) => queryClient.setQueryData(queryKeys.notificationConsents, next))
      .catch((error: unknown) => setNotice(describeError(error), 'error'));
  };

  const askable = list.consents.filter((c) => c.templateId && !c.active);
  const askAgain = () => {
    void askNotificationConsent(askable.map((c) => c.template)).then(() => void consents.refetch());
  };

  return (
    <View className='push-settings' role='region' aria-label='消息推送'>
      <Text className='push-settings__title'>{`消息推送（${channel}）`}</Text>
      {list.channel === 'sms' ? (
        list.consents.map((c) => (
          <LabelledSwitch
            key={c.template}
            label={c.name}
            hint={c.active ? '发生变化时以短信通知您' : '已关闭短信，仅在“消息”中查看'}
            checked={c.active}
            onChange={(on) => setSms(c.template, on)}
          />
        ))
      ) : (
        <>
          {list.consents.map((c) => (
            <View key={c.template} className='push-settings__row'>
              <Text>{c.name}</Text>
              <Text className={c.active ? 'push-settings__on' : 'muted'}>
                {c.active ? '已允许' : c.templateId ? '未允许' : '暂未开通'}
              </Text>
            </View>
          ))}
          {askable.length > 0 ? (
            <Button className='tap-target push-settings__ask' block onClick={askAgain}>
              {`允许${channel}推送`}
            </Button>
          ) : null}
        </>
      )}
      <InlineNotice notice={notice} />
    </View>
  );
}
