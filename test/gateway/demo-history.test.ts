import BetterSqlite3 from 'better-sqlite3';
import path from 'node:path';
import {
  BookingList,
  HallTicketList,
  AdminCaseQueue,
  CaseList,
  CommitmentList,
  CommitmentVerification,
  RatingList,
  RatingStats,
  AdminTicketView,
  type CaseStatus,
} from '../../types/contract';
import { Type } from '@sinclair/typebox';
import { CASE_STATUS_NAMES } from '../../src/lib/case-status';
import { loadConfig } from '../../gateway/src/config';
import { startDemoSetting } from '../../gateway/src/cli/demo-switch';
import { DATABASE_FILE } from '../../gateway/src/db/open-database';
import { DEMO_RESIDENTS, MAIN_DEMO_RESIDENT } from '../../gateway/src/demo/demo-residents';
import { DEFAULT_SEED_DIR } from '../../gateway/src/paths';
import { expectOk, smsLogin, startGateway, tempDir, type TestGateway } from './support/harness';

const ADMIN_TOKEN = 'demo-test-admin-token';

/** The real Hongshan seed (the demo applies for its items), with an admin token for officers' lists. */
function startDemoGateway(options: { dataDir?: string; demoData?: boolean } = {}): Promise<TestGateway> {
  return startGateway({ seedDir: DEFAULT_SEED_DIR, adminToken: ADMIN_TOKEN, ...options });
}

/** Row counts of everything demo history writes. */
function counts(dataDir: string): Record<string, number> {
  const db = new BetterSqlite3(path.join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      demoUsers: n('SELECT COUNT(*) AS n FROM users WHERE demo = 1'),
      cases: n('SELECT COUNT(*) AS n FROM cases'),
      caseEvents: n('SELECT COUNT(*) AS n FROM case_events'),
      ratings: n('SELECT COUNT(*) AS n FROM ratings'),
      tickets: n('SELECT COUNT(*) AS n FROM rectification_tickets'),
      commitments: n('SELECT COUNT(*) AS n FROM commitments'),
      uploads: n('SELECT COUNT(*) AS n FROM uploads'),
    };
  } finally {
    db.close();
  }
}

const statsOf = async (gw: TestGateway) => expectOk(await gw.request('/api/ratings/stats'), RatingStats);
const adminGet = (gw: TestGateway, url: string) => gw.request(url, { headers: { 'x-admin-token': ADMIN_TOKEN } });

