import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from '@nutui/nutui-react-taro';
import { useEffect, useRef, useState } from 'react';
import { accountApi } from '@/core/api/account';
import { bookingsApi } from '@/core/api/bookings';
import { isApiError } from '@/core/http/api-error';
import { askNotificationConsent, loadNotificationConsents } from '@/core/notification-consent';
import { queryKeys } from '@/core/query-keys';
import { formatChineseDate } from '@/lib/format-date';
import { EmptyState } from '@/ui/empty-state';
import { ErrorState } from '@/ui/error-state';
import { LoadingState } from '@/ui/loading-state';
import { LoginRequired } from '@/ui/login-required';
import { MissingLinkState } from '@/ui/missing-link-state';
import { navigate } from '@/ui/navigate';
import { PageShell } from '@/ui/page-shell';
import { routes } from '@/ui/routes';
import { useSession } from '@/ui/use-session';
import { SlotPicker, type SlotChoice } from '../slot-picker';
import { refusalText } from '../refusal-text';
import { SuspensionNotice } from '../suspension-notice';
import '../visit.scss';

/**
 * 预约办事: a real-name resident picks a hall, a working day and a slot for an item that needs a
 * visit; the gateway takes the seat (or says why not) and the booking opens in 我的预约.
 */
export default function BookVisitPage() {
  const params = useRouter().params;
  const itemCode = params.item ?? '';
  const caseId = params.caseId || undefined;
  const here = routes.bookVisit(itemCode, caseId);
  const { tokens } = useSession();
  const queryClient = useQueryClient();
  const [choice, setChoice] = useState<SlotChoice>({});
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const sending = useRef(false);

  const me = useQuery({
    queryKey: queryKeys.me,
    queryFn: ({ signal }) => accountApi.me(signal),
    enabled: Boolean(tokens),
  });
  const options = useQuery({
    queryKey: queryKeys.bookingOptions(itemCode),
    queryFn: ({ signal }) => bookingsApi.options(itemCode, signal),
    enabled: Boolean(tokens) && itemCode !== '',
  });

  useEffect(() => {
    if (tokens) loadNotificationConsents();
  }, [tokens]);

  if (!itemCode) return <MissingLinkState subject='预约事项' returnTo={routes.search} returnLabel='去找事项' />;
  if (!tokens) return <LoginRequired title='登录后预约办事' returnTo={here} />;
  if (me.data && !me.data.realName.verified) {
    return (
      <PageShell>
        <EmptyState
          title='预约前请先完成实名认证'
          description='预约号对应到人，到大厅凭本人身份证件办理，所以需要先实名认证。'
        >
          <Button type='primary' className='tap-target' onClick={() => navigate(routes.realName)}>
            去实名认证
          </Button>
        </EmptyState>
      </PageShell>
    );
  }
  const failed = options.error ?? me.error;
  if (failed) {
    return (
      <PageShell>
        <ErrorState
          error={failed}
          onRetry={() => {
            void me.refetch();
            void options.refetch();
          }}
        />
      </PageShell>
    );
  }
  if (!options.data || !me.data) {
    return (
      <PageShell>
        <LoadingState />
      </PageShell>
    );
  }

  const o = options.data;
  const hallId = choice.hallId ?? (o.halls.length === 1 ? o.halls[0].hallId : undefined);

  const book = () => {
    if (sending.current) return;
    if (!hallId || !choice.slotStart) return setError('请选择大厅、日期和时段');
    // The platform's prompt must open straight from the tap, before anything is awaited.
    void askNotificationConsent(['appointment']);
    sending.current = true;
    setBusy(true);
    setError(undefined);
    bookingsApi
      .create({ itemCode, hallId, slotStart: choice.slotStart, caseId })
      .then((booking) => {
        void queryClient.invalidateQueries({ queryKey: queryKeys.myBookings });
        void queryClient.invalidateQueries({ queryKey: queryKeys.bookingOptions(itemCode) });
        void Taro.showToast({ title: '预约成功', icon: 'success' });
        void Taro.redirectTo({ url: routes.myBookings(booking.id) });
      })
      .catch((e: unknown) => {
        setError(refusalText(e));
        if (isApiError(e) && e.code === 'FORBIDDEN' && e.message.includes('实名')) void me.refetch();
        // The slot may have filled (or the day closed) since the page loaded: show what is left now.
        if (isApiError(e) && (e.status === 409 || e.status === 400)) {
          setChoice({ hallId, date: choice.date });
          void options.refetch();
        }
      })
      .finally(() => {
        sending.current = false;
        setBusy(false);
      });
  };

  return (
    <PageShell>
      <SuspensionNotice suspension={o.suspension} />
      <View className='section'>
        <View className='section__title' role='heading' aria-level={1}>
          {o.itemName}
        </View>
        <Text className='muted'>
          {`可预约 ${formatChineseDate(o.from)} 至 ${formatChineseDate(o.to)} 的工作日时段；最晚可在时段开始前 2 小时取消。`}
        </Text>
        {caseId ? (
          <Text className='visit-line'>
            本次预约关联您的办件（{caseId}），窗口工作人员会提前查看该办件已提交的材料。
          </Text>
        ) : null}
      </View>
      {o.halls.length === 0 ? (
        <EmptyState title='该事项暂不支持预约' description='可直接到大厅取号办理，或在线申报' />
      ) : (
        <View className='section'>
          <SlotPicker halls={o.halls} choice={{ ...choice, hallId }} onChange={setChoice} />
          {error ? (
            <View className='visit-error' role='alert'>
              {error}
            </View>
          ) : null}
          <Button
            type='primary'
            block
            className='tap-target visit-group'
            loading={busy}
            disabled={Boolean(o.suspension)}
            onClick={book}
          >
            确认预约
          </Button>
        </View>
      )}
    </PageShell>
  );
}
