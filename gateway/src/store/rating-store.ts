import type { Database, Statement } from 'better-sqlite3';
import type { FeedbackLevel, RatingChannel, TicketStatus } from '../../../types/contract';
import { NOT_DEMO_USER } from './demo-store';

export interface WindowRow {
  code: string;
  name: string;
  hall_id: string;
  hall_name: string;
  department_id: string;
  department_name: string;
}

export interface VisitRow {
  id: string;
  user_id: string;
  window_code: string;
  started_at: number;
  expires_at: number;
  /** The rating of this visit, once rated. */
  rating_id: string | null;
}

export interface RatingRow {
  id: string;
  user_id: string;
  channel: RatingChannel;
  case_id: string | null;
  visit_id: string | null;
  window_code: string | null;
  subject: string;
  department_id: string;
  department_name: string | null;
  hall_id: string | null;
  hall_name: string | null;
  level: number;
  /** JSON object: indicator key → 1–5. */
  indicators: string;
  /** JSON array of reason codes. */
  reason_codes: string;
  comment: string;
  created_at: number;
  appealed_at: number | null;
  appeal_reason: string | null;
  appealed_by: string | null;
}

export interface TicketRow {
  id: string;
  rating_id: string;
  status: TicketStatus;
  deadline: string;
  result: string | null;
  feedback_level: FeedbackLevel | null;
  feedback_comment: string | null;
  feedback_at: number | null;
  closed_at: number | null;
  closed_on: string | null;
  created_at: number;
  updated_at: number;
}

export interface TicketEventRow {
  ticket_id: string;
  status: TicketStatus;
  at: number;
  note: string;
  actor: string;
}

export interface NewRating {
  id: string;
  userId: string;
  channel: RatingChannel;
  caseId: string | null;
  visitId: string | null;
  windowCode: string | null;
  subject: string;
  departmentId: string;
  hallId: string | null;
  level: number;
  indicators: Record<string, number>;
  reasonCodes: string[];
  comment: string;
  createdAt: number;
}

/** Counts per department or hall, as the statistics queries return them. */
export interface GroupCount {
  id: string;
  total: number;
  satisfied: number;
  bad: number;
}

export interface StatsTarget {
  id: string;
  name: string;
}

const WINDOW_SELECT = `
  SELECT w.code, w.name, w.hall_id, h.name AS hall_name, w.department_id, d.name AS department_name
  FROM service_windows w JOIN halls h ON h.id = w.hall_id JOIN departments d ON d.id = w.department_id`;

const RATING_SELECT = `
  SELECT r.*, d.name AS department_name, h.name AS hall_name
  FROM ratings r LEFT JOIN departments d ON d.id = r.department_id LEFT JOIN halls h ON h.id = r.hall_id`;

/**
 * Windows, visits, ratings and rectification tickets. Ratings are inserted, never updated (only the
 * 申诉复核 flag is set on them); tickets change only through their workflow.
 */
export class RatingStore {
  private readonly windowStmt: Statement<[string], WindowRow>;
  private readonly windowsStmt: Statement<[], WindowRow>;
  private readonly visitInsert: Statement<[string, string, string, number, number]>;
  private readonly visitStmt: Statement<[string, string], VisitRow>;
  private readonly openVisitStmt: Statement<[string, string, number], VisitRow>;
  private readonly lastWindowRatingStmt: Statement<[string, string], { created_at: number }>;
  private readonly ratingInsert: Statement<Record<string, unknown>>;
  private readonly ratingStmt: Statement<[string], RatingRow>;
  private readonly ratingsForUserStmt: Statement<[string], RatingRow>;
  private readonly ratingsSinceStmt: Statement<[string, number], { n: number }>;
  private readonly appealStmt: Statement<[number, string, string, string]>;
  private readonly ticketInsert: Statement<[string, string, string, number, number]>;
  private readonly ticketStmt: Statement<[string], TicketRow>;
  private readonly ticketForRatingStmt: Statement<[string], TicketRow>;
  private readonly ticketsStmt: Statement<[], TicketRow>;
  private readonly ticketUpdate: Statement<Record<string, unknown>>;
  private readonly eventInsert: Statement<[string, string, number, string, string]>;
  private readonly eventsStmt: Statement<[string], TicketEventRow>;
  private readonly allEventsStmt: Statement<[], TicketEventRow>;
  private readonly departmentCountsStmt: Statement<[], GroupCount>;
  private readonly hallCountsStmt: Statement<[], GroupCount>;
  private readonly defaultCountsStmt: Statement<[number], { id: string; n: number }>;
  private readonly onTimeByDepartmentStmt: Statement<[], { id: string; n: number }>;
  private readonly onTimeByHallStmt: Statement<[], { id: string; n: number }>;
  private readonly departmentsStmt: Statement<[], StatsTarget>;
  private readonly ratedHallsStmt: Statement<[], StatsTarget>;

