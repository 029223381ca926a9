import dayjs, { type Dayjs } from 'dayjs';
// The explicit `.js` keeps the import resolvable by native Node ESM as well as by bundlers.
import utc from 'dayjs/plugin/utc.js';

dayjs.extend(utc);

/**
 * China Standard Time has been a fixed UTC+8 with no daylight saving since 1991, so a constant
 * offset is exact for every date the app deals with and avoids depending on Intl time-zone data,
 * which some mini-program runtimes lack.
 */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A calendar date in China as a dayjs value in UTC mode. UTC mode is what makes day arithmetic and
 * weekday lookups independent of the device's own time zone.
 */
export type ChinaDay = Dayjs;

/** Shift an instant so that its UTC fields read as the wall-clock time in China. */
function toChinaWallClock(d: Date): Dayjs {
  return dayjs.utc(d.getTime() + CHINA_OFFSET_MS);
}

/** The calendar date (YYYY-MM-DD) an instant falls on in China. */
export function toChinaDate(d: Date): string {
  return toChinaWallClock(d).format('YYYY-MM-DD');
}

/** Minutes since midnight in China for an instant (0–1439). */
export function chinaMinutesOfDay(d: Date): number {
  const wall = toChinaWallClock(d);
  return wall.hour() * 60 + wall.minute();
}

/**
 * Parse a strict YYYY-MM-DD string. Returns null for anything else, including dates that do not
 * exist (dayjs would silently roll 2026-02-30 over into March).
 */
export function parseChinaDay(s: string): ChinaDay | null {
  if (!DATE_ONLY.test(s)) return null;
  const day = dayjs.utc(s);
  if (!day.isValid() || day.format('YYYY-MM-DD') !== s) return null;
  return day;
}

/** Parse a date-only string or convert an instant; throws on an unusable value. */
export function toChinaDay(date: string | Date): ChinaDay {
  if (date instanceof Date) {
    if (Number.isNaN(date.getTime())) throw new RangeError('Invalid Date');
    return toChinaWallClock(date).startOf('day');
  }
  const day = parseChinaDay(date);
  if (!day) throw new RangeError(`Expected a YYYY-MM-DD date, got "${date}"`);
  return day;
}

export function formatChinaDay(day: ChinaDay): string {
  return day.format('YYYY-MM-DD');
}

/** ISO weekday: 1 = Monday … 7 = Sunday (dayjs uses 0 for Sunday). */
export function isoWeekday(day: ChinaDay): number {
  const d = day.day();
  return d === 0 ? 7 : d;
}
