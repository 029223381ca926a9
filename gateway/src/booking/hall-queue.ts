import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { BookingCheckInRequest, HallTicket, TakeTicketRequest } from '../../../types/contract';
import { toChinaDate } from '../../../src/lib/china-time';
import { createWorkdayCalendar } from '../../../src/lib/workdays';
import { ApiError, fieldError, notFound } from '../http/api-error';
import type { BookingRow, BookingStore, TicketRow } from '../store/booking-store';
import type { CatalogueStore } from '../store/catalogue-store';
import type { RatingStore } from '../store/rating-store';
import { VISIT_TTL_MS } from '../ratings/rating-rules';
import { NEAR_AHEAD, type BookingNotifier } from './booking-notifier';
import { BOOKING_MESSAGES as M, CHECK_IN_MS, checkInTooEarlyMessage, checkInTooLateMessage } from './booking-rules';
import { chinaIso, iso } from './booking-time';
import { hallCheckInQrContent, verifyHallCheckInQr } from './check-in-qr';
import { windowQrSvg } from '../ratings/window-qr';
import { walkInDayState } from './slot-calendar';

export interface HallQueueDeps {
  db: Database;
  store: BookingStore;
  ratings: RatingStore;
  catalogue: CatalogueStore;
  notifier: BookingNotifier;
  now: () => Date;
  /** The window QR key (keys/window-qr-hmac.key); hall check-in QR codes are signed with it too. */
  qrSecret: string;
}

/** A08 for the 8th booked number of the day, B012 for the 12th walk-in. */
function numberText(kind: 'booked' | 'walk_in', n: number): string {
  return `${kind === 'booked' ? 'A' : 'B'}${String(n).padStart(3, '0')}`;
}

const BOOKING_STATE_MESSAGES: Record<string, string> = {
  cancelled: '该预约已取消',
  served: '该预约已办理完毕',
  no_show: checkInTooLateMessage(),
};

/**
 * 取号 and the hall queue: numbers for bookings (A…) and walk-ins (B…), the queue a resident
 * polls, and the officer's call-next / served / no-show. Being served opens a window visit, so the
 * 一次一评 rating of that window is ready for the resident at once.
 */
export class HallQueue {
  constructor(private readonly deps: HallQueueDeps) {}

  view(row: TicketRow): HallTicket {
    return {
      id: row.id,
      number: row.number,
      kind: row.kind,
      hallId: row.hall_id,
      hallName: row.hall_name,
      date: row.date,
      itemCode: row.item_code,
      itemName: row.item_name,
      bookingId: row.booking_id,
      status: row.status,
      ahead: this.deps.store.ahead(row),
      window: row.window_code ? { code: row.window_code, name: row.window_name ?? row.window_code } : null,
      issuedAt: iso(row.issued_at),
      calledAt: row.called_at === null ? null : iso(row.called_at),
      visitId: row.visit_id,
      version: this.deps.store.version(row.hall_id, row.date),
    };
  }

  private mustTicket(id: string): TicketRow {
    const row = this.deps.store.ticket(id);
    if (!row) throw new Error(`ticket ${id} vanished`);
    return row;
  }

  /** The user's own ticket (someone else's is indistinguishable from none). */
  ticketOf(userId: string, id: string): HallTicket {
    const row = this.deps.store.ticket(id);
    if (!row || row.user_id !== userId) throw notFound(M.ticketNotFound);
    return this.view(row);
  }

  /** The user's numbers today, in the order taken. */
  todayOf(userId: string): HallTicket[] {
    return this.deps.store.ticketsOf(userId, toChinaDate(this.deps.now())).map((row) => this.view(row));
  }

  /** Cheap check for polling: the ticket's owner and its queue's version, without computing the view. */
  versionOf(userId: string, id: string): number | undefined {
    const row = this.deps.store.ticket(id);
    if (!row || row.user_id !== userId) return undefined;
    return this.deps.store.version(row.hall_id, row.date);
  }

  private verifyQr(qr: string): string {
    const hallId = verifyHallCheckInQr(qr, this.deps.qrSecret);
    if (!hallId || !this.deps.catalogue.halls().some((h) => h.id === hallId)) throw fieldError('qr', M.invalidQr);
    return hallId;
  }

