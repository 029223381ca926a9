import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { Database } from 'better-sqlite3';
import { openDatabase } from '../../gateway/src/db/open-database';
import { ABANDONED_REASON } from '../../gateway/src/notifications/notification-worker';
import type { StandInDelivery } from '../../gateway/src/notifications/channel-senders';
import { tempDir, type TestGateway } from './support/harness';
import { person } from './support/ratings';
import { actOk, startPrereviewGateway, submittedFoodCase } from './support/prereview';
import { ScriptedSender, everyChannel, outboxRows } from './support/notifications';

/** The gateway's own worker, polling every 20 ms, over one data folder that outlives each gateway. */
const POLL_MS = 20;
let dataDir: string;

beforeAll(() => {
  dataDir = tempDir('outbox-restart');
});

afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function withDb<T>(fn: (db: Database) => T): T {
  const db = openDatabase(dataDir);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** Closes the gateway but keeps its data folder (the harness's close() removes it). */
const stop = (app: FastifyInstance) => app.close();

describe('exactly once across a restart', () => {
  it('a send in flight when the gateway closes is finished and recorded, and the next gateway does not repeat it', async () => {
    const slow = new ScriptedSender([{ ok: true }], 300);
    const first: TestGateway = await startPrereviewGateway({
      dataDir,
      notifications: { intervalMs: POLL_MS, senders: everyChannel(slow) },
    });
    const who = await person(first, '13800000901', true, '周八');
    const { detail, ids } = await submittedFoodCase(first, who);
    await actOk(first, detail.id, {
      action: 'return',
      materials: [{ materialId: ids['营业执照'], comment: '照片模糊，请重新拍摄' }],
    });
    await until(() => slow.sent.length === 1, 'the send to start');
    await stop(first.app);
    const [row] = withDb((db) => outboxRows(db, who.userId));
    expect(row).toMatchObject({ status: 'sent', attempts: 1 });

    const counting = new ScriptedSender();
    const second = await startPrereviewGateway({
      dataDir,
      notifications: { intervalMs: POLL_MS, senders: everyChannel(counting) },
    });
    await sleep(POLL_MS * 10);
    await stop(second.app);
    expect(counting.sent).toHaveLength(0);
    expect(slow.sent).toHaveLength(1);
  });

  it('a row a dead gateway left mid-send is not sent again: it is failed with the reason', async () => {
    // As a gateway killed mid-send leaves it: claimed, attempt counted, lease run out.
    const stuck = withDb((db) => {
      const [row] = outboxRows(db);
      db.prepare(
        "UPDATE notifications SET status = 'sending', attempts = 1, sent_at = NULL, lease_until = 0 WHERE id = ?",
      ).run(row.id);
      return row.id;
    });
    const counting = new ScriptedSender();
    const third = await startPrereviewGateway({
      dataDir,
      notifications: { intervalMs: POLL_MS, senders: everyChannel(counting) },
    });
    await until(() => withDb((db) => outboxRows(db).find((r) => r.id === stuck)?.status === 'failed'), 'the sweep');
    await stop(third.app);
    expect(counting.sent).toHaveLength(0);
    const row = withDb((db) => outboxRows(db).find((r) => r.id === stuck));
    expect(row).toMatchObject({ status: 'failed', last_error: ABANDONED_REASON });
  });

  it('with the default stand-ins, a status change reaches the log on the next poll', async () => {
    const deliveries: StandInDelivery[] = [];
    const gw = await startPrereviewGateway({
      dataDir,
      notifications: { intervalMs: POLL_MS, onStandIn: (d) => void deliveries.push(d) },
    });
    try {
      const who = await person(gw, '13800000902', true, '吴九');
      const { detail } = await submittedFoodCase(gw, who);
      await actOk(gw, detail.id, { action: 'reject', note: '不属于本区受理范围' });
      await until(() => deliveries.length === 1, 'the stand-in delivery');
      expect(deliveries[0].message.title).toBe('您的办件不予受理');
      await until(
        () => gw.logs.some((l) => l.includes('短信（本地替身）→ ****0902：您的办件不予受理')),
        'the log line',
      );
      expect(gw.logs.some((l) => l.includes('13800000902'))).toBe(false);
    } finally {
      await stop(gw.app);
    }
  });
});
