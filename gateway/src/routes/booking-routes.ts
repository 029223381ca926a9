import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  Booking,
  BookingCheckInRequest,
  BookingList,
  BookingOptions,
  BookingOptionsQuery,
  CreateBookingRequest,
  HallTicket,
  HallTicketList,
  TakeTicketRequest,
} from '../../../types/contract';
import type { GatewayContext } from '../context';
import { currentUserId, personalScope } from '../http/auth-guard';
import { envelopeSchemas, ok } from '../http/envelope';
import { notFound } from '../http/api-error';
import { BOOKING_MESSAGES } from '../booking/booking-rules';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 80 }) }, { additionalProperties: false });
const security = [{ bearerAuth: [] }];
const tags = ['booking'];

/** A weak ETag per ticket and queue version: any change in that hall's queue that day changes it. */
function ticketEtag(id: string, version: number): string {
  return `W/"t-${id}-${version}"`;
}

/** 预约取号: slots, booking, my bookings, cancelling, 取号 and the queue. All personal. */
export function bookingRoutes(ctx: GatewayContext): FastifyPluginAsync {
  return async (plugin) => {
    const app = plugin.withTypeProvider<TypeBoxTypeProvider>();
    personalScope(app, ctx.tokens);

    app.get(
      '/bookings/options',
      {
        schema: {
          tags,
          security,
          summary: '可预约的大厅与时段（次日起 7 个工作日内，含剩余名额）',
          description:
            '仅到现场次数 ≥ 1 的事项可预约；节假日与休息日不列出，工作日大厅停办的列入 closedDays；suspension 不为 null 时预约已暂停。',
          querystring: BookingOptionsQuery,
          response: envelopeSchemas(BookingOptions),
        },
      },
      async (request) => ok(request, ctx.bookings.options(currentUserId(request), request.query.itemCode)),
    );

    app.post(
      '/bookings',
      {
        schema: {
          tags,
          security,
          summary: '预约（实名；同一事项每人每天一个有效预约）',
          description:
            '拒绝：节假日、休息日、已过的时段、当天或超过 7 个工作日、大厅停办、已约满（409）、近 90 天爽约 3 次暂停 30 天（403，消息含暂停截止日期）。',
          body: CreateBookingRequest,
          response: envelopeSchemas(Booking),
        },
      },
      async (request) => ok(request, ctx.bookings.create(currentUserId(request), request.body)),
    );

    app.get(
      '/me/bookings',
      {
        schema: {
          tags,
          security,
          summary: '我的预约（含排队号与爽约暂停）',
          response: envelopeSchemas(BookingList),
        },
      },
      async (request) => ok(request, ctx.bookings.mine(currentUserId(request))),
    );

    app.post(
      '/me/bookings/:id/cancel',
      {
        schema: {
          tags,
          security,
          summary: '取消预约（时段开始前 2 小时截止）',
          params: IdParams,
          response: envelopeSchemas(Booking),
        },
      },
      async (request) => ok(request, ctx.bookings.cancel(currentUserId(request), request.params.id)),
    );

    app.post(
      '/me/bookings/:id/check-in',
      {
        schema: {
          tags,
          security,
          summary: '凭预约取号（时段开始前后 30 分钟内；扫大厅取号码则当天更早也可）',
          description: '同一预约再次取号返回第一次的号。预约号为 A + 3 位数字，按预约时段排队。',
          params: IdParams,
          body: BookingCheckInRequest,
          response: envelopeSchemas(HallTicket),
        },
      },
      async (request) =>
        ok(request, ctx.hallQueue.checkInBooking(currentUserId(request), request.params.id, request.body)),
    );

    app.post(
      '/hall-tickets',
      {
        schema: {
          tags,
          security,
          summary: '扫大厅取号码取号（有当天预约则取预约号，否则取现场号 B + 3 位数字）',
          body: TakeTicketRequest,
          response: envelopeSchemas(HallTicket),
        },
      },
      async (request) => ok(request, ctx.hallQueue.takeTicket(currentUserId(request), request.body)),
    );

    app.get(
      '/me/hall-tickets',
      {
        schema: {
          tags,
          security,
          summary: '我今天的排队号（含现场号）',
          response: envelopeSchemas(HallTicketList),
        },
      },
      async (request) => ok(request, { tickets: ctx.hallQueue.todayOf(currentUserId(request)) }),
    );

    app.get(
      '/me/hall-tickets/:id',
      {
        schema: {
          tags,
          security,
          summary: '我的排队号：前面还有几人、叫到哪个窗口',
          description: '轮询时带上 If-None-Match（上次的 ETag）：该大厅当天的队列没有变化时返回 304，不含正文。',
          params: IdParams,
          response: { ...envelopeSchemas(HallTicket), 304: Type.Null({ description: '队列没有变化（无正文）' }) },
        },
      },
      async (request, reply) => {
        const userId = currentUserId(request);
        const version = ctx.hallQueue.versionOf(userId, request.params.id);
        if (version === undefined) throw notFound(BOOKING_MESSAGES.ticketNotFound);
        const etag = ticketEtag(request.params.id, version);
        reply.header('etag', etag);
        if (request.headers['if-none-match'] === etag) return reply.code(304).send(null);
        return ok(request, ctx.hallQueue.ticketOf(userId, request.params.id));
      },
    );
  };
}
