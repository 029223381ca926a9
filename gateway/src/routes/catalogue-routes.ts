import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  Department,
  Guide,
  Hall,
  HomeFeed,
  ThemeItem,
  ThemeItemSummary,
  WorkdayCalendar,
} from '../../../types/contract';
import type { GatewayContext } from '../context';
import { notFound } from '../http/api-error';
import { envelopeSchemas, ok } from '../http/envelope';

export const HOT_ITEM_COUNT = 8;

const CodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false });

/** The public catalogue: home feed, departments, guides, theme items, halls, calendar. */
export function catalogueRoutes(ctx: GatewayContext): FastifyPluginAsync {
  return async (plugin) => {
    const app = plugin.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['catalogue'];

    app.get(
      '/home',
      { schema: { tags, summary: '首页：热门事项、主题事项、部门', response: envelopeSchemas(HomeFeed) } },
      async (request) =>
        ok(request, {
          hotItems: ctx.catalogue.hotItems(HOT_ITEM_COUNT),
          themeItems: ctx.catalogue.themes(),
          departments: ctx.catalogue.departments(),
        }),
    );

    app.get(
      '/departments',
      {
        schema: {
          tags,
          summary: '部门及事项数',
          response: envelopeSchemas(Type.Object({ departments: Type.Array(Department) })),
        },
      },
      async (request) => ok(request, { departments: ctx.catalogue.departments() }),
    );

    app.get(
      '/items/:code',
      { schema: { tags, summary: '办事指南', params: CodeParams, response: envelopeSchemas(Guide) } },
      async (request) => {
        const guide = ctx.catalogue.guide(request.params.code);
        if (!guide) throw notFound('没有找到这个事项，它可能已调整或下线');
        return ok(request, guide);
      },
    );

    app.get(
      '/themes',
      {
        schema: {
          tags,
          summary: '主题事项（一件事）',
          response: envelopeSchemas(Type.Object({ themes: Type.Array(ThemeItemSummary) })),
        },
      },
      async (request) => ok(request, { themes: ctx.catalogue.themes() }),
    );

    app.get(
      '/themes/:code',
      { schema: { tags, summary: '主题事项详情', params: CodeParams, response: envelopeSchemas(ThemeItem) } },
      async (request) => {
        const theme = ctx.catalogue.theme(request.params.code);
        if (!theme) throw notFound('没有找到这个主题事项，它可能已调整或下线');
        return ok(request, theme);
      },
    );

    app.get(
      '/halls',
      {
        schema: {
          tags,
          summary: '办事大厅、便民服务中心与自助终端',
          response: envelopeSchemas(Type.Object({ halls: Type.Array(Hall) })),
        },
      },
      async (request) => ok(request, { halls: ctx.catalogue.halls() }),
    );

    app.get(
      '/calendar',
      { schema: { tags, summary: '工作日日历', response: envelopeSchemas(WorkdayCalendar) } },
      async (request) => ok(request, ctx.catalogue.calendar()),
    );
  };
}