describe('demo history, seeded once', () => {
  let gw: TestGateway;
  let token: string;
  /** Each demo resident's access token (one SMS login each: the gateway limits codes per number). */
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    gw = await startDemoGateway({ demoData: true });
    for (const resident of DEMO_RESIDENTS)
      tokens.set(resident.mobile, (await smsLogin(gw, resident.mobile)).accessToken);
    token = tokens.get(MAIN_DEMO_RESIDENT.mobile) ?? '';
  });

  afterAll(async () => {
    await gw.close();
  });

  it('fills the public 好差评 figures: ratings, 差评, rectified on time, halls rated on site', async () => {
    const stats = await statsOf(gw);
    const rated = stats.departments.filter((d) => d.total > 0);
    expect(rated.length).toBeGreaterThanOrEqual(3);
    expect(stats.departments.reduce((sum, d) => sum + d.badCount, 0)).toBeGreaterThanOrEqual(2);
    expect(stats.departments.some((d) => d.rectifiedOnTimeRate === 1)).toBe(true);
    expect(stats.halls.some((h) => h.total > 0)).toBe(true);
  });

  it('gives the main demo resident, logged in by SMS like anyone, a case in every workflow state', async () => {
    const { cases } = expectOk(await gw.request('/api/me/cases', { token }), CaseList);
    const states = new Set(cases.map((c) => c.status));
    expect([...states].sort()).toEqual((Object.keys(CASE_STATUS_NAMES) as CaseStatus[]).sort());
    // One finished case left unrated past its 7 days counts as 默认好评, one rated, one open for rating.
    expect(cases.map((c) => c.ratingState)).toEqual(expect.arrayContaining(['defaulted', 'rated']));
  });

  it('has an upcoming booking and a number today, for 我的预约 and 排队进度', async () => {
    const { bookings } = expectOk(await gw.request('/api/me/bookings', { token }), BookingList);
    expect(bookings.map((b) => [b.itemName, b.status])).toEqual([['残疾人证办理', 'booked']]);
    const { tickets } = expectOk(await gw.request('/api/me/hall-tickets', { token }), HallTicketList);
    expect(tickets).toHaveLength(1);
    expect(tickets[0]).toMatchObject({ hallName: '洪山区政务服务中心', status: 'waiting' });
    expect(tickets[0].number).toMatch(/^B\d{3}$/);
  });

  it('has a signed 告知承诺 whose receipt verifies, used by a case', async () => {
    const { commitments } = expectOk(await gw.request('/api/me/commitments', { token }), CommitmentList);
    expect(commitments.length).toBeGreaterThanOrEqual(1);
    const [receipt] = commitments;
    expect(receipt.record.caseId).toBeDefined();
    expect(receipt.status).toBe('verified');
    const check = expectOk(
      await gw.request(`/api/commitments/${receipt.record.id}/verification`),
      CommitmentVerification,
    );
    expect(check).toMatchObject({ intact: true });
  });

  it('rates at all five levels over the past weeks, with a 差评 whose 整改 ticket the rater closed', async () => {
    const levels = new Set<number>();
    const days = new Set<string>();
    for (const resident of DEMO_RESIDENTS) {
      const own = tokens.get(resident.mobile);
      const { ratings } = expectOk(await gw.request('/api/me/ratings', { token: own }), RatingList);
      for (const r of ratings.filter((rating) => !rating.isDefault)) {
        levels.add(r.level);
        days.add(r.createdAt.slice(0, 10));
        expect(r.comment.startsWith('【演示】')).toBe(true);
      }
    }
    expect([...levels].sort()).toEqual([1, 2, 3, 4, 5]);
    expect(days.size).toBeGreaterThanOrEqual(8);

    const { ratings } = expectOk(await gw.request('/api/me/ratings', { token }), RatingList);
    const bad = ratings.find((r) => r.level <= 2);
    expect(bad?.ticket).toMatchObject({ status: 'closed', overdue: false, feedback: { level: 'satisfied' } });
    expect(bad?.ticket?.history.map((h) => h.status)).toEqual(['verifying', 'rectifying', 'revisiting', 'closed']);
  });

  it('stays out of officers’ work lists: pre-review queue, 差评 tickets, commitments to verify', async () => {
    const queue = expectOk(await adminGet(gw, '/api/admin/prereview/queue'), AdminCaseQueue);
    expect(queue.cases).toEqual([]);
    const tickets = expectOk(
      await adminGet(gw, '/api/admin/tickets'),
      Type.Object({ tickets: Type.Array(AdminTicketView) }),
    );
    expect(tickets.tickets).toEqual([]);
    const commitments = expectOk(await adminGet(gw, '/api/admin/commitments'), CommitmentList);
    expect(commitments.commitments).toEqual([]);
  });
});

it('is written once: a second start on the same data folder adds nothing', async () => {
  const dataDir = tempDir('demo-twice');
  const first = await startDemoGateway({ dataDir, demoData: true });
  await first.app.close();
  const once = counts(dataDir);
  expect(once.demoUsers).toBe(DEMO_RESIDENTS.length);
  const second = await startDemoGateway({ dataDir, demoData: true });
  try {
    expect(counts(dataDir)).toEqual(once);
  } finally {
    await second.close();
  }
});

it('is off by default: a gateway starts with no demo residents and empty figures', async () => {
  const gw = await startDemoGateway();
  try {
    expect(counts(gw.dataDir)).toMatchObject({ demoUsers: 0, cases: 0, ratings: 0, commitments: 0 });
    expect((await statsOf(gw)).departments.every((d) => d.total === 0)).toBe(true);
  } finally {
    await gw.close();
  }
});

it('is on for npm start unless GATEWAY_DEMO_DATA=off or --no-demo-data, off for npm run gateway', () => {
  expect(startDemoSetting([], {})).toBe('on');
  expect(startDemoSetting(['--no-demo-data'], {})).toBe('off');
  expect(startDemoSetting([], { GATEWAY_DEMO_DATA: 'off' })).toBe('off');
  expect(startDemoSetting(['--no-demo-data'], { GATEWAY_DEMO_DATA: 'on' })).toBe('off');
  expect(loadConfig({ GATEWAY_DEMO_DATA: startDemoSetting([], {}) }).demoData).toBe(true);
  expect(loadConfig({ GATEWAY_DEMO_DATA: startDemoSetting(['--no-demo-data'], {}) }).demoData).toBe(false);
  expect(loadConfig({}).demoData).toBe(false);
  expect(() => loadConfig({ GATEWAY_DEMO_DATA: 'maybe' })).toThrow(/GATEWAY_DEMO_DATA/);
});
