import fs from 'node:fs';
import type { Database } from 'better-sqlite3';
import { CaseStatus, type AdminTicketView, type TicketStatus } from '../../../types/contract';
import { Value } from '@sinclair/typebox/value';
import { cleanOfficerName } from '../http/admin-guard';
import { ApiError } from '../http/api-error';
import { caseAndRatingServices, type CaseAndRatingServices } from '../ratings/services';

export interface AdminIo {
  out(line: string): void;
  err(line: string): void;
}

export interface AdminOptions {
  db: Database;
  now: () => Date;
  rectificationDays: number;
  /** Base URL for window QR codes when --base is not given. */
  defaultBase: string;
  io: AdminIo;
}

export const USAGE = `用法 usage: npm run gateway:admin -- <命令>
  windows                                         列出办事窗口
  window-qr CODE [--out file.svg] [--base URL]    窗口评价二维码（内容；SVG 写入 --out，否则输出到屏幕）
  tickets                                         差评整改工单（逾期、申诉复核会标出）
  advance TICKET_ID rectifying|revisiting "说明"   推进工单（进入 revisiting 时的说明即整改结果）
  appeal RATING_ID "理由"                          标记差评申诉复核
  create-case (--mobile M | --user ID) --item CODE --status STATUS
                                                  登记办件（STATUS 如 completed）
  选项 --officer 姓名：记录经办人（默认 admin）`;

const STATUS_LABELS: Record<TicketStatus, string> = {
  verifying: '核实',
  rectifying: '整改',
  revisiting: '回访',
  closed: '已办结',
};

class UsageError extends Error {}

/** `--name value` options and the remaining positional arguments. */
function parseArgs(argv: string[]): { positional: string[]; options: Map<string, string> } {
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg.startsWith('--')) {
      const value = argv[i + 1];
      if (value === undefined) throw new UsageError(`选项 ${arg} 缺少取值`);
      options.set(arg.slice(2), value);
      i += 1;
    } else {
      positional.push(arg);
    }
  }
  return { positional, options };
}

function ticketLine(view: AdminTicketView): string {
  const { ticket, rating } = view;
  const flags = [ticket.overdue ? '【逾期】' : '', view.appealed ? '【申诉复核】' : ''].join('');
  const comment = Array.from(rating.comment).slice(0, 40).join('');
  return [
    `${ticket.id}  ${STATUS_LABELS[ticket.status]}  截止 ${ticket.deadline}${flags ? `  ${flags}` : ''}`,
    `    评价 ${rating.id} · ${rating.level} 分 · ${rating.departmentName}${rating.hallName ? ` · ${rating.hallName}` : ''} · ${rating.subject}`,
    `    “${comment}”${ticket.result ? `\n    整改结果：${ticket.result}` : ''}`,
  ].join('\n');
}

function run(services: CaseAndRatingServices, argv: string[], options: AdminOptions): Promise<void> | void {
  const { positional, options: flags } = parseArgs(argv);
  const [command, ...args] = positional;
  const officer = cleanOfficerName(flags.get('officer'));
  const { io } = options;
  switch (command) {
    case 'windows':
      for (const w of services.ratings.windows()) io.out(`${w.code}  ${w.name}  ${w.hallName}  ${w.departmentName}`);
      return;
    case 'window-qr': {
      const [code] = args;
      if (!code) throw new UsageError('请指定窗口编号');
      return services.ratings.windowQr(code, flags.get('base') ?? options.defaultBase).then((qr) => {
        io.out(`${qr.window.code} ${qr.window.name}（${qr.window.hallName}）`);
        io.out(qr.qrContent);
        const file = flags.get('out');
        if (file) {
          fs.writeFileSync(file, qr.svg);
          io.out(`SVG 已写入 ${file}`);
        } else {
          io.out(qr.svg);
        }
      });
    }
    case 'tickets': {
      const tickets = services.ratings.tickets();
      if (tickets.length === 0) io.out('没有差评整改工单');
      for (const t of tickets) io.out(ticketLine(t));
      return;
    }
    case 'advance': {
      const [ticketId, to, note] = args;
      if (!ticketId || !to || note === undefined)
        throw new UsageError('用法：advance TICKET_ID rectifying|revisiting "说明"');
      if (to !== 'rectifying' && to !== 'revisiting' && to !== 'closed') {
        throw new UsageError('目标状态只能是 rectifying、revisiting（closed 由评价人的整改评价触发）');
      }
      io.out(ticketLine(services.ratings.advance(ticketId, { to, note }, officer)));
      return;
    }
    case 'appeal': {
      const [ratingId, reason] = args;
      if (!ratingId || reason === undefined) throw new UsageError('用法：appeal RATING_ID "理由"');
      io.out(ticketLine(services.ratings.appeal(ratingId, reason, officer)));
      return;
    }
    case 'create-case': {
      const status = flags.get('status') ?? 'completed';
      if (!Value.Check(CaseStatus, status)) throw new UsageError(`未知的办件状态 ${status}`);
      const itemCode = flags.get('item');
      if (!itemCode) throw new UsageError('请用 --item 指定事项编码');
      const created = services.cases.create(
        { userId: flags.get('user'), mobile: flags.get('mobile'), itemCode, status },
        officer,
      );
      io.out(`已登记办件 ${created.id}：${created.itemName}（${created.departmentName}），状态 ${created.status}`);
      if (created.ratingDeadline) io.out(`评价截止 ${created.ratingDeadline}`);
      return;
    }
    default:
      throw new UsageError(command ? `未知命令 ${command}` : '请指定命令');
  }
}

/**
 * The officer CLI over a database, with the same services (and so the same rules) as the API.
 * Returns the exit code: 0 done, 1 refused (the reason is printed), 2 usage error.
 */
export async function runAdmin(argv: string[], options: AdminOptions): Promise<number> {
  const services = caseAndRatingServices(options.db, {
    now: options.now,
    rectificationDays: options.rectificationDays,
  });
  try {
    await run(services, argv, options);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      options.io.err(error.message);
      options.io.err(USAGE);
      return 2;
    }
    if (error instanceof ApiError) {
      const fields = error.extra.fields?.map((f) => `${f.field}: ${f.message}`).join('；');
      options.io.err(`未完成：${fields ?? error.message}`);
      return 1;
    }
    throw error;
  }
}
