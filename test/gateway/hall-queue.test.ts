import type { Database } from 'better-sqlite3';
import { BookingList, HallTicket, HallTicketList } from '../../types/contract';
import { openDatabase } from '../../gateway/src/db/open-database';
import type { BookingNotifier } from '../../gateway/src/booking/booking-notifier';
import { expectError, expectOk, type TestGateway } from './support/harness';
import { createCase, moveClockTo, person, rateOk, visitRating, type Person } from './support/ratings';
import {
  HALL,
  ITEM,
  OTHER_ITEM,
  bookOk,
  checkIn,
  cli,
  hallQr,
  startBookingGateway,
  takeTicket,
  ticketOf,
  type Sent,
} from './support/booking';

let gw: TestGateway;
let db: Database;
let sent: Sent;
let notifier: BookingNotifier;
let alice: Person; // booked 10:00, takes her number by the booking
let bob: Person; // booked 10:30, takes his early by scanning the hall's QR
let carol: Person; // walk-in
let dave: Person; // booked 09:00 and comes too late
let aliceCaseId: string;

const officer = (...argv: string[]) => cli(gw, db, notifier, ...argv);

beforeAll(async () => {
  ({ gw, sent, notifier } = await startBookingGateway());
  db = openDatabase(gw.dataDir);
  alice = await person(gw, '13600000001', true, '王小丽');
  bob = await person(gw, '13600000002', true, '李大壮');
  carol = await person(gw, '13600000003', true, '赵小红');
  dave = await person(gw, '13600000004', true, '孙悟');
  aliceCaseId = (await createCase(gw, alice, ITEM, 'prereview_passed')).id;
});

afterAll(async () => {
  db.close();
  await gw.close();
});

const ids: Record<string, string> = {};

describe('the day before (Monday 2025-03-03)', () => {
  it('residents book Tuesday; the sweep sends each reminder once', async () => {
    ids.alice = (await bookOk(gw, alice, '2025-03-04', '10:00', { caseId: aliceCaseId })).id;
    ids.bob = (await bookOk(gw, bob, '2025-03-04', '10:30')).id;
    ids.dave = (await bookOk(gw, dave, '2025-03-04', '09:00', { itemCode: OTHER_ITEM })).id;
    expect(await officer('booking-sweep')).toMatchObject({ code: 0, out: '标记爽约 0 个，发送明天的预约提醒 3 条' });
    expect([...sent.reminders].sort()).toEqual([ids.alice, ids.bob, ids.dave].sort());
    expect((await officer('booking-sweep')).out).toBe('标记爽约 0 个，发送明天的预约提醒 0 条');
  });

  it('taking a number by the booking is refused until 30 minutes before the slot', async () => {
    const early = await checkIn(gw, alice, ids.alice);
    expect(expectError(early, 409, 'CONFLICT').message).toBe(
      '还未到取号时间：凭预约取号请于 2025-03-04 09:30 之后，或到大厅后扫码取号',
    );
  });

  it('the admin CLI prints the hall’s check-in QR, signed like the window QR', async () => {
    const res = await officer('hall-qr', HALL);
    expect(res.code).toBe(0);
    expect(res.out.split('\n')[1]).toBe(hallQr(gw));
    expect(res.out).toContain('<svg');
  });
});

