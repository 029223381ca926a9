import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import {
  BAD_RATING_COMMENT_MIN,
  RATING_COMMENT_MAX,
  type AdminTicketView,
  type AdvanceTicketRequest,
  type FeedbackLevel,
  type FeedbackRequest,
  type FieldError,
  type Rating,
  type RatingChannel,
  type RatingLevel,
  type RatingStats,
  type RatingStatsRow,
  type RectificationTicket,
  type ServiceWindow,
  type StartVisitRequest,
  type SubmitRatingRequest,
  type TicketStatus,
  type WindowVisit,
} from '../../../types/contract';
import { chinaDayBounds } from '../../../src/lib/china-time';
import { createWorkdayCalendar, toChinaDate } from '../../../src/lib/workdays';
import { ApiError, fieldError, notFound, rateLimited, validationFailed } from '../http/api-error';
import { CASE_NOT_FOUND } from '../cases/case-service';
import type { CatalogueStore } from '../store/catalogue-store';
import { isFinished, type CaseRow, type CaseStore } from '../store/case-store';
import type {
  GroupCount,
  RatingRow,
  RatingStore,
  StatsTarget,
  TicketEventRow,
  TicketRow,
  WindowRow,
} from '../store/rating-store';
import type { UserStore } from '../store/user-store';
import {
  DAILY_RATING_LIMIT,
  DEFAULT_RATING_LEVEL,
  REVISIT_GAP_MS,
  VISIT_TTL_MS,
  caseOfDefaultRating,
  defaultCutoff,
  defaultRatingId,
  indicatorsOf,
  isBadLevel,
  isReason,
  ratingDeadline,
  reasonsFor,
} from './rating-rules';
import { verifyWindowQr, windowQrContent, windowQrSvg } from './window-qr';
import { enqueueNotification } from '../notifications/notification-outbox';
import { ticketNotice } from '../notifications/notification-texts';

export interface RatingDeps {
  db: Database;
  ratings: RatingStore;
  cases: CaseStore;
  users: UserStore;
  catalogue: CatalogueStore;
  now: () => Date;
  /** Signs window QR codes (per installation, from the settings table). */
  qrSecret: string;
  /** Working days from a 差评 to its rectification deadline. */
  rectificationDays: number;
}

/** The main refusals, word for word (the app shows them as they are; tests pin them). */
export const MESSAGES = {
  realNameRequired: '请先完成实名认证',
  invalidQr: '二维码无效，请扫描窗口上的评价二维码',
  windowNotFound: '没有找到这个窗口，请核对窗口编号',
  windowRecentlyRated: '您已评价过本次窗口服务',
  caseNotFinished: '办件尚未办结，暂不能评价',
  caseAlreadyRated: '该办件已评价',
  caseRatingClosed: '已超过评价期限（办结后 7 天内可评价），系统已默认为“基本满意”',
  visitNotFound: '没有找到这次窗口服务记录，请重新扫码',
  visitAlreadyRated: '该次窗口服务已评价',
  visitExpired: '本次窗口服务已超过 24 小时评价期限，请重新扫码',
  ratingNotFound: '没有找到这条评价',
  dailyLimit: '今天的评价次数已达上限，请明天再试',
  noRectification: '该评价无需整改反馈',
  notRevisiting: '整改尚未进入回访阶段',
  feedbackGiven: '您已评价过整改结果',
  ticketNotFound: '没有找到这个整改工单',
  ticketClosedByRater: '整改工单须由评价人对整改结果作出评价后办结',
  ticketClosed: '该整改工单已办结',
  appealNotBad: '只有差评可以申请申诉复核',
  appealed: '该评价已申请申诉复核',
} as const;

const STATUS_LABELS: Record<TicketStatus, string> = {
  verifying: '核实',
  rectifying: '整改',
  revisiting: '回访',
  closed: '已办结',
};

const FEEDBACK_LABELS: Record<FeedbackLevel, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  unsatisfied: '不满意',
};

