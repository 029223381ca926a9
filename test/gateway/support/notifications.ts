import type { Database } from 'better-sqlite3';
import { LoginResult, type NotificationChannel } from '../../../types/contract';
import {
  channelSenders,
  type NotificationSender,
  type SendOutcome,
  type StandInDelivery,
} from '../../../gateway/src/notifications/channel-senders';
import type { OutgoingMessage } from '../../../gateway/src/notifications/message-data';
import {
  NotificationWorker,
  type NotificationWorkerOptions,
} from '../../../gateway/src/notifications/notification-worker';
import type { NotificationRow } from '../../../gateway/src/store/notification-store';
import { expectOk, type TestGateway } from './harness';
import type { Person } from './ratings';

export const silentLog = { info: (): void => undefined, warn: (): void => undefined };

/** A worker on the test's own connection, with the stand-in senders (their deliveries collected). */
export function standInWorker(
  gw: TestGateway,
  db: Database,
  options: Partial<NotificationWorkerOptions> = {},
): { worker: NotificationWorker; deliveries: StandInDelivery[]; logs: string[] } {
  const deliveries: StandInDelivery[] = [];
  const logs: string[] = [];
  const senders = channelSenders({
    platforms: {},
    fetch: () => Promise.reject(new Error('no network in tests')),
    now: gw.clock.now,
    log: (data, message) => void logs.push(`${JSON.stringify(data)} ${message}`),
    onStandIn: (d) => void deliveries.push(d),
  });
  const worker = new NotificationWorker({ db, now: gw.clock.now, senders, log: silentLog, intervalMs: 0, ...options });
  return { worker, deliveries, logs };
}

/** A sender that answers from a script of outcomes (the last repeats) and records each message. */
export class ScriptedSender implements NotificationSender {
  readonly label = 'scripted';
  readonly sent: OutgoingMessage[] = [];

  constructor(
    private readonly outcomes: SendOutcome[] = [{ ok: true }],
    private readonly delayMs = 0,
  ) {}

  async send(message: OutgoingMessage): Promise<SendOutcome> {
    this.sent.push(message);
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    return this.outcomes[Math.min(this.sent.length - 1, this.outcomes.length - 1)];
  }
}

/** The same sender on every channel. */
export const everyChannel = (sender: NotificationSender): Record<NotificationChannel, NotificationSender> => ({
  weapp: sender,
  alipay: sender,
  sms: sender,
});

export function outboxRows(db: Database, userId?: string): NotificationRow[] {
  return (
    userId === undefined
      ? db.prepare('SELECT rowid AS seq, * FROM notifications ORDER BY rowid').all()
      : db.prepare('SELECT rowid AS seq, * FROM notifications WHERE user_id = ? ORDER BY rowid').all(userId)
  ) as NotificationRow[];
}

/** A WeChat mini-program login (local identity stand-in: the code names the person). */
export async function weappPerson(gw: TestGateway, code: string): Promise<Person> {
  const res = await gw.request('/api/auth/code-login', { method: 'POST', body: { platform: 'weapp', code } });
  const login = expectOk(res, LoginResult);
  return { token: login.tokens.accessToken, userId: login.user.id, mobile: '' };
}
