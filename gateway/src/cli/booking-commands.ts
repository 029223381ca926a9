import fs from 'node:fs';
import { toChinaDate } from '../../../src/lib/china-time';
import { CASE_STATUS_NAMES } from '../../../src/lib/case-status';
import { maskName } from '../../../src/lib/mask';
import type { BookingServices } from '../booking/services';
import { chinaIso } from '../booking/booking-time';
import type { BookingStore, TicketRow } from '../store/booking-store';
import type { CaseStore } from '../store/case-store';
import type { UserStore } from '../store/user-store';
import { UsageError } from './usage-error';

/** The 预约取号 lines of the CLI usage text. */
export const BOOKING_USAGE = `  queue HALL [--date YYYY-MM-DD]                  大厅当天排队（含预约关联的草稿 / 办件，凭 case ID 查看材料）
  call-next HALL WINDOW                           叫下一个号到窗口
  served TICKET [--hall HALL]                     办理完毕（群众即可对该窗口一次一评）；TICKET 为排队号编号，或 A012 加 --hall
  no-show TICKET [--hall HALL]                    过号未到（预约号计一次爽约）
  hall-close HALL YYYY-MM-DD "原因"                  大厅某个工作日停止预约（已有预约不会自动取消，会列出人数）
  hall-qr HALL [--out file.svg] [--base URL]      大厅取号二维码
  booking-sweep                                   标记爽约、发送明天预约的提醒（网关每分钟自动执行）`;

export interface BookingCommandServices extends BookingServices {
  users: UserStore;
  cases: CaseStore;
  store: BookingStore;
}

export interface BookingCommandInput {
  args: string[];
  flags: Map<string, string>;
  now: () => Date;
  defaultBase: string;
  out(line: string): void;
}

const TICKET_STATUS: Record<TicketRow['status'], string> = {
  waiting: '等候',
  called: '已叫号',
  served: '已办理',
  no_show: '过号',
};

function hhmm(ms: number): string {
  return chinaIso(ms).slice(11, 16);
}

function ticketLine(t: TicketRow): string {
  const where = t.window_code ? ` → ${t.window_code}` : '';
  return `${t.number}  ${TICKET_STATUS[t.status]}${where}  ${t.id}`;
}

/** One queue entry as the officer reads it: who (masked), what for, and the materials sent ahead. */
function queueLines(t: TicketRow, s: BookingCommandServices): string[] {
  const user = s.users.get(t.user_id);
  const who = user?.real_name ? maskName(user.real_name) : '未实名';
  const due = t.kind === 'booked' ? `预约 ${hhmm(t.due_at)}` : `现场 ${hhmm(t.issued_at)} 取号`;
  const lines = [`${ticketLine(t)}`, `    ${due} · ${t.item_name ?? '未指定事项'} · ${who}`];
  const booking = t.booking_id ? s.store.booking(t.booking_id) : undefined;
  if (booking?.case_id) {
    const c = s.cases.get(booking.case_id);
    if (c) lines.push(`    材料：${CASE_STATUS_NAMES[c.status]} ${c.id}（npm run gateway:admin -- case ${c.id}）`);
  }
  return lines;
}

/** True when the command (with these arguments) is a 预约取号 command; `queue` without a hall is the pre-review queue. */
export function isBookingCommand(command: string, args: string[]): boolean {
  if (command === 'queue') return args.length > 0;
  return ['call-next', 'served', 'no-show', 'hall-qr', 'hall-close', 'booking-sweep'].includes(command);
}

export async function runBookingCommand(
  command: string,
  s: BookingCommandServices,
  input: BookingCommandInput,
): Promise<void> {
  const { args, flags, out } = input;
  switch (command) {
    case 'queue': {
      const [hallId] = args;
      const date = flags.get('date') ?? toChinaDate(input.now());
      const queue = s.hallQueue.queue(hallId, date);
      out(
        `${hallId} ${date}：等候 ${queue.filter((t) => t.status === 'waiting').length} 人，共取号 ${queue.length} 个`,
      );
      for (const t of queue) for (const line of queueLines(t, s)) out(line);
      return;
    }
    case 'call-next': {
      const [hallId, windowCode] = args;
      if (!hallId || !windowCode) throw new UsageError('用法：call-next HALL WINDOW');
      const t = s.hallQueue.callNext(hallId, windowCode);
      out(`请 ${t.number} 号到 ${t.window_code ?? windowCode} 窗口办理`);
      for (const line of queueLines(t, s).slice(1)) out(line);
      return;
    }
    case 'served':
    case 'no-show': {
      const [ref] = args;
      if (!ref) throw new UsageError(`用法：${command} TICKET [--hall HALL]`);
      const t =
        command === 'served' ? s.hallQueue.served(ref, flags.get('hall')) : s.hallQueue.noShow(ref, flags.get('hall'));
      out(ticketLine(t));
      if (t.visit_id) out(`已生成窗口服务记录 ${t.visit_id}，群众可在 24 小时内评价 ${t.window_code ?? ''}`);
      return;
    }
    case 'hall-qr': {
      const [hallId] = args;
      if (!hallId) throw new UsageError('请指定大厅编号');
      const qr = await s.hallQueue.checkInQr(hallId, flags.get('base') ?? input.defaultBase);
      out(`${hallId} ${qr.hallName} 取号二维码`);
      out(qr.qrContent);
      const file = flags.get('out');
      if (file) {
        fs.writeFileSync(file, qr.svg);
        out(`SVG 已写入 ${file}`);
      } else {
        out(qr.svg);
      }
      return;
    }
    case 'hall-close': {
      const [hallId, date, reason] = args;
      if (!hallId || !date || !/^\d{4}-\d{2}-\d{2}$/.test(date) || !reason?.trim()) {
        throw new UsageError('用法：hall-close HALL YYYY-MM-DD "原因"');
      }
      if (!s.store.schedule(hallId)) throw new UsageError(`大厅 ${hallId} 没有预约时段`);
      s.store.close(hallId, date, reason.trim());
      out(`${hallId} ${date} 已停止预约（${reason.trim()}）`);
      // Bookings already made stay: the residents must hear it from someone before they travel.
      const active = s.store.activeBookingsOn(hallId, date);
      if (active > 0) out(`该日已有 ${active} 个有效预约，请逐一联系预约人`);
      return;
    }
    case 'booking-sweep': {
      const done = s.bookings.sweep();
      out(`标记爽约 ${done.noShows} 个，发送明天的预约提醒 ${done.reminded} 条`);
      return;
    }
    default:
      throw new UsageError(`未知命令 ${command}`);
  }
}
