import type { Database, Statement } from 'better-sqlite3';
import type { BookingStatus, HallTicketStatus } from '../../../types/contract';
import type { HallSchedule, Period } from '../booking/slot-calendar';

export interface BookingRow {
  id: string;
  user_id: string;
  item_code: string;
  item_name: string;
  hall_id: string;
  hall_name: string;
  date: string;
  slot_start: string;
  slot_end: string;
  starts_at: number;
  status: BookingStatus;
  case_id: string | null;
  created_at: number;
  cancelled_at: number | null;
  no_show_at: number | null;
  reminded_at: number | null;
}

export interface TicketRow {
  id: string;
  hall_id: string;
  hall_name: string;
  date: string;
  number: string;
  kind: 'booked' | 'walk_in';
  user_id: string;
  booking_id: string | null;
  item_code: string | null;
  item_name: string | null;
  status: HallTicketStatus;
  due_at: number;
  issued_at: number;
  window_code: string | null;
  window_name: string | null;
  called_at: number | null;
  finished_at: number | null;
  visit_id: string | null;
  near_notified_at: number | null;
}

export interface NewBooking {
  id: string;
  userId: string;
  itemCode: string;
  hallId: string;
  date: string;
  start: string;
  end: string;
  startsAt: number;
  caseId: string | null;
  now: number;
}

export interface NewTicket {
  id: string;
  hallId: string;
  date: string;
  number: string;
  kind: 'booked' | 'walk_in';
  userId: string;
  bookingId: string | null;
  itemCode: string | null;
  dueAt: number;
  now: number;
}

const BOOKING_SELECT = `
  SELECT b.*, i.name AS item_name, h.name AS hall_name
  FROM bookings b JOIN items i ON i.code = b.item_code JOIN halls h ON h.id = b.hall_id`;

const TICKET_SELECT = `
  SELECT t.*, h.name AS hall_name, i.name AS item_name, w.name AS window_name
  FROM hall_tickets t JOIN halls h ON h.id = t.hall_id
  LEFT JOIN items i ON i.code = t.item_code LEFT JOIN service_windows w ON w.code = t.window_code`;

/** Waiting tickets in call order: due time, then the order they were taken. */
const QUEUE_ORDER = 'ORDER BY t.due_at, t.issued_at, t.number';

/**
 * Schedules, slot counters, bookings and queue tickets. Statements are prepared once; callers
 * run the multi-statement changes inside one (immediate) transaction.
 */
export class BookingStore {
  private readonly scheduleStmt: Statement<
    [string],
    { slot_minutes: number; capacity: number; periods: string; note: string }
  >;
  private readonly closureUpsert: Statement<[string, string, string]>;
  private readonly activeOnDayStmt: Statement<[string, string], { n: number }>;
  private readonly closuresStmt: Statement<[string, string, string], { date: string; reason: string }>;
  private readonly slotCountsStmt: Statement<
    [string, string, string],
    { date: string; slot_start: string; capacity: number; booked: number }
  >;
  private readonly slotCreate: Statement<[string, string, string, number]>;
  private readonly slotTake: Statement<[string, string, string]>;
  private readonly slotRelease: Statement<[string, string, string]>;
  private readonly bookingInsert: Statement<NewBooking>;
  private readonly bookingStmt: Statement<[string], BookingRow>;
  private readonly activeForItemDayStmt: Statement<[string, string, string], BookingRow>;
  private readonly bookingsOfUserStmt: Statement<[string], BookingRow>;
  private readonly bookingStatusUpdate: Statement<[BookingStatus, number | null, number | null, string]>;
  private readonly noShowTimesStmt: Statement<[string, number], { no_show_at: number }>;
  private readonly missedStmt: Statement<[number], { id: string }>;
  private readonly missedOfUserStmt: Statement<[string, number], { id: string }>;
  private readonly remindStmt: Statement<[string], BookingRow>;
  private readonly remindedUpdate: Statement<[number, string]>;
  private readonly todaysBookingStmt: Statement<[string, string, string], BookingRow>;
  private readonly queueDayCreate: Statement<[string, string]>;
  private readonly nextNumberStmts: Record<'booked' | 'walk_in', Statement<[string, string], { n: number }>>;
  private readonly bumpStmt: Statement<[string, string]>;
  private readonly versionStmt: Statement<[string, string], { version: number }>;
  private readonly ticketInsert: Statement<NewTicket>;
  private readonly ticketStmt: Statement<[string], TicketRow>;
  private readonly ticketByNumberStmt: Statement<[string, string, string], TicketRow>;
  private readonly ticketOfBookingStmt: Statement<[string], TicketRow>;
  private readonly openWalkInStmt: Statement<[string, string, string], TicketRow>;
  private readonly queueStmt: Statement<[string, string], TicketRow>;
  private readonly ticketsOfUserStmt: Statement<[string, string], TicketRow>;
  private readonly waitingStmt: Statement<[string, string], TicketRow>;
  private readonly calledAtWindowStmt: Statement<[string, string, string], TicketRow>;
  private readonly aheadStmt: Statement<[string, string, number, number, string], { n: number }>;
  private readonly callUpdate: Statement<[string, number, string]>;
  private readonly finishUpdate: Statement<[HallTicketStatus, number, string | null, string]>;
  private readonly nearUpdate: Statement<[number, string]>;

