import { Text, View } from '@tarojs/components';
import { useQuery } from '@tanstack/react-query';
import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import { favouritesApi } from '@/core/api/favourites';
import { queryKeys } from '@/core/query-keys';
import { formatAudiences, formatTimeLimit } from '@/lib/format';
import { ActionButton } from '@/ui/action-button';
import { EmptyState } from '@/ui/empty-state';
import { ErrorState } from '@/ui/error-state';
import { ArrowRight } from '@/ui/icons';
import { LoadingState } from '@/ui/loading-state';
import { navigate } from '@/ui/navigate';
import { LoginRequired } from '@/ui/login-required';
import { PageShell } from '@/ui/page-shell';
import { routes } from '@/ui/routes';
import { useSession } from '@/ui/use-session';
import './index.scss';

/** 我的收藏: the items the person keeps, each a NutUI Cell opening its guide. */
export default function FavouritesPage() {
  const { tokens } = useSession();
  const favourites = useQuery({
    queryKey: queryKeys.favourites,
    queryFn: ({ signal }) => favouritesApi.list(signal),
    enabled: Boolean(tokens),
  });

  if (!tokens) return <LoginRequired title='登录后查看收藏' returnTo={routes.favourites} />;
  const items = favourites.data?.items;
  return (
    <PageShell>
      {favourites.isPending ? <LoadingState /> : null}
      {favourites.isError ? <ErrorState error={favourites.error} onRetry={() => void favourites.refetch()} /> : null}
      {items && items.length === 0 ? (
        <EmptyState title='还没有收藏的事项' description='在办事指南页点“收藏”，常办的事项就会出现在这里'>
          <ActionButton variant='primary' onClick={() => navigate(routes.search)}>
            去搜索事项
          </ActionButton>
        </EmptyState>
      ) : null}
      {items && items.length > 0 ? (
        <>
          <Text className='favourites__count muted'>共 {items.length} 个收藏</Text>
          <CellGroup className='favourites'>
            {items.map((item) => (
              // Cell takes no role: the row says it is a link.
              <View key={item.code} role='link' onClick={() => navigate(routes.guide(item.code))}>
                <Cell
                  className='favourite tap-target'
                  clickable
                  align='center'
                  title={<Text className='favourite__name'>{item.name}</Text>}
                  description={`${item.departmentName} · ${formatAudiences(item.audiences)} · 承诺${formatTimeLimit(item.promisedDays)}`}
                  extra={<ArrowRight className='favourite__arrow' />}
                />
              </View>
            ))}
          </CellGroup>
        </>
      ) : null}
    </PageShell>
  );
}
