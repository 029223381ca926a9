import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { WorkdayCalendar } from '../../types/contract';
import { seedCalendar } from '../../gateway/seed/calendar';
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

describe('the day boundary: midnight in China is 16:00 UTC', () => {
  it('即办 one millisecond before midnight is done that day; at midnight it is a holiday submission', () => {
    expect(cal.expectedCompletionDate(new Date('2025-09-30T15:59:59.999Z'), 0)).toBe('2025-09-30');
    expect(cal.expectedCompletionDate(new Date('2025-09-30T16:00:00.000Z'), 0)).toBe('2025-10-09');
    // With a limit, neither the submission day nor the holiday counts: both start on 10-09.
    expect(cal.expectedCompletionDate(new Date('2025-09-30T15:59:59.999Z'), 1)).toBe('2025-10-09');
    expect(cal.expectedCompletionDate(new Date('2025-09-30T16:00:00.000Z'), 1)).toBe('2025-10-09');
  });

  it('a Saturday evening in UTC is already the 调休 Sunday in China', () => {
    expect(cal.isWorkday(new Date('2025-09-27T15:59:59Z'))).toBe(false); // Sat 23:59 in China
    expect(cal.isWorkday(new Date('2025-09-27T16:00:00Z'))).toBe(true); // Sun 00:00, 调休上班
    expect(cal.isMakeupWorkday(new Date('2025-09-27T16:00:00Z'))).toBe(true);
  });
});

describe('the real calendar (gateway seed)', () => {
  const real = createWorkdayCalendar(seedCalendar);

  it('counts every working day of a year', () => {
    // 2025: 365 − 104 weekend days − 18 weekday holidays + 5 调休 weekend days.
    expect(real.workdaysBetween('2024-12-31', '2025-12-31')).toBe(248);
    // 2026: 365 − 104 − 19 + 6.
    expect(real.workdaysBetween('2025-12-31', '2026-12-31')).toBe(248);
    expect(real.workdaysBetween('2026-12-31', '2025-12-31')).toBe(-248);
  });

  it('crosses the year end over 元旦 onto its 调休 Sunday', () => {
    // 2026-01-01 to 01-03 are 元旦; Sunday 01-04 is worked.
    expect(real.addWorkdays('2025-12-31', 1)).toBe('2026-01-04');
    expect(real.addWorkdays('2026-01-04', -1)).toBe('2025-12-31');
    expect(real.expectedCompletionDate(china('2025-12-31T17:30:00'), 2)).toBe('2026-01-05');
  });

  it('counts a plain weekend as nothing, in both directions', () => {
    expect(real.workdaysBetween('2026-03-06', '2026-03-09')).toBe(1); // Fri → Mon
    expect(real.workdaysBetween('2026-03-09', '2026-03-06')).toBe(-1);
    expect(real.workdaysBetween('2026-03-07', '2026-03-08')).toBe(0);
    expect(real.addWorkdays('2026-03-06', 1)).toBe('2026-03-09');
  });

  it('gives a 15-working-day rectification deadline over 中秋, 国庆 and their two 调休 days', () => {
    // From Fri 2026-09-18: 9/20 Sun (调休), 9/21–24, 9/28–30, 10/8–10 (10/10 Sat, 调休), 10/12–15.
    expect(real.addWorkdays('2026-09-18', 15)).toBe('2026-10-15');
    expect(real.workdaysBetween('2026-09-18', '2026-10-15')).toBe(15);
  });
});
