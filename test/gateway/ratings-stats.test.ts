import { AdminTicketView, RatingStats, WindowVisit, type RatingStatsRow } from '../../types/contract';
import { expectError, expectOk, type TestGateway } from './support/harness';
import {
  admin,
  caseRating,
  createCase,
  moveClockTo,
  person,
  rateOk,
  startRatingGateway,
  visitRating,
  type Person,
} from './support/ratings';

let gw: TestGateway;
let u1: Person;
let u2: Person;
let u3: Person;
const ticketOf: Record<string, string> = {};
const ratingIds: string[] = [];
const caseIds: string[] = [];

async function visitAndRate(who: Person, windowCode: string, level: number) {
  const visit = expectOk(
    await gw.request('/api/ratings/visits', { method: 'POST', token: who.token, body: { windowCode } }),
    WindowVisit,
  );
  return rateOk(gw, who, visitRating(visit.id, level));
}

async function caseAndRate(who: Person, itemCode: string, level: number) {
  const c = await createCase(gw, who, itemCode);
  caseIds.push(c.id);
  const rating = await rateOk(gw, who, caseRating(c.id, level));
  ratingIds.push(rating.id);
  return rating;
}

async function closeTicket(who: Person, ratingId: string) {
  const ticketId = ticketOf[ratingId];
  expectOk(
    await admin(gw, 'POST', `/tickets/${ticketId}/advance`, { to: 'rectifying', note: '已核实情况属实' }),
    AdminTicketView,
  );
  expectOk(
    await admin(gw, 'POST', `/tickets/${ticketId}/advance`, { to: 'revisiting', note: '已整改并电话回访' }),
    AdminTicketView,
  );
  const res = await gw.request(`/api/me/ratings/${ratingId}/feedback`, {
    method: 'POST',
    token: who.token,
    body: { level: 'satisfied' },
  });
  expect(res.status).toBe(200);
}

const stats = async () => expectOk(await gw.request('/api/ratings/stats'), RatingStats);
const row = (rows: RatingStatsRow[], id: string) => rows.find((r) => r.id === id);

beforeAll(async () => {
  gw = await startRatingGateway();
  u1 = await person(gw, '13800000051', true, '欧阳娜娜');
  u2 = await person(gw, '13800000052', true, '司马相如');
  u3 = await person(gw, '13800000053', true, '诸葛亮亮');
});

afterAll(async () => {
  await gw.close();
});

describe('public rating figures', () => {
  it('with no ratings, every department is listed with no rates, halls only where windows are', async () => {
    const empty = await stats();
    expect(empty.departments.map((d) => d.id)).toEqual(['fx-gongan', 'fx-shichang', 'fx-minzheng']);
    for (const d of empty.departments) {
      expect(d).toMatchObject({ total: 0, satisfactionRate: null, badCount: 0, rectifiedOnTimeRate: null });
    }
    // The 24 h terminal has no service window: nothing to rate there on site.
    expect(empty.halls.map((h) => h.id)).toEqual(['fx-hall']);
    expect(empty.asOf).toBe(gw.clock.now().toISOString());
  });

  it('counts a known set of ratings exactly', async () => {
    // Monday 2025-03-03, 10:00 in Wuhan.
    // 公安: online 5, 4, 1 (差评, closed on time) and on site 2 (差评, closed late).
    await caseAndRate(u1, 'FX-GA-0001', 5);
    await caseAndRate(u2, 'FX-GA-0002', 4);
    const gaBad = await caseAndRate(u1, 'FX-GA-0003', 1);
    const windowBad = await visitAndRate(u3, 'FX-ZW-A01', 2);
    // 市场监管: online 3, on site 5.
    await caseAndRate(u1, 'FX-SC-0001', 3);
    await visitAndRate(u1, 'FX-ZW-B01', 5);
    // 民政: on site 1 (差评, left open); one case never rated (→ 基本满意 after 7 days); one not finished.
    const mzBad = await visitAndRate(u2, 'FX-ZW-C01', 1);
    const unrated = await createCase(gw, u2, 'FX-MZ-0001');
    await createCase(gw, u2, 'FX-MZ-0002', 'accepted');
    for (const r of [gaBad, windowBad, mzBad]) ticketOf[r.id] = r.ticket?.id ?? '';
    expect(windowBad.ticket?.deadline).toBe('2025-03-24');

    gw.clock.advance(86_400);
    await closeTicket(u1, gaBad.id); // 3/4: on time

    // Before the 7 days have passed, the unrated case does not count.
    const early = await stats();
    expect(row(early.departments, 'fx-minzheng')).toEqual({
      id: 'fx-minzheng',
      name: '测试民政局',
      total: 1,
      satisfactionRate: 0,
      badCount: 1,
      rectifiedOnTimeRate: 0,
    });

    moveClockTo(gw, '2025-03-25T02:00:00Z'); // the day after the 3/24 deadline
    await closeTicket(u3, windowBad.id); // late
    await createCase(gw, u1, 'FX-MZ-0003'); // finished today: still open for rating, not counted

    const figures = await stats();
    expect(figures.departments).toEqual([
      { id: 'fx-gongan', name: '测试公安分局', total: 4, satisfactionRate: 0.5, badCount: 2, rectifiedOnTimeRate: 0.5 },
      {
        id: 'fx-shichang',
        name: '测试市场监督管理局',
        total: 2,
        satisfactionRate: 1,
        badCount: 0,
        rectifiedOnTimeRate: null,
      },
      // The default (基本满意) and the on-site 1.
      { id: 'fx-minzheng', name: '测试民政局', total: 2, satisfactionRate: 0.5, badCount: 1, rectifiedOnTimeRate: 0 },
    ]);
    // Halls count on-site ratings only: 2, 5, 1.
    expect(figures.halls).toEqual([
      {
        id: 'fx-hall',
        name: '测试区政务服务中心',
        total: 3,
        satisfactionRate: 1 / 3,
        badCount: 2,
        rectifiedOnTimeRate: 0,
      },
    ]);
    expect(figures.asOf).toBe('2025-03-25T02:00:00.000Z');
    caseIds.push(unrated.id);
  });

  it('contain no rater identity, comment or record id, and need no login', async () => {
    const res = await gw.request('/api/ratings/stats');
    expect(res.status).toBe(200);
    const text = res.text;
    for (const who of [u1, u2, u3]) {
      expect(text).not.toContain(who.userId);
      expect(text).not.toContain(who.mobile);
      expect(text).not.toContain(who.mobile.slice(-4));
    }
    for (const name of ['欧阳娜娜', '司马相如', '诸葛亮亮', '欧阳', '司马', '诸葛']) expect(text).not.toContain(name);
    for (const id of [...ratingIds, ...caseIds, ...Object.values(ticketOf)]) expect(text).not.toContain(id);
    expect(text).not.toContain('等了很久');
    expect(text).not.toContain('排队');
    // Every field of every row is a figure or the department's / hall's own name and id.
    const data = expectOk(res, RatingStats);
    for (const r of [...data.departments, ...data.halls]) {
      expect(Object.keys(r).sort()).toEqual([
        'badCount',
        'id',
        'name',
        'rectifiedOnTimeRate',
        'satisfactionRate',
        'total',
      ]);
    }
    // And an error on the public surface reveals nothing either.
    expectError(await gw.request('/api/windows/NOPE-00'), 404, 'NOT_FOUND');
  });
});
