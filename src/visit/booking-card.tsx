import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { Booking } from '@contract/booking';
import { formatChineseDateTime } from '@/lib/format-date';
import { BOOKING_STATUS_LABELS, formatBookingDay } from './booking-labels';

export type BookingCardProps = {
  booking: Booking;
  /** Epoch ms: what can be done depends on the time. */
  now: number;
  highlight?: boolean;
  busy?: boolean;
  onCancel: (booking: Booking) => void;
  onCheckIn: (booking: Booking) => void;
  onOpenTicket: (ticketId: string) => void;
};

/** The element id a `?booking=` link scrolls to. */
export function bookingAnchor(id: string): string {
  return `booking-${id}`;
}

function timeOf(iso: string): string {
  return formatChineseDateTime(iso).split(' ')[1] ?? '';
}

/** One booking: when, where, for what, its state, and what can be done with it now (and why not). */
export function BookingCard({ booking: b, now, highlight, busy, onCancel, onCheckIn, onOpenTicket }: BookingCardProps) {
  const booked = b.status === 'booked';
  const cancellable = booked && b.cancellableUntil !== null && Date.parse(b.cancellableUntil) > now;
  const checkInOpen = booked && Date.parse(b.checkInFrom) <= now && now <= Date.parse(b.checkInUntil);
  const beforeCheckIn = booked && now < Date.parse(b.checkInFrom);
  const active = booked || b.status === 'checked_in';
  return (
    <View id={bookingAnchor(b.id)} className={highlight ? 'section visit-card--highlight' : 'section'}>
      <View className='visit-card__head'>
        <Text className='section__title'>{b.itemName}</Text>
        <Text className={active ? 'visit-status visit-status--active' : 'visit-status'}>
          {BOOKING_STATUS_LABELS[b.status]}
        </Text>
      </View>
      <Text className='visit-line'>{`${formatBookingDay(b.date)} ${b.start}–${b.end}`}</Text>
      <Text className='visit-line muted'>{b.hallName}</Text>
      {b.ticket ? <Text className='visit-line'>{`号码：${b.ticket.number}`}</Text> : null}
      {booked && !cancellable ? (
        <Text className='visit-line muted'>距时段开始已不足 2 小时，不能再取消；如不能前来，爽约会影响以后预约。</Text>
      ) : null}
      {beforeCheckIn ? (
        <Text className='visit-line muted'>{`${timeOf(b.checkInFrom)} 起可凭预约取号；提前到达可在大厅扫码取号。`}</Text>
      ) : null}
      {checkInOpen || cancellable || b.ticket ? (
        <View className='visit-actions'>
          {checkInOpen ? (
            <Button type='primary' className='tap-target' loading={busy} onClick={() => onCheckIn(b)}>
              取号
            </Button>
          ) : null}
          {b.ticket ? (
            <Button type='primary' className='tap-target' onClick={() => onOpenTicket(b.ticket?.id ?? '')}>
              查看排队进度
            </Button>
          ) : null}
          {cancellable ? (
            <Button className='tap-target' disabled={busy} onClick={() => onCancel(b)}>
              取消预约
            </Button>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}
