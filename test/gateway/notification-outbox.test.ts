import type { Database } from 'better-sqlite3';
import { CommitmentReceipt, type Rating } from '../../types/contract';
import { prereviewServices } from '../../gateway/src/cases/prereview-services';
import { openDatabase } from '../../gateway/src/db/open-database';
import { sweepDefaultRatings } from '../../gateway/src/notifications/default-rating-sweep';
import { enqueueNotification, type NotificationInput } from '../../gateway/src/notifications/notification-outbox';
import { NotificationWorker } from '../../gateway/src/notifications/notification-worker';
import { caseNumber } from '../../gateway/src/notifications/notification-texts';
import { expectOk, type TestGateway } from './support/harness';
import { noticesOf, signOk } from './support/commitments';
import { admin, caseRating, createCase, person, rateOk, type Person } from './support/ratings';
import { FOOD_LICENCE, actOk, startPrereviewGateway, submittedFoodCase } from './support/prereview';
import {
  ScriptedSender,
  everyChannel,
  outboxRows,
  silentLog,
  standInWorker,
  weappPerson,
} from './support/notifications';

let gw: TestGateway;
let db: Database;
let applicant: Person;
let serial = 0;

beforeAll(async () => {
  // No worker in the gateway: each test runs its own on its own connection, by hand.
  gw = await startPrereviewGateway({ notifications: { intervalMs: 0 } });
  db = openDatabase(gw.dataDir);
  applicant = await person(gw, '13800000701', true, '李四');
});

afterAll(async () => {
  db.close();
  await gw.close();
});

/** A notification of the person's, written directly (the way 预约取号 writes its reminders). */
function accepted(userId: string, itemName = '食品经营许可证核发'): NotificationInput {
  serial += 1;
  return {
    userId,
    key: `test:${serial}`,
    kind: 'case_accepted',
    subject: { kind: 'case', id: `case-${serial}` },
    title: '您的办件已受理',
    body: `您申请的「${itemName}」已受理。`,
    fields: {
      item: itemName,
      caseNo: `CASE${serial}`,
      status: '已受理',
      note: '将在承诺时限内办结',
      time: '2025年3月3日 10:00',
    },
  };
}

/** Sends everything due with the stand-ins, so a test starts from an empty queue. */
const drain = () => standInWorker(gw, db).worker.runOnce();

const returnBody = (ids: Record<string, string>) => ({
  action: 'return',
  materials: [{ materialId: ids['营业执照'], comment: '照片模糊，请重新拍摄' }],
});

