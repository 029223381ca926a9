import type { WorkdayCalendar } from '../../types/contract';
import { formatChinaDay, toChinaDay } from '../../src/lib/china-time';

/**
 * 工作日日历 2025–2027。
 *
 * holidays：因法定节假日放假的日期（含假期内的周末）；makeupWorkdays：调休上班的周末日期。
 * 2025、2026 年依据国务院办公厅发布的部门节假日安排通知；
 * 2027 年为【暂定】——按现行《全国年节及纪念日放假办法》（2024 年修订，2025 年起施行：春节 4 天含除夕、
 * 劳动节 2 天）和近年的编排惯例推算，国务院办公厅公布正式安排后必须替换。
 */

/** Inclusive list of dates from `from` to `to` ("YYYY-MM-DD"). */
function span(from: string, to: string): string[] {
  const first = toChinaDay(from);
  const days = toChinaDay(to).diff(first, 'day') + 1;
  return Array.from({ length: days }, (_, i) => formatChinaDay(first.add(i, 'day')));
}

const holidays2025 = [
  ...span('2025-01-01', '2025-01-01'), // 元旦
  ...span('2025-01-28', '2025-02-04'), // 春节（除夕至正月初七）
  ...span('2025-04-04', '2025-04-06'), // 清明节
  ...span('2025-05-01', '2025-05-05'), // 劳动节
  ...span('2025-05-31', '2025-06-02'), // 端午节
  ...span('2025-10-01', '2025-10-08'), // 国庆节、中秋节
];
const makeup2025 = ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'];

const holidays2026 = [
  ...span('2026-01-01', '2026-01-03'), // 元旦
  ...span('2026-02-15', '2026-02-23'), // 春节（腊月二十八至正月初七）
  ...span('2026-04-04', '2026-04-06'), // 清明节
  ...span('2026-05-01', '2026-05-05'), // 劳动节
  ...span('2026-06-19', '2026-06-21'), // 端午节
  ...span('2026-09-25', '2026-09-27'), // 中秋节
  ...span('2026-10-01', '2026-10-07'), // 国庆节
];
const makeup2026 = ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'];

// 2027 年：暂定，待国务院办公厅正式通知后替换。
const holidays2027 = [
  ...span('2027-01-01', '2027-01-03'), // 元旦（周五至周日，无调休）
  ...span('2027-02-05', '2027-02-13'), // 春节（除夕 2 月 5 日至正月初八，9 天）
  ...span('2027-04-03', '2027-04-05'), // 清明节（4 月 5 日周一）
  ...span('2027-05-01', '2027-05-05'), // 劳动节
  ...span('2027-06-09', '2027-06-09'), // 端午节（周三，单日）
  ...span('2027-09-15', '2027-09-15'), // 中秋节（周三，单日）
  ...span('2027-10-01', '2027-10-07'), // 国庆节
];
const makeup2027 = ['2027-01-31', '2027-02-20', '2027-04-25', '2027-09-26', '2027-10-09'];

const sortUnique = (dates: string[]): string[] => [...new Set(dates)].sort();

export const seedCalendar: WorkdayCalendar = {
  fromYear: 2025,
  toYear: 2027,
  holidays: sortUnique([...holidays2025, ...holidays2026, ...holidays2027]),
  makeupWorkdays: sortUnique([...makeup2025, ...makeup2026, ...makeup2027]),
};
