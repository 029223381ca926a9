import { Text, View } from '@tarojs/components';
import { useDidShow, usePullDownRefresh, stopPullDownRefresh } from '@tarojs/taro';
import { useQuery } from '@tanstack/react-query';
import { Button } from '@nutui/nutui-react-taro';
import type { CaseSummary } from '@contract/case';
import { casesApi } from '@/core/api/cases';
import { queryKeys } from '@/core/query-keys';
import { CASE_STATUS_NAMES } from '@/lib/case-status';
import { formatChineseDate } from '@/lib/format-date';
import { EmptyState } from '@/ui/empty-state';
import { ErrorState } from '@/ui/error-state';
import { LoadingState } from '@/ui/loading-state';
import { navigate } from '@/ui/navigate';
import { LoginRequired } from '@/ui/login-required';
import { PageShell } from '@/ui/page-shell';
import { routes } from '@/ui/routes';
import { useSession } from '@/ui/use-session';
import './index.scss';

function RatingAction({ c }: { c: CaseSummary }) {
  if (c.ratingState === 'open') {
    return (
      <View className='case__rating'>
        {c.ratingDeadline ? (
          <Text className='muted'>请在 {formatChineseDate(c.ratingDeadline)} 前评价，逾期默认“基本满意”</Text>
        ) : null}
        <Button type='primary' size='small' className='tap-target' onClick={() => navigate(routes.rateCase(c.id))}>
          去评价
        </Button>
      </View>
    );
  }
  if ((c.ratingState === 'rated' || c.ratingState === 'defaulted') && c.ratingId) {
    const ratingId = c.ratingId;
    return (
      <View className='case__rating'>
        <Text className='muted'>{c.ratingState === 'rated' ? '已评价' : '7天内未评价，默认“基本满意”'}</Text>
        <Button size='small' className='tap-target' onClick={() => navigate(routes.rating(ratingId))}>
          查看评价
        </Button>
      </View>
    );
  }
  return null;
}

/** 我的办件: the user's cases with their status, and the way to rate a finished one (一事一评). */
export default function CasesPage() {
  const { tokens } = useSession();
  const cases = useQuery({
    queryKey: queryKeys.cases,
    queryFn: ({ signal }) => casesApi.cases(signal),
    enabled: Boolean(tokens),
  });
  useDidShow(() => {
    if (tokens) void cases.refetch();
  });
  usePullDownRefresh(() => {
    void cases.refetch().finally(() => stopPullDownRefresh());
  });

  if (!tokens) return <LoginRequired title='登录后查看办件' returnTo={routes.cases} />;
  return (
    <PageShell>
      {cases.isPending ? <LoadingState /> : null}
      {cases.isError ? <ErrorState error={cases.error} onRetry={() => void cases.refetch()} /> : null}
      {cases.data?.cases.length === 0 ? (
        <EmptyState title='还没有办件' description='在线申报的事项会出现在这里' />
      ) : null}
      {cases.data?.cases.map((c) => (
        <View key={c.id} className='section case'>
          <View className='case__head tap-target' role='link' onClick={() => navigate(routes.caseDetail(c.id))}>
            <Text className='case__name'>{c.itemName}</Text>
            <Text className='case__status'>{CASE_STATUS_NAMES[c.status]}</Text>
          </View>
          <Text className='case__meta'>
            {c.departmentName} ·{' '}
            {c.submittedAt
              ? `提交于 ${formatChineseDate(c.submittedAt)}`
              : `草稿，创建于 ${formatChineseDate(c.createdAt)}`}
            {c.completedAt ? ` · 办结于 ${formatChineseDate(c.completedAt)}` : ''}
          </Text>
          <RatingAction c={c} />
        </View>
      ))}
    </PageShell>
  );
}
