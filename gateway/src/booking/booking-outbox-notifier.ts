import type { Database } from 'better-sqlite3';
import { enqueueNotification } from '../notifications/notification-outbox';
import type { BookingRow, TicketRow } from '../store/booking-store';
import type { BookingNotifier } from './booking-notifier';

/** "2026年12月7日 09:30": the date as residents write it. */
function whenOf(date: string, start: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日 ${start}`;
}

/**
 * 预约取号's messages through the notification outbox: written in the booking's own transaction
 * (the sweep's, or the officer's call), once per booking and per ticket (the keys).
 */
export function outboxBookingNotifier(now: () => Date): BookingNotifier {
  return {
    bookingReminder(db: Database, booking: BookingRow): void {
      const when = whenOf(booking.date, booking.slot_start);
      enqueueNotification(
        db,
        {
          userId: booking.user_id,
          kind: 'appointment_reminder',
          key: `appointment:${booking.id}:reminder-day-before`,
          subject: { kind: 'appointment', id: booking.id },
          title: '您明天有一个预约办事',
          body:
            `您预约了 ${when} 在${booking.hall_name}办理「${booking.item_name}」。` +
            '请携带身份证件和所需材料，按时到达后在大厅扫码或在“我的预约”中取号；不能前往请提前 2 小时取消。',
          fields: { item: booking.item_name, hall: booking.hall_name, time: when, note: '请按时到达并取号' },
        },
        now().getTime(),
      );
    },
    numberNear(db: Database, ticket: TicketRow, ahead: number): void {
      const item = ticket.item_name ?? '现场办事';
      enqueueNotification(
        db,
        {
          userId: ticket.user_id,
          kind: 'queue_near',
          key: `hall-ticket:${ticket.id}:near`,
          subject: { kind: 'appointment', id: ticket.id },
          page: `visit/ticket/index?id=${encodeURIComponent(ticket.id)}`,
          title: ahead === 0 ? `即将叫到您的号 ${ticket.number}` : `您的号 ${ticket.number} 前面还有 ${ahead} 人`,
          body: `${ticket.hall_name} · ${ticket.number}：前面还有 ${ahead} 人等候，请留意叫号，不要走远。`,
          fields: { item, hall: ticket.hall_name, time: ticket.number, note: `前面还有 ${ahead} 人` },
        },
        now().getTime(),
      );
    },
  };
}
