import type { BookingStatus, BookingSuspension, HallTicket } from '@contract/booking';
import { formatChineseDate, formatWeekday } from '@/lib/format-date';

export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = {
  booked: '已预约',
  checked_in: '已取号',
  cancelled: '已取消',
  served: '已办理',
  no_show: '爽约',
};

/** '2026-12-08' → '2026年12月8日 周二'. */
export function formatBookingDay(date: string): string {
  return `${formatChineseDate(date)} ${formatWeekday(date)}`;
}

/** 预约功能暂停至 2026年12月31日，90天内爽约3次. */
export function suspensionText(suspension: BookingSuspension): string {
  return `预约功能暂停至${formatChineseDate(suspension.until)}（含当天），90天内爽约${suspension.noShows}次`;
}

/** What the number's holder should do now: 等候中 / 请到 X 号窗口办理 / 已办理 / 已过号. */
export function ticketStateText(ticket: HallTicket): string {
  switch (ticket.status) {
    case 'waiting':
      return '等候中';
    case 'called':
      return ticket.window ? `请到 ${ticket.window.name} 办理` : '已叫号，请到窗口办理';
    case 'served':
      return '已办理';
    case 'no_show':
      return '已过号';
  }
}
