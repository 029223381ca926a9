import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  CommitmentList,
  CommitmentNotice,
  CommitmentReceipt,
  CommitmentVerification,
  NoticeList,
  PublicKeyInfo,
  SignCommitmentRequest,
} from '../../../types/contract';
import type { GatewayContext } from '../context';
import { currentUserId, personalScope } from '../http/auth-guard';
import { envelopeSchemas, ok } from '../http/envelope';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false });
const CodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false });
const VersionParams = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: 64 }), version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
const tags = ['commitments'];
const security = [{ bearerAuth: [] }];

/** 告知承诺, public part: notices, the receipt key, and tamper checks (no personal data in any of it). */
export function publicCommitmentRoutes(ctx: GatewayContext): FastifyPluginAsync {
  return async (plugin) => {
    const app = plugin.withTypeProvider<TypeBoxTypeProvider>();

    app.get(
      '/items/:code/notices',
      {
        schema: {
          tags,
          summary: '事项的告知承诺书（每项可告知承诺的材料一份，均为当前版本）',
          params: CodeParams,
          response: envelopeSchemas(NoticeList),
        },
      },
      async (request) => ok(request, { notices: ctx.notices.forItem(request.params.code) }),
    );

    app.get(
      '/notices/:id',
      {
        schema: {
          tags,
          summary: '告知承诺书（当前版本）',
          description:
            'contentHash 为内容字段（除 id、version、contentHash、publishedAt 外的全部字段）的规范 JSON（键排序、无空白）的 SHA-256。',
          params: IdParams,
          response: envelopeSchemas(CommitmentNotice),
        },
      },
      async (request) => ok(request, ctx.notices.current(request.params.id)),
    );

    app.get(
      '/notices/:id/versions/:version',
      {
        schema: {
          tags,
          summary: '告知承诺书的指定版本（已发布的版本永不改变）',
          params: VersionParams,
          response: envelopeSchemas(CommitmentNotice),
        },
      },
      async (request) => ok(request, ctx.notices.version(request.params.id, request.params.version)),
    );

    app.get(
      '/commitments/public-key',
      {
        schema: {
          tags,
          summary: '承诺回执签名公钥（Ed25519，SPKI PEM）',
          description: 'keyId 为公钥 DER（SPKI）编码的 SHA-256 的前 16 位十六进制。',
          response: envelopeSchemas(PublicKeyInfo),
        },
      },
      async (request) => ok(request, ctx.commitments.publicKey()),
    );

    app.get(
      '/commitments/:id/verification',
      {
        schema: {
          tags,
          summary: '核验承诺记录是否完整（签名、记录字段、签名图片、告知书版本）',
          params: IdParams,
          response: envelopeSchemas(CommitmentVerification),
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        return ok(request, ctx.commitments.verify(request.params.id));
      },
    );
  };
}

/** 告知承诺, personal part: signing (always as the logged-in user), my commitments, withdrawal. */
export function personalCommitmentRoutes(ctx: GatewayContext): FastifyPluginAsync {
  return async (plugin) => {
    const app = plugin.withTypeProvider<TypeBoxTypeProvider>();
    personalScope(app, ctx.tokens);

    app.post(
      '/commitments',
      {
        schema: {
          tags,
          security,
          summary: '签署告知承诺（签署人即当前登录的实名用户）',
          description:
            '须实名认证；严重失信主体不适用告知承诺制（403）。noticeVersion 须为当前版本（否则 409），noticeHash 须为该版本的 contentHash，' +
            '四项确认须全部为 true，signatureFileId 须为本人上传的签名图片，signatureSha256 须与其一致。同一签名图片的重复提交返回同一回执。',
          body: SignCommitmentRequest,
          response: envelopeSchemas(CommitmentReceipt),
        },
      },
      async (request) => ok(request, ctx.commitments.sign(currentUserId(request), request.body)),
    );

    app.get(
      '/me/commitments',
      { schema: { tags, security, summary: '我的承诺（新的在前）', response: envelopeSchemas(CommitmentList) } },
      async (request) => ok(request, { commitments: ctx.commitments.mine(currentUserId(request)) }),
    );

    app.get(
      '/me/commitments/:id',
      {
        schema: { tags, security, summary: '承诺回执', params: IdParams, response: envelopeSchemas(CommitmentReceipt) },
      },
      async (request) => ok(request, ctx.commitments.one(currentUserId(request), request.params.id)),
    );

    app.post(
      '/me/commitments/:id/withdraw',
      {
        schema: {
          tags,
          security,
          summary: '撤回承诺（仅限尚未核查、关联办件尚未受理时）',
          params: IdParams,
          response: envelopeSchemas(CommitmentReceipt),
        },
      },
      async (request) => ok(request, ctx.commitments.withdraw(currentUserId(request), request.params.id)),
    );
  };
}
