import { Booking, BookingOptions } from '../../types/contract';
import { openDatabase } from '../../gateway/src/db/open-database';
import { DEFAULT_SEED_DIR } from '../../gateway/src/paths';
import { expectError, expectOk, smsLogin, startGateway, type TestGateway } from './support/harness';
import { moveClockTo, person, type Person } from './support/ratings';
import { HALL, ITEM, book, bookOk, cli, slot, startBookingGateway } from './support/booking';

let gw: TestGateway;
let alice: Person;

beforeAll(async () => {
  ({ gw } = await startBookingGateway());
  alice = await person(gw, '13800000701');
});

afterAll(async () => {
  await gw.close();
});

const options = async (who: Person, itemCode = ITEM) =>
  expectOk(await gw.request(`/api/bookings/options?itemCode=${itemCode}`, { token: who.token }), BookingOptions);

describe('bookable slots (the clock: Monday 2025-03-03 10:00 in Wuhan)', () => {
  it('lists the next working day up to 7 working days ahead, hall by hall, with the default periods', async () => {
    const o = await options(alice);
    expect(o).toMatchObject({
      itemCode: ITEM,
      itemName: '户口迁移',
      from: '2025-03-04',
      to: '2025-03-12',
      suspension: null,
    });
    expect(o.halls.map((h) => h.hallId)).toEqual([HALL]);
    const hall = o.halls[0];
    // Weekend and the hall's closure day are not offered; the closure is listed with its reason.
    expect(hall.days.map((d) => d.date)).toEqual([
      '2025-03-04',
      '2025-03-05',
      '2025-03-06',
      '2025-03-10',
      '2025-03-11',
      '2025-03-12',
    ]);
    expect(hall.closedDays).toEqual([{ date: '2025-03-07', reason: '系统升级' }]);
    const starts = hall.days[0].slots.map((s) => s.start);
    expect(starts).toEqual([
      '09:00',
      '09:30',
      '10:00',
      '10:30',
      '11:00',
      '11:30',
      '13:30',
      '14:00',
      '14:30',
      '15:00',
      '15:30',
      '16:00',
      '16:30',
    ]);
    expect(hall.days[0].slots[0]).toEqual({
      start: '09:00',
      end: '09:30',
      startsAt: '2025-03-04T09:00:00+08:00',
      capacity: 3,
      remaining: 3,
    });
  });

  it('counts down the remaining seats as people book, and up again when one cancels', async () => {
    const bob = await person(gw, '13800000702');
    const b = await bookOk(gw, bob, '2025-03-05', '14:00');
    let day = (await options(alice)).halls[0].days.find((d) => d.date === '2025-03-05');
    expect(day?.slots.find((s) => s.start === '14:00')?.remaining).toBe(2);
    const cancelled = expectOk(
      await gw.request(`/api/me/bookings/${b.id}/cancel`, { method: 'POST', token: bob.token }),
      Booking,
    );
    expect(cancelled.status).toBe('cancelled');
    day = (await options(alice)).halls[0].days.find((d) => d.date === '2025-03-05');
    expect(day?.slots.find((s) => s.start === '14:00')?.remaining).toBe(3);
  });

  it('around holidays and make-up working days (National Day 2025 in the fixture calendar)', async () => {
    moveClockTo(gw, '2025-09-26T02:00:00Z'); // Friday 10:00
    const o = await options(alice);
    // Sunday 09-28 is a make-up working day (Monday hours), 10-01 a holiday.
    expect(o.from).toBe('2025-09-28');
    expect(o.halls[0].days.map((d) => d.date)).toEqual([
      '2025-09-28',
      '2025-09-29',
      '2025-09-30',
      '2025-10-02',
      '2025-10-03',
      '2025-10-06',
      '2025-10-07',
    ]);
    expect(o.to).toBe('2025-10-07');
    const holiday = await book(gw, alice, { itemCode: ITEM, hallId: HALL, slotStart: slot('2025-10-01', '09:00') });
    expect(expectError(holiday, 400, 'VALIDATION_FAILED').message).toBe(
      '2025-10-01 是法定节假日，大厅不对外办公，请选择工作日',
    );
  });

  it('an officer closes a working day with the CLI: it leaves the slots, with its reason', async () => {
    const bob = await person(gw, '13800000703');
    await bookOk(gw, bob, '2025-10-06', '09:00');
    const db = openDatabase(gw.dataDir);
    try {
      const res = await cli(gw, db, undefined, 'hall-close', HALL, '2025-10-06', '消防检查');
      expect(res).toMatchObject({
        code: 0,
        out: `${HALL} 2025-10-06 已停止预约（消防检查）\n该日已有 1 个有效预约，请逐一联系预约人`,
      });
    } finally {
      db.close();
    }
    const hall = (await options(alice)).halls[0];
    expect(hall.days.map((d) => d.date)).not.toContain('2025-10-06');
    expect(hall.closedDays).toEqual([{ date: '2025-10-06', reason: '消防检查' }]);
    const refused = await book(gw, alice, { itemCode: ITEM, hallId: HALL, slotStart: slot('2025-10-06', '09:00') });
    expect(expectError(refused, 400, 'VALIDATION_FAILED').message).toBe(
      '测试区政务服务中心 2025-10-06 不对外办公（消防检查），请选择其他日期',
    );
  });

  it('an item that needs no visit has nothing to book; an unknown item is 404', async () => {
    const db = openDatabase(gw.dataDir);
    db.prepare("UPDATE items SET visits = 0 WHERE code = 'FX-SC-0002'").run();
    db.close();
    const online = await gw.request('/api/bookings/options?itemCode=FX-SC-0002', { token: alice.token });
    expect(expectError(online, 400, 'VALIDATION_FAILED').message).toBe('该事项可全程网上办理，无需到现场，不需要预约');
    expectError(await gw.request('/api/bookings/options?itemCode=NOPE-0001', { token: alice.token }), 404, 'NOT_FOUND');
  });

  it('needs a login', async () => {
    expectError(await gw.request(`/api/bookings/options?itemCode=${ITEM}`), 401, 'UNAUTHENTICATED');
  });
});

describe('the district seed (gateway/seed/hall-schedules.ts)', () => {
  it('gives the 出入境 hall 20-minute slots of 4 within its hours', async () => {
    const district = await startGateway({
      seedDir: DEFAULT_SEED_DIR,
      bookingSweepMs: 0,
      ipLimits: { smsPerHour: 100 },
    });
    try {
      moveClockTo(district, '2026-12-07T02:00:00Z'); // Monday 10:00
      const token = (await smsLogin(district, '13800000799')).accessToken;
      const res = await district.request('/api/bookings/options?itemCode=HS-GA-0017', { token });
      const crj = expectOk(res, BookingOptions).halls.find((h) => h.hallId === 'hs-crj-hall');
      expect(crj?.days[0].date).toBe('2026-12-08');
      expect(crj?.days[0].slots.slice(0, 2)).toEqual([
        { start: '09:00', end: '09:20', startsAt: '2026-12-08T09:00:00+08:00', capacity: 4, remaining: 4 },
        { start: '09:20', end: '09:40', startsAt: '2026-12-08T09:20:00+08:00', capacity: 4, remaining: 4 },
      ]);
      expect(crj?.days[0].slots.map((s) => s.start)).not.toContain('12:00');
    } finally {
      await district.close();
    }
  });
});
