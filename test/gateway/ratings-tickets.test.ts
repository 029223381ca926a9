import { Type } from '@sinclair/typebox';
import { AdminTicketView, Rating, RatingList } from '../../types/contract';
import { DEFAULT_SEED_DIR } from '../../gateway/src/paths';
import { expectError, expectOk, type TestGateway } from './support/harness';
import {
  admin,
  caseRating,
  createCase,
  moveClockTo,
  openDb,
  person,
  rateOk,
  startRatingGateway,
  type Person,
} from './support/ratings';

const TicketList = Type.Object({ tickets: Type.Array(AdminTicketView) });

let gw: TestGateway;
let rater: Person;
let other: Person;

beforeAll(async () => {
  // The real seed: its holiday calendar (国庆 2025 with the 9/28 and 10/11 make-up days) and windows.
  gw = await startRatingGateway({ seedDir: DEFAULT_SEED_DIR });
  rater = await person(gw, '13800000041', true, '王小明');
  other = await person(gw, '13800000042');
});

afterAll(async () => {
  await gw.close();
});

const advance = (ticketId: string, to: string, note: string, officer = '') =>
  admin(
    gw,
    'POST',
    `/tickets/${ticketId}/advance`,
    { to, note },
    officer ? { 'x-officer': encodeURIComponent(officer) } : {},
  );
const feedback = (who: Person, ratingId: string, body: Record<string, unknown>) =>
  gw.request(`/api/me/ratings/${ratingId}/feedback`, { method: 'POST', token: who.token, body });
const myRating = async (who: Person, id: string) =>
  expectOk(await gw.request(`/api/me/ratings/${id}`, { token: who.token }), Rating);
const tickets = async () => expectOk(await admin(gw, 'GET', '/tickets'), TicketList).tickets;

