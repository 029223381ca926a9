import dayjs, { type Dayjs } from 'dayjs';
// The explicit `.js` keeps the import resolvable by native Node ESM (the gateway) as well as by bundlers.
import utc from 'dayjs/plugin/utc.js';

// Registering the plugin is this module's one side effect. src/lib is declared side-effect free to
// webpack, which drops a module only when none of its exports is used; every export below needs the
// plugin, so whichever bundle calls one of them registers it too.
dayjs.extend(utc);

/** China Standard Time: a fixed UTC+8, with no daylight saving since 1991. */
const CHINA_UTC_OFFSET_MINUTES = 8 * 60;

/**
 * China wall-clock time as a dayjs in UTC mode whose fields read in China time: `format()`,
 * `hour()`, `day()`, `startOf('day')` and `add(n, 'day')` all work in China time.
 *
 * Why not dayjs's `.utcOffset(480)`: it shifts a Date in the device's own time zone, so where that
 * zone has daylight saving it reads an hour off, and sometimes the wrong day, around the change
 * (measured with dayjs 1.11.23 under TZ=Pacific/Auckland, America/Santiago, Europe/London; see
 * test/unit/china-time.test.ts). UTC mode never consults the device's zone. The price is that
 * `valueOf()` of such a value is not its instant: go back with `instantOfChinaTime`.
 */
export type ChinaTime = Dayjs;

/**
 * The China wall-clock time of an instant: a Date, epoch milliseconds, or an ISO date-time string
 * that carries its zone (dayjs would read a zone-less one as UTC). Invalid input gives an invalid
 * value (`isValid()` is false).
 */
export function chinaTime(instant: Date | number | string): ChinaTime {
  return dayjs.utc(instant).add(CHINA_UTC_OFFSET_MINUTES, 'minute');
}

/**
 * Text read as China wall-clock time, e.g. '2026-02-28' (midnight) or '2026-02-28 09:30'. dayjs rolls
 * a date that does not exist over (2026-02-30 → 2026-03-02): callers that must refuse one compare
 * the result's `format()` with the text.
 */
export function parseChinaTime(text: string): ChinaTime {
  return dayjs.utc(text);
}

/** The instant (epoch milliseconds) a China wall-clock time stands for. */
export function instantOfChinaTime(time: ChinaTime): number {
  return time.subtract(CHINA_UTC_OFFSET_MINUTES, 'minute').valueOf();
}
