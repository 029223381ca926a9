import type { Database, Statement } from 'better-sqlite3';
import {
  NOTIFICATION_PAGE_DEFAULT,
  type MarkAllRead,
  type NotificationConsentList,
  type NotificationItem,
  type NotificationList,
  type RecordConsentsRequest,
} from '../../../types/contract';
import { ApiError, notFound } from '../http/api-error';
import { ConsentStore } from '../store/consent-store';
import { NotificationStore, type NotificationRow } from '../store/notification-store';
import { consentActive } from './consent-policy';
import { NOTIFICATION_TEMPLATES, templateName } from './notification-templates';
import { channelOf, type RecipientRow } from './recipients';
import type { TemplateIds } from './channel-senders';

export const NOTIFICATION_NOT_FOUND = '没有找到这条消息';

const iso = (ms: number): string => new Date(ms).toISOString();

/** A row as its owner sees it: 'sending' is still pending to them; no recipient, no error text. */
function itemView(row: NotificationRow): NotificationItem {
  const item: NotificationItem = {
    id: row.id,
    kind: row.event_kind,
    template: row.template,
    title: row.title,
    body: row.body,
    subject: { kind: row.subject_kind, id: row.subject_id },
    createdAt: iso(row.created_at),
    delivery: { channel: row.channel, status: row.status === 'sending' ? 'pending' : row.status },
  };
  if (row.read_at !== null) item.readAt = iso(row.read_at);
  if (row.sent_at !== null) item.delivery.sentAt = iso(row.sent_at);
  return item;
}

/** 消息: the person's notifications and read marks, and their consent answers per template. */
export class NotificationService {
  private readonly store: NotificationStore;
  private readonly consents: ConsentStore;
  private readonly userStmt: Statement<[string], RecipientRow>;

  constructor(
    db: Database,
    private readonly now: () => Date,
    /** The platforms' template ids (WEAPP_TEMPLATE_*, ALIPAY_TEMPLATE_*), told to the app to ask for. */
    private readonly templateIds: { weapp?: TemplateIds; alipay?: TemplateIds } = {},
  ) {
    this.store = new NotificationStore(db);
    this.consents = new ConsentStore(db);
    this.userStmt = db.prepare('SELECT id, mobile, weapp_openid, alipay_user_id FROM users WHERE id = ?');
  }

  /** Newest first; `cursor` is the previous page's `nextCursor`. */
  list(userId: string, cursor: string | undefined, limit = NOTIFICATION_PAGE_DEFAULT): NotificationList {
    const rows = this.store.listForUser(userId, cursor === undefined ? undefined : Number(cursor), limit + 1);
    const page = rows.slice(0, limit);
    const list: NotificationList = { items: page.map(itemView), unread: this.store.unreadCount(userId) };
    if (rows.length > limit) list.nextCursor = String(page[page.length - 1].seq);
    return list;
  }

  unread(userId: string): number {
    return this.store.unreadCount(userId);
  }

  markRead(userId: string, id: string): NotificationItem {
    this.store.markRead(userId, id, this.now().getTime());
    const row = this.store.getForUser(userId, id);
    if (!row) throw notFound(NOTIFICATION_NOT_FOUND);
    return itemView(row);
  }

  markAllRead(userId: string): MarkAllRead {
    const marked = this.store.markAllRead(userId, this.now().getTime());
    return { marked, unread: this.store.unreadCount(userId) };
  }

  /** Every template, with whether it is sent now and the answer on record. */
  consentList(userId: string): NotificationConsentList {
    const user = this.userStmt.get(userId);
    if (!user) throw new ApiError('UNAUTHENTICATED', '登录已失效，请重新登录');
    const channel = channelOf(user);
    const answers = new Map(this.consents.forUser(userId).map((r) => [r.template, r]));
    return {
      channel,
      consents: NOTIFICATION_TEMPLATES.map((template) => {
        const row = answers.get(template);
        const templateId = channel === 'sms' ? undefined : this.templateIds[channel]?.[template];
        return {
          template,
          name: templateName(template),
          ...(templateId ? { templateId } : {}),
          active: consentActive(channel, row),
          ...(row ? { accepted: row.accepted === 1, answeredAt: iso(row.answered_at), platform: row.platform } : {}),
        };
      }),
    };
  }

  /** Records the platform prompt's answers (the latest answer per template counts). */
  recordConsents(userId: string, request: RecordConsentsRequest): NotificationConsentList {
    this.consents.answer(userId, request.answers, request.platform, this.now().getTime());
    return this.consentList(userId);
  }
}
