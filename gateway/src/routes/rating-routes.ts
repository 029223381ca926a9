import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  FeedbackRequest,
  Rating,
  RatingChannel,
  RatingList,
  RatingReasonList,
  RatingStats,
  ServiceWindow,
  StartVisitRequest,
  SubmitRatingRequest,
  WindowVisit,
} from '../../../types/contract';
import type { GatewayContext } from '../context';
import { currentUserId, personalScope } from '../http/auth-guard';
import { envelopeSchemas, ok } from '../http/envelope';
import { reasonList } from '../ratings/rating-rules';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 80 }) }, { additionalProperties: false });
const CodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 32 }) }, { additionalProperties: false });
const ReasonsQuery = Type.Object({ channel: RatingChannel }, { additionalProperties: false });
const security = [{ bearerAuth: [] }];
const tags = ['ratings'];

/** 好差评, public part: indicators and 差评 reasons, public figures, window lookup. No identity in any of it. */
export function publicRatingRoutes(ctx: GatewayContext): FastifyPluginAsync {
  return async (plugin) => {
    const app = plugin.withTypeProvider<TypeBoxTypeProvider>();

    app.get(
      '/ratings/reasons',
      {
        schema: {
          tags,
          summary: '评价指标与差评原因',
          querystring: ReasonsQuery,
          response: envelopeSchemas(RatingReasonList),
        },
      },
      async (request) => ok(request, reasonList(request.query.channel)),
    );

    app.get(
      '/ratings/stats',
      {
        schema: {
          tags,
          summary: '公开评价指标（按部门、按大厅）',
          description:
            '满意率 = 3–5 分评价数 / 评价总数（办结 7 天未评价的办件按“基本满意”计入部门）；按时整改率 = 按期办结的差评整改工单数 / 差评数。',
          response: envelopeSchemas(RatingStats),
        },
      },
      async (request) => ok(request, ctx.ratings.stats()),
    );

    app.get(
      '/windows/:code',
      {
        schema: { tags, summary: '办事窗口（一次一评）', params: CodeParams, response: envelopeSchemas(ServiceWindow) },
      },
      async (request) => ok(request, ctx.ratings.window(request.params.code)),
    );
  };
}

/** 好差评, personal part: visits, rating, my ratings, feedback on the rectification. */
export function personalRatingRoutes(ctx: GatewayContext): FastifyPluginAsync {
  return async (plugin) => {
    const app = plugin.withTypeProvider<TypeBoxTypeProvider>();
    personalScope(app, ctx.tokens);

    app.post(
      '/ratings/visits',
      {
        schema: {
          tags,
          security,
          summary: '开始一次窗口服务评价（扫窗口二维码或输入窗口编号）',
          description:
            '二维码内容为 <公开地址>/rating/window/index?w=<窗口编号>&s=<签名>；同一窗口 24 小时内的未评价服务沿用同一记录；评价后 4 小时内不能再次评价该窗口。',
          body: StartVisitRequest,
          response: envelopeSchemas(WindowVisit),
        },
      },
      async (request) => ok(request, ctx.ratings.startVisit(currentUserId(request), request.body)),
    );

    app.post(
      '/ratings',
      {
        schema: {
          tags,
          security,
          summary: '提交评价（实名；一事一评 / 一次一评；评价后不可修改）',
          body: SubmitRatingRequest,
          response: envelopeSchemas(Rating),
        },
      },
      async (request) => ok(request, ctx.ratings.submit(currentUserId(request), request.body)),
    );

    app.get(
      '/me/ratings',
      {
        schema: {
          tags,
          security,
          summary: '我的评价（含默认好评与差评整改进度）',
          response: envelopeSchemas(RatingList),
        },
      },
      async (request) => ok(request, { ratings: ctx.ratings.mine(currentUserId(request)) }),
    );

    app.get(
      '/me/ratings/:id',
      { schema: { tags, security, summary: '评价详情', params: IdParams, response: envelopeSchemas(Rating) } },
      async (request) => ok(request, ctx.ratings.one(currentUserId(request), request.params.id)),
    );

    app.post(
      '/me/ratings/:id/feedback',
      {
        schema: {
          tags,
          security,
          summary: '对差评整改结果作出评价（回访阶段，一次）',
          params: IdParams,
          body: FeedbackRequest,
          response: envelopeSchemas(Rating),
        },
      },
      async (request) => ok(request, ctx.ratings.feedback(currentUserId(request), request.params.id, request.body)),
    );
  };
}