/** The officer-driven order; `closed` is reached only by the rater's feedback. */
const NEXT_STATUS: Partial<Record<TicketStatus, TicketStatus>> = {
  verifying: 'rectifying',
  rectifying: 'revisiting',
};

const iso = (ms: number): string => new Date(ms).toISOString();

/** Characters as a person counts them (code points: an emoji is one). */
const charCount = (text: string): number => Array.from(text).length;

function parseJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

function windowView(row: WindowRow): ServiceWindow {
  return { code: row.code, name: row.name, hallName: row.hall_name, departmentName: row.department_name };
}

function ticketView(row: TicketRow, events: TicketEventRow[], today: string): RectificationTicket {
  const ticket: RectificationTicket = {
    id: row.id,
    status: row.status,
    deadline: row.deadline,
    overdue: row.status !== 'closed' && today > row.deadline,
    history: events.map((e) => ({ status: e.status, at: iso(e.at), note: e.note })),
  };
  if (row.result !== null) ticket.result = row.result;
  if (row.feedback_level !== null && row.feedback_at !== null) {
    ticket.feedback = { level: row.feedback_level, comment: row.feedback_comment ?? '', at: iso(row.feedback_at) };
  }
  return ticket;
}

/** A stored rating as the rater and officers see it: no rater identity in it. */
function ratingView(row: RatingRow): Omit<Rating, 'ticket'> {
  const rating: Omit<Rating, 'ticket'> = {
    id: row.id,
    channel: row.channel,
    subject: row.subject,
    departmentName: row.department_name ?? '',
    level: row.level as RatingLevel,
    isDefault: false,
    indicators: parseJson<Record<string, RatingLevel>>(row.indicators),
    reasons: reasonsFor(parseJson<string[]>(row.reason_codes)),
    comment: row.comment,
    createdAt: iso(row.created_at),
  };
  if (row.hall_name !== null) rating.hallName = row.hall_name;
  if (row.case_id !== null) rating.caseId = row.case_id;
  return rating;
}

/** 默认好评: a finished case not rated by its deadline, as a rating dated at the deadline. */
function defaultRatingView(row: CaseRow): Rating {
  return {
    id: defaultRatingId(row.id),
    channel: 'online',
    subject: row.item_name,
    departmentName: row.department_name,
    caseId: row.id,
    level: DEFAULT_RATING_LEVEL,
    isDefault: true,
    indicators: {},
    reasons: [],
    comment: '',
    createdAt: iso(ratingDeadline(row.completed_at ?? 0)),
  };
}

function statsRow(
  target: StatsTarget,
  counts: GroupCount | undefined,
  defaults: number,
  onTime: number,
): RatingStatsRow {
  const total = (counts?.total ?? 0) + defaults;
  const satisfied = (counts?.satisfied ?? 0) + defaults;
  const bad = counts?.bad ?? 0;
  return {
    id: target.id,
    name: target.name,
    total,
    satisfactionRate: total > 0 ? satisfied / total : null,
    badCount: bad,
    rectifiedOnTimeRate: bad > 0 ? onTime / bad : null,
  };
}

const byId = <T extends { id: string }>(rows: T[]): Map<string, T> => new Map(rows.map((r) => [r.id, r]));

interface CheckedContent {
  level: RatingLevel;
  indicators: Record<string, number>;
  reasonCodes: string[];
  comment: string;
}

