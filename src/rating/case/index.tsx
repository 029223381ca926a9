import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useQuery } from '@tanstack/react-query';
import { Button } from '@nutui/nutui-react-taro';
import { casesApi } from '@/core/api/cases';
import { ratingsApi } from '@/core/api/ratings';
import { queryKeys } from '@/core/query-keys';
import { CASE_STATUS_NAMES } from '@/lib/case-status';
import { formatChineseDate } from '@/lib/format-date';
import { EmptyState } from '@/ui/empty-state';
import { ErrorState } from '@/ui/error-state';
import { LoadingState } from '@/ui/loading-state';
import { navigate } from '@/ui/navigate';
import { PageShell } from '@/ui/page-shell';
import { routes } from '@/ui/routes';
import { MissingLinkState } from '@/ui/missing-link-state';
import { RatingForm } from '../rating-form';
import { useSubmitRating } from '../use-submit-rating';
import '../rating.scss';

/** 一事一评: rate one finished case, once. */
export default function RateCasePage() {
  const caseId = useRouter().params.caseId ?? '';
  const theCase = useQuery({
    queryKey: queryKeys.case(caseId),
    queryFn: ({ signal }) => casesApi.case(caseId, signal),
    enabled: caseId !== '',
  });
  const rules = useQuery({
    queryKey: queryKeys.ratingReasons('online'),
    queryFn: ({ signal }) => ratingsApi.ratingReasons('online', signal),
  });
  const { submit, submitting, serverErrors, dialog } = useSubmitRating(caseId ? { kind: 'case', caseId } : undefined);

  if (caseId === '')
    return <MissingLinkState subject='要评价的办件' returnTo={routes.cases} returnLabel='查看我的办件' />;
  if (theCase.isPending || rules.isPending)
    return (
      <PageShell>
        <LoadingState />
      </PageShell>
    );
  if (theCase.isError || rules.isError) {
    return (
      <PageShell>
        <ErrorState
          error={theCase.error ?? rules.error}
          onRetry={() => void Promise.all([theCase.refetch(), rules.refetch()])}
        />
      </PageShell>
    );
  }
  const c = theCase.data;
  return (
    <PageShell>
      <View className='section'>
        <Text className='section__title'>{c.itemName}</Text>
        <Text className='muted'>
          {c.departmentName} · {CASE_STATUS_NAMES[c.status]}
          {c.completedAt ? ` · 办结于 ${formatChineseDate(c.completedAt)}` : ''}
        </Text>
      </View>
      {c.ratingState === 'open' ? (
        <>
          {c.ratingDeadline ? (
            <Text className='rating-notice'>
              请在 {formatChineseDate(c.ratingDeadline)} 前评价；逾期未评价的，按“基本满意”计入。
            </Text>
          ) : null}
          <RatingForm rules={rules.data} submitting={submitting} serverErrors={serverErrors} onSubmit={submit} />
        </>
      ) : (
        <EmptyState
          title={
            c.ratingState === 'rated'
              ? '该办件已评价'
              : c.ratingState === 'defaulted'
                ? '已超过7天评价期，默认“基本满意”'
                : '办件办结后才能评价'
          }
        >
          {c.ratingId ? (
            <Button className='tap-target' onClick={() => navigate(routes.rating(c.ratingId ?? ''))}>
              查看评价
            </Button>
          ) : (
            <Button className='tap-target' onClick={() => navigate(routes.caseDetail(c.id))}>
              查看办件进度
            </Button>
          )}
        </EmptyState>
      )}
      {dialog}
    </PageShell>
  );
}
