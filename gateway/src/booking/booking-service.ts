import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type {
  Booking,
  BookingHall,
  BookingList,
  BookingOptions,
  BookingSuspension,
  CreateBookingRequest,
  Guide,
} from '../../../types/contract';
import { toChinaDate } from '../../../src/lib/china-time';
import { createWorkdayCalendar, type WorkdayCalculator } from '../../../src/lib/workdays';
import { ApiError, fieldError, notFound } from '../http/api-error';
import type { BookingRow, BookingStore } from '../store/booking-store';
import type { CaseStore } from '../store/case-store';
import type { CatalogueStore } from '../store/catalogue-store';
import type { UserStore } from '../store/user-store';
import type { BookingNotifier } from './booking-notifier';
import {
  BOOKING_MESSAGES as M,
  CANCEL_LEAD_MS,
  CHECK_IN_MS,
  NO_SHOW_LOOKBACK_MS,
  beyondWindowMessage,
  cancelTooLateMessage,
  duplicateMessage,
  hallClosedMessage,
  holidayMessage,
  recentNoShows,
  restDayMessage,
  suspendedMessage,
  suspensionUntil,
  tooSoonMessage,
} from './booking-rules';
import { chinaIso, chinaSlotOf, iso } from './booking-time';
import type { HallQueue } from './hall-queue';
import { bookingWindow, datesBetween, hallDayState, slotInstant, slotsOf } from './slot-calendar';

export interface BookingDeps {
  db: Database;
  store: BookingStore;
  catalogue: CatalogueStore;
  users: UserStore;
  cases: CaseStore;
  queue: HallQueue;
  notifier: BookingNotifier;
  now: () => Date;
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * 预约: the slots a resident can book, booking, cancelling, their list, the no-show suspension, and
 * the sweep that marks missed bookings and sends the day-before reminders.
 */
export class BookingService {
  constructor(private readonly deps: BookingDeps) {}

  private calendar(): WorkdayCalculator {
    return createWorkdayCalendar(this.deps.catalogue.calendar());
  }

  private item(itemCode: string): Guide {
    const item = this.deps.catalogue.guide(itemCode);
    if (!item) throw notFound(M.itemNotFound);
    if (item.visits < 1) throw fieldError('itemCode', M.noVisitNeeded);
    return item;
  }

  /** Missed bookings (never checked in by 30 minutes after their start) become no-shows. */
  private markMissed(now: number, userId?: string): number {
    // Read first: the usual answer is "none", and it should not cost a write lock on every request.
    if (this.deps.store.missed(now - CHECK_IN_MS, userId).length === 0) return 0;
    return this.deps.store.transaction(() => {
      const missed = this.deps.store.missed(now - CHECK_IN_MS, userId);
      for (const id of missed) {
        const row = this.deps.store.booking(id);
        if (row) this.deps.store.setBookingStatus(id, 'no_show', { noShowAt: row.starts_at + CHECK_IN_MS });
      }
      return missed.length;
    });
  }

  suspension(userId: string): BookingSuspension | null {
    const now = this.deps.now().getTime();
    const times = this.deps.store.noShowTimes(userId, now - NO_SHOW_LOOKBACK_MS);
    const until = suspensionUntil(times, now);
    return until === undefined ? null : { until, noShows: recentNoShows(times, now) };
  }

