import { Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button } from '@nutui/nutui-react-taro';
import { useEffect, useState } from 'react';
import type { StartVisitRequest } from '@contract/rating';
import { ratingsApi } from '@/core/api/ratings';
import { describeError, isApiError } from '@/core/http/api-error';
import { env } from '@/core/env';
import { queryKeys } from '@/core/query-keys';
import { scanQrCode } from '@/core/scan-qr';
import { ErrorState } from '@/ui/error-state';
import { LoadingState } from '@/ui/loading-state';
import { LoginRequired } from '@/ui/login-required';
import { navigate } from '@/ui/navigate';
import { PageShell } from '@/ui/page-shell';
import { routes } from '@/ui/routes';
import { useSession } from '@/ui/use-session';
import { RatingForm } from '../rating-form';
import { useSubmitRating } from '../use-submit-rating';
import '../rating.scss';
import '@/ui/field.scss';

/** This page's own URL with the QR parameters, so login can come back to it. */
function selfUrl(params: Record<string, string | undefined>): string {
  const query = ['w', 's'].filter((k) => params[k]).map((k) => `${k}=${encodeURIComponent(params[k] ?? '')}`);
  return query.length ? `${routes.rateWindow}?${query.join('&')}` : routes.rateWindow;
}

/**
 * 一次一评: scan the QR code on the counter (or type the window code printed under it), then rate
 * that visit. Opening the QR's URL directly (H5) starts the visit straight away.
 */
export default function RateWindowPage() {
  const params = useRouter().params;
  const { tokens } = useSession();
  const [windowCode, setWindowCode] = useState('');
  const rules = useQuery({
    queryKey: queryKeys.ratingReasons('onsite'),
    queryFn: ({ signal }) => ratingsApi.ratingReasons('onsite', signal),
  });
  const visit = useMutation({ mutationFn: (body: StartVisitRequest) => ratingsApi.startVisit(body) });
  // A served hall ticket opens this page with its visit: no QR to scan, the visit exists already.
  const visitId = visit.data?.id ?? params.visitId;
  const { submit, submitting, serverErrors, dialog } = useSubmitRating(
    visitId ? { kind: 'visit', visitId } : undefined,
  );

  const start = (body: StartVisitRequest) => {
    if (!tokens) return navigate(routes.login(selfUrl(params)));
    if (!visit.isPending) visit.mutate(body);
  };

  useEffect(() => {
    // Opened from the printed QR code: the whole URL is what the gateway verifies.
    if (params.w && params.s && tokens && env.platform === 'h5' && !visit.data && !visit.isPending && !visit.isError) {
      visit.mutate({ qr: window.location.href });
    }
  }, [params.w, params.s, tokens, visit]);

  const scan = async () => {
    const outcome = await scanQrCode();
    if (outcome.kind === 'scanned') start({ qr: outcome.content });
    else if (outcome.kind === 'failed') void Taro.showToast({ title: '未识别到二维码，可输入窗口编号', icon: 'none' });
  };

  if (visitId) {
    const w = visit.data?.window;
    if (!tokens)
      return (
        <LoginRequired
          title='登录后评价窗口服务'
          returnTo={`${routes.rateWindow}?visitId=${encodeURIComponent(visitId)}`}
        />
      );
    return (
      <PageShell>
        <View className='section'>
          <Text className='section__title'>{w ? w.name : '评价本次窗口服务'}</Text>
          {w ? (
            <Text className='muted'>
              {w.hallName} · {w.departmentName} · 窗口编号 {w.code}
            </Text>
          ) : null}
        </View>
        {rules.data ? (
          <RatingForm rules={rules.data} submitting={submitting} serverErrors={serverErrors} onSubmit={submit} />
        ) : rules.isError ? (
          <ErrorState error={rules.error} onRetry={() => void rules.refetch()} />
        ) : (
          <LoadingState />
        )}
        {dialog}
      </PageShell>
    );
  }

  const codeError = isApiError(visit.error)
    ? (visit.error.fieldMessage('qr') ?? visit.error.fieldMessage('windowCode'))
    : undefined;
  return (
    <PageShell>
      <View className='section'>
        <Text className='section__title'>评价刚刚办理的窗口服务</Text>
        <Text className='muted'>扫描窗口台面上的“好差评”二维码，或输入二维码下方的窗口编号。</Text>
        {env.platform !== 'h5' ? (
          <Button type='primary' block className='tap-target rating-scan' onClick={() => void scan()}>
            扫码评价
          </Button>
        ) : null}
      </View>
      <View className='section'>
        <View className='field'>
          <Text className='field__label'>窗口编号</Text>
          <Input
            className='field__input'
            maxlength={32}
            placeholder='如 HS-ZW-A01'
            aria-label='窗口编号'
            value={windowCode}
            onInput={(e) => setWindowCode(e.detail.value)}
          />
        </View>
        {visit.isError ? <Text className='field__error'>{codeError ?? describeError(visit.error)}</Text> : null}
        <Button
          block
          className='tap-target'
          loading={visit.isPending}
          onClick={() => {
            const code = windowCode.trim().toUpperCase();
            if (!code) return void Taro.showToast({ title: '请输入窗口编号', icon: 'none' });
            start({ windowCode: code });
          }}
        >
          开始评价
        </Button>
      </View>
    </PageShell>
  );
}
