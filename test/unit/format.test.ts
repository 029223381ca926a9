import { formatFileSize, formatMaterialTerms, formatTimeLimit } from '../../src/lib/format';
import { formatChineseDateTime, formatChineseDate, formatWeekday } from '../../src/lib/format-date';

describe('formatTimeLimit', () => {
  it('labels 0 as 即办 and others as working days', () => {
    expect(formatTimeLimit(0)).toBe('即办');
    expect(formatTimeLimit(1)).toBe('1个工作日');
    expect(formatTimeLimit(20)).toBe('20个工作日');
  });

  it('returns an empty string for values that are not day counts', () => {
    expect(formatTimeLimit(-1)).toBe('');
    expect(formatTimeLimit(1.5)).toBe('');
    expect(formatTimeLimit(Number.NaN)).toBe('');
  });
});

describe('formatChineseDate', () => {
  it('formats a date without leading zeros', () => {
    expect(formatChineseDate('2026-12-03')).toBe('2026年12月3日');
    expect(formatChineseDate('2026-01-09')).toBe('2026年1月9日');
  });

  it('shows instants as their China date', () => {
    expect(formatChineseDate(new Date('2026-12-02T16:30:00Z'))).toBe('2026年12月3日');
    expect(formatChineseDate('2026-12-02T16:30:00Z')).toBe('2026年12月3日');
    expect(formatChineseDate('2026-12-03T07:59:59.999+08:00')).toBe('2026年12月3日');
    expect(formatChineseDate('2026-12-02T15:59:59Z')).toBe('2026年12月2日');
  });

  it('returns an empty string for non-dates and zone-less date-times', () => {
    expect(formatChineseDate('2026-02-30')).toBe('');
    expect(formatChineseDate('明天')).toBe('');
    expect(formatChineseDate('2026-12-03T10:00:00')).toBe('');
    expect(formatChineseDate(new Date(Number.NaN))).toBe('');
  });
});

describe('formatWeekday', () => {
  it.each([
    ['2026-12-03', '周四'],
    ['2026-12-06', '周日'],
    ['2026-12-07', '周一'],
    ['2025-10-01', '周三'],
  ])('%s → %s', (date, expected) => {
    expect(formatWeekday(date)).toBe(expected);
  });

  it('uses the China date of an instant', () => {
    // Sunday 23:30 UTC is Monday morning in China.
    expect(formatWeekday(new Date('2026-12-06T23:30:00Z'))).toBe('周一');
    expect(formatWeekday('bad')).toBe('');
  });
});

describe('material and file formats', () => {
  it('describes a material as 原件/复印件/电子 · 份数 · 必要性', () => {
    expect(formatMaterialTerms({ form: 'copy', copies: 2, necessity: 'required' })).toBe('复印件 · 2份 · 必要');
    expect(formatMaterialTerms({ form: 'electronic', copies: 0, necessity: 'conditional' })).toBe(
      '电子 · 份数不限 · 视情况提供',
    );
  });

  it('gives file sizes in B, KB and MB', () => {
    expect(formatFileSize(512)).toBe('512 B');
    expect(formatFileSize(1536)).toBe('1.5 KB');
    expect(formatFileSize(20 * 1024 * 1024)).toBe('20.0 MB');
    expect(formatFileSize(-1)).toBe('');
  });

  it('shows a date-time in China time whatever the instant’s zone', () => {
    expect(formatChineseDateTime('2026-11-27T01:05:00Z')).toBe('2026年11月27日 09:05');
    expect(formatChineseDateTime('2026-11-27T23:30:00+08:00')).toBe('2026年11月27日 23:30');
    expect(formatChineseDateTime('not a date')).toBe('');
  });
});
