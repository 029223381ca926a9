// Dates apart from the other formatters: they need dayjs, which the tabs in the main package
// otherwise do without.
import { isoWeekday, parseChinaDay, type ChinaDay } from './china-time';
import { chinaTime, type ChinaTime } from './dayjs-china';
import { weekdayName } from './format';

/**
 * Date-times must carry a zone (Z or ±hh:mm): without one, the same string could mean different
 * instants on different phones (Date reads it in the device's zone, dayjs.utc as UTC).
 */
const ZONED_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** A zoned date-time or a Date as China wall-clock time; null when it is not one. */
function readTime(value: string | Date): ChinaTime | null {
  if (typeof value === 'string' && !ZONED_DATE_TIME.test(value)) return null;
  const time = chinaTime(value);
  return time.isValid() ? time : null;
}

/**
 * Accepts a YYYY-MM-DD date, a zoned ISO date-time (e.g. a guide's updatedAt) or a Date; the latter
 * two are shown as the date in China, whatever the device's time zone.
 */
function readDay(value: string | Date): ChinaDay | null {
  const dateOnly = typeof value === 'string' ? parseChinaDay(value) : null;
  return dateOnly ?? readTime(value)?.startOf('day') ?? null;
}

/** '2026-12-03' → '2026年12月3日'; '' when the value is not a date. */
export function formatChineseDate(value: string | Date): string {
  return readDay(value)?.format('YYYY年M月D日') ?? '';
}

/** '2026-12-03' → '周四'; '' when the value is not a date. */
export function formatWeekday(value: string | Date): string {
  const day = readDay(value);
  return day === null ? '' : weekdayName(isoWeekday(day));
}

/** A zoned date-time as '2026年12月3日 14:05', in China time whatever the device's zone. */
export function formatChineseDateTime(value: string): string {
  return readTime(value)?.format('YYYY年M月D日 HH:mm') ?? '';
}
