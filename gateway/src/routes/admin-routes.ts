import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  AdminCommitmentVerdict,
  AdminCreateCase,
  AdminCreditFlag,
  AdminTicketView,
  AdvanceTicketRequest,
  AppealRequest,
  CaseSummary,
  CommitmentList,
  CommitmentReceipt,
  ServiceWindow,
} from '../../../types/contract';
import type { GatewayContext } from '../context';
import { adminScope, officerName } from '../http/admin-guard';
import { envelopeSchemas, ok } from '../http/envelope';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 80 }) }, { additionalProperties: false });
const CodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 32 }) }, { additionalProperties: false });
const TicketList = Type.Object({ tickets: Type.Array(AdminTicketView) });
const WindowQr = Type.Object({ window: ServiceWindow, qrContent: Type.String(), svg: Type.String() });
const CreditState = Type.Object({ userId: Type.String(), seriousDishonesty: Type.Boolean() });
const security = [{ adminToken: [] }];
const tags = ['admin'];

/** Officers (header x-admin-token; x-officer names who acted). Answers never name the rater. */
export function adminRoutes(ctx: GatewayContext): FastifyPluginAsync {
  return async (plugin) => {
    const app = plugin.withTypeProvider<TypeBoxTypeProvider>();
    adminScope(app, ctx.adminToken);

    app.post(
      '/admin/cases',
      {
        schema: {
          tags,
          security,
          summary: '登记办件（按用户 id 或登录手机号）',
          body: AdminCreateCase,
          response: envelopeSchemas(CaseSummary),
        },
      },
      async (request) => ok(request, ctx.cases.create(request.body, officerName(request))),
    );

    app.get(
      '/admin/tickets',
      {
        schema: {
          tags,
          security,
          summary: '差评整改工单（含逾期、申诉复核标记）',
          response: envelopeSchemas(TicketList),
        },
      },
      async (request) => ok(request, { tickets: ctx.ratings.tickets() }),
    );

    app.post(
      '/admin/tickets/:id/advance',
      {
        schema: {
          tags,
          security,
          summary: '推进整改工单：核实 → 整改 → 回访（进入回访时的说明即整改结果）',
          params: IdParams,
          body: AdvanceTicketRequest,
          response: envelopeSchemas(AdminTicketView),
        },
      },
      async (request) => ok(request, ctx.ratings.advance(request.params.id, request.body, officerName(request))),
    );

    app.post(
      '/admin/ratings/:id/appeal',
      {
        schema: {
          tags,
          security,
          summary: '差评申诉复核标记',
          params: IdParams,
          body: AppealRequest,
          response: envelopeSchemas(AdminTicketView),
        },
      },
      async (request) => ok(request, ctx.ratings.appeal(request.params.id, request.body.reason, officerName(request))),
    );

    app.get(
      '/admin/commitments',
      {
        schema: {
          tags,
          security,
          summary: '告知承诺（新的在前，含核查状态）',
          response: envelopeSchemas(CommitmentList),
        },
      },
      async (request) => ok(request, { commitments: ctx.commitments.all() }),
    );

    app.post(
      '/admin/commitments/:id/verdict',
      {
        schema: {
          tags,
          security,
          summary: '承诺核查结论：属实（verified）或不实（false），仅限待核查的承诺；申请人可见结论和说明',
          params: IdParams,
          body: AdminCommitmentVerdict,
          response: envelopeSchemas(CommitmentReceipt),
        },
      },
      async (request) => ok(request, ctx.commitments.verdict(request.params.id, request.body, officerName(request))),
    );

    app.post(
      '/admin/users/:id/credit',
      {
        schema: {
          tags,
          security,
          summary: '设置或解除严重失信主体标记（被标记的用户不能签署告知承诺）',
          params: IdParams,
          body: AdminCreditFlag,
          response: envelopeSchemas(CreditState),
        },
      },
      async (request) => ok(request, ctx.commitments.credit(request.params.id, request.body, officerName(request))),
    );

    app.get(
      '/admin/windows/:code/qr',
      {
        schema: {
          tags,
          security,
          summary: '窗口评价二维码（内容与 SVG）',
          params: CodeParams,
          response: envelopeSchemas(WindowQr),
        },
      },
      async (request) => {
        const base = ctx.publicBaseUrl ?? `${request.protocol}://${request.host}`;
        return ok(request, await ctx.ratings.windowQr(request.params.code, base));
      },
    );
  };
}