describe('差评 rectification ticket', () => {
  let ratingId: string;
  let ticketId: string;

  it('a 差评 on Friday 2025-09-26 is due 15 working days later, over 国庆: 2025-10-23', async () => {
    moveClockTo(gw, '2025-09-26T02:00:00Z'); // 10:00 in Wuhan
    const c = await createCase(gw, rater, 'HS-MZ-0001');
    const rating = await rateOk(gw, rater, caseRating(c.id, 1, { comment: '材料要求前后说法不一，跑了三次' }));
    // Working days after 9/26: 9/28 (Sunday, make-up) 1, 9/29 2, 9/30 3, [10/1–10/8 holiday], 10/9 4,
    // 10/10 5, 10/11 (Saturday, make-up) 6, 10/13–10/17 7–11, 10/20–10/23 12–15.
    expect(rating.ticket).toEqual({
      id: expect.any(String),
      status: 'verifying',
      deadline: '2025-10-23',
      overdue: false,
      history: [{ status: 'verifying', at: '2025-09-26T02:00:00.000Z', note: '已收到差评，正在核实情况' }],
    });
    ratingId = rating.id;
    ticketId = rating.ticket?.id ?? '';
  });

  it('the rater cannot give feedback before 回访', async () => {
    const error = expectError(await feedback(rater, ratingId, { level: 'satisfied' }), 409, 'CONFLICT');
    expect(error.message).toBe('整改尚未进入回访阶段');
  });

  it('officers move it forward one step at a time, never back, never to closed themselves', async () => {
    const skip = expectError(await advance(ticketId, 'revisiting', '直接回访'), 409, 'CONFLICT');
    expect(skip.message).toMatch(/核实 → 整改 → 回访/);
    const close = expectError(await advance(ticketId, 'closed', '直接办结'), 409, 'CONFLICT');
    expect(close.message).toBe('整改工单须由评价人对整改结果作出评价后办结');
    const blank = expectError(await advance(ticketId, 'rectifying', '  好  '), 400, 'VALIDATION_FAILED');
    expect(blank.fields?.[0].field).toBe('note');
    expectError(await advance('no-such-ticket', 'rectifying', '核实完毕'), 404, 'NOT_FOUND');

    gw.clock.advance(3600);
    const verified = expectOk(
      await advance(ticketId, 'rectifying', '经核实，窗口一次性告知不到位', '王主任'),
      AdminTicketView,
    );
    expect(verified.ticket.status).toBe('rectifying');
    expectError(await advance(ticketId, 'rectifying', '再来一次'), 409, 'CONFLICT');

    gw.clock.advance(3600);
    const rectified = expectOk(
      await advance(ticketId, 'revisiting', '已统一材料清单并对窗口人员开展培训'),
      AdminTicketView,
    );
    expect(rectified.ticket).toMatchObject({ status: 'revisiting', result: '已统一材料清单并对窗口人员开展培训' });
    expect(rectified.ticket.history.map((e) => [e.status, e.note])).toEqual([
      ['verifying', '已收到差评，正在核实情况'],
      ['rectifying', '经核实，窗口一次性告知不到位'],
      ['revisiting', '已统一材料清单并对窗口人员开展培训'],
    ]);
    expectError(await advance(ticketId, 'rectifying', '退回整改'), 409, 'CONFLICT');

    const db = openDb(gw);
    const actors = db.prepare('SELECT actor FROM ticket_events WHERE ticket_id = ? ORDER BY id').all(ticketId);
    db.close();
    expect(actors).toEqual([{ actor: 'system' }, { actor: '王主任' }, { actor: 'admin' }]);
  });

  it('the officers’ view names no rater', async () => {
    const view = (await tickets()).find((t) => t.ticket.id === ticketId);
    expect(view?.rating).toMatchObject({
      id: ratingId,
      level: 1,
      subject: '结婚登记',
      comment: '材料要求前后说法不一，跑了三次',
    });
    expect(view?.appealed).toBe(false);
    const text = JSON.stringify(await tickets());
    for (const secret of [rater.userId, rater.mobile, '王小明', rater.mobile.slice(-4)])
      expect(text).not.toContain(secret);
  });

  it('the rater follows it and rates the rectification once, which closes it', async () => {
    const seen = await myRating(rater, ratingId);
    expect(seen.ticket).toMatchObject({ status: 'revisiting', result: '已统一材料清单并对窗口人员开展培训' });
    expectError(await feedback(other, ratingId, { level: 'satisfied' }), 404, 'NOT_FOUND');
    expectError(await feedback(rater, ratingId, { level: 'great' }), 400, 'VALIDATION_FAILED');

    gw.clock.advance(3600);
    const done = expectOk(
      await feedback(rater, ratingId, { level: 'basically_satisfied', comment: ' 有改进，希望保持 ' }),
      Rating,
    );
    expect(done.ticket?.status).toBe('closed');
    expect(done.ticket?.overdue).toBe(false);
    expect(done.ticket?.feedback).toEqual({
      level: 'basically_satisfied',
      comment: '有改进，希望保持',
      at: gw.clock.now().toISOString(),
    });
    expect(done.ticket?.history.at(-1)).toMatchObject({ status: 'closed' });

    const twice = expectError(await feedback(rater, ratingId, { level: 'unsatisfied' }), 409, 'CONFLICT');
    expect(twice.message).toBe('您已评价过整改结果');
    const closed = expectError(await advance(ticketId, 'rectifying', '重新整改'), 409, 'CONFLICT');
    expect(closed.message).toBe('该整改工单已办结');
  });

  it('a rating that is not a 差评 has nothing to give feedback on', async () => {
    const c = await createCase(gw, rater, 'HS-MZ-0002');
    const good = await rateOk(gw, rater, caseRating(c.id, 3));
    expect(good.ticket).toBeUndefined();
    const error = expectError(await feedback(rater, good.id, { level: 'satisfied' }), 409, 'CONFLICT');
    expect(error.message).toBe('该评价无需整改反馈');
    expectError(await feedback(rater, 'no-such-rating', { level: 'satisfied' }), 404, 'NOT_FOUND');
  });

  it('is overdue once the China date passes the deadline without closing', async () => {
    moveClockTo(gw, '2025-11-03T02:00:00Z'); // Monday
    const c = await createCase(gw, other, 'HS-GA-0001');
    const rating = await rateOk(gw, other, caseRating(c.id, 2));
    // 15 working days from Monday 11/3: Monday 11/24.
    expect(rating.ticket?.deadline).toBe('2025-11-24');
    moveClockTo(gw, '2025-11-24T15:59:59Z'); // 23:59:59 in Wuhan on the deadline
    expect((await myRating(other, rating.id)).ticket?.overdue).toBe(false);
    gw.clock.advance(1);
    expect((await myRating(other, rating.id)).ticket?.overdue).toBe(true);
    const view = (await tickets()).find((t) => t.rating.id === rating.id);
    expect(view?.ticket.overdue).toBe(true);
    // The earlier ticket, closed in time, is not overdue.
    expect((await tickets()).find((t) => t.ticket.id === ticketId)?.ticket.overdue).toBe(false);
  });

  it('a 7-day default is never a 差评 and has no ticket', async () => {
    const c = await createCase(gw, other, 'HS-GA-0002');
    gw.clock.advance(8 * 86_400);
    const list = expectOk(await gw.request('/api/me/ratings', { token: other.token }), RatingList).ratings;
    const def = list.find((r) => r.caseId === c.id);
    expect(def).toMatchObject({ isDefault: true, level: 3 });
    expect(def?.ticket).toBeUndefined();
    const error = expectError(await feedback(other, def?.id ?? '', { level: 'satisfied' }), 409, 'CONFLICT');
    expect(error.message).toBe('该评价无需整改反馈');
    expectError(await admin(gw, 'POST', `/ratings/${def?.id}/appeal`, { reason: '恶意评价' }), 404, 'NOT_FOUND');
  });
});