  constructor(private readonly db: Database) {
    this.scheduleStmt = db.prepare(
      'SELECT slot_minutes, capacity, periods, note FROM hall_schedules WHERE hall_id = ?',
    );
    this.closureUpsert = db.prepare('INSERT OR REPLACE INTO hall_closures (hall_id, date, reason) VALUES (?, ?, ?)');
    this.activeOnDayStmt = db.prepare(
      "SELECT COUNT(*) AS n FROM bookings WHERE hall_id = ? AND date = ? AND status IN ('booked', 'checked_in')",
    );
    this.closuresStmt = db.prepare(
      'SELECT date, reason FROM hall_closures WHERE hall_id = ? AND date BETWEEN ? AND ? ORDER BY date',
    );
    this.slotCountsStmt = db.prepare(`
      SELECT date, slot_start, capacity, booked FROM booking_slots WHERE hall_id = ? AND date BETWEEN ? AND ?`);
    this.slotCreate = db.prepare(
      'INSERT OR IGNORE INTO booking_slots (hall_id, date, slot_start, capacity, booked) VALUES (?, ?, ?, ?, 0)',
    );
    // The seat is taken only while one is left: SQLite runs this UPDATE under its write lock, so two
    // bookers (threads or processes) can never both take the last one.
    this.slotTake = db.prepare(`
      UPDATE booking_slots SET booked = booked + 1
      WHERE hall_id = ? AND date = ? AND slot_start = ? AND booked < capacity`);
    this.slotRelease = db.prepare(`
      UPDATE booking_slots SET booked = booked - 1
      WHERE hall_id = ? AND date = ? AND slot_start = ? AND booked > 0`);
    this.bookingInsert = db.prepare(`
      INSERT INTO bookings (id, user_id, item_code, hall_id, date, slot_start, slot_end, starts_at, status, case_id,
        created_at)
      VALUES (@id, @userId, @itemCode, @hallId, @date, @start, @end, @startsAt, 'booked', @caseId, @now)`);
    this.bookingStmt = db.prepare(`${BOOKING_SELECT} WHERE b.id = ?`);
    this.activeForItemDayStmt = db.prepare(`
      ${BOOKING_SELECT} WHERE b.user_id = ? AND b.item_code = ? AND b.date = ? AND b.status IN ('booked', 'checked_in')`);
    this.bookingsOfUserStmt = db.prepare(`${BOOKING_SELECT} WHERE b.user_id = ? ORDER BY b.starts_at DESC, b.id`);
    this.bookingStatusUpdate = db.prepare(
      'UPDATE bookings SET status = ?, cancelled_at = coalesce(?, cancelled_at), no_show_at = coalesce(?, no_show_at) WHERE id = ?',
    );
    this.noShowTimesStmt = db.prepare(
      'SELECT no_show_at FROM bookings WHERE user_id = ? AND no_show_at IS NOT NULL AND no_show_at >= ?',
    );
    this.missedStmt = db.prepare(`SELECT id FROM bookings WHERE status = 'booked' AND starts_at < ?`);
    this.missedOfUserStmt = db.prepare(
      `SELECT id FROM bookings WHERE user_id = ? AND status = 'booked' AND starts_at < ?`,
    );
    this.remindStmt = db.prepare(
      `${BOOKING_SELECT} WHERE b.date = ? AND b.status = 'booked' AND b.reminded_at IS NULL`,
    );
    this.remindedUpdate = db.prepare('UPDATE bookings SET reminded_at = ? WHERE id = ?');
    this.todaysBookingStmt = db.prepare(`
      ${BOOKING_SELECT} WHERE b.user_id = ? AND b.hall_id = ? AND b.date = ? AND b.status IN ('booked', 'checked_in')
      ORDER BY b.starts_at LIMIT 1`);
    this.queueDayCreate = db.prepare('INSERT OR IGNORE INTO hall_queue_days (hall_id, date) VALUES (?, ?)');
    this.nextNumberStmts = {
      booked: db.prepare(`
        UPDATE hall_queue_days SET last_booked = last_booked + 1, version = version + 1
        WHERE hall_id = ? AND date = ? RETURNING last_booked AS n`),
      walk_in: db.prepare(`
        UPDATE hall_queue_days SET last_walk_in = last_walk_in + 1, version = version + 1
        WHERE hall_id = ? AND date = ? RETURNING last_walk_in AS n`),
    };
    this.bumpStmt = db.prepare('UPDATE hall_queue_days SET version = version + 1 WHERE hall_id = ? AND date = ?');
    this.versionStmt = db.prepare('SELECT version FROM hall_queue_days WHERE hall_id = ? AND date = ?');
    this.ticketInsert = db.prepare(`
      INSERT INTO hall_tickets (id, hall_id, date, number, kind, user_id, booking_id, item_code, status, due_at, issued_at)
      VALUES (@id, @hallId, @date, @number, @kind, @userId, @bookingId, @itemCode, 'waiting', @dueAt, @now)`);
    this.ticketStmt = db.prepare(`${TICKET_SELECT} WHERE t.id = ?`);
    this.ticketByNumberStmt = db.prepare(`${TICKET_SELECT} WHERE t.hall_id = ? AND t.date = ? AND t.number = ?`);
    this.ticketOfBookingStmt = db.prepare(`${TICKET_SELECT} WHERE t.booking_id = ?`);
    this.openWalkInStmt = db.prepare(`
      ${TICKET_SELECT} WHERE t.user_id = ? AND t.hall_id = ? AND t.date = ? AND t.kind = 'walk_in'
        AND t.status IN ('waiting', 'called')
      ORDER BY t.issued_at LIMIT 1`);
    this.queueStmt = db.prepare(`${TICKET_SELECT} WHERE t.hall_id = ? AND t.date = ? ${QUEUE_ORDER}`);
    this.ticketsOfUserStmt = db.prepare(`${TICKET_SELECT} WHERE t.user_id = ? AND t.date = ? ORDER BY t.issued_at`);
    this.waitingStmt = db.prepare(
      `${TICKET_SELECT} WHERE t.hall_id = ? AND t.date = ? AND t.status = 'waiting' ${QUEUE_ORDER}`,
    );
    this.calledAtWindowStmt = db.prepare(
      `${TICKET_SELECT} WHERE t.hall_id = ? AND t.date = ? AND t.window_code = ? AND t.status = 'called'`,
    );
    this.aheadStmt = db.prepare(`
      SELECT COUNT(*) AS n FROM hall_tickets t
      WHERE t.hall_id = ? AND t.date = ? AND t.status = 'waiting'
        AND (t.due_at < ? OR (t.due_at = ? AND t.issued_at < (SELECT issued_at FROM hall_tickets WHERE id = ?)))`);
    this.callUpdate = db.prepare(
      "UPDATE hall_tickets SET status = 'called', window_code = ?, called_at = ? WHERE id = ? AND status = 'waiting'",
    );
    this.finishUpdate = db.prepare('UPDATE hall_tickets SET status = ?, finished_at = ?, visit_id = ? WHERE id = ?');
    this.nearUpdate = db.prepare('UPDATE hall_tickets SET near_notified_at = ? WHERE id = ?');
  }

