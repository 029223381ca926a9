import { CaseList, CaseSummary, RATING_WINDOW_DAYS } from '../../types/contract';
import { loadConfig } from '../../gateway/src/config';
import { openDatabase } from '../../gateway/src/db/open-database';
import { CaseStore } from '../../gateway/src/store/case-store';
import { expectError, expectOk, type TestGateway } from './support/harness';
import {
  ADMIN_TOKEN,
  admin,
  caseRating,
  createCase,
  openDb,
  person,
  rateOk,
  startRatingGateway,
  type Person,
} from './support/ratings';

let gw: TestGateway;
let alice: Person;
let bob: Person;

beforeAll(async () => {
  gw = await startRatingGateway();
  alice = await person(gw, '13800000011');
  bob = await person(gw, '13800000012');
});

afterAll(async () => {
  await gw.close();
});

const myCases = async (who: Person) =>
  expectOk(await gw.request('/api/me/cases', { token: who.token }), CaseList).cases;

describe('admin: creating cases', () => {
  it('creates a case by login mobile or user id, for an existing item, and records the officer', async () => {
    const byMobile = await createCase(gw, alice, 'FX-MZ-0001', 'accepted');
    expect(byMobile).toMatchObject({
      itemCode: 'FX-MZ-0001',
      itemName: '结婚登记',
      departmentName: '测试民政局',
      status: 'accepted',
      submittedAt: gw.clock.now().toISOString(),
      ratingState: 'not_ratable',
    });
    expect(byMobile.completedAt).toBeUndefined();
    expect(byMobile.ratingDeadline).toBeUndefined();

    const byId = expectOk(
      await admin(
        gw,
        'POST',
        '/cases',
        { userId: bob.userId, itemCode: 'FX-GA-0001', status: 'completed' },
        { 'x-officer': encodeURIComponent('李科员') },
      ),
      CaseSummary,
    );
    expect(byId.completedAt).toBe(gw.clock.now().toISOString());
    const db = openDb(gw);
    const events = db.prepare('SELECT to_status, actor FROM case_events WHERE case_id = ?').all(byId.id);
    const first = db.prepare('SELECT actor FROM case_events WHERE case_id = ?').get(byMobile.id) as { actor: string };
    db.close();
    expect(events).toEqual([{ to_status: 'completed', actor: 'officer:李科员' }]);
    expect(first.actor).toBe('officer:admin');
  });

  it('refuses an unknown item, an unknown user, and both or neither of userId / mobile', async () => {
    const item = expectError(
      await admin(gw, 'POST', '/cases', { mobile: alice.mobile, itemCode: 'NO-SUCH', status: 'completed' }),
      404,
      'NOT_FOUND',
    );
    expect(item.message).toMatch(/没有找到这个事项/);
    expectError(
      await admin(gw, 'POST', '/cases', { mobile: '13999999999', itemCode: 'FX-MZ-0001', status: 'completed' }),
      404,
      'NOT_FOUND',
    );
    expectError(
      await admin(gw, 'POST', '/cases', { userId: 'nobody', itemCode: 'FX-MZ-0001', status: 'completed' }),
      404,
      'NOT_FOUND',
    );
    const both = expectError(
      await admin(gw, 'POST', '/cases', {
        userId: alice.userId,
        mobile: alice.mobile,
        itemCode: 'FX-MZ-0001',
        status: 'completed',
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(both.fields?.[0].field).toBe('userId');
    expectError(
      await admin(gw, 'POST', '/cases', { itemCode: 'FX-MZ-0001', status: 'completed' }),
      400,
      'VALIDATION_FAILED',
    );
    const status = expectError(
      await admin(gw, 'POST', '/cases', { mobile: alice.mobile, itemCode: 'FX-MZ-0001', status: 'done' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(status.fields?.[0].field).toBe('status');
  });
});

describe('admin token', () => {
  const body = { mobile: '13800000011', itemCode: 'FX-MZ-0001', status: 'completed' };

  it('is required and must match', async () => {
    const before = (await myCases(alice)).length;
    const missing = expectError(await gw.request('/api/admin/cases', { method: 'POST', body }), 403, 'FORBIDDEN');
    expect(missing.message).toBe('管理令牌无效');
    const wrong = expectError(
      await gw.request('/api/admin/tickets', { headers: { 'x-admin-token': `${ADMIN_TOKEN}x` } }),
      403,
      'FORBIDDEN',
    );
    expect(wrong.message).toBe('管理令牌无效');
    // A user's bearer token is no admin token.
    expectError(await gw.request('/api/admin/tickets', { token: alice.token }), 403, 'FORBIDDEN');
    expect((await myCases(alice)).length).toBe(before);
  });

  it('when no admin token is configured, the officer API is off for everyone', async () => {
    const off = await startRatingGateway({ adminToken: undefined });
    try {
      const attempts: Record<string, string>[] = [{}, { 'x-admin-token': ADMIN_TOKEN }, { 'x-admin-token': '' }];
      for (const headers of attempts) {
        const error = expectError(await off.request('/api/admin/tickets', { headers }), 403, 'FORBIDDEN');
        expect(error.message).toBe('管理接口未启用');
      }
      expectError(
        await off.request('/api/admin/windows/FX-ZW-A01/qr', { headers: { 'x-admin-token': ADMIN_TOKEN } }),
        403,
        'FORBIDDEN',
      );
    } finally {
      await off.close();
    }
  });
});

describe('my cases', () => {
  it('lists only the user’s own cases, newest first', async () => {
    const carol = await person(gw, '13800000013');
    gw.clock.advance(60);
    const first = await createCase(gw, carol, 'FX-GA-0002', 'pending_review');
    gw.clock.advance(60);
    const second = await createCase(gw, carol, 'FX-SC-0001', 'completed');
    expect((await myCases(carol)).map((c) => c.id)).toEqual([second.id, first.id]);
    expect((await myCases(bob)).map((c) => c.id)).not.toContain(first.id);
    // The case page shows the summary and more (form, materials, timeline).
    expect(expectOk(await gw.request(`/api/me/cases/${first.id}`, { token: carol.token }), CaseSummary)).toMatchObject(
      first,
    );
  });

  it('someone else’s case is not found (its existence is not revealed)', async () => {
    const mine = await createCase(gw, alice, 'FX-MZ-0002', 'completed');
    const theirs = expectError(await gw.request(`/api/me/cases/${mine.id}`, { token: bob.token }), 404, 'NOT_FOUND');
    const none = expectError(await gw.request('/api/me/cases/no-such-case', { token: bob.token }), 404, 'NOT_FOUND');
    expect(theirs.message).toBe(none.message);
    expectError(await gw.request(`/api/me/cases/${mine.id}`), 401, 'UNAUTHENTICATED');
  });

  it('rating state: not ratable → open until completedAt + 7 days → rated, or defaulted after the deadline', async () => {
    const dave = await person(gw, '13800000014');
    const accepted = await createCase(gw, dave, 'FX-GA-0003', 'accepted');
    const toRate = await createCase(gw, dave, 'FX-SC-0002', 'posted');
    const toLeave = await createCase(gw, dave, 'FX-SC-0003', 'completed');
    const deadline = new Date(Date.parse(toLeave.completedAt ?? '') + RATING_WINDOW_DAYS * 86_400_000).toISOString();
    expect(accepted).toMatchObject({ ratingState: 'not_ratable' });
    expect(toLeave).toMatchObject({ ratingState: 'open', ratingDeadline: deadline });
    expect(toLeave.ratingId).toBeUndefined();

    const rating = await rateOk(gw, dave, caseRating(toRate.id, 4));
    const get = async (id: string) =>
      expectOk(await gw.request(`/api/me/cases/${id}`, { token: dave.token }), CaseSummary);
    expect(await get(toRate.id)).toMatchObject({ ratingState: 'rated', ratingId: rating.id });

    // The deadline itself is still open; one second later the case counts as 基本满意.
    gw.clock.advance(RATING_WINDOW_DAYS * 86_400);
    expect(await get(toLeave.id)).toMatchObject({ ratingState: 'open' });
    gw.clock.advance(1);
    expect(await get(toLeave.id)).toMatchObject({ ratingState: 'defaulted', ratingId: `default-${toLeave.id}` });
    expect(await get(toRate.id)).toMatchObject({ ratingState: 'rated', ratingId: rating.id });
    expect(await get(accepted.id)).toMatchObject({ ratingState: 'not_ratable' });
  });
});

describe('case status changes (for the pre-review workflow)', () => {
  it('are recorded with who made them; the first entry into a finished status sets completedAt', async () => {
    const gina = await person(gw, '13800000015');
    const created = await createCase(gw, gina, 'FX-MZ-0001', 'pending_review');
    const db = openDatabase(gw.dataDir);
    try {
      const store = new CaseStore(db);
      const t0 = gw.clock.now().getTime();
      store.changeStatus(created.id, 'accepted', 'officer:李科员', '材料齐全，予以受理', t0 + 1000);
      const completed = store.changeStatus(created.id, 'completed', 'system', '', t0 + 2000);
      const posted = store.changeStatus(created.id, 'posted', 'system', 'EMS 1234', t0 + 3000);
      expect(completed?.completed_at).toBe(t0 + 2000);
      expect(posted?.completed_at).toBe(t0 + 2000);
      expect(store.changeStatus('no-such-case', 'completed', 'system', '', t0)).toBeUndefined();
      expect(store.history(created.id).map((e) => [e.from_status, e.to_status, e.actor])).toEqual([
        [null, 'pending_review', 'officer:admin'],
        ['pending_review', 'accepted', 'officer:李科员'],
        ['accepted', 'completed', 'system'],
        ['completed', 'posted', 'system'],
      ]);
    } finally {
      db.close();
    }
    const summary = expectOk(await gw.request(`/api/me/cases/${created.id}`, { token: gina.token }), CaseSummary);
    expect(summary).toMatchObject({ status: 'posted', ratingState: 'open' });
  });
});

describe('configuration', () => {
  it('reads the admin token, public URL and rectification period from the environment', () => {
    const config = loadConfig({ GATEWAY_ADMIN_TOKEN: ' s3cret ', GATEWAY_PUBLIC_URL: 'https://zwfw.example.cn' });
    expect(config).toMatchObject({
      adminToken: 's3cret',
      publicBaseUrl: 'https://zwfw.example.cn',
      rectificationDays: 15,
    });
    expect(loadConfig({ GATEWAY_ADMIN_TOKEN: '  ' }).adminToken).toBeUndefined();
    expect(loadConfig({ RECTIFICATION_DAYS: '10' }).rectificationDays).toBe(10);
    expect(() => loadConfig({ RECTIFICATION_DAYS: '0' })).toThrow(/RECTIFICATION_DAYS/);
    expect(loadConfig({}).searchAnswerCache).toBe(256);
    expect(loadConfig({ GATEWAY_SEARCH_CACHE: '0' }).searchAnswerCache).toBe(0);
    expect(() => loadConfig({ GATEWAY_SEARCH_CACHE: 'lots' })).toThrow(/GATEWAY_SEARCH_CACHE/);
  });
});
