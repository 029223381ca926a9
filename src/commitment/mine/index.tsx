import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useQuery } from '@tanstack/react-query';
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
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
import { StatusTag } from '../status-tag';
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
  const commitments = list.data?.commitments ?? [];
  return (
    <PageShell>
      {list.isPending ? <LoadingState /> : null}
      {list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data && commitments.length === 0 ? (
        <EmptyState
          title='还没有签署过承诺'
          description='在办事指南的申请材料中，标有“可告知承诺代替”的材料可以签署承诺'
        >
          <Button className='tap-target' onClick={() => navigate(routes.search)}>
            查找事项
          </Button>
        </EmptyState>
      ) : null}
      {commitments.length > 0 ? (
        <CellGroup className='commitment-list'>
          {commitments.map(({ record, status }) => (
            // Cell takes no role: the row around it says it opens the receipt.
            <View
              key={record.id}
              className='commitment-list__row'
              role='link'
              onClick={() => navigate(routes.commitmentReceipt(record.id))}
            >
              <Cell
                className='tap-target'
                clickable
                title={<Text className='commitment-list__item'>{record.itemName}</Text>}
                description={`代替“${record.materialName}” · 签署于 ${formatChineseDate(record.signedAt)}`}
                extra={<StatusTag status={status} />}
              />
            </View>
          ))}
        </CellGroup>
      ) : null}
    </PageShell>
  );
}