  // ── schedules and slots ────────────────────────────────────────────────────────────────────

  schedule(hallId: string): HallSchedule | undefined {
    const row = this.scheduleStmt.get(hallId);
    if (!row) return undefined;
    return {
      hallId,
      slotMinutes: row.slot_minutes,
      capacity: row.capacity,
      periods: JSON.parse(row.periods) as Period[],
      note: row.note,
    };
  }

  closures(hallId: string, from: string, to: string): Map<string, string> {
    return new Map(this.closuresStmt.all(hallId, from, to).map((r) => [r.date, r.reason]));
  }

  close(hallId: string, date: string, reason: string): void {
    this.closureUpsert.run(hallId, date, reason);
  }

  activeBookingsOn(hallId: string, date: string): number {
    return this.activeOnDayStmt.get(hallId, date)?.n ?? 0;
  }

  /** Booked counts (and the capacity fixed when the first seat was taken) by `date slot_start`. */
  slotCounts(hallId: string, from: string, to: string): Map<string, { capacity: number; booked: number }> {
    return new Map(
      this.slotCountsStmt
        .all(hallId, from, to)
        .map((r) => [`${r.date} ${r.slot_start}`, { capacity: r.capacity, booked: r.booked }]),
    );
  }

  /** Takes one seat; false when the slot is full. */
  takeSeat(hallId: string, date: string, start: string, capacity: number): boolean {
    this.slotCreate.run(hallId, date, start, capacity);
    return this.slotTake.run(hallId, date, start).changes === 1;
  }

