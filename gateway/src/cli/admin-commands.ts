import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import {
  CaseStatus,
  type AdminTicketView,
  type CommitmentNotice,
  type CommitmentReceipt,
  type CommitmentStatus,
  type TicketStatus,
} from '../../../types/contract';
import { Value } from '@sinclair/typebox/value';
import { cleanOfficerName } from '../http/admin-guard';
import { ApiError } from '../http/api-error';
import { caseAndRatingServices, type CaseAndRatingServices } from '../ratings/services';
import { commitmentServices, type CommitmentServices } from '../commitments/services';
import { CommitmentKey } from '../commitments/signing-key';
import { NoticeRevisionError, type NoticeRevision } from '../commitments/notice-service';
import { UserStore } from '../store/user-store';
import { IdentityClaimStore } from '../store/identity-claim-store';
import { prereviewServices } from '../cases/prereview-services';
import { CASE_USAGE, runCaseCommand, type CaseCommandServices } from './case-commands';
import { UsageError } from './usage-error';
import { BACKUP_USAGE } from './backup-commands';
import { IDENTITY_CLAIMS_USAGE, identityClaimLines } from './identity-claim-commands';
import { BOOKING_USAGE, isBookingCommand, runBookingCommand, type BookingCommandServices } from './booking-commands';
import { bookingServices } from '../booking/services';
import type { BookingNotifier } from '../booking/booking-notifier';
import { outboxBookingNotifier } from '../booking/booking-outbox-notifier';
import { BookingStore } from '../store/booking-store';
import { CaseStore } from '../store/case-store';
import { OUTBOX_USAGE, runOutboxCommand } from './outbox-commands';

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
  /** GATEWAY_DATA_DIR (uploaded files, receipt key); default: the database file's folder. */
  dataDir?: string;
  /** Where booking-sweep and the queue commands send reminders (default: the notification outbox). */
  bookingNotifier?: BookingNotifier;
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
  commitments                                     告知承诺（新的在前）
  commitment-verdict ID verified|false "说明"      核查结论：属实 / 不实（仅限待核查的承诺）
  verify-commitment ID                            核验承诺记录是否完整（完整时退出码 0，否则 1）
  credit USER_ID|手机号 on|off "理由"              设置 / 解除严重失信主体标记
  notices [ITEM_CODE]                             告知书（当前版本）
  notice-revise NOTICE_ID [--consequence "…"] [--condition "…"] [--verification "…"]
                [--cooperation "…"] [--legal-basis "…"] [--method "…"]
                                                  发布告知书新版本（--consequence 追加一条后果；旧版本不变）
