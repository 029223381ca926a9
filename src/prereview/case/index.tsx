import { Text, View } from '@tarojs/components';
import { useDidShow, useRouter } from '@tarojs/taro';
import { useQuery } from '@tanstack/react-query';
import { casesApi } from '@/core/api/cases';
import { queryKeys } from '@/core/query-keys';
import { formatChineseDate } from '@/lib/format-date';
import { ErrorState } from '@/ui/error-state';
import { LoadingState } from '@/ui/loading-state';
import { LoginRequired } from '@/ui/login-required';
import { PageShell } from '@/ui/page-shell';
import { routes } from '@/ui/routes';
import { useSession } from '@/ui/use-session';
import { MissingLinkState } from '@/ui/missing-link-state';
import { Timeline } from '../timeline';
import { CaseActions } from './case-actions';
import { CaseStatusTag } from './case-status-tag';
import { CorrectionForm } from './correction-form';
import { MaterialSummary } from './material-summary';
import '../prereview.scss';

/** 办件详情: status, expected completion, the timeline, each material's review, and what to do next. */
export default function CasePage() {
  const { id = '' } = useRouter().params;
  const { tokens } = useSession();
  const detail = useQuery({
    queryKey: queryKeys.case(id),
    queryFn: ({ signal }) => casesApi.case(id, signal),
    enabled: Boolean(tokens) && id !== '',
  });
  const target = detail.data?.target;
  const spec = useQuery({
    queryKey: queryKeys.applicationSpec(target?.kind ?? '', target?.code ?? ''),
    queryFn: ({ signal }) => casesApi.applicationSpec(target ?? { kind: 'item', code: '' }, signal),
    enabled: detail.data?.status === 'needs_correction' && target !== undefined,
  });
  useDidShow(() => {
    if (tokens && id) void detail.refetch();
  });

  if (id === '') return <MissingLinkState subject='办件' returnTo={routes.cases} returnLabel='查看我的办件' />;
  if (!tokens) return <LoginRequired title='登录后查看办件' returnTo={routes.caseDetail(id)} />;
  if (detail.isError) {
    return (
      <PageShell>
        <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
      </PageShell>
    );
  }
  if (!detail.data) {
    return (
      <PageShell>
        <LoadingState />
      </PageShell>
    );
  }
  const c = detail.data;
  return (
    <PageShell>
      <View className='section'>
        <View className='section__title' role='heading' aria-level={1}>
          {c.itemName}
        </View>
        <Text className='muted'>
          {c.departmentName} · 办件编号 {c.id.slice(0, 8).toUpperCase()}
        </Text>
        <View className='case-status-row'>
          <CaseStatusTag status={c.status} />
        </View>
        {c.submittedAt ? <Text className='muted'>提交于 {formatChineseDate(c.submittedAt)}</Text> : null}
        {c.expectedCompletionDate && !c.completedAt && c.status !== 'withdrawn' && c.status !== 'rejected' ? (
          <Text>
            预计 {formatChineseDate(c.expectedCompletionDate)} 前办结（承诺 {c.promisedDays} 个工作日）
          </Text>
        ) : null}
        {c.statusNote ? <Text className='status-note'>{c.statusNote}</Text> : null}
      </View>

      {c.status === 'needs_correction' ? (
        spec.data ? (
          <CorrectionForm detail={c} spec={spec.data} />
        ) : spec.isError ? (
          <ErrorState error={spec.error} onRetry={() => void spec.refetch()} />
        ) : (
          <LoadingState />
        )
      ) : null}

      <View className='section'>
        <Text className='section__title'>办理进度</Text>
        <Timeline events={c.timeline} />
      </View>

      {c.materials.length > 0 ? (
        <View className='section' role='list' aria-label='申请材料'>
          <Text className='section__title'>申请材料</Text>
          {c.materials.map((m) => (
            <MaterialSummary key={m.materialId} material={m} />
          ))}
        </View>
      ) : null}

      <CaseActions detail={c} />
    </PageShell>
  );
}
