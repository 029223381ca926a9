import type { WorkdayCalendar } from '../../types/contract';
import { formatChinaDay, isoWeekday, toChinaDate, toChinaDay, type ChinaDay } from './china-time';

export { toChinaDate };

/**
 * Working-day arithmetic for 承诺时限 and opening hours. Every date is a China (UTC+8) calendar date,
 * whatever the device's time zone.
 */
export interface WorkdayCalculator {
  /** A YYYY-MM-DD string, or an instant (its China date is used). */
  isWorkday(date: string | Date): boolean;
  /**
   * A 法定节假日 rest day from the calendar (weekday or weekend). Needed by opening hours: a hall
   * that opens on Saturdays still closes on a Saturday that is part of 国庆.
   */
  isHoliday(date: string | Date): boolean;
  /** A weekend day that the calendar turns into a working day (调休上班). */
  isMakeupWorkday(date: string | Date): boolean;
  /**
   * The `days`-th working day after `start` (start itself never counts). Negative `days` counts
   * backwards; 0 returns `start` unchanged.
   */
  addWorkdays(start: string, days: number): string;
  /** 承诺办结日期: see `createWorkdayCalendar` for the counting rules. */
  expectedCompletionDate(submittedAt: Date, promisedDays: number): string;
  /**
   * Working days stepped onto when walking from `from` to `to`: those in (from, to], or the
   * negated count of those in [to, from) when `to` is earlier. The inverse of `addWorkdays`.
   */
  workdaysBetween(from: string, to: string): number;
}

function checkDayCount(days: number, what: string): void {
  if (!Number.isInteger(days)) throw new RangeError(`${what} must be an integer, got ${days}`);
}

/**
 * Counting rules for 承诺时限 (as the 政务服务 guides state them): the day of submission does not
 * count, counting starts on the next working day, and a submission on a rest day also counts from
 * the next working day. 0 days (即办) completes on the submission date when that is a working day,
 * otherwise on the next working day.
 *
 * Years outside fromYear–toYear fall back to plain Mon–Fri rather than failing, so an out-of-date
 * calendar degrades to an approximation instead of breaking the page.
 */
export function createWorkdayCalendar(cal: WorkdayCalendar): WorkdayCalculator {
  const holidays = new Set(cal.holidays);
  const makeupWorkdays = new Set(cal.makeupWorkdays);

  const covered = (day: ChinaDay): boolean => day.year() >= cal.fromYear && day.year() <= cal.toYear;

  const holiday = (day: ChinaDay): boolean => covered(day) && holidays.has(formatChinaDay(day));

  // A date listed in both sets is a data error; the holiday wins because closing on a day that
  // turns out to be open is the less harmful mistake for someone planning a visit.
  const makeup = (day: ChinaDay): boolean => covered(day) && !holiday(day) && makeupWorkdays.has(formatChinaDay(day));

  const workday = (day: ChinaDay): boolean => {
    if (holiday(day)) return false;
    if (makeup(day)) return true;
    return isoWeekday(day) <= 5;
  };

  const step = (start: ChinaDay, days: number): ChinaDay => {
    const direction = days < 0 ? -1 : 1;
    let remaining = Math.abs(days);
    let day = start;
    while (remaining > 0) {
      day = day.add(direction, 'day');
      if (workday(day)) remaining -= 1;
    }
    return day;
  };

  return {
    isWorkday: (date) => workday(toChinaDay(date)),
    isHoliday: (date) => holiday(toChinaDay(date)),
    isMakeupWorkday: (date) => makeup(toChinaDay(date)),

    addWorkdays(start, days) {
      checkDayCount(days, 'days');
      return formatChinaDay(step(toChinaDay(start), days));
    },

    expectedCompletionDate(submittedAt, promisedDays) {
      checkDayCount(promisedDays, 'promisedDays');
      if (promisedDays < 0) throw new RangeError(`promisedDays must not be negative, got ${promisedDays}`);
      const submitted = toChinaDay(submittedAt);
      if (promisedDays === 0) {
        return formatChinaDay(workday(submitted) ? submitted : step(submitted, 1));
      }
      return formatChinaDay(step(submitted, promisedDays));
    },

    workdaysBetween(from, to) {
      const start = toChinaDay(from);
      const span = toChinaDay(to).diff(start, 'day');
      const direction = span < 0 ? -1 : 1;
      let count = 0;
      for (let i = 1; i <= Math.abs(span); i += 1) {
        // Walking backwards we step onto [to, from): the day we land on counts, `from` does not.
        if (workday(start.add(direction * i, 'day'))) count += 1;
      }
      return direction * count;
    },
  };
}
