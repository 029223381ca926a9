import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { WorkdayCalendar } from '../../types/contract';
import { createWorkdayCalendar, toChinaDate } from '../../src/lib/workdays';

const range = (from: number, to: number, prefix: string): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${String(from + i).padStart(2, '0')}`);

/** The real 2025 国庆中秋 and 2026 春节 arrangements (国务院办公厅通知). */
const CALENDAR: WorkdayCalendar = {
  fromYear: 2025,
  toYear: 2026,
  holidays: [...range(1, 8, '2025-10-'), ...range(15, 23, '2026-02-')],
  makeupWorkdays: ['2025-09-28', '2025-10-11', '2026-02-14', '2026-02-28'],
};

const cal = createWorkdayCalendar(CALENDAR);

/** An instant given as China wall-clock time. */
const china = (local: string): Date => new Date(`${local}+08:00`);

describe('isWorkday', () => {
  it.each([
    ['2025-09-26', true], // Fri
    ['2025-09-27', false], // Sat
    ['2025-09-28', true], // Sun, 调休上班
    ['2025-09-30', true],
    ['2025-10-01', false], // 国庆 (Wed)
    ['2025-10-04', false], // Sat inside the holiday
    ['2025-10-08', false], // Wed, last holiday day
    ['2025-10-09', true],
    ['2025-10-11', true], // Sat, 调休上班
    ['2025-10-12', false], // Sun
    ['2026-02-14', true], // Sat, 调休上班
    ['2026-02-16', false], // Mon, 春节
    ['2026-02-23', false], // Mon, last 春节 day
    ['2026-02-24', true],
    ['2026-02-28', true], // Sat, 调休上班
  ])('%s → %s', (date, expected) => {
    expect(cal.isWorkday(date)).toBe(expected);
  });

  it('falls back to Mon–Fri outside fromYear–toYear', () => {
    expect(cal.isWorkday('2027-10-01')).toBe(true); // Fri; no 2027 data
    expect(cal.isWorkday('2024-10-01')).toBe(true); // Tue
    expect(cal.isWorkday('2027-10-02')).toBe(false); // Sat
  });

  it('ignores listed dates outside the covered years', () => {
    const stale = createWorkdayCalendar({ ...CALENDAR, fromYear: 2026, toYear: 2026 });
    expect(stale.isWorkday('2025-10-01')).toBe(true);
    expect(stale.isWorkday('2025-10-11')).toBe(false);
  });

  it('reads a Date as its China date, not the UTC or device date', () => {
    // 2025-09-27T17:00Z is Sunday 28 Sep 01:00 in China (a make-up workday); in UTC it is Saturday.
    expect(cal.isWorkday(new Date('2025-09-27T17:00:00Z'))).toBe(true);
    // 2025-09-30T16:30Z is already 1 Oct in China.
    expect(cal.isWorkday(new Date('2025-09-30T16:30:00Z'))).toBe(false);
  });

  it('exposes holidays and make-up days separately', () => {
    expect(cal.isHoliday('2025-10-04')).toBe(true);
    expect(cal.isHoliday('2025-10-12')).toBe(false); // an ordinary Sunday is not a holiday
    expect(cal.isMakeupWorkday('2025-10-11')).toBe(true);
    expect(cal.isMakeupWorkday('2025-10-10')).toBe(false);
  });

  it('throws on malformed dates instead of guessing', () => {
    expect(() => cal.isWorkday('2025-02-30')).toThrow(RangeError);
    expect(() => cal.isWorkday('2025/10/01')).toThrow(RangeError);
    expect(() => cal.isWorkday(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('expectedCompletionDate', () => {
  it('skips 国庆 and counts the make-up Saturday (2025-09-30 + 3 → 2025-10-11)', () => {
    // 10/9 Thu (1), 10/10 Fri (2), 10/11 Sat 调休上班 (3).
    expect(cal.expectedCompletionDate(china('2025-09-30T10:00:00'), 3)).toBe('2025-10-11');
    expect(cal.expectedCompletionDate(china('2025-09-30T10:00:00'), 4)).toBe('2025-10-13');
  });

  it('does not count the submission day', () => {
    expect(cal.expectedCompletionDate(china('2025-09-29T09:00:00'), 1)).toBe('2025-09-30');
  });

  it('counts a rest-day submission from the next working day', () => {
    expect(cal.expectedCompletionDate(china('2025-10-05T11:00:00'), 1)).toBe('2025-10-09');
    expect(cal.expectedCompletionDate(china('2025-10-12T11:00:00'), 1)).toBe('2025-10-13'); // Sun → Mon
  });

  it('即办 completes the same day on a working day', () => {
    expect(cal.expectedCompletionDate(china('2025-09-30T15:00:00'), 0)).toBe('2025-09-30');
    expect(cal.expectedCompletionDate(china('2025-09-28T15:00:00'), 0)).toBe('2025-09-28'); // make-up Sunday
  });

  it('即办 on a holiday completes on the next working day', () => {
    expect(cal.expectedCompletionDate(china('2025-10-03T10:00:00'), 0)).toBe('2025-10-09');
    expect(cal.expectedCompletionDate(china('2026-02-22T10:00:00'), 0)).toBe('2026-02-24');
  });

  it('uses the China date for a submission late in the evening UTC', () => {
    // 23:30 on 30 Sep in London is 00:30 on 1 Oct (a holiday) in Wuhan.
    const late = new Date('2025-09-30T16:30:00Z');
    expect(cal.expectedCompletionDate(late, 0)).toBe('2025-10-09');
    expect(cal.expectedCompletionDate(late, 1)).toBe('2025-10-09');
    // The same wall-clock evening an hour earlier in UTC is still 30 Sep in China.
    expect(cal.expectedCompletionDate(new Date('2025-09-30T15:30:00Z'), 0)).toBe('2025-09-30');
  });

  it('crosses 春节 with both make-up Saturdays', () => {
    const friday = china('2026-02-13T09:30:00');
    expect(cal.expectedCompletionDate(friday, 1)).toBe('2026-02-14'); // Sat 调休上班
    expect(cal.expectedCompletionDate(friday, 5)).toBe('2026-02-27'); // 2/14, 2/24–2/27
    expect(cal.expectedCompletionDate(friday, 6)).toBe('2026-02-28'); // Sat 调休上班
    expect(cal.expectedCompletionDate(friday, 7)).toBe('2026-03-02');
  });

  it('crosses the end of the calendar into the Mon–Fri fallback', () => {
    expect(cal.expectedCompletionDate(china('2026-12-31T10:00:00'), 1)).toBe('2027-01-01'); // Fri, unknown year
  });

  it('rejects negative or fractional limits', () => {
    expect(() => cal.expectedCompletionDate(new Date(), -1)).toThrow(RangeError);
    expect(() => cal.expectedCompletionDate(new Date(), 1.5)).toThrow(RangeError);
  });
});

describe('addWorkdays', () => {
  it('moves forward over weekends, holidays and make-up days', () => {
    expect(cal.addWorkdays('2025-09-26', 1)).toBe('2025-09-28');
    expect(cal.addWorkdays('2025-09-26', 2)).toBe('2025-09-29');
    expect(cal.addWorkdays('2025-09-30', 1)).toBe('2025-10-09');
  });

  it('moves backwards for negative counts and returns the start for 0', () => {
    expect(cal.addWorkdays('2025-10-09', -1)).toBe('2025-09-30');
    expect(cal.addWorkdays('2025-10-13', -2)).toBe('2025-10-10');
    expect(cal.addWorkdays('2025-10-04', 0)).toBe('2025-10-04');
  });
});

describe('workdaysBetween', () => {
  it('counts working days after `from` up to and including `to`', () => {
    expect(cal.workdaysBetween('2025-09-30', '2025-10-11')).toBe(3);
    expect(cal.workdaysBetween('2026-02-13', '2026-03-02')).toBe(7);
    expect(cal.workdaysBetween('2025-10-01', '2025-10-08')).toBe(0);
    expect(cal.workdaysBetween('2025-10-09', '2025-10-09')).toBe(0);
  });

  it('is negative when `to` is earlier', () => {
    expect(cal.workdaysBetween('2025-10-11', '2025-09-30')).toBe(-3);
  });

  it('is the inverse of addWorkdays', () => {
    for (const start of ['2025-09-26', '2025-10-03', '2026-02-13', '2026-02-20']) {
      for (const n of [-6, -1, 1, 2, 5, 12]) {
        expect(cal.workdaysBetween(start, cal.addWorkdays(start, n))).toBe(n);
      }
    }
  });
});

describe('toChinaDate', () => {
  it('uses UTC+8 at the day boundary', () => {
    expect(toChinaDate(new Date('2025-12-31T15:59:59Z'))).toBe('2025-12-31');
    expect(toChinaDate(new Date('2025-12-31T16:00:00Z'))).toBe('2026-01-01');
  });

  it('gives the same answers whatever the process time zone is', () => {
    // Run in a separate Node process, because a time zone cannot be changed inside this one.
    const root = path.resolve(__dirname, '../..');
    const script = `
      import { toChinaDate, createWorkdayCalendar } from './src/lib/workdays';
      const cal = createWorkdayCalendar(${JSON.stringify(CALENDAR)});
      console.log(JSON.stringify([
        toChinaDate(new Date('2025-09-30T16:30:00Z')),
        cal.expectedCompletionDate(new Date('2025-09-30T15:30:00Z'), 3),
        cal.isWorkday('2025-09-28'),
        cal.addWorkdays('2026-02-13', 6),
      ]));`;
    for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Shanghai', 'UTC']) {
      const run = spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['--eval', script], {
        cwd: root,
        env: { ...process.env, TZ: tz },
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(run.stderr).toBe('');
      expect(JSON.parse(run.stdout)).toEqual(['2025-10-01', '2025-10-11', true, '2026-02-28']);
    }
  }, 60_000);
});
