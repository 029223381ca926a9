import type { Database, Statement } from 'better-sqlite3';
import type { NotificationChannel } from '../../../types/contract';
import { ConsentStore } from '../store/consent-store';
import { NotificationStore, type NotificationRow } from '../store/notification-store';
import type { NotificationSender, SendOutcome } from './channel-senders';
import { consentRefusal } from './consent-policy';
import { sweepDefaultRatings } from './default-rating-sweep';
import type { OutgoingMessage } from './message-data';
import { subjectPage } from './notification-templates';
import { maskedRecipient, recipientOf, type RecipientRow } from './recipients';

/** Delays before the 2nd, 3rd, 4th and 5th attempt; the 5th failure is final. */
export const DEFAULT_BACKOFF_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000];
/** How often the worker looks for due rows (GATEWAY_NOTIFY_INTERVAL_MS). */
export const DEFAULT_NOTIFY_INTERVAL_MS = 1000;
/** A claimed row is the claimant's this long; senders time out well before. */
export const DEFAULT_LEASE_MS = 2 * 60_000;
/** How long `stop()` waits for sends in flight. */
const STOP_WAIT_MS = 10_000;
const SWEEP_EVERY_MS = 60_000;

export const ABANDONED_REASON = '发送中断（网关在发送过程中停止），平台可能已收到；为避免重复发送，不再自动重试';

export interface WorkerLog {
  info(data: Record<string, unknown>, message: string): void;
  warn(data: Record<string, unknown>, message: string): void;
}

export interface NotificationWorkerOptions {
  db: Database;
  now: () => Date;
  senders: Record<NotificationChannel, NotificationSender>;
  log: WorkerLog;
  /** 0: no timer (tests call `runOnce`). Default DEFAULT_NOTIFY_INTERVAL_MS. */
  intervalMs?: number;
  backoffMs?: number[];
  leaseMs?: number;
  batchSize?: number;
}

export interface RunResult {
  sent: number;
  skipped: number;
  retrying: number;
  failed: number;
  abandoned: number;
  reminders: number;
}

const emptyResult = (): RunResult => ({ sent: 0, skipped: 0, retrying: 0, failed: 0, abandoned: 0, reminders: 0 });

/**
 * Sends the outbox, in process. Each row is claimed by one UPDATE (status 'sending', a lease, one
 * more attempt), so two workers on one database never send the same row; the outcome is written
 * only while the claim holds. A send that fails is retried with backoff, up to the last delay;
 * then the row is failed with the platform's reason. A row still 'sending' when its lease runs
 * out was being sent when its gateway stopped: it may have reached the person, and sending is
 * never done twice, so it is failed with that reason (the 消息 list shows it regardless).
 */
