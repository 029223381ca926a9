import { performance } from 'node:perf_hooks';
import { Booking } from '../../types/contract';
import { openDatabase } from '../../gateway/src/db/open-database';
import { expectError, expectOk, startGateway, type ApiResponse, type TestGateway } from './support/harness';
import { person, type Person } from './support/ratings';
import { HALL, ITEM, book, slot, startBookingGateway } from './support/booking';

const BOOKERS = 100;
const CAPACITY = 10;

let gw: TestGateway;
let second: TestGateway;
let people: Person[];

/** One slot's capacity, set before anyone has booked it (the counter row takes it then). */
function setCapacity(capacity: number): void {
  const db = openDatabase(gw.dataDir);
  db.prepare('UPDATE hall_schedules SET capacity = ? WHERE hall_id = ?').run(capacity, HALL);
  db.close();
}

function countOf(sql: string): number {
  const db = openDatabase(gw.dataDir);
  try {
    return (db.prepare(sql).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  ({ gw } = await startBookingGateway());
  // A second gateway on the same database file: the seat counter lives in SQLite, not in memory.
  second = await startGateway({ dataDir: gw.dataDir, bookingSweepMs: 0, accessTokenTtl: 3600 });
  setCapacity(CAPACITY);
  people = [];
  // Distinct mobiles and 身份证号: a verified identity belongs to one account only.
  for (let i = 0; i < BOOKERS; i += 1) people.push(await person(gw, `1370000${String(i).padStart(4, '0')}`));
}, 120_000);

afterAll(async () => {
  await second.app.close();
  await gw.close();
});

async function race(date: string, start: string, gateways: TestGateway[]): Promise<{ res: ApiResponse[]; ms: number }> {
  const began = performance.now();
  const res = await Promise.all(
    people.map((who, i) =>
      book(gateways[i % gateways.length], who, { itemCode: ITEM, hallId: HALL, slotStart: slot(date, start) }),
    ),
  );
  return { res, ms: performance.now() - began };
}

function expectExactlyCapacity(res: ApiResponse[]): void {
  const accepted = res.filter((r) => r.status === 200);
  const full = res.filter((r) => r.status === 409);
  expect(res.filter((r) => r.status >= 500)).toEqual([]);
  expect({ accepted: accepted.length, full: full.length }).toEqual({ accepted: CAPACITY, full: BOOKERS - CAPACITY });
  for (const r of accepted) expectOk(r, Booking);
  for (const r of full) expect(expectError(r, 409, 'CONFLICT').message).toBe('该时段已约满，请选择其他时段');
}

describe(`the last seats of a slot (capacity ${CAPACITY}) under ${BOOKERS} concurrent bookers`, () => {
  it('go to exactly as many bookers as there are seats; the rest are told it is full; no 5xx', async () => {
    const { res, ms } = await race('2025-03-04', '09:00', [gw]);
    expectExactlyCapacity(res);
    expect(countOf("SELECT booked AS n FROM booking_slots WHERE date = '2025-03-04' AND slot_start = '09:00'")).toBe(
      CAPACITY,
    );
    expect(countOf("SELECT COUNT(*) AS n FROM bookings WHERE date = '2025-03-04' AND status = 'booked'")).toBe(
      CAPACITY,
    );
    // The figure for the note: all 100 requests over HTTP, from the first sent to the last answered.
    console.log(
      `booking race: ${BOOKERS} bookers in ${ms.toFixed(0)} ms = ${((BOOKERS * 1000) / ms).toFixed(0)} requests/s`,
    );
  });

  it('also when the bookers are split over two gateway instances on one database', async () => {
    const { res, ms } = await race('2025-03-05', '09:00', [gw, second]);
    expectExactlyCapacity(res);
    expect(countOf("SELECT COUNT(*) AS n FROM bookings WHERE date = '2025-03-05' AND status = 'booked'")).toBe(
      CAPACITY,
    );
    console.log(
      `booking race, two instances: ${BOOKERS} bookers in ${ms.toFixed(0)} ms = ${((BOOKERS * 1000) / ms).toFixed(0)} requests/s`,
    );
  });
});
