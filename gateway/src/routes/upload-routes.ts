import type { FastifyPluginAsync, FastifyRequest, FastifySchemaCompiler } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import fastifyMultipart from '@fastify/multipart';
import { Type, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { ErrorEnvelope, UploadedFile, UploadPurpose } from '../../../types/contract';
import type { GatewayContext } from '../context';
import { ADMIN_TOKEN_HEADER, requireAdmin } from '../http/admin-guard';
import { ApiError, fieldError } from '../http/api-error';
import { currentUserId, requireUser } from '../http/auth-guard';
import { envelopeSchemas, ok } from '../http/envelope';
import { typeboxValidatorCompiler } from '../http/validator-compiler';
import { SIGNATURE_MAX_BYTES, UPLOAD_MESSAGES } from '../uploads/upload-service';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false });
const tags = ['uploads'];

/** The multipart body, for the OpenAPI description only (the parts are read and checked as a stream). */
const UploadForm = Type.Object({
  purpose: UploadPurpose,
  file: Type.String({ format: 'binary', description: 'PNG，不超过 512 KB' }),
});

/** Body validation is done while streaming the parts; params and the rest go through TypeBox as usual. */
const skipBodyValidation: FastifySchemaCompiler<unknown> = (route) =>
  route.httpPart === 'body'
    ? () => ({ value: undefined })
    : typeboxValidatorCompiler({ ...route, schema: route.schema as TSchema });

/** Room for the multipart framing and the purpose field around the largest allowed file. */
const MAX_REQUEST_BYTES = SIGNATURE_MAX_BYTES + 64 * 1024;

function multipartError(error: unknown): unknown {
  if (error instanceof ApiError) return error;
  switch ((error as { code?: string }).code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return new ApiError('PAYLOAD_TOO_LARGE', UPLOAD_MESSAGES.tooLarge);
    case 'FST_FILES_LIMIT':
      return fieldError('file', UPLOAD_MESSAGES.oneFile);
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
    case 'FST_PROTO_VIOLATION':
      return new ApiError('BAD_REQUEST', '上传内容包含过多或无效的字段');
    default:
      return new ApiError('BAD_REQUEST', '上传内容不完整或格式不正确，请重试');
  }
}

/** Reads `purpose`, then one `file`; refuses anything else as it arrives. */
async function readUpload(
  request: FastifyRequest,
  onPurpose: (purpose: UploadPurpose) => void,
): Promise<{ purpose: UploadPurpose; bytes: Buffer }> {
  if (!request.isMultipart()) throw new ApiError('BAD_REQUEST', UPLOAD_MESSAGES.notMultipart);
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > MAX_REQUEST_BYTES) {
    throw new ApiError('PAYLOAD_TOO_LARGE', UPLOAD_MESSAGES.tooLarge);
  }
  let purpose: UploadPurpose | undefined;
  let bytes: Buffer | undefined;
  try {
    const parts = request.parts({
      limits: { fileSize: SIGNATURE_MAX_BYTES, files: 1, fields: 2, parts: 3, fieldSize: 256 },
    });
    for await (const part of parts) {
      if (part.type === 'field') {
        if (part.fieldname !== 'purpose') throw fieldError(part.fieldname, `不支持的字段“${part.fieldname}”`);
        if (purpose !== undefined) throw fieldError('purpose', UPLOAD_MESSAGES.purposeTwice);
        if (!Value.Check(UploadPurpose, part.value)) throw fieldError('purpose', UPLOAD_MESSAGES.purposeUnknown);
        purpose = part.value;
        onPurpose(purpose);
        continue;
      }
      if (part.fieldname !== 'file' || purpose === undefined) {
        part.file.resume();
        throw part.fieldname !== 'file'
          ? fieldError(part.fieldname, `不支持的字段“${part.fieldname}”`)
          : fieldError('purpose', UPLOAD_MESSAGES.purposeMissing);
      }
      bytes = await part.toBuffer();
    }
  } catch (error) {
    throw multipartError(error);
  }
  if (purpose === undefined) throw fieldError('purpose', UPLOAD_MESSAGES.purposeMissing);
  if (bytes === undefined) throw fieldError('file', UPLOAD_MESSAGES.fileMissing);
  return { purpose, bytes };
}

/**
 * `POST /uploads` (multipart, only here: no other route parses multipart) and `GET /uploads/:id`
 * (the owner with a bearer token, or an officer with x-admin-token).
 */
export function uploadRoutes(ctx: GatewayContext): FastifyPluginAsync {
  return async (plugin) => {
    const app = plugin.withTypeProvider<TypeBoxTypeProvider>();
    // This scope understands multipart only: a JSON or text body is refused in words, not parsed.
    app.removeAllContentTypeParsers();
    await app.register(fastifyMultipart);
    app.addContentTypeParser('*', (_request, _payload, done) => {
      done(new ApiError('BAD_REQUEST', UPLOAD_MESSAGES.notMultipart), undefined);
    });
    app.addHook('onSend', async (_request, reply, payload) => {
      reply.header('cache-control', 'private, no-store');
      return payload;
    });

    const officers = new WeakSet<FastifyRequest>();
    const requireOfficer = requireAdmin(ctx.adminToken);
    const requireOwner = requireUser(ctx.tokens);

    app.post(
      '/uploads',
      {
        schema: {
          tags,
          security: [{ bearerAuth: [] }],
          summary: '上传文件（签名图片）',
          description:
            'multipart/form-data：先提交字段 purpose（signature），再提交一个文件字段 file。签名图片须为 PNG（按文件内容判断），' +
            '不超过 512 KB，不小于 100×50 像素，且须有足够的笔迹（墨迹像素不少于 0.3%，笔迹范围不小于宽度的 15%、高度的 10%）；' +
            '每人每天最多上传 20 次签名。',
          consumes: ['multipart/form-data'],
          body: UploadForm,
          response: envelopeSchemas(UploadedFile),
        },
        validatorCompiler: skipBodyValidation,
        onRequest: requireOwner,
      },
      async (request) => {
        const userId = currentUserId(request);
        // The daily limit is checked as soon as the purpose is known, before reading the file.
        const { purpose, bytes } = await readUpload(request, (p) => ctx.uploads.checkQuota(userId, p));
        return ok(request, ctx.uploads.accept(userId, purpose, bytes));
      },
    );

    app.get(
      '/uploads/:id',
      {
        schema: {
          tags,
          security: [{ bearerAuth: [] }, { adminToken: [] }],
          summary: '下载自己上传的文件（经办人凭管理令牌可下载任一文件）',
          params: IdParams,
          response: {
            200: {
              description: '文件内容',
              content: { 'image/png': { schema: { type: 'string', format: 'binary' } } },
            },
            '4xx': ErrorEnvelope,
            '5xx': ErrorEnvelope,
          },
        },
        onRequest: async (request, reply) => {
          if (request.headers[ADMIN_TOKEN_HEADER] !== undefined) {
            await requireOfficer.call(app, request, reply);
            officers.add(request);
          } else {
            await requireOwner.call(app, request, reply);
          }
        },
      },
      async (request, reply) => {
        const userId = officers.has(request) ? undefined : currentUserId(request);
        const { row, bytes } = ctx.uploads.read(request.params.id, userId);
        return reply
          .type(row.mime)
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'")
          .send(bytes);
      },
    );
  };
}
