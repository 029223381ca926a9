import { Booking, BookingList } from '../../types/contract';
import { expectError, expectOk, type TestGateway } from './support/harness';
import { createCase, moveClockTo, person, type Person } from './support/ratings';
import { HALL, ITEM, OTHER_ITEM, book, bookOk, slot, startBookingGateway } from './support/booking';

let gw: TestGateway;
let serial = 0;

/** A new real-name resident (each with a distinct 身份证号). */
const resident = (verified = true): Promise<Person> => {
  serial += 1;
  return person(gw, `1390000${String(serial).padStart(4, '0')}`, verified);
};

const refused = async (who: Person, date: string, start: string, extra: Record<string, unknown> = {}) =>
  book(gw, who, { itemCode: ITEM, hallId: HALL, slotStart: slot(date, start), ...extra });

const mine = async (who: Person) => expectOk(await gw.request('/api/me/bookings', { token: who.token }), BookingList);

const cancel = (who: Person, id: string) =>
  gw.request(`/api/me/bookings/${id}/cancel`, { method: 'POST', token: who.token });

beforeEach(async () => {
  // Every test starts on Monday 2025-03-03 10:00 (Wuhan) with a fresh database.
  ({ gw } = await startBookingGateway());
});

afterEach(async () => {
  await gw.close();
});

describe('who may book', () => {
  it('needs real-name verification', async () => {
    const anonymous = await resident(false);
    const res = await refused(anonymous, '2025-03-04', '09:00');
    expect(expectError(res, 403, 'FORBIDDEN').message).toBe('预约前请先完成实名认证');
  });
});