  /**
   * 取号 for a booking. Without a QR scan: from 30 minutes before the slot to 30 minutes after.
   * With the hall's QR (presence proven): any time earlier that day too; the number is still due
   * at the slot's start, so arriving early does not jump the queue. A second 取号 returns the first.
   */
  checkInBooking(userId: string, bookingId: string, body: BookingCheckInRequest): HallTicket {
    const booking = this.deps.store.booking(bookingId);
    if (!booking || booking.user_id !== userId) throw notFound(M.bookingNotFound);
    const existing = this.deps.store.ticketOfBooking(booking.id);
    if (existing) return this.view(existing);
    const scanned = body.qr === undefined ? undefined : this.verifyQr(body.qr);
    if (scanned !== undefined && scanned !== booking.hall_id) throw fieldError('qr', M.otherHallQr);
    this.checkWindow(booking, scanned !== undefined);
    return this.issueForBooking(booking);
  }

  private checkWindow(booking: BookingRow, presenceProven: boolean): void {
    if (booking.status !== 'booked') {
      throw new ApiError('CONFLICT', BOOKING_STATE_MESSAGES[booking.status] ?? M.bookingNotFound);
    }
    const now = this.deps.now().getTime();
    if (now > booking.starts_at + CHECK_IN_MS) throw new ApiError('CONFLICT', checkInTooLateMessage());
    const sameDay = toChinaDate(new Date(now)) === booking.date;
    const from = booking.starts_at - CHECK_IN_MS;
    if (presenceProven ? !sameDay : now < from) {
      throw new ApiError('CONFLICT', checkInTooEarlyMessage(chinaIso(from).slice(0, 16).replace('T', ' ')));
    }
  }

  private issueForBooking(booking: BookingRow): HallTicket {
    const now = this.deps.now().getTime();
    const id = this.deps.store.transaction(() => {
      const again = this.deps.store.ticketOfBooking(booking.id);
      if (again) return again.id;
      const fresh = this.deps.store.booking(booking.id);
      if (!fresh || fresh.status !== 'booked') {
        throw new ApiError('CONFLICT', BOOKING_STATE_MESSAGES[fresh?.status ?? ''] ?? M.bookingNotFound);
      }
      const ticketId = randomUUID();
      const n = this.deps.store.nextNumber(booking.hall_id, booking.date, 'booked');
      this.deps.store.insertTicket({
        id: ticketId,
        hallId: booking.hall_id,
        date: booking.date,
        number: numberText('booked', n),
        kind: 'booked',
        userId: booking.user_id,
        bookingId: booking.id,
        itemCode: booking.item_code,
        dueAt: booking.starts_at,
        now,
      });
      this.deps.store.setBookingStatus(booking.id, 'checked_in');
      this.notifyNear(booking.hall_id, booking.date, now);
      return ticketId;
    });
    return this.view(this.mustTicket(id));
  }

  /**
   * 取号 by scanning the hall's check-in QR: the user's booking there today (its A number), or a
   * walk-in B number. Scanning again returns the number already held.
   */
  takeTicket(userId: string, body: TakeTicketRequest): HallTicket {
    const hallId = this.verifyQr(body.qr);
    const now = this.deps.now().getTime();
    const today = toChinaDate(new Date(now));
    const booking = this.deps.store.activeAt(userId, hallId, today);
    if (booking && (booking.status === 'checked_in' || now <= booking.starts_at + CHECK_IN_MS)) {
      const existing = this.deps.store.ticketOfBooking(booking.id);
      if (existing) return this.view(existing);
      this.checkWindow(booking, true);
      return this.issueForBooking(booking);
    }
    const hall = this.deps.catalogue.halls().find((h) => h.id === hallId);
    if (!hall) throw fieldError('qr', M.invalidQr);
    const calendar = createWorkdayCalendar(this.deps.catalogue.calendar());
    const state = walkInDayState(hall, today, calendar, this.deps.store.closures(hallId, today, today));
    if (!state.open) throw new ApiError('CONFLICT', `${hall.name}今天不对外办公（${state.reason}）`);
    if (body.itemCode !== undefined && !this.deps.catalogue.itemSummary(body.itemCode)) {
      throw notFound(M.itemNotFound);
    }
    const id = this.deps.store.transaction(() => {
      const open = this.deps.store.openWalkIn(userId, hallId, today);
      if (open) return open.id;
      const ticketId = randomUUID();
      const n = this.deps.store.nextNumber(hallId, today, 'walk_in');
      this.deps.store.insertTicket({
        id: ticketId,
        hallId,
        date: today,
        number: numberText('walk_in', n),
        kind: 'walk_in',
        userId,
        bookingId: null,
        itemCode: body.itemCode ?? null,
        dueAt: now,
        now,
      });
      this.notifyNear(hallId, today, now);
      return ticketId;
    });
    return this.view(this.mustTicket(id));
  }

  // ── officer side ───────────────────────────────────────────────────────────────────────────

