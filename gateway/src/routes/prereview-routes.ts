import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ApplicationSpec } from '../../../types/contract';
import type { GatewayContext } from '../context';
import { envelopeSchemas, ok } from '../http/envelope';

const CodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false });
const tags = ['prereview'];

/** 网上申报预审: what an application needs (public, like the guide it comes from). */
export function prereviewRoutes(ctx: GatewayContext): FastifyPluginAsync {
  return async (plugin) => {
    const app = plugin.withTypeProvider<TypeBoxTypeProvider>();

    app.get(
      '/prereview/items/:code',
      {
        schema: {
          tags,
          summary: '事项的申报要求：申请人类型、材料及文件限制、承诺时限、能否邮寄',
          params: CodeParams,
          response: envelopeSchemas(ApplicationSpec),
        },
      },
      async (request) => ok(request, ctx.specs.require({ kind: 'item', code: request.params.code }).spec),
    );

    app.get(
      '/prereview/themes/:code',
      {
        schema: {
          tags,
          summary: '一件事的申报要求（一张表单，材料按各事项合并）',
          params: CodeParams,
          response: envelopeSchemas(ApplicationSpec),
        },
      },
      async (request) => ok(request, ctx.specs.require({ kind: 'theme', code: request.params.code }).spec),
    );
  };
}
