import type { Hall, WorkdayCalendar } from '../../types/contract';
import { describeOpeningHours, isOpenNow } from '../../src/lib/opening-hours';
import { createWorkdayCalendar } from '../../src/lib/workdays';

const CALENDAR: WorkdayCalendar = {
  fromYear: 2025,
  toYear: 2026,
  holidays: [
    '2025-10-01',
    '2025-10-02',
    '2025-10-03',
    '2025-10-04',
    '2025-10-05',
    '2025-10-06',
    '2025-10-07',
    '2025-10-08',
  ],
  makeupWorkdays: ['2025-09-28', '2025-10-11'],
};
const calendar = createWorkdayCalendar(CALENDAR);

const hall = (overrides: Partial<Hall> = {}): Hall => ({
  id: 'hs-zwzx',
  name: '洪山区政务服务中心',
  kind: 'hall',
  address: '武汉市洪山区',
  phone: '027-00000000',
  latitude: 30.5,
  longitude: 114.34,
  open24h: false,
  followsWorkdayCalendar: true,
  hours: [
    { weekdays: [1, 2, 3, 4, 5], open: '09:00', close: '17:00' },
    { weekdays: [6], open: '09:00', close: '12:00' },
  ],
  note: '',
  ...overrides,
});

const china = (local: string): Date => new Date(`${local}+08:00`);

describe('isOpenNow', () => {
  it('is open during weekday hours, with the closing minute excluded', () => {
    expect(isOpenNow(hall(), china('2025-09-30T09:00:00'), calendar)).toBe(true);
    expect(isOpenNow(hall(), china('2025-09-30T16:59:00'), calendar)).toBe(true);
    expect(isOpenNow(hall(), china('2025-09-30T08:59:00'), calendar)).toBe(false);
    expect(isOpenNow(hall(), china('2025-09-30T17:00:00'), calendar)).toBe(false);
  });

  it('reads the time in China, not UTC', () => {
    expect(isOpenNow(hall(), new Date('2025-09-30T01:30:00Z'), calendar)).toBe(true); // 09:30 in Wuhan
    expect(isOpenNow(hall(), new Date('2025-09-30T10:00:00Z'), calendar)).toBe(false); // 18:00 in Wuhan
  });

  it('is closed on a public holiday, including a holiday Saturday', () => {
    expect(isOpenNow(hall(), china('2025-10-01T10:00:00'), calendar)).toBe(false);
    expect(isOpenNow(hall(), china('2025-10-04T10:00:00'), calendar)).toBe(false);
  });

  it('opens on an ordinary Saturday with Saturday hours', () => {
    expect(isOpenNow(hall(), china('2025-10-18T10:00:00'), calendar)).toBe(true);
    expect(isOpenNow(hall(), china('2025-10-18T13:00:00'), calendar)).toBe(false);
    expect(isOpenNow(hall(), china('2025-10-12T10:00:00'), calendar)).toBe(false); // Sunday
  });

  it("uses Monday's hours on a make-up workday", () => {
    // Saturday 11 Oct 2025 is 调休上班: open until 17:00, not the usual Saturday 12:00.
    expect(isOpenNow(hall(), china('2025-10-11T15:00:00'), calendar)).toBe(true);
    // Sunday 28 Sep 2025 has no Sunday hours of its own.
    expect(isOpenNow(hall(), china('2025-09-28T10:00:00'), calendar)).toBe(true);
    expect(isOpenNow(hall(), china('2025-09-28T18:00:00'), calendar)).toBe(false);
  });

  it('ignores the calendar when the hall does not follow it', () => {
    const own = hall({ followsWorkdayCalendar: false });
    expect(isOpenNow(own, china('2025-10-01T10:00:00'), calendar)).toBe(true);
    expect(isOpenNow(own, china('2025-10-11T15:00:00'), calendar)).toBe(false);
  });

  it('is always open when open24h', () => {
    const terminal = hall({ kind: 'terminal', open24h: true, hours: [] });
    expect(isOpenNow(terminal, china('2025-10-01T03:00:00'), calendar)).toBe(true);
  });

  it('honours a lunch break and ignores malformed rows', () => {
    const split = hall({
      hours: [
        { weekdays: [1, 2, 3, 4, 5], open: '09:00', close: '12:00' },
        { weekdays: [1, 2, 3, 4, 5], open: '13:30', close: '17:00' },
        { weekdays: [1, 2, 3, 4, 5], open: '17:00', close: '25:00' },
        { weekdays: [1, 2, 3, 4, 5], open: '20:00', close: '08:00' },
      ],
    });
    expect(isOpenNow(split, china('2025-09-30T12:30:00'), calendar)).toBe(false);
    expect(isOpenNow(split, china('2025-09-30T13:30:00'), calendar)).toBe(true);
    expect(isOpenNow(split, china('2025-09-30T18:00:00'), calendar)).toBe(false);
    expect(isOpenNow(split, china('2025-09-30T03:00:00'), calendar)).toBe(false);
  });

  it('accepts 24:00 as a closing time', () => {
    const late = hall({ hours: [{ weekdays: [2], open: '20:00', close: '24:00' }] });
    expect(isOpenNow(late, china('2025-09-30T23:59:00'), calendar)).toBe(true);
  });
});

describe('describeOpeningHours', () => {
  it('describes weekday and Saturday hours', () => {
    expect(describeOpeningHours(hall())).toBe('周一至周五 09:00-17:00；周六 09:00-12:00');
  });

  it('describes a 24-hour hall', () => {
    expect(describeOpeningHours(hall({ open24h: true }))).toBe('24小时开放');
  });

  it('merges slots on the same days and sorts by day and time', () => {
    const h = hall({
      hours: [
        { weekdays: [6, 7], open: '09:00', close: '12:00' },
        { weekdays: [5, 4, 3, 2, 1], open: '13:30', close: '17:00' },
        { weekdays: [1, 2, 3, 4, 5], open: '09:00', close: '12:00' },
      ],
    });
    expect(describeOpeningHours(h)).toBe('周一至周五 09:00-12:00、13:30-17:00；周六、周日 09:00-12:00');
  });

  it('writes gaps in the week as separate runs', () => {
    expect(describeOpeningHours(hall({ hours: [{ weekdays: [1, 2, 3, 5], open: '09:00', close: '17:00' }] }))).toBe(
      '周一至周三、周五 09:00-17:00',
    );
    expect(describeOpeningHours(hall({ hours: [{ weekdays: [1, 3, 5], open: '09:00', close: '17:00' }] }))).toBe(
      '周一、周三、周五 09:00-17:00',
    );
    expect(
      describeOpeningHours(hall({ hours: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], open: '08:30', close: '18:00' }] })),
    ).toBe('每天 08:30-18:00');
  });

  it('says so when there are no hours', () => {
    expect(describeOpeningHours(hall({ hours: [] }))).toBe('暂无开放时间');
  });
});
