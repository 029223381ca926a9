import { Text } from '@tarojs/components';
import { useQuery } from '@tanstack/react-query';
import { Button } from '@nutui/nutui-react-taro';
import { favouritesApi } from '@/core/api/favourites';
import { queryKeys } from '@/core/query-keys';
import { EmptyState } from '@/ui/empty-state';
import { ErrorState } from '@/ui/error-state';
import { ItemCard } from '@/ui/item-card';
import { LoadingState } from '@/ui/loading-state';
import { navigate } from '@/ui/navigate';
import { LoginRequired } from '@/ui/login-required';
import { PageShell } from '@/ui/page-shell';
import { routes } from '@/ui/routes';
import { useSession } from '@/ui/use-session';

export default function FavouritesPage() {
  const { tokens } = useSession();
  const favourites = useQuery({
    queryKey: queryKeys.favourites,
    queryFn: ({ signal }) => favouritesApi.list(signal),
    enabled: Boolean(tokens),
  });

  if (!tokens) return <LoginRequired title='登录后查看收藏' returnTo={routes.favourites} />;
  return (
    <PageShell>
      {favourites.isPending ? <LoadingState /> : null}
      {favourites.isError ? <ErrorState error={favourites.error} onRetry={() => void favourites.refetch()} /> : null}
      {favourites.data && favourites.data.items.length === 0 ? (
        <EmptyState title='还没有收藏的事项' description='在办事指南页点“收藏”，常办的事项就会出现在这里'>
          <Button className='tap-target' onClick={() => navigate(routes.search)}>
            去找事项
          </Button>
        </EmptyState>
      ) : null}
      {favourites.data && favourites.data.items.length > 0 ? (
        <Text className='search__count muted'>共 {favourites.data.items.length} 个收藏</Text>
      ) : null}
      {favourites.data?.items.map((item) => (
        <ItemCard key={item.code} item={item} />
      ))}
    </PageShell>
  );
}
