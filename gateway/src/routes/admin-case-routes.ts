import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { AdminCaseAction, AdminCaseQueue, AdminCaseView } from '../../../types/contract';
import type { GatewayContext } from '../context';
import { adminScope, officerName } from '../http/admin-guard';
import { envelopeSchemas, ok } from '../http/envelope';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 80 }) }, { additionalProperties: false });
const security = [{ adminToken: [] }];
const tags = ['admin'];

/** Officers' pre-review (header x-admin-token; x-officer names who acted, for the timeline). */
export function adminCaseRoutes(ctx: GatewayContext): FastifyPluginAsync {
  return async (plugin) => {
    const app = plugin.withTypeProvider<TypeBoxTypeProvider>();
    adminScope(app, ctx.adminToken);

    app.get(
      '/admin/prereview/queue',
      {
        schema: {
          tags,
          security,
          summary: '待预审办件（先提交的在前）',
          response: envelopeSchemas(AdminCaseQueue),
        },
      },
      async (request) => ok(request, { cases: ctx.officerCases.queue() }),
    );

    app.get(
      '/admin/cases/:id',
      {
        schema: {
          tags,
          security,
          summary: '办件（经办人视图）',
          params: IdParams,
          response: envelopeSchemas(AdminCaseView),
        },
      },
      async (request) => ok(request, ctx.officerCases.view(request.params.id)),
    );

    app.post(
      '/admin/cases/:id/actions',
      {
        schema: {
          tags,
          security,
          summary: '预审处理：预审通过、退回补正（逐项意见）、不予受理（须写理由）、受理、办结、寄出（须填快递单号）',
          description:
            'approve：待预审 → 预审通过（全部材料通过）；return：待预审 → 需补正（materials 至少一项，其余材料通过）；' +
            'reject：待预审 / 需补正 → 不予受理（note 为理由）；accept：预审通过 → 已受理；complete：已受理 → 办结；' +
            'post：办结 → 已寄出（仅限邮寄送达，note 为快递单号）。其他情形返回 409。',
          params: IdParams,
          body: AdminCaseAction,
          response: envelopeSchemas(AdminCaseView),
        },
      },
      async (request) => ok(request, ctx.officerCases.act(request.params.id, request.body, officerName(request))),
    );
  };
}
