/**
 * Notification delivery latency: from an officer's status change (the HTTP request that makes it)
 * to the stand-in sender's delivery, with the outbox worker at its default poll interval.
 *
 *   npx tsx test/bench/notification-latency.ts [--samples 30] [--interval 1000]
 *
 * A temporary gateway over the test fixture catalogue (no network: every channel is the local
 * stand-in). Each sample: an officer-registered case in 已受理 is completed (办结) through
 * `POST /api/admin/cases/:id/actions`; the clock starts before the request and stops when the
 * stand-in receives the message. Samples are spaced by a random pause so they fall at every phase
 * of the poll timer. Also reports created_at → sent_at as the outbox recorded it. Prints
 * p50/p95/max and writes test/bench/results/notification-latency.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../gateway/src/db/open-database';
import { DEFAULT_NOTIFY_INTERVAL_MS } from '../../gateway/src/notifications/notification-worker';
import { buildGateway } from '../../gateway/src/server';
import { RESULTS_DIR } from './lib/paths';
import { latencyStats, round } from './lib/stats';

const FIXTURE_SEED = path.join(__dirname, '..', 'gateway', 'fixtures', 'seed');
const ADMIN = 'bench-admin-token-0123456789';
const MOBILE = '13800009999';

function arg(name: string, fallback: number): number {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
}

async function main(): Promise<void> {
  const samples = arg('samples', 30);
  const interval = arg('interval', DEFAULT_NOTIFY_INTERVAL_MS);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hs-notify-bench-'));
  const delivered = new Map<string, number>();
  const codes: string[] = [];
  const app = await buildGateway({
    dataDir,
    seedDir: FIXTURE_SEED,
    staticDir: path.join(dataDir, 'no-static'),
    logLevel: 'warn',
    adminToken: ADMIN,
    onSmsCode: (_mobile, code) => void codes.push(code),
    notifications: {
      intervalMs: interval,
      onStandIn: (d) => void delivered.set(d.message.notificationId, performance.now()),
    },
  });
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api`;
    const call = async (method: string, url: string, body: unknown, headers: Record<string, string> = {}) => {
      const res = await fetch(base + url, {
        method,
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
      const json = (await res.json()) as { ok: boolean; data: Record<string, unknown> };
      if (!json.ok) throw new Error(`${method} ${url}: ${JSON.stringify(json)}`);
      return json.data;
    };
    const officer = { 'x-admin-token': ADMIN };
    await call('POST', '/auth/sms', { mobile: MOBILE });
    await call('POST', '/auth/sms-login', { mobile: MOBILE, code: codes[codes.length - 1] });

    const db = openDatabase(dataDir);
    const endToEnd: number[] = [];
    const recorded: number[] = [];
    try {
      for (let i = 0; i < samples; i += 1) {
        const created = await call(
          'POST',
          '/admin/cases',
          { mobile: MOBILE, itemCode: 'FX-SC-0001', status: 'accepted' },
          officer,
        );
        await new Promise((resolve) => setTimeout(resolve, Math.random() * interval));
        const start = performance.now();
        await call('POST', `/admin/cases/${String(created.id)}/actions`, { action: 'complete' }, officer);
        const row = db
          .prepare("SELECT id FROM notifications WHERE subject_id = ? AND event_kind = 'case_completed'")
          .get(created.id) as { id: string };
        while (!delivered.has(row.id)) await new Promise((resolve) => setTimeout(resolve, 2));
        endToEnd.push((delivered.get(row.id) ?? 0) - start);
        const times = db.prepare('SELECT created_at, sent_at FROM notifications WHERE id = ?').get(row.id) as {
          created_at: number;
          sent_at: number;
        };
        recorded.push(times.sent_at - times.created_at);
      }
    } finally {
      db.close();
    }
    const result = {
      intervalMs: interval,
      samples,
      endToEndMs: latencyStats(endToEnd),
      recordedMs: latencyStats(recorded),
      at: new Date().toISOString(),
    };
    const show = (label: string, s: typeof result.endToEndMs) =>
      console.log(
        `${label}: p50 ${round(s.p50, 1)} ms · p95 ${round(s.p95, 1)} ms · max ${round(s.max, 1)} ms (n=${s.count})`,
      );
    console.log(`通知送达延迟（轮询间隔 ${interval} ms，本地替身）`);
    show('状态变更请求 → 替身送达', result.endToEndMs);
    show('outbox created_at → sent_at', result.recordedMs);
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    fs.writeFileSync(path.join(RESULTS_DIR, 'notification-latency.json'), `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