describe('events write their notification in the same transaction', () => {
  it('a case returned for 补正 tells the applicant the item, the case number and the reasons', async () => {
    const { detail, ids } = await submittedFoodCase(gw, applicant);
    await actOk(gw, detail.id, returnBody(ids));
    const rows = outboxRows(db, applicant.userId).filter((r) => r.subject_id === detail.id);
    expect(rows).toHaveLength(1);
    const [row] = rows;
    const lastEvent = db.prepare('SELECT MAX(id) AS id FROM case_events WHERE case_id = ?').get(detail.id) as {
      id: number;
    };
    expect(row).toMatchObject({
      event_kind: 'case_returned',
      event_key: `case-event:${lastEvent.id}`,
      subject_kind: 'case',
      title: '您的办件需要补正材料',
      channel: 'sms',
      template: 'case_status',
      status: 'pending',
      attempts: 0,
      recipient_masked: '****0701',
      read_at: null,
    });
    expect(row.body).toContain(`「食品经营许可（新办）」（办件编号 ${caseNumber(detail.id)}）需要补正材料`);
    expect(row.body).toContain('「营业执照」照片模糊，请重新拍摄');
    expect(row.created_at).toBe(gw.clock.now().getTime());
  });

  it('a transition that rolls back leaves no notification', async () => {
    const { detail, ids } = await submittedFoodCase(gw, applicant);
    const services = prereviewServices(db, { now: gw.clock.now });
    const before = outboxRows(db).length;
    expect(() =>
      db.transaction(() => {
        services.officerCases.act(detail.id, { action: 'return', materials: returnBody(ids).materials }, '王科员');
        // Inside the transaction both the change and its notification exist…
        expect(outboxRows(db)).toHaveLength(before + 1);
        throw new Error('a later step failed');
      })(),
    ).toThrow('a later step failed');
    // …and after the rollback neither does.
    expect(outboxRows(db)).toHaveLength(before);
    const row = db.prepare('SELECT status FROM cases WHERE id = ?').get(detail.id) as { status: string };
    expect(row.status).toBe('pending_review');
  });

  it('the same event key is one notification, however often it is written', () => {
    const input = accepted(applicant.userId);
    const first = db.transaction(() => enqueueNotification(db, input, gw.clock.now().getTime()))();
    const again = enqueueNotification(db, { ...input, title: '改过的标题' }, gw.clock.now().getTime() + 1000);
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false, channel: 'sms' });
    const rows = outboxRows(db).filter((r) => r.event_key === input.key);
    expect(rows.map((r) => r.title)).toEqual(['您的办件已受理']);
  });

  it('accepted, completed and posted are told; approval is not (the next step follows at once)', async () => {
    const { detail } = await submittedFoodCase(gw, applicant, {
      delivery: { method: 'post', recipient: '李四', mobile: '13800000701', address: '武汉市洪山区珞喻路 1 号' },
    });
    await actOk(gw, detail.id, { action: 'approve' });
    await actOk(gw, detail.id, { action: 'accept', note: '请保持电话畅通' });
    await actOk(gw, detail.id, { action: 'complete' });
    await actOk(gw, detail.id, { action: 'post', note: 'SF1234567890' });
    const rows = outboxRows(db, applicant.userId).filter((r) => r.subject_id === detail.id);
    expect(rows.map((r) => [r.event_kind, r.title])).toEqual([
      ['case_accepted', '您的办件已受理'],
      ['case_completed', '您的办件已办结'],
      ['case_posted', '您的办件结果已寄出'],
    ]);
    expect(rows[0].body).toContain('将在承诺时限内办结。经办人说明：请保持电话畅通。');
    expect(rows[1].body).not.toContain('经办人说明');
    expect(rows[1].body).toContain('办理结果将邮寄给您');
    expect(rows[2].body).toContain('快递单号 SF1234567890');
  });

  it('a case refused (不予受理) is told with the reason', async () => {
    const { detail } = await submittedFoodCase(gw, applicant);
    await actOk(gw, detail.id, { action: 'reject', note: '经营场所不在本区管辖范围' });
    const [row] = outboxRows(db, applicant.userId).filter((r) => r.subject_id === detail.id);
    expect(row.event_kind).toBe('case_rejected');
    expect(row.body).toContain('理由：经营场所不在本区管辖范围');
  });

  it('a commitment found 不实 is told to its signer, with the consequences', async () => {
    const [food] = await noticesOf(gw, FOOD_LICENCE);
    const receipt: CommitmentReceipt = await signOk(gw, applicant, food);
    const verified = await signOk(gw, applicant, food);
    const verdict = (id: string, result: string) =>
      admin(gw, 'POST', `/commitments/${id}/verdict`, { result, note: '现场核查经营场所与承诺不符' });
    expectOk(await verdict(receipt.record.id, 'false'), CommitmentReceipt);
    expectOk(await verdict(verified.record.id, 'verified'), CommitmentReceipt);
    const rows = outboxRows(db, applicant.userId).filter((r) => r.subject_kind === 'commitment');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      event_kind: 'commitment_false',
      subject_id: receipt.record.id,
      template: 'commitment_result',
      title: '您的告知承诺经核查不实',
    });
    expect(rows[0].body).toContain('现场核查经营场所与承诺不符');
    expect(rows[0].body).toContain('记入信用记录');
  });

  it('each 差评 rectification step the rater sees is told, and opens the rating', async () => {
    const rater = await person(gw, '13800000702', true, '赵六');
    const c = await createCase(gw, rater, FOOD_LICENCE, 'completed');
    const rating: Rating = await rateOk(gw, rater, caseRating(c.id, 1));
    const ticketId = rating.ticket?.id ?? '';
    expect(outboxRows(db, rater.userId)).toHaveLength(0);
    const advance = (to: string, note: string) => admin(gw, 'POST', `/tickets/${ticketId}/advance`, { to, note });
    expect((await advance('rectifying', '已核实，窗口已调整排班')).status).toBe(200);
    expect((await advance('revisiting', '增设两个受理窗口，平均等候缩短到 15 分钟')).status).toBe(200);
    const rows = outboxRows(db, rater.userId);
    expect(rows.map((r) => [r.event_kind, r.subject_kind, r.subject_id])).toEqual([
      ['ticket_rectifying', 'rating', rating.id],
      ['ticket_revisiting', 'rating', rating.id],
    ]);
    expect(rows[1].title).toBe('差评整改已完成，请评价整改结果');
    expect(rows[1].body).toContain('增设两个受理窗口');
  });
});

