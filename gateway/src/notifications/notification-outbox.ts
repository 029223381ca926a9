import { randomUUID } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import type { NotificationChannel, NotificationKind, NotificationSubject } from '../../../types/contract';
import { KIND_TEMPLATE, type FieldsOfKind } from './notification-templates';
import { channelOf, maskedRecipient, type RecipientRow } from './recipients';

interface Base {
  /** Whom it concerns. */
  userId: string;
  /**
   * Names the event, the same on every run of the code that writes it (`case-event:42`,
   * `ticket:<id>:revisiting`): a second enqueue with the same key is the same notification.
   */
  key: string;
  /** What the app opens. */
  subject: NotificationSubject;
  /** The 消息 list's title, e.g. “您的办件需要补正材料”. */
  title: string;
  /** The whole text for the 消息 list. */
  body: string;
  /** The mini-program page the platform message opens, when not the subject's usual page. */
  page?: string;
}

/** One event to tell a person of; `fields` are the template's (see notification-templates). */
export type NotificationInput = {
  [K in NotificationKind]: Base & { kind: K; fields: FieldsOfKind<K> };
}[NotificationKind];

export interface EnqueuedNotification {
  id: string;
  /** False when the key was already there (nothing was written). */
  created: boolean;
  channel: NotificationChannel;
}

interface Statements {
  user: Statement<[string], RecipientRow>;
  byKey: Statement<[string], { id: string; channel: NotificationChannel }>;
  insert: Statement<Record<string, string | number | null>>;
}

// Prepared once per connection: enqueue runs inside hot transactions (every officer action).
const statements = new WeakMap<Database, Statements>();

function prepared(db: Database): Statements {
  let s = statements.get(db);
  if (!s) {
    s = {
      user: db.prepare('SELECT id, mobile, weapp_openid, alipay_user_id FROM users WHERE id = ?'),
      byKey: db.prepare('SELECT id, channel FROM notifications WHERE event_key = ? ORDER BY rowid LIMIT 1'),
      insert: db.prepare(`
        INSERT INTO notifications (id, user_id, event_kind, event_key, subject_kind, subject_id, title, body,
          body_fields, channel, template, status, attempts, next_attempt_at, recipient_masked, created_at)
        VALUES (@id, @user_id, @event_kind, @event_key, @subject_kind, @subject_id, @title, @body,
          @body_fields, @channel, @template, 'pending', 0, @created_at, @recipient_masked, @created_at)
        ON CONFLICT (event_key, channel) DO NOTHING`),
    };
    statements.set(db, s);
  }
  return s;
}

/**
 * Writes a notification to the outbox. Synchronous, and meant to run inside the caller's
 * transaction: the row exists exactly when the change it tells of does. Idempotent on `key`: an
 * event already written is left as it is (its delivery state included). The channel is the
 * person's login platform; whether consent allows sending is decided when the worker sends.
 */
export function enqueueNotification(db: Database, input: NotificationInput, now: number): EnqueuedNotification {
  const s = prepared(db);
  const existing = s.byKey.get(input.key);
  if (existing) return { id: existing.id, created: false, channel: existing.channel };
  const user = s.user.get(input.userId);
  if (!user) throw new Error(`notification ${input.key}: no user ${input.userId}`);
  const channel = channelOf(user);
  const id = randomUUID();
  const result = s.insert.run({
    id,
    user_id: user.id,
    event_kind: input.kind,
    event_key: input.key,
    subject_kind: input.subject.kind,
    subject_id: input.subject.id,
    title: input.title,
    body: input.body,
    body_fields: JSON.stringify(
      input.page === undefined ? { fields: input.fields } : { fields: input.fields, page: input.page },
    ),
    channel,
    template: KIND_TEMPLATE[input.kind],
    created_at: now,
    recipient_masked: maskedRecipient(user, channel) ?? null,
  });
  return { id, created: result.changes === 1, channel };
}
