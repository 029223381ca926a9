import type { Database, Statement } from 'better-sqlite3';
import type {
  NotificationChannel,
  NotificationKind,
  NotificationSubject,
  NotificationTemplate,
} from '../../../types/contract';

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'skipped';

export interface NotificationRow {
  /** SQLite's rowid: the list's order and cursor (insertion order). */
  seq: number;
  id: string;
  user_id: string;
  event_kind: NotificationKind;
  event_key: string;
  subject_kind: NotificationSubject['kind'];
  subject_id: string;
  title: string;
  body: string;
  /** JSON: `{ fields, page? }`. */
  body_fields: string;
  channel: NotificationChannel;
  template: NotificationTemplate;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: number;
  lease_until: number | null;
  last_error: string | null;
  recipient_masked: string | null;
  created_at: number;
  sent_at: number | null;
  read_at: number | null;
}

const SELECT = 'SELECT rowid AS seq, * FROM notifications';

/**
 * The outbox (rows are written by enqueueNotification, in the caller's transaction): the 消息
 * list, read marks, and the worker's claims and outcomes. Every read that serves a user is
 * scoped by user id; every outcome is written only while the row is still claimed ('sending').
 */
export class NotificationStore {
  private readonly listStmt: Statement<[string, number, number], NotificationRow>;
  private readonly unreadStmt: Statement<[string], { n: number }>;
  private readonly getForUserStmt: Statement<[string, string], NotificationRow>;
  private readonly markReadStmt: Statement<[number, string, string]>;
  private readonly markAllStmt: Statement<[number, string]>;
  private readonly claimStmt: Statement<{ lease: number; now: number; limit: number }, NotificationRow>;
  private readonly abandonStmt: Statement<{ reason: string; now: number }, NotificationRow>;
  private readonly sentStmt: Statement<[number, string, string]>;
  private readonly skipStmt: Statement<[string, string]>;
  private readonly retryStmt: Statement<[number, string, string]>;
  private readonly failStmt: Statement<[string, string]>;
  private readonly adminStmt: Statement<{ status: string | null; user: string | null; limit: number }, NotificationRow>;
  private readonly countsStmt: Statement<[], { status: OutboxStatus; n: number }>;

  constructor(private readonly db: Database) {
    this.listStmt = db.prepare(`${SELECT} WHERE user_id = ? AND rowid < ? ORDER BY rowid DESC LIMIT ?`);
    this.unreadStmt = db.prepare('SELECT COUNT(*) AS n FROM notifications WHERE user_id = ? AND read_at IS NULL');
    this.getForUserStmt = db.prepare(`${SELECT} WHERE id = ? AND user_id = ?`);
    this.markReadStmt = db.prepare(
      'UPDATE notifications SET read_at = ? WHERE id = ? AND user_id = ? AND read_at IS NULL',
    );
    this.markAllStmt = db.prepare('UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL');
    // One statement claims: two workers (or two gateways on one file) never claim the same row.
    this.claimStmt = db.prepare(`
      UPDATE notifications SET status = 'sending', attempts = attempts + 1, lease_until = @lease
      WHERE rowid IN (
        SELECT rowid FROM notifications WHERE status = 'pending' AND next_attempt_at <= @now
        ORDER BY next_attempt_at, rowid LIMIT @limit)
      RETURNING rowid AS seq, *`);
    this.abandonStmt = db.prepare(`
      UPDATE notifications SET status = 'failed', lease_until = NULL, last_error = @reason
      WHERE status = 'sending' AND lease_until <= @now
      RETURNING rowid AS seq, *`);
    this.sentStmt = db.prepare(`
      UPDATE notifications SET status = 'sent', sent_at = ?, lease_until = NULL, last_error = NULL,
        recipient_masked = ?
      WHERE id = ? AND status = 'sending'`);
    this.skipStmt = db.prepare(`
      UPDATE notifications SET status = 'skipped', lease_until = NULL, last_error = ?
      WHERE id = ? AND status = 'sending'`);
    this.retryStmt = db.prepare(`
      UPDATE notifications SET status = 'pending', next_attempt_at = ?, lease_until = NULL, last_error = ?
      WHERE id = ? AND status = 'sending'`);
    this.failStmt = db.prepare(`
      UPDATE notifications SET status = 'failed', lease_until = NULL, last_error = ?
      WHERE id = ? AND status = 'sending'`);
    this.adminStmt = db.prepare(`
      ${SELECT} WHERE (@status IS NULL OR status = @status) AND (@user IS NULL OR user_id = @user)
      ORDER BY rowid DESC LIMIT @limit`);
    this.countsStmt = db.prepare('SELECT status, COUNT(*) AS n FROM notifications GROUP BY status');
  }

  /** The user's notifications older than `beforeSeq` (all when undefined), newest first. */
  listForUser(userId: string, beforeSeq: number | undefined, limit: number): NotificationRow[] {
    return this.listStmt.all(userId, beforeSeq ?? Number.MAX_SAFE_INTEGER, limit);
  }

  unreadCount(userId: string): number {
    return this.unreadStmt.get(userId)?.n ?? 0;
  }

  /** The notification only if it is the user's (someone else's is indistinguishable from none). */
  getForUser(userId: string, id: string): NotificationRow | undefined {
    return this.getForUserStmt.get(id, userId);
  }

  /** Marks read once (a second mark keeps the first time). */
  markRead(userId: string, id: string, now: number): void {
    this.markReadStmt.run(now, id, userId);
  }

  /** Returns how many were unread. */
  markAllRead(userId: string, now: number): number {
    return this.markAllStmt.run(now, userId).changes;
  }

  /** Claims up to `limit` due rows for sending until `leaseUntil`; each claim counts an attempt. */
  claimDue(now: number, leaseUntil: number, limit: number): NotificationRow[] {
    return this.claimStmt.all({ lease: leaseUntil, now, limit });
  }

  /**
   * Rows whose sender never reported back before its lease ran out (the gateway stopped or died
   * mid-send): the platform may have delivered them, so they are marked failed, not sent again.
   */
  abandonExpired(now: number, reason: string): NotificationRow[] {
    return this.abandonStmt.all({ reason, now });
  }

  markSent(id: string, now: number, recipientMasked: string): boolean {
    return this.sentStmt.run(now, recipientMasked, id).changes === 1;
  }

  markSkipped(id: string, reason: string): boolean {
    return this.skipStmt.run(reason, id).changes === 1;
  }

  retryAt(id: string, at: number, error: string): boolean {
    return this.retryStmt.run(at, error, id).changes === 1;
  }

  markFailed(id: string, error: string): boolean {
    return this.failStmt.run(error, id).changes === 1;
  }

  /** Officers: newest first, optionally one status and one user. */
  recent(status: OutboxStatus | undefined, userId: string | undefined, limit: number): NotificationRow[] {
    return this.adminStmt.all({ status: status ?? null, user: userId ?? null, limit });
  }

  countsByStatus(): Partial<Record<OutboxStatus, number>> {
    return Object.fromEntries(this.countsStmt.all().map((r) => [r.status, r.n]));
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }
}
