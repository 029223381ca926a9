import type { Hall } from '../../../types/contract';
import { BOOKING_WORKDAYS_AHEAD } from '../../../types/contract';
import { isoWeekday, toChinaDay } from '../../../src/lib/china-time';
import { instantOfChinaTime, parseChinaTime } from '../../../src/lib/dayjs-china';
import type { WorkdayCalculator } from '../../../src/lib/workdays';

/** A bookable period of the day, "HH:mm" to "HH:mm" in China time. */
export interface Period {
  start: string;
  end: string;
}

export interface HallSchedule {
  hallId: string;
  slotMinutes: number;
  capacity: number;
  periods: Period[];
  note: string;
}

export const DEFAULT_SLOT_MINUTES = 30;
/** The district's usual 窗口 hours with the lunch break: 09:00–12:00 and 13:30–17:00. */
export const DEFAULT_PERIODS: Period[] = [
  { start: '09:00', end: '12:00' },
  { start: '13:30', end: '17:00' },
];

const MONDAY = 1;

/** Why nobody can book a hall on a date (or that they can). */
export type DayState = { open: true } | { open: false; why: 'holiday' | 'rest_day' | 'hall_closed'; reason: string };

/** "HH:mm" → minutes since midnight. */
export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

/** Minutes since midnight → "HH:mm". */
export function clockOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The instant (epoch ms) of a China wall-clock time on a date. */
export function slotInstant(date: string, hhmm: string): number {
  return instantOfChinaTime(parseChinaTime(`${date} ${hhmm}`));
}

/** The weekday whose opening hours apply: 调休上班 days are staffed like a Monday (as isOpenNow does). */
function hoursWeekday(date: string, calendar: WorkdayCalculator): number {
  return calendar.isMakeupWorkday(date) ? MONDAY : isoWeekday(toChinaDay(date));
}

/**
 * Bookings are for working days only: a hall that also opens on Saturday mornings serves walk-ins
 * then, and a booking day that is not a working day would break "7 working days ahead".
 */
export function hallDayState(
  hall: Hall,
  date: string,
  calendar: WorkdayCalculator,
  closures: ReadonlyMap<string, string>,
): DayState {
  if (calendar.isHoliday(date)) return { open: false, why: 'holiday', reason: '法定节假日' };
  if (!calendar.isWorkday(date)) return { open: false, why: 'rest_day', reason: '休息日' };
  const closure = closures.get(date);
  if (closure !== undefined) return { open: false, why: 'hall_closed', reason: closure || '暂停对外办公' };
  const weekday = hoursWeekday(date, calendar);
  if (!hall.open24h && !hall.hours.some((h) => h.weekdays.includes(weekday))) {
    return { open: false, why: 'hall_closed', reason: '当日不对外办公' };
  }
  return { open: true };
}

/**
 * Whether the hall takes walk-in numbers that day: as for bookings, except that a weekend day on
 * which the hall keeps hours (e.g. Saturday mornings) is open too.
 */
export function walkInDayState(
  hall: Hall,
  date: string,
  calendar: WorkdayCalculator,
  closures: ReadonlyMap<string, string>,
): DayState {
  const state = hallDayState(hall, date, calendar, closures);
  if (state.open || state.why !== 'rest_day') return state;
  const weekday = isoWeekday(toChinaDay(date));
  return hall.open24h || hall.hours.some((h) => h.weekdays.includes(weekday)) ? { open: true } : state;
}

/**
 * The slots of a day the hall is open: each period cut into slot-length pieces, keeping only the
 * pieces wholly inside the hall's opening hours for that weekday (a period longer than the hall's
 * hours must not sell a slot nobody will serve).
 */
export function slotsOf(hall: Hall, schedule: HallSchedule, date: string, calendar: WorkdayCalculator): Period[] {
  const weekday = hoursWeekday(date, calendar);
  const open = hall.open24h
    ? [{ from: 0, to: 24 * 60 }]
    : hall.hours
        .filter((h) => h.weekdays.includes(weekday))
        .map((h) => ({ from: minutesOf(h.open), to: minutesOf(h.close) }));
  const slots: Period[] = [];
  for (const period of schedule.periods) {
    const end = minutesOf(period.end);
    for (let s = minutesOf(period.start); s + schedule.slotMinutes <= end; s += schedule.slotMinutes) {
      const e = s + schedule.slotMinutes;
      if (open.some((o) => s >= o.from && e <= o.to)) slots.push({ start: clockOf(s), end: clockOf(e) });
    }
  }
  return slots;
}

/** First and last bookable dates seen from `today`: the next working day, and 7 working days ahead. */
export function bookingWindow(today: string, calendar: WorkdayCalculator): { from: string; to: string } {
  return { from: calendar.addWorkdays(today, 1), to: calendar.addWorkdays(today, BOOKING_WORKDAYS_AHEAD) };
}

/** Every date from `from` to `to` inclusive (YYYY-MM-DD compare as strings). */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let day = toChinaDay(from); day.format('YYYY-MM-DD') <= to; day = day.add(1, 'day')) {
    dates.push(day.format('YYYY-MM-DD'));
  }
  return dates;
}
