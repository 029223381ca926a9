import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useQuery } from '@tanstack/react-query';
import { commitmentsApi } from '@/core/api/commitments';
import { queryKeys } from '@/core/query-keys';
import { formatChineseDate } from '@/lib/format-date';
import { EmptyState } from '@/ui/empty-state';
import { ErrorState } from '@/ui/error-state';
import { LoadingState } from '@/ui/loading-state';
import { LoginRequired } from '@/ui/login-required';
import { navigate } from '@/ui/navigate';
import { PageShell } from '@/ui/page-shell';
import { routes } from '@/ui/routes';
import { useSession } from '@/ui/use-session';
import { COMMITMENT_STATUS_NAMES } from '../status-names';
import '../commitment.scss';

export default function MyCommitmentsPage() {
  const { tokens } = useSession();
  const list = useQuery({
    queryKey: queryKeys.myCommitments,
    queryFn: ({ signal }) => commitmentsApi.myCommitments(signal),
    enabled: Boolean(tokens),
  });
  useDidShow(() => {
    if (tokens) void list.refetch();
  });
  if (!tokens) return <LoginRequired title='登录后查看承诺' returnTo={routes.myCommitments} />;
  return (
    <PageShell>
      {list.isPending ? <LoadingState /> : null}
      {list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data?.commitments.length === 0 ? (
        <EmptyState
          title='还没有签署过承诺'
          description='在办事指南的申请材料中，标有“可告知承诺代替”的材料可以签署承诺'
        />
      ) : null}
      {list.data?.commitments.map(({ record, status }) => (
        <View
          key={record.id}
          className='section tap-target'
          role='link'
          onClick={() => navigate(routes.commitmentReceipt(record.id))}
        >
          <View className='kv'>
            <Text className='kv__key'>{record.itemName}</Text>
            <Text className='kv__value receipt__status'>{COMMITMENT_STATUS_NAMES[status]}</Text>
          </View>
          <Text className='notice__meta'>
            代替“{record.materialName}” · 签署于 {formatChineseDate(record.signedAt)}
          </Text>
        </View>
      ))}
    </PageShell>
  );
}
