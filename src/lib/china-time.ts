/**
 * China Standard Time has been a fixed UTC+8 with no daylight saving since 1991, so a constant
 * offset is exact for every date the app deals with and avoids depending on Intl time-zone data,
 * which some mini-program runtimes lack (hence no dayjs `timezone` plugin).
 */
import { chinaTime, instantOfChinaTime, parseChinaTime, type ChinaTime } from './dayjs-china';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A calendar date in China: midnight of that date as a China wall-clock dayjs (see `ChinaTime`).
 * Step with `add(n, 'day')`, compare with `isBefore`/`isSame`/`diff(other, 'day')`; none of these
 * depends on the device's time zone.
 */
export type ChinaDay = ChinaTime;

export function formatChinaDay(day: ChinaDay): string {
  return day.format('YYYY-MM-DD');
}

/** Year, month (1–12) and day of the month. */
export function chinaDayParts(day: ChinaDay): { year: number; month: number; date: number } {
  return { year: day.year(), month: day.month() + 1, date: day.date() };
}

/** The China day an instant falls on; throws on an invalid Date. */
function dayOfInstant(d: Date): ChinaDay {
  const time = chinaTime(d);
  if (!time.isValid()) throw new RangeError('Invalid Date');
  return time.startOf('day');
}

/** The calendar date (YYYY-MM-DD) an instant falls on in China. */
export function toChinaDate(d: Date): string {
  return formatChinaDay(dayOfInstant(d));
}

/** Minutes since midnight in China for an instant (0–1439). */
export function chinaMinutesOfDay(d: Date): number {
  const time = chinaTime(d);
  return time.hour() * 60 + time.minute();
}

/**
 * The instants (epoch milliseconds) at which the China calendar day of `d` starts and the next one
 * starts: the window of a per-day limit.
 */
export function chinaDayBounds(d: Date): { start: number; end: number } {
  const day = dayOfInstant(d);
  return { start: instantOfChinaTime(day), end: instantOfChinaTime(day.add(1, 'day')) };
}

/**
 * Parse a strict YYYY-MM-DD string. Returns null for anything else, including dates that do not
 * exist (dayjs would silently roll 2026-02-30 over into March).
 */
export function parseChinaDay(s: string): ChinaDay | null {
  if (!DATE_ONLY.test(s)) return null;
  const day = parseChinaTime(s);
  return day.isValid() && formatChinaDay(day) === s ? day : null;
}

/** Parse a date-only string or convert an instant; throws on an unusable value. */
export function toChinaDay(date: string | Date): ChinaDay {
  if (date instanceof Date) return dayOfInstant(date);
  const day = parseChinaDay(date);
  if (day === null) throw new RangeError(`Expected a YYYY-MM-DD date, got "${date}"`);
  return day;
}

/** ISO weekday: 1 = Monday … 7 = Sunday (dayjs uses 0 for Sunday). */
export function isoWeekday(day: ChinaDay): number {
  return day.day() || 7;
}