describe('the worker', () => {
  it('delivers through the stand-in: logged with the number masked, marked sent, latency recorded', async () => {
    await drain();
    const { detail, ids } = await submittedFoodCase(gw, applicant);
    await actOk(gw, detail.id, returnBody(ids));
    gw.clock.advance(2);
    const { worker, deliveries, logs } = standInWorker(gw, db);
    const result = await worker.runOnce();
    expect(result).toMatchObject({ sent: 1, skipped: 0, failed: 0 });
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0].channel).toBe('sms');
    expect(deliveries[0].payload).toEqual({ text: expect.stringMatching(/^【洪山掌上办】您的办件需要补正材料。/) });
    expect(logs.join('\n')).toContain('****0701');
    expect(logs.join('\n')).not.toContain('13800000701');
    const [row] = outboxRows(db, applicant.userId).filter((r) => r.subject_id === detail.id);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, last_error: null, recipient_masked: '****0701' });
    expect((row.sent_at ?? 0) - row.created_at).toBe(2000);
    // Sent is final: nothing more to do.
    expect((await worker.runOnce()).sent).toBe(0);
  });

  it('sends a WeChat message only with consent on record, with fields cut to its limits', async () => {
    await drain();
    const wx = await weappPerson(gw, 'outbox-consent-1');
    const { worker, deliveries } = standInWorker(gw, db);
    const first = enqueueNotification(db, accepted(wx.userId), gw.clock.now().getTime());
    expect(first.channel).toBe('weapp');
    expect(await worker.runOnce()).toMatchObject({ sent: 0, skipped: 1 });
    expect(outboxRows(db, wx.userId)[0]).toMatchObject({
      status: 'skipped',
      last_error: '未获得“办件进度通知”的订阅授权',
    });

    const consent = (accepted: boolean) =>
      gw.request('/api/me/notification-consents', {
        method: 'POST',
        token: wx.token,
        body: { platform: 'weapp', answers: [{ template: 'case_status', accepted }] },
      });
    expect((await consent(true)).status).toBe(200);
    const long = '一二三四五六七八九十一二三四五六七八九十一二三四五';
    const second = enqueueNotification(db, accepted(wx.userId, long), gw.clock.now().getTime());
    expect(await worker.runOnce()).toMatchObject({ sent: 1, skipped: 0 });
    expect(deliveries).toHaveLength(1);
    const { message, payload } = deliveries[0];
    expect(message.notificationId).toBe(second.id);
    expect(message.page).toMatch(/^prereview\/case\/index\?id=case-\d+$/);
    const data = (payload as { data: Record<string, { value: string }> }).data;
    expect(Array.from(data.thing1.value)).toHaveLength(20);
    expect(data.thing1.value.endsWith('…')).toBe(true);
    expect(data.phrase3.value).toBe('已受理');
    expect(data.character_string2.value).toMatch(/^CASE\d+$/);

    expect((await consent(false)).status).toBe(200);
    enqueueNotification(db, accepted(wx.userId), gw.clock.now().getTime());
    expect(await worker.runOnce()).toMatchObject({ sent: 0, skipped: 1 });
    expect(outboxRows(db, wx.userId)[2].last_error).toBe('用户拒绝了“办件进度通知”的订阅');
  });

  it('texts an SMS login without asking, and respects an opt-out', async () => {
    await drain();
    const sms = await person(gw, '13800000703', false);
    const { worker } = standInWorker(gw, db);
    enqueueNotification(db, accepted(sms.userId), gw.clock.now().getTime());
    expect(await worker.runOnce()).toMatchObject({ sent: 1 });
    const optOut = await gw.request('/api/me/notification-consents', {
      method: 'POST',
      token: sms.token,
      body: { platform: 'h5', answers: [{ template: 'case_status', accepted: false }] },
    });
    expect(optOut.status).toBe(200);
    enqueueNotification(db, accepted(sms.userId), gw.clock.now().getTime());
    expect(await worker.runOnce()).toMatchObject({ sent: 0, skipped: 1 });
    expect(outboxRows(db, sms.userId).map((r) => [r.status, r.last_error])).toEqual([
      ['sent', null],
      ['skipped', '用户已退订“办件进度通知”短信'],
    ]);
  });

  it('retries with backoff (1 min, 5 min, 30 min, 2 h), then records the failure', async () => {
    await drain();
    const sender = new ScriptedSender([{ ok: false, retryable: true, error: '平台繁忙，请稍后再试' }]);
    const worker = new NotificationWorker({ db, now: gw.clock.now, senders: everyChannel(sender), log: silentLog });
    const { id } = enqueueNotification(db, accepted(applicant.userId), gw.clock.now().getTime());
    const row = () => outboxRows(db).find((r) => r.id === id);
    const attemptsOf = () => sender.sent.filter((m) => m.notificationId === id).length;
    for (const [attempt, delaySeconds] of [
      [1, 60],
      [2, 300],
      [3, 1800],
      [4, 7200],
    ] as const) {
      await worker.runOnce();
      expect(attemptsOf()).toBe(attempt);
      expect(row()).toMatchObject({
        status: 'pending',
        attempts: attempt,
        next_attempt_at: gw.clock.now().getTime() + delaySeconds * 1000,
        last_error: '平台繁忙，请稍后再试',
      });
      // Not due yet: nothing is sent early.
      gw.clock.advance(delaySeconds - 1);
      await worker.runOnce();
      expect(attemptsOf()).toBe(attempt);
      gw.clock.advance(1);
    }
    await worker.runOnce();
    expect(row()).toMatchObject({ status: 'failed', attempts: 5, last_error: '平台繁忙，请稍后再试', sent_at: null });
    gw.clock.advance(24 * 3600);
    await worker.runOnce();
    expect(attemptsOf()).toBe(5);
  });

  it('does not retry what the platform refused for good', async () => {
    await drain();
    const sender = new ScriptedSender([
      { ok: false, retryable: false, error: '微信 errcode 43101：user refuse to accept the msg' },
    ]);
    const worker = new NotificationWorker({ db, now: gw.clock.now, senders: everyChannel(sender), log: silentLog });
    const { id } = enqueueNotification(db, accepted(applicant.userId), gw.clock.now().getTime());
    expect(await worker.runOnce()).toMatchObject({ failed: 1 });
    expect(outboxRows(db).find((r) => r.id === id)).toMatchObject({
      status: 'failed',
      attempts: 1,
      last_error: '微信 errcode 43101：user refuse to accept the msg',
    });
  });

  it('two workers on one database send each notification exactly once', async () => {
    await drain();
    const other = openDatabase(gw.dataDir);
    try {
      const sender = new ScriptedSender([{ ok: true }], 5);
      const make = (conn: Database) =>
        new NotificationWorker({
          db: conn,
          now: gw.clock.now,
          senders: everyChannel(sender),
          log: silentLog,
          batchSize: 4,
        });
      const ids = new Set<string>();
      for (let i = 0; i < 30; i += 1) {
        ids.add(enqueueNotification(db, accepted(applicant.userId), gw.clock.now().getTime()).id);
      }
      await Promise.all([make(db).runOnce(), make(other).runOnce(), make(other).runOnce()]);
      const sent = sender.sent.map((m) => m.notificationId);
      expect(sent.sort()).toEqual([...ids].sort());
      expect(outboxRows(db).filter((r) => ids.has(r.id) && r.status === 'sent')).toHaveLength(30);
    } finally {
      other.close();
    }
  });
});

