// Dates apart from the other formatters: they need china-time, which the tabs in the main package
// otherwise do without.
import { chinaDayParts, chinaMinutesOfDay, isoWeekday, parseChinaDay, toChinaDay, type ChinaDay } from './china-time';
import { weekdayName } from './format';

/**
 * Date-times must carry a zone (Z or ±hh:mm): without one, Date parses them in the device's zone and
 * the same string could show different days on different phones.
 */
const ZONED_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Accepts a YYYY-MM-DD date, a zoned ISO date-time (e.g. a guide's updatedAt) or a Date; the latter
 * two are shown as the date in China, whatever the device's time zone.
 */
function readDay(value: string | Date): ChinaDay | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : toChinaDay(value);
  const dateOnly = parseChinaDay(value);
  if (dateOnly !== null) return dateOnly;
  if (!ZONED_DATE_TIME.test(value)) return null;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? null : toChinaDay(instant);
}

/** '2026-12-03' → '2026年12月3日'; '' when the value is not a date. */
export function formatChineseDate(value: string | Date): string {
  const day = readDay(value);
  if (day === null) return '';
  const { year, month, date } = chinaDayParts(day);
  return `${year}年${month}月${date}日`;
}

/** '2026-12-03' → '周四'; '' when the value is not a date. */
export function formatWeekday(value: string | Date): string {
  const day = readDay(value);
  return day === null ? '' : weekdayName(isoWeekday(day));
}

/** A zoned date-time as '2026年12月3日 14:05', in China time whatever the device's zone. */
export function formatChineseDateTime(value: string): string {
  const date = formatChineseDate(value);
  if (!date) return '';
  const minutes = chinaMinutesOfDay(new Date(value));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date} ${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}
