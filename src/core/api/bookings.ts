import type {
  Booking,
  BookingCheckInRequest,
  BookingList,
  BookingOptions,
  CreateBookingRequest,
  HallTicket,
  HallTicketList,
  TakeTicketRequest,
} from '@contract/booking';
import { request } from '../http/client';

/** 预约取号: a hall's slots for an item, the person's bookings, and numbers taken at the hall. */
export const bookingsApi = {
  options: (itemCode: string, signal?: AbortSignal) =>
    request<BookingOptions>({ url: '/bookings/options', params: { itemCode }, signal }),
  create: (body: CreateBookingRequest) => request<Booking>({ url: '/bookings', method: 'POST', data: body }),
  mine: (signal?: AbortSignal) => request<BookingList>({ url: '/me/bookings', signal }),
  cancel: (id: string) => request<Booking>({ url: `/me/bookings/${encodeURIComponent(id)}/cancel`, method: 'POST' }),
  checkIn: (id: string, body: BookingCheckInRequest = {}) =>
    request<HallTicket>({ url: `/me/bookings/${encodeURIComponent(id)}/check-in`, method: 'POST', data: body }),
  takeTicket: (body: TakeTicketRequest) => request<HallTicket>({ url: '/hall-tickets', method: 'POST', data: body }),
  myTickets: (signal?: AbortSignal) => request<HallTicketList>({ url: '/me/hall-tickets', signal }),
  ticket: (id: string, signal?: AbortSignal) =>
    request<HallTicket>({ url: `/me/hall-tickets/${encodeURIComponent(id)}`, signal }),
};