describe('at the hall (Tuesday 2025-03-04)', () => {
  it('by the booking from 09:30 for a 10:00 slot: A001; asking again gives the same number', async () => {
    moveClockTo(gw, '2025-03-04T01:29:00Z'); // 09:29
    expectError(await checkIn(gw, alice, ids.alice), 409, 'CONFLICT');
    moveClockTo(gw, '2025-03-04T01:30:00Z'); // 09:30
    const first = expectOk(await checkIn(gw, alice, ids.alice), HallTicket);
    expect(first).toMatchObject({ number: 'A001', kind: 'booked', status: 'waiting', bookingId: ids.alice, ahead: 0 });
    const again = expectOk(await checkIn(gw, alice, ids.alice), HallTicket);
    expect(again.id).toBe(first.id);
    // Scanning the hall's QR with a booking there today gives the booking's number too.
    expect((await takeTicket(gw, alice, { qr: hallQr(gw) })).id).toBe(first.id);
    ids.aliceTicket = first.id;
  });

  it('by scanning the hall QR, earlier the same day: the number is still due at the slot', async () => {
    const res = await checkIn(gw, bob, ids.bob, hallQr(gw));
    const ticket = expectOk(res, HallTicket);
    expect(ticket).toMatchObject({ number: 'A002', ahead: 1 });
    ids.bobTicket = ticket.id;
  });

  it('a QR that is not this gateway’s, or another hall’s, is refused', async () => {
    const forged = hallQr(gw).replace(/s=[0-9a-f]+/, 's=0123456789abcdef');
    const bad = expectError(
      await gw.request('/api/hall-tickets', { method: 'POST', token: carol.token, body: { qr: forged } }),
      400,
      'VALIDATION_FAILED',
    );
    expect(bad.message).toBe('二维码无效，请扫描大厅的取号二维码');
    const other = expectError(await checkIn(gw, dave, ids.dave, hallQr(gw, 'fx-terminal')), 400, 'VALIDATION_FAILED');
    expect(other.message).toBe('这是其他大厅的取号二维码，请到预约的大厅扫码取号');
  });

  it('a walk-in number (B001) by scanning the QR goes ahead of numbers booked for later; scanning again keeps it', async () => {
    moveClockTo(gw, '2025-03-04T01:31:00Z'); // 09:31
    const walkIn = await takeTicket(gw, carol, { qr: hallQr(gw), itemCode: ITEM });
    expect(walkIn).toMatchObject({ number: 'B001', kind: 'walk_in', bookingId: null, itemName: '户口迁移', ahead: 0 });
    expect((await takeTicket(gw, carol, { qr: hallQr(gw) })).id).toBe(walkIn.id);
    ids.carolTicket = walkIn.id;
    // After an app restart the number is found again among today's.
    const today = expectOk(await gw.request('/api/me/hall-tickets', { token: carol.token }), HallTicketList);
    expect(today.tickets.map((t) => t.number)).toEqual(['B001']);
    expect((await ticketOf(gw, alice, ids.aliceTicket)).ahead).toBe(1);
    expect((await ticketOf(gw, bob, ids.bobTicket)).ahead).toBe(2);
  });

  it('30 minutes after the slot started, the booking no longer gives a number', async () => {
    // Dave's slot was 09:00; it is 09:31.
    expect(expectError(await checkIn(gw, dave, ids.dave, hallQr(gw)), 409, 'CONFLICT').message).toBe(
      '已超过预约时段开始后 30 分钟，预约已失效，请到大厅扫码取现场号',
    );
  });

  it('someone else’s ticket is not found', async () => {
    expectError(await gw.request(`/api/me/hall-tickets/${ids.aliceTicket}`, { token: bob.token }), 404, 'NOT_FOUND');
  });

  it('the officer sees the queue in call order, with the materials the booking carries', async () => {
    const res = await officer('queue', HALL);
    expect(res.code).toBe(0);
    const lines = res.out.split('\n');
    expect(lines[0]).toBe(`${HALL} 2025-03-04：等候 3 人，共取号 3 个`);
    expect(lines.filter((l) => /^[AB]\d{3}/.test(l)).map((l) => l.slice(0, 4))).toEqual(['B001', 'A001', 'A002']);
    expect(res.out).toContain('预约 10:00 · 户口迁移 · 王**');
    expect(res.out).toContain(`材料：预审通过 ${aliceCaseId}`);
    // Without a hall, `queue` is still the pre-review queue.
    expect((await officer('queue')).code).toBe(0);
  });

  it('polling: 304 while nothing moved, the new state once the officer calls', async () => {
    const first = await gw.request(`/api/me/hall-tickets/${ids.carolTicket}`, { token: carol.token });
    const etag = first.headers.get('etag') as string;
    expect(etag).toMatch(/^W\/"t-/);
    const unchanged = await gw.request(`/api/me/hall-tickets/${ids.carolTicket}`, {
      token: carol.token,
      headers: { 'if-none-match': etag },
    });
    expect(unchanged.status).toBe(304);
    expect(unchanged.text).toBe('');

    const called = await officer('call-next', HALL, 'FX-ZW-A01');
    expect(called).toMatchObject({ code: 0 });
    expect(called.out.split('\n')[0]).toBe('请 B001 号到 FX-ZW-A01 窗口办理');
    const moved = await gw.request(`/api/me/hall-tickets/${ids.carolTicket}`, {
      token: carol.token,
      headers: { 'if-none-match': etag },
    });
    const ticket = expectOk(moved, HallTicket);
    expect(ticket).toMatchObject({ status: 'called', window: { code: 'FX-ZW-A01', name: '测试综合受理窗口A01' } });
    expect(moved.headers.get('etag')).not.toBe(etag);
    expect((await ticketOf(gw, alice, ids.aliceTicket)).ahead).toBe(0);
    expect((await ticketOf(gw, bob, ids.bobTicket)).ahead).toBe(1);
  });

  it('a window calls the next only once it has finished with the last one', async () => {
    const busy = await officer('call-next', HALL, 'FX-ZW-A01');
    expect(busy.code).toBe(1);
    expect(busy.err).toBe('未完成：窗口 FX-ZW-A01 正在办理 B001，请先标记 served 或 no-show');
    expect((await officer('call-next', HALL, 'FX-ZW-B01')).out.split('\n')[0]).toBe('请 A001 号到 FX-ZW-B01 窗口办理');
  });

  it('served: the resident can rate that window straight away (一次一评)', async () => {
    const res = await officer('served', 'B001', '--hall', HALL);
    expect(res.code).toBe(0);
    const ticket = await ticketOf(gw, carol, ids.carolTicket);
    expect(ticket.status).toBe('served');
    expect(ticket.visitId).toEqual(expect.any(String));
    const rating = await rateOk(gw, carol, visitRating(ticket.visitId as string, 5));
    expect(rating).toMatchObject({ channel: 'onsite', level: 5 });
  });

  it('no-show: the booking counts as a no-show', async () => {
    const res = await officer('no-show', ids.aliceTicket);
    expect(res.code).toBe(0);
    expect((await ticketOf(gw, alice, ids.aliceTicket)).status).toBe('no_show');
    const mine = expectOk(await gw.request('/api/me/bookings', { token: alice.token }), BookingList);
    expect(mine.bookings[0]).toMatchObject({ id: ids.alice, status: 'no_show' });
    const db2 = openDatabase(gw.dataDir);
    expect(db2.prepare('SELECT no_show_at FROM bookings WHERE id = ?').get(ids.alice)).toEqual({
      no_show_at: Date.parse('2025-03-04T01:31:00Z'),
    });
    db2.close();
  });

  it('the next numbers were told, once each, that their turn was near', () => {
    expect(sent.near.map((n) => n.number).sort()).toEqual(['A001', 'A002', 'B001']);
    expect(sent.near.every((n) => n.ahead <= 3)).toBe(true);
  });

  it('finished tickets cannot be finished again; unknown tickets are reported', async () => {
    expect((await officer('served', ids.aliceTicket)).code).toBe(1);
    expect((await officer('no-show', 'Z999', '--hall', HALL)).err).toBe('未完成：没有找到这个排队号');
    expect((await officer('call-next', HALL, 'FX-ZW-Z99')).code).toBe(1);
  });
});

describe('walk-ins when the hall is closed', () => {
  it('on a Saturday the fixture hall issues no numbers', async () => {
    moveClockTo(gw, '2025-03-08T02:00:00Z');
    const res = await gw.request('/api/hall-tickets', { method: 'POST', token: dave.token, body: { qr: hallQr(gw) } });
    expect(expectError(res, 409, 'CONFLICT').message).toBe('测试区政务服务中心今天不对外办公（休息日）');
  });
});

describe('the queue status is personal', () => {
  it('needs a token', async () => {
    expectError(await gw.request(`/api/me/hall-tickets/${ids.aliceTicket}`), 401, 'UNAUTHENTICATED');
  });
});