/** Everything about the rating's content that does not need the database; all problems at once. */
function checkContent(channel: RatingChannel, body: SubmitRatingRequest): CheckedContent {
  const fields: FieldError[] = [];
  const allowed = indicatorsOf(channel);
  for (const { key, label } of allowed) {
    if (!Object.prototype.hasOwnProperty.call(body.indicators, key)) {
      fields.push({ field: `indicators.${key}`, message: `请为“${label}”打分` });
    }
  }
  for (const key of Object.keys(body.indicators)) {
    if (!allowed.some((i) => i.key === key)) {
      fields.push({ field: `indicators.${key}`, message: '不支持的评价指标' });
    }
  }
  const bad = isBadLevel(body.level);
  const reasonCodes = [...new Set(body.reasonCodes ?? [])];
  if (reasonCodes.some((code) => !isReason(channel, code))) {
    fields.push({ field: 'reasonCodes', message: '差评原因无效，请从列表中选择' });
  } else if (bad && reasonCodes.length === 0) {
    fields.push({ field: 'reasonCodes', message: '请选择差评原因' });
  } else if (!bad && reasonCodes.length > 0) {
    fields.push({ field: 'reasonCodes', message: '只有差评（不满意、非常不满意）需要选择原因' });
  }
  // Stored exactly as given apart from surrounding whitespace: never sanitised, never interpreted.
  const comment = (body.comment ?? '').trim();
  if (charCount(comment) > RATING_COMMENT_MAX) {
    fields.push({ field: 'comment', message: `评价内容不能超过 ${RATING_COMMENT_MAX} 个字` });
  } else if (bad && charCount(comment) < BAD_RATING_COMMENT_MIN) {
    fields.push({ field: 'comment', message: `差评请至少写 ${BAD_RATING_COMMENT_MIN} 个字，说明遇到的问题` });
  }
  if (fields.length > 0) throw validationFailed(fields);
  return { level: body.level as RatingLevel, indicators: body.indicators, reasonCodes, comment };
}

/**
 * 好差评: window visits (一次一评), ratings of cases (一事一评) and visits, the 7-day default, 差评
 * rectification tickets, public statistics. Each change runs in one transaction, and every refusal
 * is thrown before anything is written.
 */
export class RatingService {
  constructor(private readonly deps: RatingDeps) {}

  private nowMs(): number {
    return this.deps.now().getTime();
  }

  private today(): string {
    return toChinaDate(this.deps.now());
  }

  private ticketFor(row: TicketRow): RectificationTicket {
    return ticketView(row, this.deps.ratings.events(row.id), this.today());
  }

  private fullRating(row: RatingRow): Rating {
    const rating: Rating = ratingView(row);
    const ticket = this.deps.ratings.ticketForRating(row.id);
    if (ticket) rating.ticket = this.ticketFor(ticket);
    return rating;
  }

  private adminView(ticket: TicketRow, events?: TicketEventRow[]): AdminTicketView {
    const rating = this.deps.ratings.rating(ticket.rating_id);
    if (!rating) throw new Error(`ticket ${ticket.id} has no rating`);
    return {
      ticket: ticketView(ticket, events ?? this.deps.ratings.events(ticket.id), this.today()),
      rating: ratingView(rating),
      appealed: rating.appealed_at !== null,
    };
  }

  // ── windows and visits ────────────────────────────────────────────────────────────────────

  window(code: string): ServiceWindow {
    const row = this.deps.ratings.window(code.trim().toUpperCase());
    if (!row) throw notFound(MESSAGES.windowNotFound);
    return windowView(row);
  }

  windows(): (ServiceWindow & { hallId: string; departmentId: string })[] {
    return this.deps.ratings
      .windows()
      .map((row) => ({ ...windowView(row), hallId: row.hall_id, departmentId: row.department_id }));
  }

  /** The window's QR content and SVG, for printing. */
  async windowQr(code: string, publicBase: string): Promise<{ window: ServiceWindow; qrContent: string; svg: string }> {
    const window = this.window(code);
    const qrContent = windowQrContent(publicBase, window.code, this.deps.qrSecret);
    return { window, qrContent, svg: await windowQrSvg(qrContent) };
  }

