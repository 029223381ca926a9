import type { Database } from 'better-sqlite3';
import { NotificationList } from '../../types/contract';
import { openDatabase } from '../../gateway/src/db/open-database';
import { expectOk, type TestGateway } from './support/harness';
import { moveClockTo, person, startRatingGateway, type Person } from './support/ratings';
import { HALL, bookOk, cli, hallQr, takeTicket } from './support/booking';

// The gateway's own notifier (the outbox), not a recording one: what residents find in 消息.
let gw: TestGateway;
let db: Database;
let alice: Person;

// No notifier given: the CLI and the gateway use their default, the outbox.
const officer = (...argv: string[]) => cli(gw, db, undefined, ...argv);
const inbox = async (who: Person): Promise<NotificationList> =>
  expectOk(await gw.request('/api/me/notifications', { token: who.token }), NotificationList);

beforeAll(async () => {
  gw = await startRatingGateway({ bookingSweepMs: 0 });
  db = openDatabase(gw.dataDir);
  alice = await person(gw, '13600000101', true, '王小丽');
});

afterAll(async () => {
  db.close();
  await gw.close();
});

it('the day before, the reminder is in 消息 once, opening the booking', async () => {
  const booking = await bookOk(gw, alice, '2025-03-04', '10:00');
  expect((await officer('booking-sweep')).out).toBe('标记爽约 0 个，发送明天的预约提醒 1 条');
  await officer('booking-sweep');
  const { items, unread } = await inbox(alice);
  expect(unread).toBe(1);
  expect(items).toHaveLength(1);
  expect(items[0]).toMatchObject({
    kind: 'appointment_reminder',
    template: 'appointment',
    title: '您明天有一个预约办事',
    subject: { kind: 'appointment', id: booking.id },
  });
  expect(items[0].body).toContain('2025年3月4日 10:00');
  expect(items[0].body).toContain('户口迁移');
});

it('when the number is near, 消息 says how many are ahead, once, and opens the number', async () => {
  moveClockTo(gw, '2025-03-04T01:30:00Z'); // 09:30, within the check-in time of the 10:00 slot
  const ticket = await takeTicket(gw, alice, { qr: hallQr(gw) });
  expect((await officer('call-next', HALL, 'FX-ZW-A01')).code).toBe(0);
  const near = (await inbox(alice)).items.filter((n) => n.kind === 'queue_near');
  expect(near).toHaveLength(1);
  expect(near[0]).toMatchObject({ subject: { kind: 'appointment', id: ticket.id } });
  expect(near[0].title).toContain(ticket.number);
});