export class NotificationWorker {
  private readonly store: NotificationStore;
  private readonly consents: ConsentStore;
  private readonly userStmt: Statement<[string], RecipientRow>;
  private readonly backoff: number[];
  private readonly leaseMs: number;
  private readonly batchSize: number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<RunResult> | undefined;
  private stopped = false;
  private lastSweep = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: NotificationWorkerOptions) {
    this.store = new NotificationStore(options.db);
    this.consents = new ConsentStore(options.db);
    this.userStmt = options.db.prepare('SELECT id, mobile, weapp_openid, alipay_user_id FROM users WHERE id = ?');
    this.backoff = options.backoffMs ?? DEFAULT_BACKOFF_MS;
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.batchSize = options.batchSize ?? 20;
  }

  /** Polls every interval (no timer when the interval is 0); a poll never overlaps the previous one. */
  start(): void {
    const interval = this.options.intervalMs ?? DEFAULT_NOTIFY_INTERVAL_MS;
    if (interval <= 0 || this.timer || this.stopped) return;
    const tick = (): void => {
      this.timer = undefined;
      void this.runOnce()
        .catch((error: unknown) => this.options.log.warn({ err: error }, 'notification worker poll failed'))
        .finally(() => {
          if (!this.stopped) {
            this.timer = setTimeout(tick, interval);
            this.timer.unref();
          }
        });
    };
    this.timer = setTimeout(tick, interval);
    this.timer.unref();
  }

  /** Stops polling and waits (up to 10 s) for the sends in flight to be recorded. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const inFlight = this.running;
    if (!inFlight) return;
    let cap: NodeJS.Timeout | undefined;
    await Promise.race([
      inFlight.catch(() => undefined),
      new Promise((resolve) => {
        cap = setTimeout(resolve, STOP_WAIT_MS);
      }),
    ]);
    if (cap) clearTimeout(cap);
  }

  /** One poll: the default-rating sweep (once a minute), expired leases, then due rows. */
  runOnce(): Promise<RunResult> {
    // Calls while a poll runs join it: a row is never sent by two polls of one worker either.
    if (this.running) return this.running;
    const run = this.poll().finally(() => {
      this.running = undefined;
    });
    this.running = run;
    return run;
  }

  private async poll(): Promise<RunResult> {
    const result = emptyResult();
    const now = this.options.now().getTime();
    if (now - this.lastSweep >= SWEEP_EVERY_MS) {
      result.reminders = sweepDefaultRatings(this.options.db, now);
      this.lastSweep = now;
    }
    for (const row of this.store.abandonExpired(now, ABANDONED_REASON)) {
      result.abandoned += 1;
      this.options.log.warn(
        { notification: { id: row.id, channel: row.channel, to: row.recipient_masked } },
        'notification abandoned: its sender stopped mid-send',
      );
    }
    for (;;) {
      const claimed = this.store.claimDue(now, now + this.leaseMs, this.batchSize);
      if (claimed.length === 0) break;
      const outcomes = await Promise.all(claimed.map((row) => this.deliver(row)));
      for (const o of outcomes) result[o] += 1;
      if (claimed.length < this.batchSize || this.stopped) break;
    }
    return result;
  }

  private async deliver(row: NotificationRow): Promise<'sent' | 'skipped' | 'retrying' | 'failed'> {
    const user = this.userStmt.get(row.user_id);
    const to = user ? recipientOf(user, row.channel) : undefined;
    if (!user || to === undefined) {
      this.store.markSkipped(row.id, '没有可用的接收方式');
      return 'skipped';
    }
    const refusal = consentRefusal(row.channel, row.template, this.consents.get(row.user_id, row.template));
    if (refusal) {
      this.store.markSkipped(row.id, refusal);
      return 'skipped';
    }
    const toMasked = maskedRecipient(user, row.channel) ?? '****';
    const stored = JSON.parse(row.body_fields) as { fields: Record<string, string>; page?: string };
    const message: OutgoingMessage = {
      notificationId: row.id,
      to,
      toMasked,
      template: row.template,
      page: stored.page ?? subjectPage({ kind: row.subject_kind, id: row.subject_id }),
      fields: stored.fields,
      title: row.title,
      body: row.body,
    };
    let outcome: SendOutcome;
    try {
      outcome = await this.options.senders[row.channel].send(message);
    } catch (error) {
      outcome = { ok: false, retryable: true, error: (error as Error).message };
    }
    // The time of the outcome, not of the poll: a slow platform shows in the latency.
    const at = this.options.now().getTime();
    if (outcome.ok) {
      this.store.markSent(row.id, at, toMasked);
      this.options.log.info(
        { notification: { id: row.id, channel: row.channel, latencyMs: at - row.created_at, attempts: row.attempts } },
        'notification sent',
      );
      return 'sent';
    }
    const delay = this.backoff[row.attempts - 1];
    if (outcome.retryable && delay !== undefined) {
      this.store.retryAt(row.id, at + delay, outcome.error);
      return 'retrying';
    }
    this.store.markFailed(row.id, outcome.error);
    this.options.log.warn(
      { notification: { id: row.id, channel: row.channel, attempts: row.attempts, error: outcome.error } },
      'notification failed',
    );
    return 'failed';
  }
}