  releaseSeat(hallId: string, date: string, start: string): void {
    this.slotRelease.run(hallId, date, start);
  }

  // ── bookings ───────────────────────────────────────────────────────────────────────────────

  insertBooking(booking: NewBooking): void {
    this.bookingInsert.run(booking);
  }

  booking(id: string): BookingRow | undefined {
    return this.bookingStmt.get(id);
  }

  activeForItemDay(userId: string, itemCode: string, date: string): BookingRow | undefined {
    return this.activeForItemDayStmt.get(userId, itemCode, date);
  }

  bookingsOf(userId: string): BookingRow[] {
    return this.bookingsOfUserStmt.all(userId);
  }

  setBookingStatus(id: string, status: BookingStatus, at: { cancelledAt?: number; noShowAt?: number } = {}): void {
    this.bookingStatusUpdate.run(status, at.cancelledAt ?? null, at.noShowAt ?? null, id);
  }

  noShowTimes(userId: string, since: number): number[] {
    return this.noShowTimesStmt.all(userId, since).map((r) => r.no_show_at);
  }

  /** Bookings never checked in whose slot started before `startedBefore` (all users, or one). */
  missed(startedBefore: number, userId?: string): string[] {
    const rows =
      userId === undefined ? this.missedStmt.all(startedBefore) : this.missedOfUserStmt.all(userId, startedBefore);
    return rows.map((r) => r.id);
  }

  unremindedOn(date: string): BookingRow[] {
    return this.remindStmt.all(date);
  }

  markReminded(id: string, at: number): void {
    this.remindedUpdate.run(at, id);
  }

  /** The user's first active booking at the hall that day. */
  activeAt(userId: string, hallId: string, date: string): BookingRow | undefined {
    return this.todaysBookingStmt.get(userId, hallId, date);
  }

  // ── queue ──────────────────────────────────────────────────────────────────────────────────

  /** The next number of a kind (1, 2, …) for the hall that day; also moves the queue's version. */
  nextNumber(hallId: string, date: string, kind: 'booked' | 'walk_in'): number {
    this.queueDayCreate.run(hallId, date);
    const row = this.nextNumberStmts[kind].get(hallId, date);
    if (!row) throw new Error(`no queue day for ${hallId} ${date}`);
    return row.n;
  }

  /** Something in the hall's queue that day changed: pollers see a new version. */
  bump(hallId: string, date: string): void {
    this.queueDayCreate.run(hallId, date);
    this.bumpStmt.run(hallId, date);
  }

  version(hallId: string, date: string): number {
    return this.versionStmt.get(hallId, date)?.version ?? 0;
  }

  insertTicket(ticket: NewTicket): void {
    this.ticketInsert.run(ticket);
  }

  ticket(id: string): TicketRow | undefined {
    return this.ticketStmt.get(id);
  }

  ticketByNumber(hallId: string, date: string, number: string): TicketRow | undefined {
    return this.ticketByNumberStmt.get(hallId, date, number);
  }

  ticketOfBooking(bookingId: string): TicketRow | undefined {
    return this.ticketOfBookingStmt.get(bookingId);
  }

  openWalkIn(userId: string, hallId: string, date: string): TicketRow | undefined {
    return this.openWalkInStmt.get(userId, hallId, date);
  }

  ticketsOf(userId: string, date: string): TicketRow[] {
    return this.ticketsOfUserStmt.all(userId, date);
  }

  /** The whole day's tickets in call order. */
  queue(hallId: string, date: string): TicketRow[] {
    return this.queueStmt.all(hallId, date);
  }

  waiting(hallId: string, date: string): TicketRow[] {
    return this.waitingStmt.all(hallId, date);
  }

  calledAt(hallId: string, date: string, windowCode: string): TicketRow | undefined {
    return this.calledAtWindowStmt.get(hallId, date, windowCode);
  }

  ahead(ticket: TicketRow): number {
    if (ticket.status !== 'waiting') return 0;
    return this.aheadStmt.get(ticket.hall_id, ticket.date, ticket.due_at, ticket.due_at, ticket.id)?.n ?? 0;
  }

  call(id: string, windowCode: string, at: number): boolean {
    return this.callUpdate.run(windowCode, at, id).changes === 1;
  }

  finish(id: string, status: 'served' | 'no_show', at: number, visitId: string | null): void {
    this.finishUpdate.run(status, at, visitId, id);
  }

  markNearNotified(id: string, at: number): void {
    this.nearUpdate.run(at, id);
  }

  transaction<T>(fn: () => T): T {
    // IMMEDIATE: the write lock is taken before anything is read, so a check and the write that
    // depends on it cannot interleave with another process's.
    return this.db.transaction(fn).immediate();
  }
}