describe('申诉复核', () => {
  it('flags a 差评 once, with the reason and the officer; not for other ratings', async () => {
    const c = await createCase(gw, rater, 'HS-GA-0003');
    const bad = await rateOk(gw, rater, caseRating(c.id, 1, { comment: '随便打的差评，没有理由' }));
    const flagged = expectOk(
      await admin(
        gw,
        'POST',
        `/ratings/${bad.id}/appeal`,
        { reason: '评价内容与办件无关，疑似恶意差评' },
        {
          'x-officer': encodeURIComponent('赵科长'),
        },
      ),
      AdminTicketView,
    );
    expect(flagged.appealed).toBe(true);
    expect(flagged.rating.id).toBe(bad.id);
    expect((await tickets()).find((t) => t.rating.id === bad.id)?.appealed).toBe(true);
    const again = expectError(
      await admin(gw, 'POST', `/ratings/${bad.id}/appeal`, { reason: '再次申诉' }),
      409,
      'CONFLICT',
    );
    expect(again.message).toBe('该评价已申请申诉复核');
    const db = openDb(gw);
    const row = db.prepare('SELECT appeal_reason, appealed_by FROM ratings WHERE id = ?').get(bad.id);
    db.close();
    expect(row).toEqual({ appeal_reason: '评价内容与办件无关，疑似恶意差评', appealed_by: '赵科长' });
    // The rater's view is unchanged by an appeal.
    expect((await myRating(rater, bad.id)).ticket?.status).toBe('verifying');

    const c2 = await createCase(gw, rater, 'HS-GA-0004');
    const good = await rateOk(gw, rater, caseRating(c2.id, 5));
    expectError(await admin(gw, 'POST', `/ratings/${good.id}/appeal`, { reason: '申诉' }), 409, 'CONFLICT');
    expectError(await admin(gw, 'POST', '/ratings/no-such/appeal', { reason: '申诉' }), 404, 'NOT_FOUND');
    expectError(
      await gw.request(`/api/admin/ratings/${bad.id}/appeal`, { method: 'POST', body: { reason: '申诉' } }),
      403,
      'FORBIDDEN',
    );
  });
});

describe('rectification period', () => {
  it('is configurable (working days)', async () => {
    const quick = await startRatingGateway({ rectificationDays: 3 });
    try {
      const who = await person(quick, '13800000043');
      const c = expectOk(
        await quick.request('/api/admin/cases', {
          method: 'POST',
          headers: { 'x-admin-token': 'test-admin-token-0123456789' },
          body: { mobile: who.mobile, itemCode: 'FX-GA-0001', status: 'completed' },
        }),
        Type.Object({ id: Type.String() }),
      );
      const rating = expectOk(
        await quick.request('/api/ratings', { method: 'POST', token: who.token, body: caseRating(c.id, 2) }),
        Rating,
      );
      // Monday 2025-03-03 + 3 working days.
      expect(rating.ticket?.deadline).toBe('2025-03-06');
    } finally {
      await quick.close();
    }
  });
});
