import type { Database } from 'better-sqlite3';
import type { BookingRow, TicketRow } from '../store/booking-store';

/**
 * What 预约取号 tells the resident, injected so tests can see the calls and the gateway can send them
 * through the notification outbox (booking-outbox-notifier.ts). Each call is made inside the transaction that caused it,
 * with that transaction's database handle, so an outbox row written here commits or rolls back
 * with the change; at most one call per booking (reminder) and per ticket (number near).
 */
export interface BookingNotifier {
  /** The day before the booked slot (sent once per booking). */
  bookingReminder(db: Database, booking: BookingRow): void;
  /** The number has `ahead` (≤ 3) waiting numbers before it (sent once per ticket). */
  numberNear(db: Database, ticket: TicketRow, ahead: number): void;
}

/** Nothing sent: for tests that count calls with their own notifier, or a gateway told to stay quiet. */
export const NO_BOOKING_NOTIFICATIONS: BookingNotifier = {
  bookingReminder: () => undefined,
  numberNear: () => undefined,
};

/** A number is "near" with this many or fewer waiting before it. */
export const NEAR_AHEAD = 3;