  options(userId: string, itemCode: string): BookingOptions {
    const item = this.item(itemCode);
    const now = this.deps.now().getTime();
    this.markMissed(now, userId);
    const calendar = this.calendar();
    const { from, to } = bookingWindow(toChinaDate(new Date(now)), calendar);
    const halls: BookingHall[] = [];
    for (const hall of item.halls) {
      const schedule = this.deps.store.schedule(hall.id);
      if (!schedule) continue;
      const closures = this.deps.store.closures(hall.id, from, to);
      const counts = this.deps.store.slotCounts(hall.id, from, to);
      const entry: BookingHall = {
        hallId: hall.id,
        hallName: hall.name,
        address: hall.address,
        days: [],
        closedDays: [],
      };
      for (const date of datesBetween(from, to)) {
        const state = hallDayState(hall, date, calendar, closures);
        if (!state.open) {
          if (state.why === 'hall_closed') entry.closedDays.push({ date, reason: state.reason });
          continue;
        }
        const slots = slotsOf(hall, schedule, date, calendar).map((slot) => {
          const count = counts.get(`${date} ${slot.start}`);
          const capacity = count?.capacity ?? schedule.capacity;
          return {
            start: slot.start,
            end: slot.end,
            startsAt: chinaIso(slotInstant(date, slot.start)),
            capacity,
            remaining: Math.max(0, capacity - (count?.booked ?? 0)),
          };
        });
        if (slots.length > 0) entry.days.push({ date, slots });
      }
      halls.push(entry);
    }
    return { itemCode: item.code, itemName: item.name, from, to, halls, suspension: this.suspension(userId) };
  }

  create(userId: string, body: CreateBookingRequest): Booking {
    const user = this.deps.users.get(userId);
    if (!user) throw new ApiError('UNAUTHENTICATED', '登录已失效，请重新登录');
    if (user.verified_at === null) throw new ApiError('FORBIDDEN', M.realNameRequired);
    const nowDate = this.deps.now();
    const now = nowDate.getTime();
    this.markMissed(now, userId);
    const suspended = this.suspension(userId);
    if (suspended) throw new ApiError('FORBIDDEN', suspendedMessage(suspended.until));

    const item = this.item(body.itemCode);
    const hall = item.halls.find((h) => h.id === body.hallId);
    if (!hall) throw fieldError('hallId', M.hallNotServing);
    const schedule = this.deps.store.schedule(hall.id);
    if (!schedule) throw fieldError('hallId', M.hallNotBookable);

    const startsAt = Date.parse(body.slotStart);
    const { date, start, wholeMinute } = chinaSlotOf(startsAt);
    if (startsAt <= now) throw fieldError('slotStart', M.pastSlot);
    const calendar = this.calendar();
    const window = bookingWindow(toChinaDate(nowDate), calendar);
    const state = hallDayState(hall, date, calendar, this.deps.store.closures(hall.id, date, date));
    if (!state.open && state.why === 'holiday') throw fieldError('slotStart', holidayMessage(date));
    if (!state.open && state.why === 'rest_day') throw fieldError('slotStart', restDayMessage(date));
    if (date < window.from) throw fieldError('slotStart', tooSoonMessage(window.from));
    if (date > window.to) throw fieldError('slotStart', beyondWindowMessage(window.to));
    if (!state.open) throw fieldError('slotStart', hallClosedMessage(hall.name, date, state.reason));
    const slot = slotsOf(hall, schedule, date, calendar).find((s) => s.start === start);
    if (!slot || !wholeMinute) throw fieldError('slotStart', M.notASlot);

    const caseId = this.ownedCase(userId, item.code, body);
    const id = randomUUID();
    this.deps.store.transaction(() => {
      const existing = this.deps.store.activeForItemDay(userId, item.code, date);
      if (existing) throw new ApiError('CONFLICT', duplicateMessage(existing.date, existing.slot_start));
      if (!this.deps.store.takeSeat(hall.id, date, start, schedule.capacity)) throw new ApiError('CONFLICT', M.full);
      this.deps.store.insertBooking({
        id,
        userId,
        itemCode: item.code,
        hallId: hall.id,
        date,
        start,
        end: slot.end,
        startsAt,
        caseId,
        now,
      });
    });
    return this.view(this.mustGet(id), now);
  }