  /**
   * Starts (or resumes) a visit: the scanned QR must carry this gateway's signature; a typed code
   * is public, so the limits are per visit: one open visit per user and window, valid 24 hours,
   * and no new one within 4 hours of rating that window.
   */
  startVisit(userId: string, request: StartVisitRequest): WindowVisit {
    let code: string;
    if (request.qr !== undefined && request.windowCode !== undefined) {
      throw fieldError('qr', '请只提供二维码内容或窗口编号中的一项');
    }
    if (request.qr !== undefined) {
      const verified = verifyWindowQr(request.qr, this.deps.qrSecret);
      if (!verified) throw fieldError('qr', MESSAGES.invalidQr);
      code = verified;
    } else if (request.windowCode !== undefined && request.windowCode.trim() !== '') {
      code = request.windowCode.trim().toUpperCase();
    } else {
      throw fieldError('qr', '请扫描窗口上的评价二维码，或输入二维码下方的窗口编号');
    }
    const window = this.deps.ratings.window(code);
    if (!window) throw notFound(MESSAGES.windowNotFound);
    const now = this.nowMs();
    return this.deps.db.transaction((): WindowVisit => {
      const lastRated = this.deps.ratings.lastWindowRating(userId, window.code);
      if (lastRated !== undefined && now - lastRated < REVISIT_GAP_MS) {
        throw new ApiError('CONFLICT', MESSAGES.windowRecentlyRated);
      }
      const open = this.deps.ratings.openVisit(userId, window.code, now);
      if (open) {
        return {
          id: open.id,
          window: windowView(window),
          startedAt: iso(open.started_at),
          expiresAt: iso(open.expires_at),
        };
      }
      const id = randomUUID();
      this.deps.ratings.addVisit(id, userId, window.code, now, now + VISIT_TTL_MS);
      return { id, window: windowView(window), startedAt: iso(now), expiresAt: iso(now + VISIT_TTL_MS) };
    })();
  }

  // ── ratings ───────────────────────────────────────────────────────────────────────────────

  submit(userId: string, body: SubmitRatingRequest): Rating {
    const user = this.deps.users.get(userId);
    if (!user) throw new ApiError('UNAUTHENTICATED', '登录已失效，请重新登录');
    if (user.verified_at === null) throw new ApiError('FORBIDDEN', MESSAGES.realNameRequired);
    const channel: RatingChannel = body.target.kind === 'case' ? 'online' : 'onsite';
    const content = checkContent(channel, body);
    const now = this.nowMs();

    const id = this.deps.db.transaction((): string => {
      const today = chinaDayBounds(new Date(now));
      if (this.deps.ratings.ratingsSince(userId, today.start) >= DAILY_RATING_LIMIT) {
        throw rateLimited((today.end - now) / 1000, MESSAGES.dailyLimit);
      }
      const target = this.resolveTarget(userId, body.target, now);
      const ratingId = randomUUID();
      this.deps.ratings.addRating({
        id: ratingId,
        userId,
        channel,
        ...target,
        ...content,
        createdAt: now,
      });
      if (isBadLevel(content.level)) {
        const calendar = createWorkdayCalendar(this.deps.catalogue.calendar());
        const deadline = calendar.addWorkdays(this.today(), this.deps.rectificationDays);
        const ticketId = randomUUID();
        this.deps.ratings.addTicket(ticketId, ratingId, deadline, now);
        this.deps.ratings.addEvent(ticketId, 'verifying', now, '已收到差评，正在核实情况', 'system');
      }
      return ratingId;
    })();
    return this.fullRating(this.deps.ratings.rating(id) as RatingRow);
  }

  private resolveTarget(
    userId: string,
    target: SubmitRatingRequest['target'],
    now: number,
  ): {
    caseId: string | null;
    visitId: string | null;
    windowCode: string | null;
    subject: string;
    departmentId: string;
    hallId: string | null;
  } {
    if (target.kind === 'case') {
      const row = this.deps.cases.getForUser(userId, target.caseId);
      if (!row) throw notFound(CASE_NOT_FOUND);
      if (!isFinished(row.status) || row.completed_at === null) {
        throw new ApiError('CONFLICT', MESSAGES.caseNotFinished);
      }
      if (row.rating_id !== null) throw new ApiError('CONFLICT', MESSAGES.caseAlreadyRated);
      if (now > ratingDeadline(row.completed_at)) throw new ApiError('CONFLICT', MESSAGES.caseRatingClosed);
      return {
        caseId: row.id,
        visitId: null,
        windowCode: null,
        subject: row.item_name,
        departmentId: row.department_id,
        hallId: null,
      };
    }
    const visit = this.deps.ratings.visit(userId, target.visitId);
    if (!visit) throw notFound(MESSAGES.visitNotFound);
    if (visit.rating_id !== null) throw new ApiError('CONFLICT', MESSAGES.visitAlreadyRated);
    if (now >= visit.expires_at) throw new ApiError('CONFLICT', MESSAGES.visitExpired);
    const window = this.deps.ratings.window(visit.window_code);
    if (!window) throw notFound(MESSAGES.windowNotFound);
    return {
      caseId: null,
      visitId: visit.id,
      windowCode: window.code,
      subject: window.name,
      departmentId: window.department_id,
      hallId: window.hall_id,
    };
  }

