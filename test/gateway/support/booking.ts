import type { Database } from 'better-sqlite3';
import { Booking, HallTicket } from '../../../types/contract';
import type { BookingNotifier } from '../../../gateway/src/booking/booking-notifier';
import { hallCheckInQrContent } from '../../../gateway/src/booking/check-in-qr';
import { WINDOW_QR_SECRET, loadSecret } from '../../../gateway/src/auth/secret-files';
import { runAdmin } from '../../../gateway/src/cli/admin-commands';
import type { GatewayOptions } from '../../../gateway/src/server';
import { expectOk, type ApiResponse, type TestGateway } from './harness';
import { startRatingGateway, type Person } from './ratings';

export const ITEM = 'FX-GA-0001'; // 户口迁移: 到现场 1 次, at fx-hall
export const OTHER_ITEM = 'FX-GA-0003'; // 出生登记, also at fx-hall
export const HALL = 'fx-hall';

/** What the injected notifier was asked to send. */
export interface Sent {
  reminders: string[];
  near: { number: string; ahead: number }[];
}

/** A rating gateway (admin token, long logins) with a recording notifier and no sweep timer. */
export async function startBookingGateway(
  options: Partial<GatewayOptions> = {},
): Promise<{ gw: TestGateway; sent: Sent; notifier: BookingNotifier }> {
  const sent: Sent = { reminders: [], near: [] };
  const notifier: BookingNotifier = {
    bookingReminder: (_db, booking) => void sent.reminders.push(booking.id),
    numberNear: (_db, ticket, ahead) => void sent.near.push({ number: ticket.number, ahead }),
  };
  const gw = await startRatingGateway({ bookingNotifier: notifier, bookingSweepMs: 0, ...options });
  return { gw, sent, notifier };
}

/** "2025-03-04", "09:30" → the ISO instant with +08:00. */
export function slot(date: string, start: string): string {
  return `${date}T${start}:00+08:00`;
}

export function book(gw: TestGateway, who: Person, body: Record<string, unknown>): Promise<ApiResponse> {
  return gw.request('/api/bookings', { method: 'POST', token: who.token, body });
}

export async function bookOk(gw: TestGateway, who: Person, date: string, start: string, extra = {}): Promise<Booking> {
  return expectOk(
    await book(gw, who, { itemCode: ITEM, hallId: HALL, slotStart: slot(date, start), ...extra }),
    Booking,
  );
}

/** The hall's check-in QR content, signed with this gateway's key. */
export function hallQr(gw: TestGateway, hallId = HALL): string {
  return hallCheckInQrContent('https://zwfw.example.cn', hallId, loadSecret(gw.dataDir, WINDOW_QR_SECRET));
}

export async function checkIn(gw: TestGateway, who: Person, bookingId: string, qr?: string): Promise<ApiResponse> {
  return gw.request(`/api/me/bookings/${bookingId}/check-in`, {
    method: 'POST',
    token: who.token,
    body: qr === undefined ? {} : { qr },
  });
}

export async function takeTicket(gw: TestGateway, who: Person, body: Record<string, unknown>): Promise<HallTicket> {
  return expectOk(await gw.request('/api/hall-tickets', { method: 'POST', token: who.token, body }), HallTicket);
}

export async function ticketOf(gw: TestGateway, who: Person, id: string): Promise<HallTicket> {
  return expectOk(await gw.request(`/api/me/hall-tickets/${id}`, { token: who.token }), HallTicket);
}

/** The officer CLI in-process, on the gateway's database, with the gateway's clock. */
export async function cli(
  gw: TestGateway,
  db: Database,
  notifier: BookingNotifier | undefined,
  ...argv: string[]
): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAdmin(argv, {
    db,
    now: gw.clock.now,
    rectificationDays: 15,
    defaultBase: 'https://zwfw.example.cn',
    bookingNotifier: notifier,
    io: { out: (l) => out.push(l), err: (l) => err.push(l) },
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