  /** The draft or case named in the request, when it is the user's own and for this item. */
  private ownedCase(userId: string, itemCode: string, body: CreateBookingRequest): string | null {
    if (body.draftId !== undefined && body.caseId !== undefined) throw fieldError('caseId', M.bothCaseAndDraft);
    const field = body.draftId !== undefined ? 'draftId' : 'caseId';
    const id = body.draftId ?? body.caseId;
    if (id === undefined) return null;
    const row = this.deps.cases.getForUser(userId, id);
    if (!row || (field === 'draftId') !== (row.status === 'draft')) throw fieldError(field, M.caseNotFound);
    if (row.item_code !== itemCode) throw fieldError(field, M.caseOtherItem);
    return row.id;
  }

  private mustGet(id: string): BookingRow {
    const row = this.deps.store.booking(id);
    if (!row) throw new Error(`booking ${id} vanished`);
    return row;
  }

  private owned(userId: string, id: string): BookingRow {
    const row = this.deps.store.booking(id);
    if (!row || row.user_id !== userId) throw notFound(M.bookingNotFound);
    return row;
  }

  view(row: BookingRow, now: number): Booking {
    const cancelDeadline = row.starts_at - CANCEL_LEAD_MS;
    const ticket = this.deps.store.ticketOfBooking(row.id);
    return {
      id: row.id,
      itemCode: row.item_code,
      itemName: row.item_name,
      hallId: row.hall_id,
      hallName: row.hall_name,
      date: row.date,
      start: row.slot_start,
      end: row.slot_end,
      startsAt: chinaIso(row.starts_at),
      status: row.status,
      caseId: row.case_id,
      cancellableUntil: row.status === 'booked' && now < cancelDeadline ? chinaIso(cancelDeadline) : null,
      checkInFrom: chinaIso(row.starts_at - CHECK_IN_MS),
      checkInUntil: chinaIso(row.starts_at + CHECK_IN_MS),
      ticket: ticket ? this.deps.queue.view(ticket) : null,
      createdAt: iso(row.created_at),
    };
  }

  mine(userId: string): BookingList {
    const now = this.deps.now().getTime();
    this.markMissed(now, userId);
    return {
      bookings: this.deps.store.bookingsOf(userId).map((row) => this.view(row, now)),
      suspension: this.suspension(userId),
    };
  }

  cancel(userId: string, id: string): Booking {
    const now = this.deps.now().getTime();
    this.markMissed(now, userId);
    const row = this.owned(userId, id);
    if (row.status !== 'booked') throw new ApiError('CONFLICT', M.notCancellable);
    const deadline = row.starts_at - CANCEL_LEAD_MS;
    if (now > deadline)
      throw new ApiError('CONFLICT', cancelTooLateMessage(chinaIso(deadline).slice(0, 16).replace('T', ' ')));
    this.deps.store.transaction(() => {
      const fresh = this.mustGet(id);
      if (fresh.status !== 'booked') throw new ApiError('CONFLICT', M.notCancellable);
      this.deps.store.setBookingStatus(id, 'cancelled', { cancelledAt: now });
      // The seat goes back on sale.
      this.deps.store.releaseSeat(row.hall_id, row.date, row.slot_start);
    });
    return this.view(this.mustGet(id), now);
  }

  /**
   * Periodic work: missed bookings become no-shows, and every booking for tomorrow gets its
   * reminder (once: reminded_at is written in the same transaction as the notifier's call).
   */
  sweep(): { noShows: number; reminded: number } {
    const now = this.deps.now().getTime();
    const noShows = this.markMissed(now);
    const tomorrow = toChinaDate(new Date(now + DAY_MS));
    let reminded = 0;
    for (const candidate of this.deps.store.unremindedOn(tomorrow)) {
      this.deps.store.transaction(() => {
        const row = this.deps.store.booking(candidate.id);
        if (!row || row.status !== 'booked' || row.reminded_at !== null) return;
        this.deps.notifier.bookingReminder(this.deps.db, row);
        this.deps.store.markReminded(row.id, now);
        reminded += 1;
      });
    }
    return { noShows, reminded };
  }
}
