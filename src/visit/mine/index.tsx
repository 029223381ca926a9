import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from '@nutui/nutui-react-taro';
import { useEffect, useRef, useState } from 'react';
import type { Booking, HallTicket } from '@contract/booking';
import { bookingsApi } from '@/core/api/bookings';
import { env } from '@/core/env';
import { queryKeys } from '@/core/query-keys';
import { scanQrCode } from '@/core/scan-qr';
import { useConfirmDialog } from '@/ui/confirm-dialog';
import { EmptyState } from '@/ui/empty-state';
import { ErrorState } from '@/ui/error-state';
import { LoadingState } from '@/ui/loading-state';
import { LoginRequired } from '@/ui/login-required';
import { navigate } from '@/ui/navigate';
import { PageShell } from '@/ui/page-shell';
import { routes } from '@/ui/routes';
import { useSession } from '@/ui/use-session';
import { BookingCard, bookingAnchor } from '../booking-card';
import { ticketStateText } from '../booking-labels';
import { QrLinkField } from '../qr-link-field';
import { refusalText } from '../refusal-text';
import { SuspensionNotice } from '../suspension-notice';
import '../visit.scss';

const ACTIVE = new Set<Booking['status']>(['booked', 'checked_in']);

/** Upcoming (booked, numbered) first, soonest first; then the past ones, latest first. */
function ordered(bookings: Booking[]): Booking[] {
  const upcoming = bookings.filter((b) => ACTIVE.has(b.status)).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const past = bookings.filter((b) => !ACTIVE.has(b.status)).sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  return upcoming.concat(past);
}

/**
 * 我的预约: the person's bookings with what each allows now (取号, 取消预约), today's numbers, and
 * 扫码取号 with the hall's check-in QR (on H5, the link the phone's camera read, pasted).
 */
export default function MyBookingsPage() {
  const highlight = useRouter().params.booking;
  const { tokens } = useSession();
  const queryClient = useQueryClient();
  const { dialog, confirm } = useConfirmDialog();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [pasting, setPasting] = useState(false);
  const working = useRef(false);
  const scrolled = useRef(false);
  const bookings = useQuery({
    queryKey: queryKeys.myBookings,
    queryFn: ({ signal }) => bookingsApi.mine(signal),
    enabled: Boolean(tokens),
  });
  const tickets = useQuery({
    queryKey: queryKeys.myHallTickets,
    queryFn: ({ signal }) => bookingsApi.myTickets(signal),
    enabled: Boolean(tokens),
  });
  useDidShow(() => {
    if (!tokens) return;
    void bookings.refetch();
    void tickets.refetch();
  });
  useEffect(() => {
    if (!highlight || scrolled.current || !bookings.data) return;
    scrolled.current = true;
    setTimeout(() => void Taro.pageScrollTo({ selector: `#${bookingAnchor(highlight)}`, duration: 300 }), 100);
  }, [highlight, bookings.data]);

  if (!tokens) return <LoginRequired title='登录后查看我的预约' returnTo={routes.myBookings(highlight)} />;

  /** Runs one gateway action at a time; a refusal is shown above the list. */
  const run = (action: () => Promise<HallTicket | Booking>, then?: (result: HallTicket | Booking) => void) => {
    if (working.current) return;
    working.current = true;
    setBusy(true);
    setError(undefined);
    action()
      .then((result) => {
        void queryClient.invalidateQueries({ queryKey: queryKeys.myBookings });
        void queryClient.invalidateQueries({ queryKey: queryKeys.myHallTickets });
        then?.(result);
      })
      .catch((e: unknown) => setError(refusalText(e)))
      .finally(() => {
        working.current = false;
        setBusy(false);
      });
  };
  const openTicket = (result: HallTicket | Booking) => navigate(routes.hallTicket(result.id));
  const takeByQr = (qr: string) => run(() => bookingsApi.takeTicket({ qr }), openTicket);

  const scan = async () => {
    if (env.platform === 'h5') return setPasting(true);
    const outcome = await scanQrCode();
    if (outcome.kind === 'scanned') takeByQr(outcome.content);
    else if (outcome.kind === 'failed') setError('未识别到二维码，请对准大厅的取号二维码重新扫描');
  };
  const cancel = async (b: Booking) => {
    const yes = await confirm({
      title: '取消预约',
      content: `确定取消 ${b.date} ${b.start} 在${b.hallName}的预约吗？名额会释放给其他人。`,
      confirmText: '取消预约',
      cancelText: '暂不取消',
    });
    if (yes) run(() => bookingsApi.cancel(b.id));
  };

  const list = bookings.data ? ordered(bookings.data.bookings) : [];
  const now = Date.now();
  return (
    <PageShell>
      <View className='section'>
        <Text className='section__title'>到大厅取号</Text>
        <Text className='muted'>到达办事大厅后，扫描大厅入口的取号二维码即可取号；有预约的按预约号排队。</Text>
        <Button
          type='primary'
          block
          className='tap-target visit-group'
          loading={busy && !pasting}
          onClick={() => void scan()}
        >
          扫码取号
        </Button>
        {pasting ? <QrLinkField busy={busy} onSubmit={takeByQr} /> : null}
        {error ? (
          <View className='visit-error' role='alert'>
            {error}
          </View>
        ) : null}
      </View>
      {tickets.data && tickets.data.tickets.length > 0 ? (
        <View className='section'>
          <Text className='section__title'>今天的号码</Text>
          {tickets.data.tickets.map((t) => (
            <View key={t.id} className='visit-card__head tap-target' role='link' onClick={() => openTicket(t)}>
              <Text>{`${t.number} · ${t.hallName}`}</Text>
              <Text className='visit-status visit-status--active'>{`${ticketStateText(t)} ›`}</Text>
            </View>
          ))}
        </View>
      ) : null}
      <SuspensionNotice suspension={bookings.data?.suspension} />
      {bookings.isPending ? <LoadingState shape='list' /> : null}
      {bookings.isError ? <ErrorState error={bookings.error} onRetry={() => void bookings.refetch()} /> : null}
      {bookings.data && list.length === 0 ? (
        <EmptyState title='还没有预约' description='需要到现场办理的事项，可在其办事指南中点“预约到现场办理”。'>
          <Button className='tap-target' onClick={() => navigate(routes.search)}>
            去找事项
          </Button>
        </EmptyState>
      ) : null}
      {list.map((b) => (
        <BookingCard
          key={b.id}
          booking={b}
          now={now}
          highlight={b.id === highlight}
          busy={busy}
          onCancel={(x) => void cancel(x)}
          onCheckIn={(x) => run(() => bookingsApi.checkIn(x.id), openTicket)}
          onOpenTicket={(id) => navigate(routes.hallTicket(id))}
        />
      ))}
      {dialog}
    </PageShell>
  );
}