  constructor(db: Database) {
    this.windowStmt = db.prepare(`${WINDOW_SELECT} WHERE w.code = ?`);
    this.windowsStmt = db.prepare(`${WINDOW_SELECT} ORDER BY w.sort_order, w.code`);
    this.visitInsert = db.prepare(
      'INSERT INTO window_visits (id, user_id, window_code, started_at, expires_at) VALUES (?, ?, ?, ?, ?)',
    );
    const visitSelect = `SELECT v.*, r.id AS rating_id FROM window_visits v LEFT JOIN ratings r ON r.visit_id = v.id`;
    this.visitStmt = db.prepare(`${visitSelect} WHERE v.id = ? AND v.user_id = ?`);
    this.openVisitStmt = db.prepare(`
      ${visitSelect}
      WHERE v.user_id = ? AND v.window_code = ? AND v.expires_at > ? AND r.id IS NULL
      ORDER BY v.started_at DESC LIMIT 1`);
    this.lastWindowRatingStmt = db.prepare(
      'SELECT created_at FROM ratings WHERE user_id = ? AND window_code = ? ORDER BY created_at DESC LIMIT 1',
    );
    this.ratingInsert = db.prepare(`
      INSERT INTO ratings (id, user_id, channel, case_id, visit_id, window_code, subject, department_id, hall_id,
        level, indicators, reason_codes, comment, created_at)
      VALUES (@id, @userId, @channel, @caseId, @visitId, @windowCode, @subject, @departmentId, @hallId,
        @level, @indicators, @reasonCodes, @comment, @createdAt)`);
    this.ratingStmt = db.prepare(`${RATING_SELECT} WHERE r.id = ?`);
    this.ratingsForUserStmt = db.prepare(`${RATING_SELECT} WHERE r.user_id = ? ORDER BY r.created_at DESC`);
    this.ratingsSinceStmt = db.prepare('SELECT COUNT(*) AS n FROM ratings WHERE user_id = ? AND created_at >= ?');
    this.appealStmt = db.prepare(
      'UPDATE ratings SET appealed_at = ?, appeal_reason = ?, appealed_by = ? WHERE id = ? AND appealed_at IS NULL',
    );
    this.ticketInsert = db.prepare(`
      INSERT INTO rectification_tickets (id, rating_id, status, deadline, created_at, updated_at)
      VALUES (?, ?, 'verifying', ?, ?, ?)`);
    this.ticketStmt = db.prepare('SELECT * FROM rectification_tickets WHERE id = ?');
    this.ticketForRatingStmt = db.prepare('SELECT * FROM rectification_tickets WHERE rating_id = ?');
    // Demo residents' 差评 tickets stay out of the officers' list (gateway/src/demo).
    this.ticketsStmt = db.prepare(`
      SELECT t.* FROM rectification_tickets t JOIN ratings r ON r.id = t.rating_id
      WHERE ${NOT_DEMO_USER('r.user_id')}
      ORDER BY t.created_at DESC, t.id`);
    this.ticketUpdate = db.prepare(`
      UPDATE rectification_tickets SET status = @status, result = COALESCE(@result, result),
        feedback_level = COALESCE(@feedbackLevel, feedback_level),
        feedback_comment = COALESCE(@feedbackComment, feedback_comment),
        feedback_at = COALESCE(@feedbackAt, feedback_at), closed_at = COALESCE(@closedAt, closed_at),
        closed_on = COALESCE(@closedOn, closed_on), updated_at = @updatedAt
      WHERE id = @id AND status = @from`);
    this.eventInsert = db.prepare(
      'INSERT INTO ticket_events (ticket_id, status, at, note, actor) VALUES (?, ?, ?, ?, ?)',
    );
    this.eventsStmt = db.prepare(
      'SELECT ticket_id, status, at, note, actor FROM ticket_events WHERE ticket_id = ? ORDER BY id',
    );
    this.allEventsStmt = db.prepare('SELECT ticket_id, status, at, note, actor FROM ticket_events ORDER BY id');

    const counts = `COUNT(*) AS total, COALESCE(SUM(level >= 3), 0) AS satisfied, COALESCE(SUM(level <= 2), 0) AS bad`;
    this.departmentCountsStmt = db.prepare(`SELECT department_id AS id, ${counts} FROM ratings GROUP BY department_id`);
    this.hallCountsStmt = db.prepare(
      `SELECT hall_id AS id, ${counts} FROM ratings WHERE hall_id IS NOT NULL AND channel = 'onsite' GROUP BY hall_id`,
    );
    this.defaultCountsStmt = db.prepare(`
      SELECT c.department_id AS id, COUNT(*) AS n FROM cases c
      WHERE c.status IN ('completed', 'posted') AND c.completed_at < ?
        AND NOT EXISTS (SELECT 1 FROM ratings r WHERE r.case_id = c.id)
      GROUP BY c.department_id`);
    const onTime = `FROM rectification_tickets t JOIN ratings r ON r.id = t.rating_id
      WHERE t.status = 'closed' AND t.closed_on <= t.deadline`;
    this.onTimeByDepartmentStmt = db.prepare(
      `SELECT r.department_id AS id, COUNT(*) AS n ${onTime} GROUP BY r.department_id`,
    );
    this.onTimeByHallStmt = db.prepare(`
      SELECT r.hall_id AS id, COUNT(*) AS n ${onTime} AND r.hall_id IS NOT NULL AND r.channel = 'onsite'
      GROUP BY r.hall_id`);
    this.departmentsStmt = db.prepare('SELECT id, name FROM departments ORDER BY sort_order, id');
    this.ratedHallsStmt = db.prepare(`
      SELECT h.id, h.name FROM halls h
      WHERE EXISTS (SELECT 1 FROM service_windows w WHERE w.hall_id = h.id)
         OR EXISTS (SELECT 1 FROM ratings r WHERE r.hall_id = h.id)
      ORDER BY h.sort_order, h.id`);
  }

