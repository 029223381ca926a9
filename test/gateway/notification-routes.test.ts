import type { Database } from 'better-sqlite3';
import {
  MarkAllRead,
  NotificationConsentList,
  NotificationItem,
  NotificationList,
  UnreadCount,
} from '../../types/contract';
import { runAdmin } from '../../gateway/src/cli/admin-commands';
import { loadConfig } from '../../gateway/src/config';
import { openDatabase } from '../../gateway/src/db/open-database';
import { enqueueNotification } from '../../gateway/src/notifications/notification-outbox';
import { expectError, expectOk, type TestGateway } from './support/harness';
import { person, type Person } from './support/ratings';
import { actOk, startPrereviewGateway, submittedFoodCase } from './support/prereview';
import { ScriptedSender, everyChannel, silentLog, standInWorker, weappPerson } from './support/notifications';
import { NotificationWorker } from '../../gateway/src/notifications/notification-worker';

let gw: TestGateway;
let db: Database;
let alice: Person;
let bob: Person;
let serial = 0;

beforeAll(async () => {
  gw = await startPrereviewGateway({
    notifications: { intervalMs: 0, weappTemplates: { case_status: 'wx-tmpl-case-status' } },
  });
  db = openDatabase(gw.dataDir);
  alice = await person(gw, '13800000801', true, '王小明');
  bob = await person(gw, '13800000802', true, '李四');
});

afterAll(async () => {
  db.close();
  await gw.close();
});

/** One notification for the person, a second later than the previous one. */
function notify(who: Person, title = '您的办件已受理'): string {
  serial += 1;
  gw.clock.advance(1);
  return enqueueNotification(
    db,
    {
      userId: who.userId,
      key: `routes-test:${serial}`,
      kind: 'case_accepted',
      subject: { kind: 'case', id: `case-${serial}` },
      title,
      body: `第 ${serial} 条`,
      fields: { item: '食品经营许可', caseNo: `C${serial}`, status: '已受理', note: '-', time: '2025年3月3日 10:00' },
    },
    gw.clock.now().getTime(),
  ).id;
}

const list = async (who: Person, query = ''): Promise<NotificationList> =>
  expectOk(await gw.request(`/api/me/notifications${query}`, { token: who.token }), NotificationList);
const unread = async (who: Person): Promise<number> =>
  expectOk(await gw.request('/api/me/notifications/unread-count', { token: who.token }), UnreadCount).unread;
