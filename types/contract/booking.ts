import { Type, type Static } from '@sinclair/typebox';

/** Bookable from the next working day up to this many working days ahead. */
export const BOOKING_WORKDAYS_AHEAD = 7;
/** A booking can be cancelled until this many hours before its slot starts. */
export const BOOKING_CANCEL_HOURS = 2;
/** 取号 by the booking alone (no QR scan): from this many minutes before the slot start to as many after. */
export const BOOKING_CHECK_IN_MINUTES = 30;
/** This many no-shows within NO_SHOW_WINDOW_DAYS suspend booking for SUSPENSION_DAYS. */
export const NO_SHOW_LIMIT = 3;
export const NO_SHOW_WINDOW_DAYS = 90;
export const SUSPENSION_DAYS = 30;

const HHMM = { pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' };
/** A China calendar date, YYYY-MM-DD. */
const YMD = { pattern: '^\\d{4}-\\d{2}-\\d{2}$' };

/** One slot of a hall's day: [start, end) in China time, with what is left of its capacity. */
export const BookingSlot = Type.Object({
  /** Local time "HH:mm". */
  start: Type.String(HHMM),
  end: Type.String(HHMM),
  /** The instant it starts, with the +08:00 offset: what POST /bookings takes as `slotStart`. */
  startsAt: Type.String({ format: 'date-time' }),
  capacity: Type.Integer({ minimum: 0 }),
  remaining: Type.Integer({ minimum: 0 }),
});
export type BookingSlot = Static<typeof BookingSlot>;

export const BookingDay = Type.Object({
  date: Type.String(YMD),
  slots: Type.Array(BookingSlot),
});
export type BookingDay = Static<typeof BookingDay>;

export const BookingHall = Type.Object({
  hallId: Type.String(),
  hallName: Type.String(),
  address: Type.String(),
  /** Working days within the window on which the hall is open for bookings. */
  days: Type.Array(BookingDay),
  /** Working days within the window on which this hall is closed anyway, with the reason. */
  closedDays: Type.Array(Type.Object({ date: Type.String(YMD), reason: Type.String() })),
});
export type BookingHall = Static<typeof BookingHall>;

/** The user's booking suspension after repeated no-shows; null when they may book. */
export const BookingSuspension = Type.Object({
  /** Last day of the suspension (China date, inclusive). */
  until: Type.String(YMD),
  /** No-shows within the last 90 days. */
  noShows: Type.Integer({ minimum: 0 }),
});
export type BookingSuspension = Static<typeof BookingSuspension>;

export const BookingOptions = Type.Object({
  itemCode: Type.String(),
  itemName: Type.String(),
  /** First and last bookable dates (the next working day; 7 working days ahead). */
  from: Type.String(YMD),
  to: Type.String(YMD),
  halls: Type.Array(BookingHall),
  /** Present (not null) when the logged-in user is suspended; anonymous callers get null. */
  suspension: Type.Union([BookingSuspension, Type.Null()]),
});
export type BookingOptions = Static<typeof BookingOptions>;

export const BookingOptionsQuery = Type.Object(
  { itemCode: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
);
export type BookingOptionsQuery = Static<typeof BookingOptionsQuery>;

export const CreateBookingRequest = Type.Object(
  {
    itemCode: Type.String({ minLength: 1, maxLength: 64 }),
    hallId: Type.String({ minLength: 1, maxLength: 64 }),
    /** The slot's start as an ISO date-time with its offset, e.g. 2025-03-04T09:30:00+08:00. */
    slotStart: Type.String({ format: 'date-time', maxLength: 40 }),
    /** The user's own draft (草稿) or case this visit is for: the officer sees its materials. */
    draftId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    caseId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false },
);
export type CreateBookingRequest = Static<typeof CreateBookingRequest>;

export const BookingStatus = Type.Union([
  Type.Literal('booked'), // 已预约
  Type.Literal('checked_in'), // 已取号
  Type.Literal('cancelled'), // 已取消
  Type.Literal('served'), // 已办理
  Type.Literal('no_show'), // 爽约
]);
export type BookingStatus = Static<typeof BookingStatus>;

export const HallTicketStatus = Type.Union([
  Type.Literal('waiting'), // 等候中
  Type.Literal('called'), // 已叫号
  Type.Literal('served'), // 已办理
  Type.Literal('no_show'), // 过号
]);
export type HallTicketStatus = Static<typeof HallTicketStatus>;

/**
 * A queue number (取号). Booked numbers are `A` + 3 digits, walk-in numbers `B` + 3 digits, counted
 * per hall and day from 001. Poll GET /hall-tickets/:id with If-None-Match: the ETag changes only
 * when something in that hall's queue changed that day (`version`).
 */
export const HallTicket = Type.Object({
  id: Type.String(),
  number: Type.String(),
  kind: Type.Union([Type.Literal('booked'), Type.Literal('walk_in')]),
  hallId: Type.String(),
  hallName: Type.String(),
  date: Type.String(YMD),
  itemCode: Type.Union([Type.String(), Type.Null()]),
  itemName: Type.Union([Type.String(), Type.Null()]),
  bookingId: Type.Union([Type.String(), Type.Null()]),
  status: HallTicketStatus,
  /** Waiting numbers called before this one (0 when it is next, or no longer waiting). */
  ahead: Type.Integer({ minimum: 0 }),
  /** The window it was called to. */
  window: Type.Union([Type.Object({ code: Type.String(), name: Type.String() }), Type.Null()]),
  issuedAt: Type.String({ format: 'date-time' }),
  calledAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  /** Once served: the window visit to rate (一次一评), POST /ratings with target kind `visit`. */
  visitId: Type.Union([Type.String(), Type.Null()]),
  /** The hall queue's version that day; changes whenever any number there moves. */
  version: Type.Integer({ minimum: 0 }),
});
export type HallTicket = Static<typeof HallTicket>;

export const Booking = Type.Object({
  id: Type.String(),
  itemCode: Type.String(),
  itemName: Type.String(),
  hallId: Type.String(),
  hallName: Type.String(),
  date: Type.String(YMD),
  start: Type.String(HHMM),
  end: Type.String(HHMM),
  startsAt: Type.String({ format: 'date-time' }),
  status: BookingStatus,
  /** The draft or case the visit is for. */
  caseId: Type.Union([Type.String(), Type.Null()]),
  /** Until then it can be cancelled (2 hours before the slot); null once it cannot be. */
  cancellableUntil: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  /** 取号 by the booking alone is possible from … to … (30 minutes either side of the start). */
  checkInFrom: Type.String({ format: 'date-time' }),
  checkInUntil: Type.String({ format: 'date-time' }),
  ticket: Type.Union([HallTicket, Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
});
export type Booking = Static<typeof Booking>;

export const BookingList = Type.Object({
  bookings: Type.Array(Booking),
  suspension: Type.Union([BookingSuspension, Type.Null()]),
});
export type BookingList = Static<typeof BookingList>;

/** 取号 for a booking: the hall's check-in QR is optional (with it, the number can be taken earlier that day). */
export const BookingCheckInRequest = Type.Object(
  { qr: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);
export type BookingCheckInRequest = Static<typeof BookingCheckInRequest>;

/**
 * 取号 at the hall by scanning its check-in QR: the user's booking there today if they have one
 * (its number), else a walk-in number (for `itemCode` when given).
 */
export const TakeTicketRequest = Type.Object(
  {
    qr: Type.String({ minLength: 1, maxLength: 500 }),
    itemCode: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false },
);
export type TakeTicketRequest = Static<typeof TakeTicketRequest>;

/** The user's numbers today (a walk-in number has no booking to find it by after an app restart). */
export const HallTicketList = Type.Object({ tickets: Type.Array(HallTicket) });
export type HallTicketList = Static<typeof HallTicketList>;
