import { View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useQuery } from '@tanstack/react-query';
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import { ratingsApi } from '@/core/api/ratings';
import { queryKeys } from '@/core/query-keys';
import { EmptyState } from '@/ui/empty-state';
import { ErrorState } from '@/ui/error-state';
import { LoadingState } from '@/ui/loading-state';
import { navigate } from '@/ui/navigate';
import { LoginRequired } from '@/ui/login-required';
import { PageShell } from '@/ui/page-shell';
import { routes } from '@/ui/routes';
import { useSession } from '@/ui/use-session';
import { RatingSummary } from '../rating-summary';
import '../rating.scss';

/** 我的评价: every rating with its state; a 差评 shows where its rectification stands. */
export default function MyRatingsPage() {
  const { tokens } = useSession();
  const ratings = useQuery({
    queryKey: queryKeys.myRatings,
    queryFn: ({ signal }) => ratingsApi.myRatings(signal),
    enabled: Boolean(tokens),
  });
  useDidShow(() => {
    if (tokens) void ratings.refetch();
  });

  if (!tokens) return <LoginRequired title='登录后查看评价' returnTo={routes.myRatings} />;
  return (
    <PageShell>
      {ratings.isPending ? <LoadingState /> : null}
      {ratings.isError ? <ErrorState error={ratings.error} onRetry={() => void ratings.refetch()} /> : null}
      {ratings.data?.ratings.length === 0 ? (
        <EmptyState title='还没有评价' description='办件办结后或在窗口办完事，都可以评价服务'>
          <Button className='tap-target' onClick={() => navigate(routes.rateWindow)}>
            评价窗口服务
          </Button>
        </EmptyState>
      ) : null}
      {ratings.data && ratings.data.ratings.length > 0 ? (
        <CellGroup className='rating-list'>
          {ratings.data.ratings.map((rating) => (
            // Cell takes no role: the row around it says it opens the rating.
            <View
              key={rating.id}
              className='rating-list__row'
              role='link'
              onClick={() => navigate(routes.rating(rating.id))}
            >
              <Cell className='tap-target' clickable>
                <RatingSummary rating={rating} />
              </Cell>
            </View>
          ))}
        </CellGroup>
      ) : null}
    </PageShell>
  );
}
