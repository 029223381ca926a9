/**
 * China Standard Time has been a fixed UTC+8 with no daylight saving since 1991, so a constant
 * offset is exact for every date the app deals with and avoids depending on Intl time-zone data,
 * which some mini-program runtimes lack. With a fixed offset, a China date is plain arithmetic on
 * UTC days: no date library is needed (dayjs with its utc plugin was ~3 KB gzip of the guide's
 * first download for these few functions).
 */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A calendar date in China, as whole days since 1970-01-01. A plain count is what makes day
 * arithmetic and weekday lookups independent of the device's own time zone: add or subtract days,
 * compare with < and ===.
 */
export type ChinaDay = number;

/** The UTC fields of this Date read as the day's date. */
function asUtcDate(day: ChinaDay): Date {
  return new Date(day * DAY_MS);
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function formatChinaDay(day: ChinaDay): string {
  const d = asUtcDate(day);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

/** Year, month (1–12) and day of the month. */
export function chinaDayParts(day: ChinaDay): { year: number; month: number; date: number } {
  const d = asUtcDate(day);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, date: d.getUTCDate() };
}

/** The China day an instant falls on; throws on an invalid Date. */
function dayOfInstant(d: Date): ChinaDay {
  const ms = d.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid Date');
  return Math.floor((ms + CHINA_OFFSET_MS) / DAY_MS);
}

/** The calendar date (YYYY-MM-DD) an instant falls on in China. */
export function toChinaDate(d: Date): string {
  return formatChinaDay(dayOfInstant(d));
}

/** Minutes since midnight in China for an instant (0–1439). */
export function chinaMinutesOfDay(d: Date): number {
  const msOfDay = (((d.getTime() + CHINA_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS;
  return Math.floor(msOfDay / 60000);
}

/**
 * Parse a strict YYYY-MM-DD string. Returns null for anything else, including dates that do not
 * exist (Date.UTC would silently roll 2026-02-30 over into March).
 */
export function parseChinaDay(s: string): ChinaDay | null {
  if (!DATE_ONLY.test(s)) return null;
  const [year, month, date] = s.split('-').map(Number);
  const day = Math.floor(Date.UTC(year, month - 1, date) / DAY_MS);
  return formatChinaDay(day) === s ? day : null;
}

/** Parse a date-only string or convert an instant; throws on an unusable value. */
export function toChinaDay(date: string | Date): ChinaDay {
  if (date instanceof Date) return dayOfInstant(date);
  const day = parseChinaDay(date);
  if (day === null) throw new RangeError(`Expected a YYYY-MM-DD date, got "${date}"`);
  return day;
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: ChinaDay): number {
  const d = asUtcDate(day).getUTCDay();
  return d === 0 ? 7 : d;
}
