import type { Hall, OpeningHours } from '../../types/contract';
import { chinaMinutesOfDay, isoWeekday, toChinaDay } from './china-time';
import { weekdayName } from './format';
import type { WorkdayCalculator } from './workdays';

const MONDAY = 1;

/** "HH:mm" → minutes since midnight; "24:00" is allowed as a closing time. null when malformed. */
function parseClock(hhmm: string): number | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes !== 0)) return null;
  return hours * 60 + minutes;
}

/**
 * Whether the hall is open at `now` (read as China time). Intervals are [open, close); an interval
 * that is malformed or ends before it starts is ignored rather than guessed at, since halls do not
 * keep overnight hours — a bad row must not make a hall look open at 3 a.m.
 */
export function isOpenNow(hall: Hall, now: Date, calendar: WorkdayCalculator): boolean {
  if (hall.open24h) return true;

  let weekday = isoWeekday(toChinaDay(now));
  if (hall.followsWorkdayCalendar) {
    if (calendar.isHoliday(now)) return false;
    // 调休上班 days are staffed like an ordinary weekday; Monday's hours are the convention.
    if (calendar.isMakeupWorkday(now)) weekday = MONDAY;
  }

  const minute = chinaMinutesOfDay(now);
  return hall.hours.some((slot) => {
    if (!slot.weekdays.includes(weekday)) return false;
    const open = parseClock(slot.open);
    const close = parseClock(slot.close);
    return open !== null && close !== null && open < close && minute >= open && minute < close;
  });
}

/** [1,2,3,5] → '周一至周三、周五'; all seven days → '每天'. */
function describeWeekdays(days: readonly number[]): string {
  const sorted = [...new Set(days)].filter((d) => Number.isInteger(d) && d >= 1 && d <= 7).sort((a, b) => a - b);
  if (sorted.length === 7) return '每天';
  const runs: [number, number][] = [];
  for (const d of sorted) {
    const last = runs[runs.length - 1];
    if (last && d === last[1] + 1) last[1] = d;
    else runs.push([d, d]);
  }
  return runs
    .map(([from, to]) => {
      if (from === to) return weekdayName(from);
      // Two neighbouring days read better listed than as a range ('周六、周日', not '周六至周日').
      if (to === from + 1) return `${weekdayName(from)}、${weekdayName(to)}`;
      return `${weekdayName(from)}至${weekdayName(to)}`;
    })
    .join('、');
}

function weekdaysKey(slot: OpeningHours): string {
  return [...new Set(slot.weekdays)]
    .filter((d) => Number.isInteger(d) && d >= 1 && d <= 7)
    .sort((a, b) => a - b)
    .join(',');
}

/**
 * Chinese summary, e.g. '周一至周五 09:00-17:00；周六 09:00-12:00'. Slots with the same days are
 * merged ('周一至周五 09:00-12:00、13:30-17:00') so a lunch break does not repeat the day range.
 */
export function describeOpeningHours(hall: Hall): string {
  if (hall.open24h) return '24小时开放';

  const groups = new Map<string, { days: number[]; times: { open: string; close: string }[] }>();
  for (const slot of hall.hours) {
    const key = weekdaysKey(slot);
    if (key === '') continue;
    const group = groups.get(key) ?? { days: slot.weekdays, times: [] };
    group.times.push({ open: slot.open.trim(), close: slot.close.trim() });
    groups.set(key, group);
  }
  if (groups.size === 0) return '暂无开放时间';

  const firstDay = (days: number[]): number => Math.min(...days.filter((d) => d >= 1 && d <= 7));
  return [...groups.values()]
    .sort((a, b) => firstDay(a.days) - firstDay(b.days))
    .map(({ days, times }) => {
      const ranges = [...times]
        .sort((a, b) => (parseClock(a.open) ?? 0) - (parseClock(b.open) ?? 0))
        .map(({ open, close }) => `${open}-${close}`)
        .join('、');
      return `${describeWeekdays(days)} ${ranges}`;
    })
    .join('；');
}
