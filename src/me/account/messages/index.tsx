import { View } from '@tarojs/components';
import { stopPullDownRefresh, useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationItem } from '@contract/notification';
import { notificationsApi } from '@/core/api/notifications';
import { queryKeys } from '@/core/query-keys';
import { EmptyState } from '@/ui/empty-state';
import { ErrorState } from '@/ui/error-state';
import { LoadingState } from '@/ui/loading-state';
import { LoginRequired } from '@/ui/login-required';
import { navigate } from '@/ui/navigate';
import { PageShell } from '@/ui/page-shell';
import { routes } from '@/ui/routes';
import { useSession } from '@/ui/use-session';
import { MessageRow } from './message-row';
import { messageTarget } from './message-target';
import { PushSettings } from './push-settings';
import './index.scss';

/**
 * 消息: every notice the gateway wrote for this person (办件进度, 承诺核查, 整改, 评价提醒, 预约),
 * newest first, whether or not the platform let it be pushed; each opens what it is about.
 */
export default function MessagesPage() {
  const { tokens } = useSession();
  const queryClient = useQueryClient();
  const messages = useInfiniteQuery({
    queryKey: queryKeys.notifications,
    queryFn: ({ pageParam, signal }) => notificationsApi.list(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor,
    enabled: Boolean(tokens),
  });
  useDidShow(() => {
    if (tokens) void messages.refetch();
  });
  usePullDownRefresh(() => {
    void messages.refetch().finally(() => stopPullDownRefresh());
  });

  if (!tokens) return <LoginRequired title='登录后查看消息' returnTo={routes.messages} />;

  const pages = messages.data?.pages;
  const items = pages?.flatMap((p) => p.items) ?? [];
  const unread = pages?.[0]?.unread ?? 0;
  const changed = () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.notifications });
    void queryClient.invalidateQueries({ queryKey: queryKeys.unreadNotifications });
  };
  const open = (message: NotificationItem) => {
    // Opening it reads it; should the mark not reach the gateway, it stays unread there, nothing more.
    if (!message.readAt) void notificationsApi.markRead(message.id).then(changed, () => undefined);
    navigate(messageTarget(message));
  };
  const readAll = () => void notificationsApi.markAllRead().then(changed, () => undefined);

  return (
    <PageShell className='messages'>
      {messages.isPending ? <LoadingState /> : null}
      {messages.isError && !pages ? (
        <ErrorState error={messages.error} onRetry={() => void messages.refetch()} />
      ) : null}
      {pages && items.length === 0 ? (
        <EmptyState title='暂无消息' description='办件进度、承诺核查、评价和预约提醒会在这里通知您' />
      ) : null}
      {unread > 0 ? (
        <View className='messages__bar'>
          <Button size='small' className='tap-target' onClick={readAll}>
            {`全部标为已读（${unread} 条未读）`}
          </Button>
        </View>
      ) : null}
      {items.map((m) => (
        <MessageRow key={m.id} message={m} onOpen={open} />
      ))}
      {messages.hasNextPage ? (
        <View className='messages__more'>
          <Button
            className='tap-target'
            block
            loading={messages.isFetchingNextPage}
            onClick={() => void messages.fetchNextPage()}
          >
            加载更早的消息
          </Button>
        </View>
      ) : null}
      {pages ? <PushSettings /> : null}
    </PageShell>
  );
}
