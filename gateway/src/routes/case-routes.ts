import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { CaseList, CaseSummary } from '../../../types/contract';
import type { GatewayContext } from '../context';
import { currentUserId, personalScope } from '../http/auth-guard';
import { envelopeSchemas, ok } from '../http/envelope';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false });
const security = [{ bearerAuth: [] }];

/** 我的办件: only the user's own; someone else's case is "not found", never "forbidden". */
export function caseRoutes(ctx: GatewayContext): FastifyPluginAsync {
  return async (plugin) => {
    const app = plugin.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['cases'];
    personalScope(app, ctx.tokens);

    app.get(
      '/me/cases',
      { schema: { tags, security, summary: '我的办件（新的在前）', response: envelopeSchemas(CaseList) } },
      async (request) => ok(request, { cases: ctx.cases.list(currentUserId(request)) }),
    );

    app.get(
      '/me/cases/:id',
      {
        schema: {
          tags,
          security,
          summary: '办件详情（含评价状态：办结后 7 天内可评价，逾期默认基本满意）',
          params: IdParams,
          response: envelopeSchemas(CaseSummary),
        },
      },
      async (request) => ok(request, ctx.cases.get(currentUserId(request), request.params.id)),
    );
  };
}