  /** The user's ratings, newest first, with the 默认好评 of cases left unrated past their deadline. */
  mine(userId: string): Rating[] {
    const stored = this.deps.ratings.ratingsForUser(userId).map((row) => this.fullRating(row));
    const defaults = this.deps.cases
      .defaultedForUser(userId, defaultCutoff(this.nowMs()))
      .map((row) => defaultRatingView(row));
    return [...stored, ...defaults].sort((a, b) =>
      a.createdAt === b.createdAt ? a.id.localeCompare(b.id) : a.createdAt < b.createdAt ? 1 : -1,
    );
  }

  /** One of the user's ratings (a default one too); someone else's is "not found". */
  one(userId: string, id: string): Rating {
    const caseId = caseOfDefaultRating(id);
    if (caseId !== undefined) {
      const row = this.deps.cases.getForUser(userId, caseId);
      const isDefaulted =
        row !== undefined &&
        row.rating_id === null &&
        isFinished(row.status) &&
        row.completed_at !== null &&
        row.completed_at < defaultCutoff(this.nowMs());
      if (!isDefaulted) throw notFound(MESSAGES.ratingNotFound);
      return defaultRatingView(row);
    }
    const row = this.deps.ratings.rating(id);
    if (!row || row.user_id !== userId) throw notFound(MESSAGES.ratingNotFound);
    return this.fullRating(row);
  }

  /** The rater's 满意 / 基本满意 / 不满意 on the rectification, accepted once, at 回访; it closes the ticket. */
  feedback(userId: string, id: string, body: FeedbackRequest): Rating {
    const rating = this.one(userId, id);
    if (rating.isDefault) throw new ApiError('CONFLICT', MESSAGES.noRectification);
    const comment = (body.comment ?? '').trim();
    if (charCount(comment) > RATING_COMMENT_MAX) {
      throw fieldError('comment', `评价内容不能超过 ${RATING_COMMENT_MAX} 个字`);
    }
    const now = this.nowMs();
    this.deps.db.transaction(() => {
      const ticket = this.deps.ratings.ticketForRating(rating.id);
      if (!ticket) throw new ApiError('CONFLICT', MESSAGES.noRectification);
      if (ticket.feedback_at !== null) throw new ApiError('CONFLICT', MESSAGES.feedbackGiven);
      if (ticket.status !== 'revisiting') throw new ApiError('CONFLICT', MESSAGES.notRevisiting);
      this.deps.ratings.updateTicket({
        id: ticket.id,
        from: 'revisiting',
        status: 'closed',
        updatedAt: now,
        feedbackLevel: body.level,
        feedbackComment: comment,
        feedbackAt: now,
        closedAt: now,
        closedOn: this.today(),
      });
      this.deps.ratings.addEvent(
        ticket.id,
        'closed',
        now,
        `评价人对整改结果的评价：${FEEDBACK_LABELS[body.level]}，工单办结`,
        'rater',
      );
    })();
    return this.one(userId, id);
  }

  // ── officers ──────────────────────────────────────────────────────────────────────────────

  /** Every ticket, newest first: no rater identity in any of them. */
  tickets(): AdminTicketView[] {
    const events = new Map<string, TicketEventRow[]>();
    for (const e of this.deps.ratings.allEvents()) {
      const list = events.get(e.ticket_id) ?? [];
      list.push(e);
      events.set(e.ticket_id, list);
    }
    return this.deps.ratings.tickets().map((t) => this.adminView(t, events.get(t.id) ?? []));
  }

