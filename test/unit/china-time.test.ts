import { spawnSync } from 'node:child_process';
import path from 'node:path';
import {
  chinaDayBounds,
  chinaDayParts,
  chinaMinutesOfDay,
  formatChinaDay,
  isoWeekday,
  parseChinaDay,
  toChinaDate,
  toChinaDay,
} from '../../src/lib/china-time';
import { chinaTime, instantOfChinaTime, parseChinaTime } from '../../src/lib/dayjs-china';

const HOUR_MS = 3600 * 1000;

describe('the China day boundary is 16:00 UTC', () => {
  it.each([
    ['2025-12-31T15:59:59.999Z', '2025-12-31', 1439],
    ['2025-12-31T16:00:00.000Z', '2026-01-01', 0],
    ['2028-02-28T16:00:00.000Z', '2028-02-29', 0], // leap day
    ['2026-02-28T16:00:00.000Z', '2026-03-01', 0],
    ['2026-06-30T23:59:00.000Z', '2026-07-01', 7 * 60 + 59],
  ])('%s is %s, minute %d in China', (iso, date, minute) => {
    expect(toChinaDate(new Date(iso))).toBe(date);
    expect(chinaMinutesOfDay(new Date(iso))).toBe(minute);
  });

  it('bounds a China day by two midnights, 16:00 UTC the day before to 16:00 UTC', () => {
    for (const iso of ['2026-03-02T16:00:00.000Z', '2026-03-03T08:00:00Z', '2026-03-03T15:59:59.999Z']) {
      expect(chinaDayBounds(new Date(iso))).toEqual({
        start: Date.parse('2026-03-02T16:00:00Z'),
        end: Date.parse('2026-03-03T16:00:00Z'),
      });
    }
    // Across a year end and a leap day the day is still 24 h: China has no daylight saving.
    const leap = chinaDayBounds(new Date('2028-02-29T12:00:00+08:00'));
    expect(leap.end - leap.start).toBe(24 * HOUR_MS);
    expect(new Date(leap.start).toISOString()).toBe('2028-02-28T16:00:00.000Z');
  });

  it('throws on an invalid Date rather than guessing a day', () => {
    expect(() => toChinaDate(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => chinaDayBounds(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('calendar dates', () => {
  it('parses strict YYYY-MM-DD only, refusing dates that do not exist', () => {
    expect(parseChinaDay('2028-02-29')).not.toBeNull();
    for (const bad of ['2026-02-29', '2026-02-30', '2026-13-01', '2026-2-3', '20260203', '2026-02-03T00:00', '']) {
      expect({ bad, day: parseChinaDay(bad) }).toEqual({ bad, day: null });
    }
    expect(() => toChinaDay('2026-04-31')).toThrow(RangeError);
  });

  it('reads parts and ISO weekdays (Sunday is 7, not dayjs’s 0)', () => {
    const day = toChinaDay('2026-03-01');
    expect(chinaDayParts(day)).toEqual({ year: 2026, month: 3, date: 1 });
    expect(isoWeekday(day)).toBe(7);
    expect(isoWeekday(toChinaDay('2026-03-02'))).toBe(1);
    expect(isoWeekday(toChinaDay('2026-02-28'))).toBe(6);
  });

  it('steps over month, leap-day and year ends by calendar days', () => {
    expect(formatChinaDay(toChinaDay('2028-02-28').add(1, 'day'))).toBe('2028-02-29');
    expect(formatChinaDay(toChinaDay('2026-02-28').add(1, 'day'))).toBe('2026-03-01');
    expect(formatChinaDay(toChinaDay('2026-01-01').subtract(1, 'day'))).toBe('2025-12-31');
    expect(toChinaDay('2026-12-31').diff(toChinaDay('2025-12-31'), 'day')).toBe(365);
  });

  it('gives the same day for a date string and an instant on that China date', () => {
    const fromText = toChinaDay('2026-01-01');
    const fromInstant = toChinaDay(new Date('2025-12-31T16:00:00Z'));
    expect(fromInstant.isSame(fromText)).toBe(true);
    expect(fromInstant.diff(fromText, 'day')).toBe(0);
  });
});

describe('dayjs-china', () => {
  it('reads an instant as China wall-clock time and goes back to the same instant', () => {
    const instant = Date.parse('2026-03-03T01:05:09.250Z');
    const time = chinaTime(instant);
    expect(time.format('YYYY-MM-DD HH:mm:ss.SSS')).toBe('2026-03-03 09:05:09.250');
    expect(instantOfChinaTime(time)).toBe(instant);
    expect(chinaTime(new Date(instant)).isSame(time)).toBe(true);
    expect(chinaTime('2026-03-03T09:05:09.250+08:00').isSame(time)).toBe(true);
  });

  it('reads text as China wall-clock time', () => {
    expect(instantOfChinaTime(parseChinaTime('2026-03-03'))).toBe(Date.parse('2026-03-02T16:00:00Z'));
    expect(instantOfChinaTime(parseChinaTime('2026-03-03 09:30'))).toBe(Date.parse('2026-03-03T01:30:00Z'));
  });

  it('marks unusable input invalid', () => {
    expect(chinaTime(Number.NaN).isValid()).toBe(false);
    expect(chinaTime('明天').isValid()).toBe(false);
  });
});

/**
 * dayjs's own `.utcOffset(480)` reads these instants wrongly on a device in the given zone (an hour
 * off around its daylight-saving change, or the wrong day); `chinaTime` must not. Checked in a
 * separate Node process per zone, because a process cannot change its own time zone.
 */
describe('whatever the device time zone, daylight saving included', () => {
  const cases: [zone: string, iso: string, china: string][] = [
    // utcOffset(480) in Auckland says Sat 27 Sep 23:00, but it is Sun 28 Sep, a 调休 working day.
    ['Pacific/Auckland', '2025-09-27T16:00:00Z', '2025-09-28 00:00'],
    ['Pacific/Auckland', '2025-04-05T15:30:00Z', '2025-04-05 23:30'],
    ['America/Santiago', '2026-04-04T16:30:00Z', '2026-04-05 00:30'],
    ['Europe/London', '2026-03-29T00:45:00Z', '2026-03-29 08:45'],
    ['Europe/London', '2026-10-25T00:30:00Z', '2026-10-25 08:30'],
    ['America/Los_Angeles', '2026-03-08T09:30:00Z', '2026-03-08 17:30'],
    ['America/Los_Angeles', '2026-11-01T08:00:00Z', '2026-11-01 16:00'],
  ];
  const zones = [...new Set(cases.map(([zone]) => zone))];

  it.each(zones)(
    '%s',
    (zone) => {
      const isos = cases.filter(([z]) => z === zone).map(([, iso]) => iso);
      const root = path.resolve(__dirname, '../..');
      const script = `
      import { chinaDayBounds, toChinaDay } from './src/lib/china-time';
      import { chinaTime } from './src/lib/dayjs-china';
      import { formatChineseDateTime } from './src/lib/format-date';
      const isos = ${JSON.stringify(isos)};
      console.log(JSON.stringify(isos.map((iso) => ({
        wall: chinaTime(new Date(iso)).format('YYYY-MM-DD HH:mm'),
        shown: formatChineseDateTime(iso),
        weekday: toChinaDay(new Date(iso)).day(),
        dayLength: ((b) => b.end - b.start)(chinaDayBounds(new Date(iso))),
      }))));`;
      const run = spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['--eval', script], {
        cwd: root,
        env: { ...process.env, TZ: zone },
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(run.stderr).toBe('');
      const expected = cases
        .filter(([z]) => z === zone)
        .map(([, , china]) => {
          const [date, time] = china.split(' ');
          const [y, m, d] = date.split('-').map(Number);
          return {
            wall: china,
            shown: `${y}年${m}月${d}日 ${time}`,
            weekday: new Date(Date.UTC(y, m - 1, d)).getUTCDay(),
            dayLength: 24 * HOUR_MS,
          };
        });
      expect(JSON.parse(run.stdout)).toEqual(expected);
    },
    30_000,
  );
});