${IDENTITY_CLAIMS_USAGE}
${CASE_USAGE}
${BOOKING_USAGE}
${OUTBOX_USAGE}
${BACKUP_USAGE}
  选项 --officer 姓名：记录经办人（默认 admin）`;

const STATUS_LABELS: Record<TicketStatus, string> = {
  verifying: '核实',
  rectifying: '整改',
  revisiting: '回访',
  closed: '已办结',
};

const COMMITMENT_LABELS: Record<CommitmentStatus, string> = {
  signed: '待核查',
  verified: '核查属实',
  false: '不实承诺',
  withdrawn: '已撤回',
};

interface Services
  extends CaseAndRatingServices, CommitmentServices, CaseCommandServices, Omit<BookingCommandServices, 'cases'> {
  users: UserStore;
  claims: IdentityClaimStore;
  caseStore: CaseStore;
}

/**
 * `--name value` options (the last value of each, and all values of each for repeatable ones
 * like `--material`) and the remaining positional arguments.
 */
function parseArgs(argv: string[]): { positional: string[]; options: Map<string, string>; all: Map<string, string[]> } {
  const positional: string[] = [];
  const options = new Map<string, string>();
  const all = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg.startsWith('--')) {
      const value = argv[i + 1];
      if (value === undefined) throw new UsageError(`选项 ${arg} 缺少取值`);
      const name = arg.slice(2);
      options.set(name, value);
      all.set(name, [...(all.get(name) ?? []), value]);
      i += 1;
    } else {
      positional.push(arg);
    }
  }
  return { positional, options, all };
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

function commitmentLine(receipt: CommitmentReceipt): string {
  const { record } = receipt;
  return [
    `${record.id}  ${COMMITMENT_LABELS[receipt.status]}  ${record.itemName} · ${record.materialName}`,
    `    签署 ${record.signedAt} · ${record.signerNameMasked} · 告知书 ${record.noticeId} 第 ${record.noticeVersion} 版` +
      `${record.caseId ? ` · 办件 ${record.caseId}` : ''}${receipt.statusNote ? `\n    说明：${receipt.statusNote}` : ''}`,
  ].join('\n');
}

function noticeLine(notice: CommitmentNotice): string {
  return `${notice.id}  第 ${notice.version} 版  ${notice.itemCode} ${notice.itemName} · ${notice.materialName}  ${notice.contentHash.slice(0, 12)}`;
}

const REVISION_OPTIONS: Record<string, keyof NoticeRevision> = {
  condition: 'condition',
  method: 'method',
  verification: 'verification',
  cooperation: 'cooperation',
  'legal-basis': 'legalBasis',
};

function run(services: Services, argv: string[], options: AdminOptions): Promise<number | void> | number | void {
  const { positional, options: flags, all } = parseArgs(argv);
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
    case 'commitments': {
      const all = services.commitments.all();
      if (all.length === 0) io.out('没有告知承诺');
      for (const c of all) io.out(commitmentLine(c));
      return;
    }
    case 'commitment-verdict': {
      const [id, result, note] = args;
      if (!id || !result || note === undefined)
        throw new UsageError('用法：commitment-verdict ID verified|false "说明"');
      if (result !== 'verified' && result !== 'false') throw new UsageError('核查结论只能是 verified 或 false');
      if (Array.from(note.trim()).length < 2) throw new UsageError('请写明核查说明（至少 2 个字）');
      io.out(commitmentLine(services.commitments.verdict(id, { result, note }, officer)));
      return;
    }
    case 'verify-commitment': {
      const [id] = args;
      if (!id) throw new UsageError('用法：verify-commitment ID');
      const result = services.commitments.verify(id);
      for (const c of result.checks) io.out(`${c.ok ? '✓' : '✗'} ${c.name}  ${c.detail}`);
      io.out(result.intact ? `承诺 ${id} 完整` : `承诺 ${id} 不完整：记录或文件已被改动`);
      return result.intact ? 0 : 1;
    }
    case 'credit': {
      const [who, flag, reason] = args;
      if (!who || (flag !== 'on' && flag !== 'off')) throw new UsageError('用法：credit USER_ID|手机号 on|off "理由"');
      const userId = /^1[3-9]\d{9}$/.test(who) ? (services.users.findByMobile(who)?.id ?? who) : who;
      const state = services.commitments.credit(userId, { seriousDishonesty: flag === 'on', reason }, officer);
      io.out(
        `用户 ${state.userId}：${state.seriousDishonesty ? '已列为严重失信主体（不适用告知承诺制）' : '未列为严重失信主体'}`,
      );
      return;
    }
    case 'identity-claims':
      if (args.length > 0) throw new UsageError('用法：identity-claims [--since YYYY-MM-DD]');
      for (const line of identityClaimLines(services.claims, flags.get('since'))) io.out(line);
      return;
    case 'notices': {
      const [itemCode] = args;
      const list = itemCode ? services.notices.forItem(itemCode) : services.notices.all();
      if (list.length === 0) io.out('没有告知书');
      for (const n of list) io.out(noticeLine(n));
      return;
    }
    case 'notice-revise': {
      const [id] = args;
      if (!id) throw new UsageError('用法：notice-revise NOTICE_ID --consequence "…"');
      const revision: NoticeRevision = {};
      for (const [name, value] of flags) {
        if (name === 'officer') continue;
        if (name === 'consequence') revision.addConsequences = [value];
        else if (REVISION_OPTIONS[name]) (revision as Record<string, string>)[REVISION_OPTIONS[name]] = value;
        else throw new UsageError(`未知选项 --${name}`);
      }
      if (Object.keys(revision).length === 0) throw new UsageError('请至少指定一项要修订的内容');
      const notice = services.notices.revise(id, revision, `officer:${officer}`);
      io.out(`已发布新版本：${noticeLine(notice)}`);
      return;
    }
    case 'outbox':
      runOutboxCommand(options.db, flags, (line) => io.out(line));
      return;
    default:
      if (command && isBookingCommand(command, args)) {
        return runBookingCommand(
          command,
          { ...services, cases: services.caseStore },
          {
            args,
            flags,
            now: options.now,
            defaultBase: options.defaultBase,
            out: (line) => io.out(line),
          },
        );
      }
      if (command && runCaseCommand(command, services, { args, flags, all, officer, out: (line) => io.out(line) })) {
        return;
      }
      throw new UsageError(command ? `未知命令 ${command}` : '请指定命令');
  }
}

/**
 * The officer CLI over a database, with the same services (and so the same rules) as the API.
 * Returns the exit code: 0 done, 1 refused (the reason is printed), 2 usage error.
 */
export async function runAdmin(argv: string[], options: AdminOptions): Promise<number> {
  const dataDir = options.dataDir ?? path.dirname(options.db.name);
  const users = new UserStore(options.db);
  const services: Services = {
    users,
    claims: new IdentityClaimStore(options.db),
    ...caseAndRatingServices(options.db, {
      now: options.now,
      dataDir,
      rectificationDays: options.rectificationDays,
      users,
    }),
    ...prereviewServices(options.db, { now: options.now, users }),
    // The CLI never creates a receipt key: it verifies with the one the gateway made.
    ...commitmentServices(options.db, { now: options.now, dataDir, key: CommitmentKey.loadPublic(dataDir), users }),
    ...bookingServices(options.db, {
      now: options.now,
      dataDir,
      notifier: options.bookingNotifier ?? outboxBookingNotifier(options.now),
      users,
    }),
    store: new BookingStore(options.db),
    caseStore: new CaseStore(options.db),
  };
  try {
    return (await run(services, argv, options)) ?? 0;
  } catch (error) {
    if (error instanceof NoticeRevisionError) {
      options.io.err(`未完成：${error.message}`);
      return 1;
    }
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