describe('which slots are refused, with the reason', () => {
  it.each([
    ['a past slot', '2025-03-03', '09:00', '该时段已过，请选择其他时段'],
    ['later today', '2025-03-03', '15:00', '预约需提前至少一个工作日，最早可约 2025-03-04'],
    ['beyond 7 working days', '2025-03-13', '09:00', '只能预约 7 个工作日内的时段，最晚可约 2025-03-12'],
    ['a rest day', '2025-03-08', '09:00', '2025-03-08 是休息日，只能预约工作日'],
    [
      'the hall closed that day',
      '2025-03-07',
      '09:00',
      '测试区政务服务中心 2025-03-07 不对外办公（系统升级），请选择其他日期',
    ],
    ['the lunch break', '2025-03-04', '12:00', '所选时间不是该大厅的预约时段，请在可选时段中选择'],
    ['not a slot boundary', '2025-03-04', '09:15', '所选时间不是该大厅的预约时段，请在可选时段中选择'],
  ])('%s', async (_what, date, start, message) => {
    const who = await resident();
    const error = expectError(await refused(who, date, start), 400, 'VALIDATION_FAILED');
    expect(error.message).toBe(message);
    expect(error.fields?.[0].field).toBe('slotStart');
  });

  it('a holiday (the fixture calendar: 2025-10-01)', async () => {
    moveClockTo(gw, '2025-09-29T02:00:00Z');
    const who = await resident();
    const error = expectError(await refused(who, '2025-10-01', '09:00'), 400, 'VALIDATION_FAILED');
    expect(error.message).toBe('2025-10-01 是法定节假日，大厅不对外办公，请选择工作日');
  });

  it('a hall that does not handle the item', async () => {
    const who = await resident();
    const error = expectError(
      await refused(who, '2025-03-04', '09:00', { hallId: 'fx-terminal' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(error.message).toBe('该大厅不办理这个事项，请选择事项办理地点中的大厅');
  });

  it('a full slot (capacity 3): the 4th is refused, and a cancelled seat can be taken again', async () => {
    const [a, b, c, d] = [await resident(), await resident(), await resident(), await resident()];
    const first = await bookOk(gw, a, '2025-03-04', '09:00');
    await bookOk(gw, b, '2025-03-04', '09:00');
    await bookOk(gw, c, '2025-03-04', '09:00');
    expect(expectError(await refused(d, '2025-03-04', '09:00'), 409, 'CONFLICT').message).toBe(
      '该时段已约满，请选择其他时段',
    );
    expectOk(await cancel(a, first.id), Booking);
    await bookOk(gw, d, '2025-03-04', '09:00');
  });
});

describe('one active booking per person, item and day', () => {
  it('refuses a second slot the same day for the same item; another item or day is fine; cancelling frees the day', async () => {
    const who = await resident();
    const first = await bookOk(gw, who, '2025-03-04', '09:00');
    const again = expectError(await refused(who, '2025-03-04', '14:00'), 409, 'CONFLICT');
    expect(again.message).toBe(
      '您已预约 2025-03-04 09:00 办理该事项，同一事项每天只能有一个预约；如需改约请先取消原预约',
    );
    expectOk(
      await book(gw, who, { itemCode: OTHER_ITEM, hallId: HALL, slotStart: slot('2025-03-04', '14:00') }),
      Booking,
    );
    await bookOk(gw, who, '2025-03-05', '09:00');
    expectOk(await cancel(who, first.id), Booking);
    await bookOk(gw, who, '2025-03-04', '14:00');
  });
});

describe('cancelling', () => {
  it('up to 2 hours before the slot, not after; only the owner', async () => {
    const who = await resident();
    const other = await resident();
    const early = await bookOk(gw, who, '2025-03-04', '09:00');
    const late = await bookOk(gw, who, '2025-03-04', '09:30', { itemCode: OTHER_ITEM });
    expect(early.cancellableUntil).toBe('2025-03-04T07:00:00+08:00');
    expectError(await cancel(other, early.id), 404, 'NOT_FOUND');
    moveClockTo(gw, '2025-03-03T23:00:00Z'); // 07:00 on the 4th: exactly the deadline of the 09:00 slot
    expect(expectOk(await cancel(who, early.id), Booking).status).toBe('cancelled');
    moveClockTo(gw, '2025-03-03T23:31:00Z'); // 07:31: under 2 hours before 09:30
    expect(expectError(await cancel(who, late.id), 409, 'CONFLICT').message).toBe(
      '距预约时段不足 2 小时（取消截止 2025-03-04 07:30），已不能取消',
    );
    expect(expectError(await cancel(who, early.id), 409, 'CONFLICT').message).toBe('该预约已不能取消');
  });
});

describe('the draft or case a booking carries', () => {
  it('only the user’s own, for the same item; a draft only as draftId', async () => {
    const who = await resident();
    const other = await resident();
    const accepted = await createCase(gw, who, ITEM, 'accepted');
    const othersCase = await createCase(gw, other, ITEM, 'accepted');
    const otherItem = await createCase(gw, who, OTHER_ITEM, 'accepted');
    const notFound = expectError(
      await refused(who, '2025-03-04', '09:00', { caseId: othersCase.id }),
      400,
      'VALIDATION_FAILED',
    );
    expect(notFound.message).toBe('没有找到要关联的草稿或办件');
    const wrongItem = expectError(
      await refused(who, '2025-03-04', '09:00', { caseId: otherItem.id }),
      400,
      'VALIDATION_FAILED',
    );
    expect(wrongItem.message).toBe('关联的草稿或办件不是这个事项的');
    const asDraft = expectError(
      await refused(who, '2025-03-04', '09:00', { draftId: accepted.id }),
      400,
      'VALIDATION_FAILED',
    );
    expect(asDraft.fields?.[0].field).toBe('draftId');
    const booked = await bookOk(gw, who, '2025-03-04', '09:00', { caseId: accepted.id });
    expect(booked.caseId).toBe(accepted.id);
  });
});

describe('no-shows', () => {
  it('3 within 90 days suspend booking for 30 days; the refusal and my bookings give the end date', async () => {
    const who = await resident();
    // Three items the same morning, none checked in.
    await bookOk(gw, who, '2025-03-04', '09:00');
    await bookOk(gw, who, '2025-03-04', '09:30', { itemCode: OTHER_ITEM });
    await bookOk(gw, who, '2025-03-04', '10:00', { itemCode: 'FX-GA-0002' });
    moveClockTo(gw, '2025-03-04T02:31:00Z'); // 10:31: 30 minutes after the last slot started
    const list = await mine(who);
    expect(list.bookings.map((b) => b.status)).toEqual(['no_show', 'no_show', 'no_show']);
    // The third no-show counts from 10:30 on the 4th: 30 days on is 10:30 on 2025-04-03.
    expect(list.suspension).toEqual({ until: '2025-04-03', noShows: 3 });
    const refusal = expectError(await refused(who, '2025-03-05', '09:00'), 403, 'FORBIDDEN');
    expect(refusal.message).toBe(
      '您近 90 天内爽约已达 3 次，预约功能暂停至 2025-04-03（含当天），期间仍可到大厅现场取号',
    );
    moveClockTo(gw, '2025-04-03T02:31:00Z'); // 10:31 on 2025-04-03: over
    expect((await mine(who)).suspension).toBeNull();
    await bookOk(gw, who, '2025-04-07', '09:00');
  });

  it('two no-shows do not suspend', async () => {
    const who = await resident();
    await bookOk(gw, who, '2025-03-04', '09:00');
    await bookOk(gw, who, '2025-03-04', '09:30', { itemCode: OTHER_ITEM });
    moveClockTo(gw, '2025-03-04T02:31:00Z');
    expect((await mine(who)).suspension).toBeNull();
    await bookOk(gw, who, '2025-03-05', '09:00');
  });
});