const markRead = (who: Person, id: string) =>
  gw.request(`/api/me/notifications/${id}/read`, { method: 'POST', token: who.token });

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAdmin(argv, {
    db,
    now: gw.clock.now,
    rectificationDays: 15,
    defaultBase: 'https://zwfw.example.cn',
    io: { out: (l) => out.push(l), err: (l) => err.push(l) },
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('消息 over HTTP', () => {
  it('lists my notifications newest first, page by page, with the unread count', async () => {
    const ids = Array.from({ length: 5 }, (_, i) => notify(alice, `消息 ${i + 1}`));
    notify(bob, '别人的消息');
    const first = await list(alice, '?limit=2');
    expect(first.items.map((n) => n.title)).toEqual(['消息 5', '消息 4']);
    expect(first.unread).toBe(5);
    expect(first.items[0]).toMatchObject({
      id: ids[4],
      kind: 'case_accepted',
      template: 'case_status',
      subject: { kind: 'case', id: expect.stringMatching(/^case-\d+$/) },
      delivery: { channel: 'sms', status: 'pending' },
    });
    expect(first.items[0].readAt).toBeUndefined();
    const second = await list(alice, `?limit=2&cursor=${first.nextCursor ?? ''}`);
    expect(second.items.map((n) => n.title)).toEqual(['消息 3', '消息 2']);
    const third = await list(alice, `?limit=2&cursor=${second.nextCursor ?? ''}`);
    expect(third.items.map((n) => n.title)).toEqual(['消息 1']);
    expect(third.nextCursor).toBeUndefined();
    expect(await unread(alice)).toBe(5);
  });

  it('shows each notification whatever became of its platform delivery', async () => {
    const wx = await weappPerson(gw, 'routes-no-consent');
    const id = notify(wx, '未授权也能看到');
    await standInWorker(gw, db).worker.runOnce();
    const mine = await list(wx);
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({
      id,
      title: '未授权也能看到',
      delivery: { channel: 'weapp', status: 'skipped' },
    });
    // Alice's were delivered by the stand-in meanwhile.
    const alices = await list(alice, '?limit=1');
    expect(alices.items[0].delivery).toEqual({ channel: 'sms', status: 'sent', sentAt: expect.any(String) });
  });

  it('marks one read (keeping the first time), then all', async () => {
    const [one] = (await list(alice)).items;
    const read = expectOk(await markRead(alice, one.id), NotificationItem);
    expect(read.readAt).toBe(gw.clock.now().toISOString());
    gw.clock.advance(60);
    expect(expectOk(await markRead(alice, one.id), NotificationItem).readAt).toBe(read.readAt);
    expect(await unread(alice)).toBe(4);
    const all = expectOk(
      await gw.request('/api/me/notifications/read-all', { method: 'POST', token: alice.token }),
      MarkAllRead,
    );
    expect(all).toEqual({ marked: 4, unread: 0 });
    expect((await list(alice)).items.every((n) => n.readAt !== undefined)).toBe(true);
  });

  it("keeps each person's notifications theirs: another's can be neither seen nor marked", async () => {
    const alicesNew = notify(alice, '只给王小明');
    expect((await list(bob)).items.map((n) => n.title)).toEqual(['别人的消息']);
    expectError(await markRead(bob, alicesNew), 404, 'NOT_FOUND');
    await gw.request('/api/me/notifications/read-all', { method: 'POST', token: bob.token });
    expect(await unread(alice)).toBe(1);
    expectError(await gw.request('/api/me/notifications'), 401, 'UNAUTHENTICATED');
    expectError(await markRead(alice, 'no-such-id'), 404, 'NOT_FOUND');
  });

  it('refuses a bad page request with field names in Chinese', async () => {
    const error = expectError(
      await gw.request('/api/me/notifications?limit=500', { token: alice.token }),
      400,
      'VALIDATION_FAILED',
    );
    expect(error.message).toContain('每页条数');
  });
});

describe('consent to platform messages', () => {
  it('lists every template; an SMS login is on until it opts out', async () => {
    const consents = expectOk(
      await gw.request('/api/me/notification-consents', { token: bob.token }),
      NotificationConsentList,
    );
    expect(consents.channel).toBe('sms');
    expect(consents.consents.every((c) => c.templateId === undefined)).toBe(true);
    expect(consents.consents.map((c) => [c.template, c.name, c.active])).toEqual([
      ['case_status', '办件进度通知', true],
      ['commitment_result', '告知承诺核查结果通知', true],
      ['rectification', '差评整改进度通知', true],
      ['rating_reminder', '服务评价提醒', true],
      ['appointment', '预约办事提醒', true],
    ]);
    const after = expectOk(
      await gw.request('/api/me/notification-consents', {
        method: 'POST',
        token: bob.token,
        body: { platform: 'h5', answers: [{ template: 'rating_reminder', accepted: false }] },
      }),
      NotificationConsentList,
    );
    expect(after.consents.find((c) => c.template === 'rating_reminder')).toEqual({
      template: 'rating_reminder',
      name: '服务评价提醒',
      active: false,
      accepted: false,
      answeredAt: gw.clock.now().toISOString(),
      platform: 'h5',
    });
  });

  it('a WeChat login needs an answer on record; the latest answer counts', async () => {
    const wx = await weappPerson(gw, 'routes-consent');
    const post = (accepted: boolean) =>
      gw.request('/api/me/notification-consents', {
        method: 'POST',
        token: wx.token,
        body: { platform: 'weapp', answers: [{ template: 'case_status', accepted }] },
      });
    const before = expectOk(
      await gw.request('/api/me/notification-consents', { token: wx.token }),
      NotificationConsentList,
    );
    expect(before.channel).toBe('weapp');
    // The app asks the WeChat prompt for the ids the gateway sends with.
    expect(before.consents.map((c) => c.templateId)).toEqual([
      'wx-tmpl-case-status',
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(before.consents.every((c) => !c.active && c.accepted === undefined)).toBe(true);
    const yes = expectOk(await post(true), NotificationConsentList);
    expect(yes.consents.find((c) => c.template === 'case_status')?.active).toBe(true);
    const no = expectOk(await post(false), NotificationConsentList);
    expect(no.consents.find((c) => c.template === 'case_status')).toMatchObject({ active: false, accepted: false });
  });

  it('refuses an unknown template', async () => {
    const res = await gw.request('/api/me/notification-consents', {
      method: 'POST',
      token: bob.token,
      body: { platform: 'weapp', answers: [{ template: 'marketing', accepted: true }] },
    });
    const error = expectError(res, 400, 'VALIDATION_FAILED');
    expect(error.message).toContain('消息模板');
  });
});

describe('gateway:admin -- outbox', () => {
  it('prints counts and rows with recipients masked, filtered by status', async () => {
    await standInWorker(gw, db).worker.runOnce();
    const failing = new ScriptedSender([{ ok: false, retryable: false, error: '短信通道拒绝：号码已停机' }]);
    notify(alice, '会失败的消息');
    await new NotificationWorker({ db, now: gw.clock.now, senders: everyChannel(failing), log: silentLog }).runOnce();
    const { detail, ids } = await submittedFoodCase(gw, bob);
    await actOk(gw, detail.id, {
      action: 'return',
      materials: [{ materialId: ids['营业执照'], comment: '照片模糊，请重新拍摄' }],
    });
    gw.clock.advance(1);
    await standInWorker(gw, db).worker.runOnce();

    const all = await cli('outbox');
    expect(all.code).toBe(0);
    expect(all.out).toMatch(/^发件箱：待发送 \d+ · 发送中 0 · 已发送 \d+ · 发送失败 \d+ · 未发送 \d+$/m);
    expect(all.out).not.toContain('13800000801');
    expect(all.out).not.toContain('13800000802');

    const failed = await cli('outbox', '--status', 'failed', '--limit', '1');
    expect(failed.out).toContain('发送失败  短信 → ****0801  办件进度通知  “会失败的消息”');
    expect(failed.out).toContain('错误：短信通道拒绝：号码已停机');

    const skipped = await cli('outbox', '--status', 'skipped');
    expect(skipped.out).toContain('原因：未获得“办件进度通知”的订阅授权');

    const sent = await cli('outbox', '--status', 'sent', '--limit', '1');
    expect(sent.out).toMatch(/已发送 {2}短信 → \*\*\*\*0802 {2}办件进度通知 {2}“您的办件需要补正材料”/);
    expect(sent.out).toMatch(/送达 .+（用时 \d+\.\d 秒）/);

    const bad = await cli('outbox', '--status', 'lost');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--status 只能是');
  });
});

describe('configuration', () => {
  it("reads the poll interval and the platforms' template ids from the environment", () => {
    expect(loadConfig({})).toMatchObject({ notifyIntervalMs: 1000, weappTemplates: {}, alipayTemplates: {} });
    const config = loadConfig({
      GATEWAY_NOTIFY_INTERVAL_MS: '0',
      WEAPP_TEMPLATE_CASE_STATUS: ' wx-1 ',
      ALIPAY_TEMPLATE_RECTIFICATION: 'ali-2',
    });
    expect(config).toMatchObject({
      notifyIntervalMs: 0,
      weappTemplates: { case_status: 'wx-1' },
      alipayTemplates: { rectification: 'ali-2' },
    });
    expect(() => loadConfig({ GATEWAY_NOTIFY_INTERVAL_MS: 'soon' })).toThrow(/GATEWAY_NOTIFY_INTERVAL_MS/);
  });
});
