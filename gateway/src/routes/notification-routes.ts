import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  MarkAllRead,
  NotificationConsentList,
  NotificationItem,
  NotificationList,
  NotificationListQuery,
  RecordConsentsRequest,
  UnreadCount,
} from '../../../types/contract';
import type { GatewayContext } from '../context';
import { currentUserId, personalScope } from '../http/auth-guard';
import { envelopeSchemas, ok } from '../http/envelope';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false });
const tags = ['notifications'];
const security = [{ bearerAuth: [] }];

/** 消息: the person's notifications (every one, whatever its platform delivery) and their consents. */
export function notificationRoutes(ctx: GatewayContext): FastifyPluginAsync {
  return async (plugin) => {
    const app = plugin.withTypeProvider<TypeBoxTypeProvider>();
    personalScope(app, ctx.tokens);

    app.get(
      '/me/notifications',
      {
        schema: {
          tags,
          security,
          summary: '我的消息（新的在前，分页）',
          description:
            '每条消息都在此列出，与平台消息是否发出无关（未授权订阅、已退订短信时也在）。subject 指明打开的页面：' +
            '办件、评价（差评整改进度）、告知承诺或预约。下一页以上一页的 nextCursor 为 cursor。',
          querystring: NotificationListQuery,
          response: envelopeSchemas(NotificationList),
        },
      },
      async (request) =>
        ok(request, ctx.notifications.list(currentUserId(request), request.query.cursor, request.query.limit)),
    );

    app.get(
      '/me/notifications/unread-count',
      { schema: { tags, security, summary: '未读消息数（角标）', response: envelopeSchemas(UnreadCount) } },
      async (request) => ok(request, { unread: ctx.notifications.unread(currentUserId(request)) }),
    );

    app.post(
      '/me/notifications/read-all',
      { schema: { tags, security, summary: '全部标为已读', response: envelopeSchemas(MarkAllRead) } },
      async (request) => ok(request, ctx.notifications.markAllRead(currentUserId(request))),
    );

    app.post(
      '/me/notifications/:id/read',
      {
        schema: {
          tags,
          security,
          summary: '标为已读（再次标记保留首次时间）',
          params: IdParams,
          response: envelopeSchemas(NotificationItem),
        },
      },
      async (request) => ok(request, ctx.notifications.markRead(currentUserId(request), request.params.id)),
    );

    app.get(
      '/me/notification-consents',
      {
        schema: {
          tags,
          security,
          summary: '消息授权（每个模板是否发送，以及记录的授权结果）',
          response: envelopeSchemas(NotificationConsentList),
        },
      },
      async (request) => ok(request, ctx.notifications.consentList(currentUserId(request))),
    );

    app.post(
      '/me/notification-consents',
      {
        schema: {
          tags,
          security,
          summary: '记录消息授权结果（平台订阅弹窗的每个模板的答复；短信可退订）',
          description:
            '微信、支付宝须有“允许”的记录才发送该模板的消息；短信登录的用户默认接收办件服务通知，' +
            '答复 accepted=false 即退订。同一模板以最后一次答复为准。',
          body: RecordConsentsRequest,
          response: envelopeSchemas(NotificationConsentList),
        },
      },
      async (request) => ok(request, ctx.notifications.recordConsents(currentUserId(request), request.body)),
    );
  };
}
