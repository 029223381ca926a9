import { useDidHide, useDidShow, useRouter } from '@tarojs/taro';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { bookingsApi } from '@/core/api/bookings';
import { queryKeys } from '@/core/query-keys';
import { ErrorState } from '@/ui/error-state';
import { LoadingState } from '@/ui/loading-state';
import { LoginRequired } from '@/ui/login-required';
import { MissingLinkState } from '@/ui/missing-link-state';
import { navigate } from '@/ui/navigate';
import { PageShell } from '@/ui/page-shell';
import { routes } from '@/ui/routes';
import { useSession } from '@/ui/use-session';
import { TicketView } from '../ticket-view';
import '../visit.scss';

/** How often the queue is asked while the page is in front. */
const POLL_MS = 5000;

/**
 * 排队进度: the number, the window once called, the people ahead, asked again every 5 s while the
 * page is shown (not while hidden, and never after it is closed). A failed poll keeps the last
 * state on screen; the next poll tries again. The gateway's ETag is not used: the http client
 * returns bodies only, and an unchanged answer (same `version`) leaves the cached data, and the
 * page, as they were.
 */
export default function HallTicketPage() {
  const id = useRouter().params.id ?? '';
  const { tokens } = useSession();
  const [shown, setShown] = useState(true);
  useDidShow(() => setShown(true));
  useDidHide(() => setShown(false));
  const ticket = useQuery({
    queryKey: queryKeys.hallTicket(id),
    queryFn: ({ signal }) => bookingsApi.ticket(id, signal),
    enabled: Boolean(tokens) && id !== '',
    staleTime: 0,
    retry: false,
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      const settled = status === 'served' || status === 'no_show';
      return shown && !settled ? POLL_MS : false;
    },
    refetchIntervalInBackground: true,
  });

  if (!id) return <MissingLinkState subject='排队号码' returnTo={routes.myBookings()} returnLabel='查看我的预约' />;
  if (!tokens) return <LoginRequired title='登录后查看排队进度' returnTo={routes.hallTicket(id)} />;
  if (ticket.data) {
    const t = ticket.data;
    return (
      <PageShell>
        <TicketView
          ticket={t}
          shaky={ticket.isError}
          onRate={
            t.visitId
              ? () => navigate(`${routes.rateWindow}?visitId=${encodeURIComponent(t.visitId as string)}`)
              : undefined
          }
        />
      </PageShell>
    );
  }
  return (
    <PageShell>
      {ticket.isError ? <ErrorState error={ticket.error} onRetry={() => void ticket.refetch()} /> : <LoadingState />}
    </PageShell>
  );
}
