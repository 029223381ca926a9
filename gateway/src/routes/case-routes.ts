import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  CaseDetail,
  CaseList,
  ELicenceList,
  ResubmitRequest,
  SaveDraftRequest,
  StartApplicationRequest,
  SubmitApplicationRequest,
} from '../../../types/contract';
import type { GatewayContext } from '../context';
import { currentUserId, personalScope } from '../http/auth-guard';
import { envelopeSchemas, ok } from '../http/envelope';
import { IDEMPOTENCY_HEADER, idempotencyKey } from '../cases/idempotency';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false });
const Deleted = Type.Object({ deleted: Type.Literal(true) });
const security = [{ bearerAuth: [] }];
const IDEMPOTENCY_NOTE =
  '请求头 Idempotency-Key（8–100 个可见字符，每次提交生成一个，重试时沿用）必填：同一键、同一内容的重复请求返回第一次的结果，' +
  '不会重复提交；同一键、不同内容返回 409。';

/**
 * 我的办件 and 网上申报预审 (the applicant's side): only the user's own cases; someone else's case
 * is "not found", never "forbidden". Starting and saving drafts needs a login; submitting also
 * needs real-name verification.
 */
export function caseRoutes(ctx: GatewayContext): FastifyPluginAsync {
  return async (plugin) => {
    const app = plugin.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['cases'];
    personalScope(app, ctx.tokens);

    app.get(
      '/me/cases',
      { schema: { tags, security, summary: '我的办件（新建的在前，含草稿）', response: envelopeSchemas(CaseList) } },
      async (request) => ok(request, { cases: ctx.cases.list(currentUserId(request)) }),
    );

    app.post(
      '/me/cases',
      {
        schema: {
          tags,
          security,
          summary: '开始申报：为事项或一件事创建草稿（已有草稿时返回该草稿，不会重复创建）',
          body: StartApplicationRequest,
          response: envelopeSchemas(CaseDetail),
        },
      },
      async (request) => ok(request, ctx.prereview.start(currentUserId(request), request.body.target)),
    );

    app.get(
      '/me/cases/:id',
      {
        schema: {
          tags,
          security,
          summary: '办件详情：表单、材料（含补正意见）、进度时间线、预计办结日期',
          params: IdParams,
          response: envelopeSchemas(CaseDetail),
        },
      },
      async (request) => ok(request, ctx.prereview.detail(currentUserId(request), request.params.id)),
    );

    app.put(
      '/me/cases/:id/draft',
      {
        schema: {
          tags,
          security,
          summary: '保存草稿（整份覆盖；只检查格式和文件归属，未填完也可保存）',
          params: IdParams,
          body: SaveDraftRequest,
          response: envelopeSchemas(CaseDetail),
        },
      },
      async (request) => ok(request, ctx.prereview.saveDraft(currentUserId(request), request.params.id, request.body)),
    );

    app.delete(
      '/me/cases/:id/draft',
      {
        schema: {
          tags,
          security,
          summary: '删除草稿（只限草稿；已提交的办件可撤回）',
          params: IdParams,
          response: envelopeSchemas(Deleted),
        },
      },
      async (request) => ok(request, ctx.prereview.deleteDraft(currentUserId(request), request.params.id)),
    );

    app.post(
      '/me/cases/:id/submit',
      {
        schema: {
          tags,
          security,
          summary: '提交预审（须实名认证；全部校验，一次列出所有问题）',
          description: IDEMPOTENCY_NOTE,
          params: IdParams,
          body: SubmitApplicationRequest,
          response: envelopeSchemas(CaseDetail),
        },
      },
      async (request) => {
        const key = idempotencyKey(request.headers[IDEMPOTENCY_HEADER]);
        return ok(request, ctx.prereview.submit(currentUserId(request), request.params.id, key, request.body));
      },
    );

    app.post(
      '/me/cases/:id/resubmit',
      {
        schema: {
          tags,
          security,
          summary: '提交补正材料（只限需补正的办件，且只提交被退回的材料）',
          description: IDEMPOTENCY_NOTE,
          params: IdParams,
          body: ResubmitRequest,
          response: envelopeSchemas(CaseDetail),
        },
      },
      async (request) => {
        const key = idempotencyKey(request.headers[IDEMPOTENCY_HEADER]);
        return ok(request, ctx.prereview.resubmit(currentUserId(request), request.params.id, key, request.body));
      },
    );

    app.post(
      '/me/cases/:id/withdraw',
      {
        schema: {
          tags,
          security,
          summary: '撤回申请（受理前：待预审、需补正、预审通过）',
          params: IdParams,
          response: envelopeSchemas(CaseDetail),
        },
      },
      async (request) => ok(request, ctx.prereview.withdraw(currentUserId(request), request.params.id)),
    );

    app.get(
      '/me/licences',
      {
        schema: {
          tags,
          security,
          summary: '我的电子证照（实名认证后可用；号码已脱敏）',
          response: envelopeSchemas(ELicenceList),
        },
      },
      async (request) => ok(request, { licences: ctx.licences.list(currentUserId(request)) }),
    );
  };
}