  /** 核实 → 整改 → 回访, one step at a time; the note at 回访 is the written 整改结果. */
  advance(ticketId: string, request: AdvanceTicketRequest, officer: string): AdminTicketView {
    const note = request.note.trim();
    if (charCount(note) < 2) throw fieldError('note', '请填写说明（至少 2 个字）');
    const now = this.nowMs();
    return this.deps.db.transaction((): AdminTicketView => {
      const ticket = this.deps.ratings.ticket(ticketId);
      if (!ticket) throw notFound(MESSAGES.ticketNotFound);
      if (ticket.status === 'closed') throw new ApiError('CONFLICT', MESSAGES.ticketClosed);
      if (request.to === 'closed') throw new ApiError('CONFLICT', MESSAGES.ticketClosedByRater);
      if (NEXT_STATUS[ticket.status] !== request.to) {
        throw new ApiError(
          'CONFLICT',
          `工单当前处于“${STATUS_LABELS[ticket.status]}”阶段，只能按 核实 → 整改 → 回访 的顺序推进`,
        );
      }
      this.deps.ratings.updateTicket({
        id: ticket.id,
        from: ticket.status,
        status: request.to,
        updatedAt: now,
        ...(request.to === 'revisiting' ? { result: note } : {}),
      });
      this.deps.ratings.addEvent(ticket.id, request.to, now, note, officer);
      // The rater follows the ticket: each step they see is told, in this transaction.
      const rating = this.deps.ratings.rating(ticket.rating_id);
      if (rating) {
        const notice = ticketNotice(
          {
            ticketId: ticket.id,
            ratingId: rating.id,
            userId: rating.user_id,
            subject: rating.subject,
            deadline: ticket.deadline,
          },
          request.to,
          note,
          now,
        );
        enqueueNotification(this.deps.db, notice, now);
      }
      return this.adminView(this.deps.ratings.ticket(ticket.id) as TicketRow);
    })();
  }

  /** Flags a 差评 suspected to be malicious for 申诉复核 (it keeps counting until reviewed). */
  appeal(ratingId: string, reason: string, officer: string): AdminTicketView {
    const text = reason.trim();
    if (charCount(text) < 2) throw fieldError('reason', '请填写申诉理由（至少 2 个字）');
    return this.deps.db.transaction((): AdminTicketView => {
      const rating = this.deps.ratings.rating(ratingId);
      if (!rating) throw notFound(MESSAGES.ratingNotFound);
      const ticket = this.deps.ratings.ticketForRating(ratingId);
      if (!ticket) throw new ApiError('CONFLICT', MESSAGES.appealNotBad);
      if (!this.deps.ratings.appeal(ratingId, text, officer, this.nowMs())) {
        throw new ApiError('CONFLICT', MESSAGES.appealed);
      }
      return this.adminView(ticket);
    })();
  }

  // ── public figures ────────────────────────────────────────────────────────────────────────

  /** 公开评价指标 per department (online and on site, defaults as 基本满意) and per hall (on site). */
  stats(): RatingStats {
    const now = this.nowMs();
    const r = this.deps.ratings;
    const departmentCounts = byId(r.departmentCounts());
    const defaults = new Map(r.defaultCounts(defaultCutoff(now)).map((row) => [row.id, row.n]));
    const departmentOnTime = new Map(r.onTimeByDepartment().map((row) => [row.id, row.n]));
    const hallCounts = byId(r.hallCounts());
    const hallOnTime = new Map(r.onTimeByHall().map((row) => [row.id, row.n]));
    return {
      departments: r
        .departments()
        .map((d) => statsRow(d, departmentCounts.get(d.id), defaults.get(d.id) ?? 0, departmentOnTime.get(d.id) ?? 0)),
      halls: r.ratedHalls().map((h) => statsRow(h, hallCounts.get(h.id), 0, hallOnTime.get(h.id) ?? 0)),
      asOf: iso(now),
    };
  }
}