  /** The hall's check-in QR (content and SVG), for printing at the entrance. */
  async checkInQr(hallId: string, publicBase: string): Promise<{ hallName: string; qrContent: string; svg: string }> {
    const hall = this.deps.catalogue.halls().find((h) => h.id === hallId);
    if (!hall) throw notFound(`没有找到大厅 ${hallId}`);
    const qrContent = hallCheckInQrContent(publicBase, hall.id, this.deps.qrSecret);
    return { hallName: hall.name, qrContent, svg: await windowQrSvg(qrContent) };
  }

  /** The day's tickets in call order (waiting ones first by due time; the rest as they stand). */
  queue(hallId: string, date: string): TicketRow[] {
    return this.deps.store.queue(hallId, date);
  }

  /** A ticket by id, or by number at a hall today (`A012` with the hall). */
  find(ref: string, hallId?: string): TicketRow {
    const today = toChinaDate(this.deps.now());
    const row =
      this.deps.store.ticket(ref) ??
      (hallId === undefined ? undefined : this.deps.store.ticketByNumber(hallId, today, ref.toUpperCase()));
    if (!row) throw notFound(M.ticketNotFound);
    return row;
  }

  /** Calls the next waiting number to the window; the window must have finished its last one. */
  callNext(hallId: string, windowCode: string): TicketRow {
    const window = this.deps.ratings.window(windowCode.trim().toUpperCase());
    if (!window || window.hall_id !== hallId) throw notFound(`${hallId} 没有窗口 ${windowCode}`);
    const now = this.deps.now().getTime();
    const today = toChinaDate(new Date(now));
    const id = this.deps.store.transaction(() => {
      const current = this.deps.store.calledAt(hallId, today, window.code);
      if (current) {
        throw new ApiError('CONFLICT', `窗口 ${window.code} 正在办理 ${current.number}，请先标记 served 或 no-show`);
      }
      const next = this.deps.store.waiting(hallId, today)[0];
      if (!next) throw new ApiError('CONFLICT', '当前没有等候的号');
      this.deps.store.call(next.id, window.code, now);
      this.deps.store.bump(hallId, today);
      this.notifyNear(hallId, today, now);
      return next.id;
    });
    return this.mustTicket(id);
  }

  /** Served at the window it was called to: a window visit is opened for the resident to rate. */
  served(ref: string, hallId?: string): TicketRow {
    const { id } = this.find(ref, hallId);
    const now = this.deps.now().getTime();
    // Re-read inside the transaction: two officers marking the same number cannot both succeed.
    this.deps.store.transaction(() => {
      const ticket = this.mustTicket(id);
      if (ticket.status !== 'called' || ticket.window_code === null) {
        throw new ApiError('CONFLICT', `${ticket.number} 还没有被叫号或已结束（当前：${ticket.status}）`);
      }
      const visitId = randomUUID();
      this.deps.ratings.addVisit(visitId, ticket.user_id, ticket.window_code, now, now + VISIT_TTL_MS);
      this.deps.store.finish(ticket.id, 'served', now, visitId);
      if (ticket.booking_id) this.deps.store.setBookingStatus(ticket.booking_id, 'served');
      this.deps.store.bump(ticket.hall_id, ticket.date);
      this.notifyNear(ticket.hall_id, ticket.date, now);
    });
    return this.mustTicket(id);
  }

  /** 过号: called (or waiting) and not there. A booked number's booking counts as a no-show. */
  noShow(ref: string, hallId?: string): TicketRow {
    const { id } = this.find(ref, hallId);
    const now = this.deps.now().getTime();
    this.deps.store.transaction(() => {
      const ticket = this.mustTicket(id);
      if (ticket.status !== 'called' && ticket.status !== 'waiting') {
        throw new ApiError('CONFLICT', `${ticket.number} 已经结束（${ticket.status}）`);
      }
      this.deps.store.finish(ticket.id, 'no_show', now, null);
      if (ticket.booking_id) this.deps.store.setBookingStatus(ticket.booking_id, 'no_show', { noShowAt: now });
      this.deps.store.bump(ticket.hall_id, ticket.date);
      this.notifyNear(ticket.hall_id, ticket.date, now);
    });
    return this.mustTicket(id);
  }

  /** Tells each of the next few waiting numbers, once, that their turn is near. */
  private notifyNear(hallId: string, date: string, now: number): void {
    const waiting = this.deps.store.waiting(hallId, date).slice(0, NEAR_AHEAD + 1);
    waiting.forEach((t, ahead) => {
      if (t.near_notified_at !== null) return;
      this.deps.notifier.numberNear(this.deps.db, t, ahead);
      this.deps.store.markNearNotified(t.id, now);
    });
  }
}
