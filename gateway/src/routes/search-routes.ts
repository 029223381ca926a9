import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { SearchQuery, SearchResult, SuggestQuery, SuggestResult } from '../../../types/contract';
import type { GatewayContext } from '../context';
import { envelopeSchemas, ok } from '../http/envelope';

export const DEFAULT_PAGE_SIZE = 20;
export const SUGGESTION_COUNT = 8;

export function searchRoutes(ctx: GatewayContext): FastifyPluginAsync {
  return async (plugin) => {
    const app = plugin.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['search'];

    app.get(
      '/search',
      {
        schema: {
          tags,
          summary: '搜索事项（汉字、全拼、首字母、同义词）',
          querystring: SearchQuery,
          response: envelopeSchemas(SearchResult),
        },
      },
      async (request) => {
        const { page = 1, pageSize = DEFAULT_PAGE_SIZE, ...rest } = request.query;
        return ok(request, ctx.search.search({ ...rest, page, pageSize }));
      },
    );

    app.get(
      '/search/suggest',
      {
        schema: {
          tags,
          summary: '输入联想（前 8 条）',
          querystring: SuggestQuery,
          response: envelopeSchemas(SuggestResult),
        },
      },
      async (request) => ok(request, { suggestions: ctx.search.suggest(request.query.q, SUGGESTION_COUNT) }),
    );
  };
}