  window(code: string): WindowRow | undefined {
    return this.windowStmt.get(code);
  }

  windows(): WindowRow[] {
    return this.windowsStmt.all();
  }

  addVisit(id: string, userId: string, windowCode: string, startedAt: number, expiresAt: number): void {
    this.visitInsert.run(id, userId, windowCode, startedAt, expiresAt);
  }

  /** The user's own visit (another user's is indistinguishable from none). */
  visit(userId: string, id: string): VisitRow | undefined {
    return this.visitStmt.get(id, userId);
  }

  /** The user's latest unexpired, unrated visit to the window. */
  openVisit(userId: string, windowCode: string, now: number): VisitRow | undefined {
    return this.openVisitStmt.get(userId, windowCode, now);
  }

  /** When the user last rated this window (epoch ms), if ever. */
  lastWindowRating(userId: string, windowCode: string): number | undefined {
    return this.lastWindowRatingStmt.get(userId, windowCode)?.created_at;
  }

  addRating(r: NewRating): void {
    this.ratingInsert.run({
      ...r,
      indicators: JSON.stringify(r.indicators),
      reasonCodes: JSON.stringify(r.reasonCodes),
    });
  }

  rating(id: string): RatingRow | undefined {
    return this.ratingStmt.get(id);
  }

  ratingsForUser(userId: string): RatingRow[] {
    return this.ratingsForUserStmt.all(userId);
  }

  ratingsSince(userId: string, since: number): number {
    return (this.ratingsSinceStmt.get(userId, since) as { n: number }).n;
  }

  /** Sets the 申诉复核 flag; false when it was already set. */
  appeal(ratingId: string, reason: string, officer: string, now: number): boolean {
    return this.appealStmt.run(now, reason, officer, ratingId).changes === 1;
  }

  addTicket(id: string, ratingId: string, deadline: string, now: number): void {
    this.ticketInsert.run(id, ratingId, deadline, now, now);
  }

  ticket(id: string): TicketRow | undefined {
    return this.ticketStmt.get(id);
  }

  ticketForRating(ratingId: string): TicketRow | undefined {
    return this.ticketForRatingStmt.get(ratingId);
  }

  tickets(): TicketRow[] {
    return this.ticketsStmt.all();
  }

  /** Moves a ticket from `from` to `status`; false when it was no longer at `from`. */
  updateTicket(change: {
    id: string;
    from: TicketStatus;
    status: TicketStatus;
    updatedAt: number;
    result?: string;
    feedbackLevel?: FeedbackLevel;
    feedbackComment?: string;
    feedbackAt?: number;
    closedAt?: number;
    closedOn?: string;
  }): boolean {
    return (
      this.ticketUpdate.run({
        result: null,
        feedbackLevel: null,
        feedbackComment: null,
        feedbackAt: null,
        closedAt: null,
        closedOn: null,
        ...change,
      }).changes === 1
    );
  }

  addEvent(ticketId: string, status: TicketStatus, at: number, note: string, actor: string): void {
    this.eventInsert.run(ticketId, status, at, note, actor);
  }

  events(ticketId: string): TicketEventRow[] {
    return this.eventsStmt.all(ticketId);
  }

  allEvents(): TicketEventRow[] {
    return this.allEventsStmt.all();
  }

  departmentCounts(): GroupCount[] {
    return this.departmentCountsStmt.all();
  }

  hallCounts(): GroupCount[] {
    return this.hallCountsStmt.all();
  }

  /** Finished cases completed before `completedBefore` and never rated (默认好评), per department. */
  defaultCounts(completedBefore: number): { id: string; n: number }[] {
    return this.defaultCountsStmt.all(completedBefore);
  }

  onTimeByDepartment(): { id: string; n: number }[] {
    return this.onTimeByDepartmentStmt.all();
  }

  onTimeByHall(): { id: string; n: number }[] {
    return this.onTimeByHallStmt.all();
  }

  departments(): StatsTarget[] {
    return this.departmentsStmt.all();
  }

  /** Halls that can be rated on site (they have windows) or have been. */
  ratedHalls(): StatsTarget[] {
    return this.ratedHallsStmt.all();
  }
}
