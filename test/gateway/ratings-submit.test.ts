import { Rating, RatingList, RatingReasonList, RATING_WINDOW_DAYS } from '../../types/contract';
import { expectError, expectOk, type TestGateway } from './support/harness';
import {
  caseRating,
  countRows,
  createCase,
  moveClockTo,
  openDb,
  person,
  rate,
  rateOk,
  startRatingGateway,
  type Person,
} from './support/ratings';

let gw: TestGateway;
let alice: Person;
let bob: Person;

beforeAll(async () => {
  gw = await startRatingGateway();
  alice = await person(gw, '13800000021');
  bob = await person(gw, '13800000022');
});

afterAll(async () => {
  await gw.close();
});

/** Row counts of everything a rating writes: a refusal must leave all of them as they were. */
const written = () => ['ratings', 'rectification_tickets', 'ticket_events'].map((t) => countRows(gw, t));

async function refused(body: Record<string, unknown>, status: number, code: string, who: Person = alice) {
  const before = written();
  const error = expectError(await rate(gw, who, body), status, code);
  expect(written()).toEqual(before);
  return error;
}

describe('reasons', () => {
  it('lists the indicators and 差评 reasons of each channel', async () => {
    const online = expectOk(await gw.request('/api/ratings/reasons?channel=online'), RatingReasonList);
    expect(online.indicators).toEqual([
      { key: 'efficiency', label: '办事效率' },
      { key: 'guideAccuracy', label: '办事指南精确度' },
      { key: 'convenience', label: '办事便捷度' },
      { key: 'usability', label: '平台操作性' },
    ]);
    const onsite = expectOk(await gw.request('/api/ratings/reasons?channel=onsite'), RatingReasonList);
    expect(onsite.indicators.map((i) => i.label)).toEqual(['服务效率', '服务水平', '服务态度']);
    for (const list of [online, onsite]) {
      expect(list.reasons.length).toBeGreaterThanOrEqual(6);
      expect(new Set(list.reasons.map((r) => r.code)).size).toBe(list.reasons.length);
    }
    expect(online.reasons.map((r) => r.label)).toEqual(
      expect.arrayContaining(['办理时间过长', '材料要求不清晰', '系统操作复杂', '多次往返仍未办成']),
    );
    expect(onsite.reasons.map((r) => r.label)).toEqual(
      expect.arrayContaining(['排队等候时间长', '工作人员态度差', '办理时间过长']),
    );
    expectError(await gw.request('/api/ratings/reasons'), 400, 'VALIDATION_FAILED');
    expectError(await gw.request('/api/ratings/reasons?channel=phone'), 400, 'VALIDATION_FAILED');
  });
});

