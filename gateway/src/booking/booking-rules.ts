import {
  BOOKING_CANCEL_HOURS,
  BOOKING_CHECK_IN_MINUTES,
  NO_SHOW_LIMIT,
  NO_SHOW_WINDOW_DAYS,
  SUSPENSION_DAYS,
} from '../../../types/contract';
import { toChinaDate } from '../../../src/lib/china-time';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export const CANCEL_LEAD_MS = BOOKING_CANCEL_HOURS * 60 * MINUTE;
export const CHECK_IN_MS = BOOKING_CHECK_IN_MINUTES * MINUTE;
const NO_SHOW_WINDOW_MS = NO_SHOW_WINDOW_DAYS * DAY;
const SUSPENSION_MS = SUSPENSION_DAYS * DAY;

/** How far back no-shows can still matter: one may start a suspension that has not ended yet. */
export const NO_SHOW_LOOKBACK_MS = NO_SHOW_WINDOW_MS + SUSPENSION_MS;

/** The refusals, word for word (the app shows them as they are; tests pin them). */
export const BOOKING_MESSAGES = {
  realNameRequired: '预约前请先完成实名认证',
  itemNotFound: '没有找到这个事项',
  noVisitNeeded: '该事项可全程网上办理，无需到现场，不需要预约',
  hallNotServing: '该大厅不办理这个事项，请选择事项办理地点中的大厅',
  hallNotBookable: '该大厅不接受预约',
  notASlot: '所选时间不是该大厅的预约时段，请在可选时段中选择',
  pastSlot: '该时段已过，请选择其他时段',
  full: '该时段已约满，请选择其他时段',
  bothCaseAndDraft: '请只关联一个草稿或一个办件',
  caseNotFound: '没有找到要关联的草稿或办件',
  caseOtherItem: '关联的草稿或办件不是这个事项的',
  bookingNotFound: '没有找到这条预约',
  notCancellable: '该预约已不能取消',
  ticketNotFound: '没有找到这个排队号',
  invalidQr: '二维码无效，请扫描大厅的取号二维码',
  otherHallQr: '这是其他大厅的取号二维码，请到预约的大厅扫码取号',
} as const;

export function holidayMessage(date: string): string {
  return `${date} 是法定节假日，大厅不对外办公，请选择工作日`;
}

export function restDayMessage(date: string): string {
  return `${date} 是休息日，只能预约工作日`;
}

export function hallClosedMessage(hallName: string, date: string, reason: string): string {
  return `${hallName} ${date} 不对外办公（${reason}），请选择其他日期`;
}

export function tooSoonMessage(from: string): string {
  return `预约需提前至少一个工作日，最早可约 ${from}`;
}

export function beyondWindowMessage(to: string): string {
  return `只能预约 7 个工作日内的时段，最晚可约 ${to}`;
}

export function duplicateMessage(date: string, start: string): string {
  return `您已预约 ${date} ${start} 办理该事项，同一事项每天只能有一个预约；如需改约请先取消原预约`;
}

export function suspendedMessage(until: string): string {
  return `您近 ${NO_SHOW_WINDOW_DAYS} 天内爽约已达 ${NO_SHOW_LIMIT} 次，预约功能暂停至 ${until}（含当天），期间仍可到大厅现场取号`;
}

export function cancelTooLateMessage(deadline: string): string {
  return `距预约时段不足 ${BOOKING_CANCEL_HOURS} 小时（取消截止 ${deadline}），已不能取消`;
}

export function checkInTooEarlyMessage(from: string): string {
  return `还未到取号时间：凭预约取号请于 ${from} 之后，或到大厅后扫码取号`;
}

export function checkInTooLateMessage(): string {
  return `已超过预约时段开始后 ${BOOKING_CHECK_IN_MINUTES} 分钟，预约已失效，请到大厅扫码取现场号`;
}

/**
 * The end of a booking suspension (epoch ms), or undefined: each time a no-show is the 3rd within
 * 90 days, booking is suspended for 30 days from it. `noShowTimes` in any order.
 */
export function suspensionEnd(noShowTimes: readonly number[]): number | undefined {
  const times = [...noShowTimes].sort((a, b) => a - b);
  let end: number | undefined;
  for (let i = NO_SHOW_LIMIT - 1; i < times.length; i += 1) {
    if (times[i] - times[i - (NO_SHOW_LIMIT - 1)] <= NO_SHOW_WINDOW_MS) {
      end = Math.max(end ?? 0, times[i] + SUSPENSION_MS);
    }
  }
  return end;
}

/** The suspension as shown to the user: the last day it lasts (inclusive), or undefined when not suspended. */
export function suspensionUntil(noShowTimes: readonly number[], now: number): string | undefined {
  const end = suspensionEnd(noShowTimes);
  if (end === undefined || end <= now) return undefined;
  // The suspension ends at `end`; the last whole day it covers is the China day of `end - 1 ms`.
  return toChinaDate(new Date(end - 1));
}

/** No-shows within the last 90 days (the figure shown beside the suspension). */
export function recentNoShows(noShowTimes: readonly number[], now: number): number {
  return noShowTimes.filter((t) => now - t <= NO_SHOW_WINDOW_MS).length;
}
