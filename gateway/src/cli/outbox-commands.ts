import type { Database } from 'better-sqlite3';
import { CHANNEL_NAMES } from '../notifications/channel-senders';
import { templateName } from '../notifications/notification-templates';
import { NotificationStore, type NotificationRow, type OutboxStatus } from '../store/notification-store';
import { UsageError } from './usage-error';

/** The outbox lines of the CLI usage text. */
export const OUTBOX_USAGE = `  outbox [--status pending|sending|sent|failed|skipped] [--limit N] [--user ID]
                                                  消息发件箱：已发送、待发送、失败、未发送（接收人已脱敏）`;

const STATUS_LABELS: Record<OutboxStatus, string> = {
  pending: '待发送',
  sending: '发送中',
  sent: '已发送',
  failed: '发送失败',
  skipped: '未发送',
};

const STATUSES = Object.keys(STATUS_LABELS) as OutboxStatus[];
const isStatus = (value: string): value is OutboxStatus => (STATUSES as string[]).includes(value);

const time = (ms: number): string => new Date(ms).toISOString();

function seconds(ms: number): string {
  return ms < 60_000 ? `${(ms / 1000).toFixed(1)} 秒` : `${(ms / 60_000).toFixed(1)} 分钟`;
}

/** One notification as an officer reads it: the recipient only masked, never the text's fields raw. */
export function outboxLines(row: NotificationRow): string[] {
  const to = row.recipient_masked ?? '（无接收方式）';
  const lines = [
    `${row.id}  ${STATUS_LABELS[row.status]}  ${CHANNEL_NAMES[row.channel]} → ${to}  ${templateName(row.template)}  “${row.title}”`,
  ];
  const when = [`事件 ${row.event_kind}（${row.event_key}）`, `登记 ${time(row.created_at)}`];
  if (row.sent_at !== null) when.push(`送达 ${time(row.sent_at)}（用时 ${seconds(row.sent_at - row.created_at)}）`);
  if (row.status === 'pending' && row.attempts > 0) when.push(`下次尝试 ${time(row.next_attempt_at)}`);
  when.push(`尝试 ${row.attempts} 次`);
  lines.push(`    ${when.join(' · ')}`);
  if (row.last_error !== null) lines.push(`    ${row.status === 'skipped' ? '原因' : '错误'}：${row.last_error}`);
  return lines;
}

/** `outbox`: counts by status, then the newest rows (optionally one status, one user). */
export function runOutboxCommand(db: Database, flags: Map<string, string>, out: (line: string) => void): void {
  const status = flags.get('status');
  if (status !== undefined && !isStatus(status)) {
    throw new UsageError(`--status 只能是 ${STATUSES.join('、')}`);
  }
  const limitText = flags.get('limit') ?? '50';
  const limit = Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new UsageError('--limit 须为 1–1000 的整数');
  const store = new NotificationStore(db);
  const counts = store.countsByStatus();
  out(`发件箱：${STATUSES.map((s) => `${STATUS_LABELS[s]} ${counts[s] ?? 0}`).join(' · ')}`);
  const rows = store.recent(status, flags.get('user'), limit);
  if (rows.length === 0) out(status ? `没有${STATUS_LABELS[status]}的消息` : '发件箱是空的');
  for (const row of rows) for (const line of outboxLines(row)) out(line);
}