describe('rating a case: bad input', () => {
  let caseId: string;

  beforeAll(async () => {
    caseId = (await createCase(gw, alice, 'FX-GA-0001')).id;
  });

  it('level must be 1–5', async () => {
    for (const level of [0, 6, 2.5]) {
      const error = await refused(caseRating(caseId, 4, { level }), 400, 'VALIDATION_FAILED');
      expect(error.fields?.map((f) => f.field)).toEqual(['level']);
    }
  });

  it('indicators must be exactly the channel’s, each 1–5', async () => {
    const missing = await refused(
      caseRating(caseId, 4, { indicators: { efficiency: 4, guideAccuracy: 4, convenience: 4 } }),
      400,
      'VALIDATION_FAILED',
    );
    expect(missing.fields).toEqual([{ field: 'indicators.usability', message: '请为“平台操作性”打分' }]);
    const onsiteKey = await refused(
      caseRating(caseId, 4, {
        indicators: { efficiency: 4, guideAccuracy: 4, convenience: 4, usability: 4, attitude: 4 },
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(onsiteKey.fields?.map((f) => f.field)).toEqual(['indicators.attitude']);
    const range = await refused(
      caseRating(caseId, 4, { indicators: { efficiency: 0, guideAccuracy: 4, convenience: 6, usability: 4 } }),
      400,
      'VALIDATION_FAILED',
    );
    expect(range.fields?.map((f) => f.field).sort()).toEqual(['indicators.convenience', 'indicators.efficiency']);
  });

  it('a 差评 needs a reason from the list and a comment of at least 5 characters', async () => {
    const noReason = await refused(caseRating(caseId, 2, { reasonCodes: [] }), 400, 'VALIDATION_FAILED');
    expect(noReason.fields).toEqual([{ field: 'reasonCodes', message: '请选择差评原因' }]);
    const absent = await refused(
      { target: { kind: 'case', caseId }, level: 1, indicators: caseRating(caseId, 1).indicators },
      400,
      'VALIDATION_FAILED',
    );
    expect(absent.fields?.map((f) => f.field)).toEqual(['reasonCodes', 'comment']);
    const noComment = await refused(caseRating(caseId, 1, { comment: '   太慢   ' }), 400, 'VALIDATION_FAILED');
    expect(noComment.fields).toEqual([{ field: 'comment', message: '差评请至少写 5 个字，说明遇到的问题' }]);
    const unknown = await refused(caseRating(caseId, 2, { reasonCodes: ['no_such_reason'] }), 400, 'VALIDATION_FAILED');
    expect(unknown.fields?.[0].field).toBe('reasonCodes');
    // An on-site reason is not an online one.
    const wrongChannel = await refused(
      caseRating(caseId, 2, { reasonCodes: ['long_queue'] }),
      400,
      'VALIDATION_FAILED',
    );
    expect(wrongChannel.fields?.[0].field).toBe('reasonCodes');
    // Reasons belong to 差评 only.
    const goodWithReason = await refused(
      caseRating(caseId, 4, { reasonCodes: ['too_slow'] }),
      400,
      'VALIDATION_FAILED',
    );
    expect(goodWithReason.fields?.[0].field).toBe('reasonCodes');
  });

  it('a comment is at most 500 characters after trimming', async () => {
    const huge = await refused(caseRating(caseId, 4, { comment: '很'.repeat(5000) }), 400, 'VALIDATION_FAILED');
    expect(huge.fields).toEqual([{ field: 'comment', message: '评价内容不能超过 500 个字' }]);
    await refused(caseRating(caseId, 4, { comment: '好'.repeat(501) }), 400, 'VALIDATION_FAILED');
    const tooLongForSchema = await refused(
      caseRating(caseId, 4, { comment: 'x'.repeat(5001) }),
      400,
      'VALIDATION_FAILED',
    );
    expect(tooLongForSchema.fields?.[0].field).toBe('comment');
    // 500 characters plus surrounding blanks is fine.
    const ok = await rateOk(gw, alice, caseRating(caseId, 4, { comment: `  ${'好'.repeat(500)}\n` }));
    expect(ok.comment).toBe('好'.repeat(500));
  });

  it('refuses unknown fields and a malformed target', async () => {
    const other = await createCase(gw, alice, 'FX-GA-0002');
    await refused(caseRating(other.id, 4, { userId: bob.userId }), 400, 'VALIDATION_FAILED');
    await refused({ ...caseRating(other.id, 4), target: { kind: 'case' } }, 400, 'VALIDATION_FAILED');
    await refused(
      { ...caseRating(other.id, 4), target: { kind: 'window', caseId: other.id } },
      400,
      'VALIDATION_FAILED',
    );
  });
});

describe('rating a case: whose, when, how often', () => {
  it('stores HTML in a comment as the literal text and returns it as given', async () => {
    const c = await createCase(gw, alice, 'FX-MZ-0001');
    const html = '<script>alert("x")</script><img src=x onerror=alert(1)> &amp; <b>慢</b>';
    const rating = await rateOk(gw, alice, caseRating(c.id, 1, { comment: html }));
    expect(rating.comment).toBe(html);
    const listed = expectOk(await gw.request('/api/me/ratings', { token: alice.token }), RatingList).ratings;
    expect(listed.find((r) => r.id === rating.id)?.comment).toBe(html);
    const one = expectOk(await gw.request(`/api/me/ratings/${rating.id}`, { token: alice.token }), Rating);
    expect(one.comment).toBe(html);
    const db = openDb(gw);
    const stored = db.prepare('SELECT comment FROM ratings WHERE id = ?').get(rating.id) as { comment: string };
    db.close();
    expect(stored.comment).toBe(html);
  });

  it('a good rating is stored with its indicators and opens no ticket', async () => {
    const c = await createCase(gw, alice, 'FX-SC-0001');
    const rating = await rateOk(gw, alice, caseRating(c.id, 5, { comment: '很快就办好了' }));
    expect(rating).toMatchObject({
      channel: 'online',
      subject: '食品经营许可（新办）',
      departmentName: '测试市场监督管理局',
      caseId: c.id,
      level: 5,
      isDefault: false,
      indicators: { efficiency: 5, guideAccuracy: 5, convenience: 5, usability: 5 },
      reasons: [],
      comment: '很快就办好了',
      createdAt: gw.clock.now().toISOString(),
    });
    expect(rating.ticket).toBeUndefined();
    expect(rating.hallName).toBeUndefined();
  });

  it('a case is rated once', async () => {
    const c = await createCase(gw, alice, 'FX-SC-0002');
    await rateOk(gw, alice, caseRating(c.id, 3));
    const error = await refused(caseRating(c.id, 5), 409, 'CONFLICT');
    expect(error.message).toBe('该办件已评价');
  });

  it('another user’s case is not found', async () => {
    const c = await createCase(gw, alice, 'FX-SC-0003');
    const error = await refused(caseRating(c.id, 1), 404, 'NOT_FOUND', bob);
    expect(error.message).toBe('没有找到这个办件');
    await refused(caseRating('no-such-case', 5), 404, 'NOT_FOUND');
  });

  it('a case that is not finished cannot be rated', async () => {
    for (const status of ['pending_review', 'accepted', 'needs_correction', 'withdrawn'] as const) {
      const c = await createCase(gw, alice, 'FX-MZ-0003', status);
      const error = await refused(caseRating(c.id, 5), 409, 'CONFLICT');
      expect(error.message).toBe('办件尚未办结，暂不能评价');
    }
  });

  it('an unverified user cannot rate', async () => {
    const anon = await person(gw, '13800000029', false);
    const c = await createCase(gw, anon, 'FX-GA-0001');
    const error = await refused(caseRating(c.id, 5), 403, 'FORBIDDEN', anon);
    expect(error.message).toBe('请先完成实名认证');
    expectError(await rate(gw, { ...anon, token: 'at_not-a-token' }, caseRating(c.id, 5)), 401, 'UNAUTHENTICATED');
  });

  it('ratings cannot be changed or deleted', async () => {
    const c = await createCase(gw, alice, 'FX-GA-0003');
    const rating = await rateOk(gw, alice, caseRating(c.id, 4));
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      const res = await gw.request(`/api/me/ratings/${rating.id}`, { method, token: alice.token, body: { level: 1 } });
      // The path is read-only: 405, and Allow says what it answers.
      expectError(res, 405, 'BAD_REQUEST');
      expect(res.headers.get('allow')).toBe('GET, HEAD');
    }
    expect(expectOk(await gw.request(`/api/me/ratings/${rating.id}`, { token: alice.token }), Rating).level).toBe(4);
    expectError(await gw.request(`/api/me/ratings/${rating.id}`, { token: bob.token }), 404, 'NOT_FOUND');
  });

  it('after 7 days the case can no longer be rated and shows as a 基本满意 default', async () => {
    const erin = await person(gw, '13800000023');
    const late = await createCase(gw, erin, 'FX-MZ-0002');
    const completedAt = Date.parse(late.completedAt ?? '');
    moveClockTo(gw, new Date(completedAt + RATING_WINDOW_DAYS * 86_400_000 + 1000).toISOString());
    const error = await refused(caseRating(late.id, 5), 409, 'CONFLICT', erin);
    expect(error.message).toMatch(/已超过评价期限/);

    const ratings = expectOk(await gw.request('/api/me/ratings', { token: erin.token }), RatingList).ratings;
    const deadline = new Date(completedAt + RATING_WINDOW_DAYS * 86_400_000).toISOString();
    expect(ratings).toEqual([
      {
        id: `default-${late.id}`,
        channel: 'online',
        subject: '离婚登记',
        departmentName: '测试民政局',
        caseId: late.id,
        level: 3,
        isDefault: true,
        indicators: {},
        reasons: [],
        comment: '',
        createdAt: deadline,
      },
    ]);
    expect(expectOk(await gw.request(`/api/me/ratings/default-${late.id}`, { token: erin.token }), Rating)).toEqual(
      ratings[0],
    );
    // Nobody else sees it, and an open case has no default yet.
    expectError(await gw.request(`/api/me/ratings/default-${late.id}`, { token: bob.token }), 404, 'NOT_FOUND');
    const fresh = await createCase(gw, erin, 'FX-MZ-0001');
    expectError(await gw.request(`/api/me/ratings/default-${fresh.id}`, { token: erin.token }), 404, 'NOT_FOUND');
    // Nothing was written for the default: it is computed from the clock.
    const db = openDb(gw);
    expect(db.prepare('SELECT COUNT(*) AS n FROM ratings WHERE case_id = ?').get(late.id)).toEqual({ n: 0 });
    db.close();
  });

  it('at most 20 ratings per user per day', async () => {
    const frank = await person(gw, '13800000024');
    // 10:00 in China: the day ends in 14 hours.
    moveClockTo(gw, '2025-03-20T02:00:00Z');
    const cases = [];
    for (let i = 0; i < 22; i += 1) cases.push(await createCase(gw, frank, 'FX-GA-0001'));
    for (let i = 0; i < 20; i += 1) await rateOk(gw, frank, caseRating(cases[i].id, 5));
    const error = await refused(caseRating(cases[20].id, 5), 429, 'RATE_LIMITED', frank);
    expect(error.message).toBe('今天的评价次数已达上限，请明天再试');
    expect(error.retryAfterSeconds).toBe(14 * 3600);
    // Others are not affected; the next China day (midnight +08:00) the user may rate again.
    await rateOk(gw, alice, caseRating((await createCase(gw, alice, 'FX-GA-0001')).id, 5));
    moveClockTo(gw, '2025-03-20T16:00:00Z');
    await rateOk(gw, frank, caseRating(cases[20].id, 5));
  });
});