describe('the 7-day default rating reminder', () => {
  it('is written once for a finished, unrated case whose default applies within 24 hours', async () => {
    const rater = await person(gw, '13800000704', true, '孙七');
    const unrated = await createCase(gw, rater, FOOD_LICENCE, 'completed');
    const rated = await createCase(gw, rater, FOOD_LICENCE, 'completed');
    await rateOk(gw, rater, caseRating(rated.id, 5));
    const now = () => gw.clock.now().getTime();
    gw.clock.advance(5 * 24 * 3600);
    sweepDefaultRatings(db, now());
    expect(outboxRows(db, rater.userId)).toHaveLength(0);
    gw.clock.advance(24 * 3600 + 60);
    sweepDefaultRatings(db, now());
    sweepDefaultRatings(db, now() + 3600_000);
    const rows = outboxRows(db, rater.userId);
    expect(rows.map((r) => [r.event_kind, r.subject_id, r.title])).toEqual([
      ['rating_default_soon', unrated.id, '您的办件待评价'],
    ]);
    expect(rows[0].body).toContain('逾期未评价的，系统将默认为“基本满意”');
    // The worker's poll runs the sweep too; the key keeps it to one.
    await standInWorker(gw, db).worker.runOnce();
    expect(outboxRows(db, rater.userId)).toHaveLength(1);
  });
});
