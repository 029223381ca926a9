import { formatChineseDate, formatChineseDateTime, formatWeekday } from '../../src/lib/format-date';

describe('dates shown in China time', () => {
  it('turns the day at 16:00 UTC', () => {
    expect(formatChineseDateTime('2026-11-27T15:59:59.999Z')).toBe('2026年11月27日 23:59'); // minutes are cut, not rounded
    expect(formatChineseDateTime('2026-11-27T16:00:00Z')).toBe('2026年11月28日 00:00');
    expect(formatChineseDate(new Date('2026-11-27T15:59:59.999Z'))).toBe('2026年11月27日');
    expect(formatChineseDate(new Date('2026-11-27T16:00:00Z'))).toBe('2026年11月28日');
    // Sunday 29 Nov 23:59 in China, then Monday.
    expect(formatWeekday(new Date('2026-11-29T15:59:00Z'))).toBe('周日');
    expect(formatWeekday(new Date('2026-11-29T16:00:00Z'))).toBe('周一');
  });

  it('reads any zone a date-time carries', () => {
    expect(formatChineseDateTime('2026-11-27T10:00:00+05:30')).toBe('2026年11月27日 12:30');
    expect(formatChineseDateTime('2026-11-27T10:00-05:00')).toBe('2026年11月27日 23:00');
    expect(formatChineseDateTime('2026-12-31T20:00:00-04:00')).toBe('2027年1月1日 08:00');
    expect(formatChineseDate('2026-12-31T20:00:00-04:00')).toBe('2027年1月1日');
  });

  it('shows a date-only value as that date, never shifted by a zone', () => {
    expect(formatChineseDate('2026-01-01')).toBe('2026年1月1日');
    expect(formatChineseDate('2028-02-29')).toBe('2028年2月29日');
    expect(formatWeekday('2028-02-29')).toBe('周二');
  });

  it('shows nothing for a value that is not a zoned date-time', () => {
    // A date alone has no time of day to show.
    expect(formatChineseDateTime('2026-11-27')).toBe('');
    expect(formatChineseDateTime('2026-11-27T10:00:00')).toBe('');
    expect(formatChineseDateTime('2026-11-27 10:00:00Z')).toBe('');
    expect(formatWeekday(new Date(Number.NaN))).toBe('');
  });
});
