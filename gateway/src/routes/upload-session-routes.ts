import type { FastifyPluginAsync, FastifySchemaCompiler } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type, type TSchema } from '@sinclair/typebox';
import { StartUploadSessionRequest, UploadedFile, UploadSession } from '../../../types/contract';
import type { GatewayContext } from '../context';
import { ApiError } from '../http/api-error';
import { currentUserId, personalScope } from '../http/auth-guard';
import { envelopeSchemas, ok } from '../http/envelope';
import { typeboxValidatorCompiler } from '../http/validator-compiler';
import { UPLOAD_CHUNK_BYTES } from '../uploads/material-limits';
import { SESSION_MESSAGES } from '../uploads/upload-session-service';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false });
/** The index is checked against the session (its chunk count) by the service, with a message naming the range. */
const ChunkParams = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: 64 }), index: Type.String({ minLength: 1, maxLength: 16 }) },
  { additionalProperties: false },
);
const ChunkHeaders = Type.Object({
  'x-chunk-sha256': Type.Optional(Type.String({ description: '本分片内容的 SHA-256（64 位小写十六进制）' })),
});
const tags = ['uploads'];
const security = [{ bearerAuth: [] }];

/**
 * The body is validated against the contract except for `fileName`, whose rules (no path, no `..`,
 * no control characters, at most 200 characters) the service applies with one message for all.
 */
const StartBodyForValidation = Type.Composite(
  [Type.Omit(StartUploadSessionRequest, ['fileName']), Type.Object({ fileName: Type.String({ maxLength: 1000 }) })],
  { additionalProperties: false },
);
const startValidator: FastifySchemaCompiler<unknown> = (route) =>
  typeboxValidatorCompiler({
    ...route,
    schema: route.httpPart === 'body' ? StartBodyForValidation : (route.schema as TSchema),
  });

/**
 * Chunked, resumable uploads of material files of 4 MB and more (JSON routes, and raw chunk bodies).
 * Kept out of `uploadRoutes`, whose scope parses multipart only.
 */
export function uploadSessionRoutes(ctx: GatewayContext): FastifyPluginAsync {
  return async (plugin) => {
    const app = plugin.withTypeProvider<TypeBoxTypeProvider>();
    personalScope(app, ctx.tokens);
    // Chunks arrive as raw bytes, at most one chunk long (a longer body is refused while it is read).
    app.addContentTypeParser(
      'application/octet-stream',
      { parseAs: 'buffer', bodyLimit: UPLOAD_CHUNK_BYTES },
      (_request, body, done) => done(null, body),
    );
    app.addContentTypeParser('*', (request, _payload, done) => {
      const message = request.method === 'PUT' ? SESSION_MESSAGES.chunkBody : '不支持的内容类型，请以 JSON 提交';
      done(new ApiError('BAD_REQUEST', message), undefined);
    });

    app.post(
      '/uploads/sessions',
      {
        schema: {
          tags,
          security,
          summary: '开始分片上传（4 MB 及以上的申报材料）',
          description:
            '先声明整个文件（文件名、类型、大小、SHA-256）。小于 4 MB 的文件请直接 POST /uploads；图片不超过 10 MB，PDF 不超过 30 MB。' +
            '分片大小 1 MB（最后一片为余下部分）；上传会话在最后一次活动 24 小时后失效；每人同时最多 20 个未完成的上传。',
          body: StartUploadSessionRequest,
          response: envelopeSchemas(UploadSession),
        },
        validatorCompiler: startValidator,
      },
      async (request) => ok(request, ctx.uploadSessions.start(currentUserId(request), request.body)),
    );

    app.get(
      '/uploads/sessions/:id',
      {
        schema: {
          tags,
          security,
          summary: '分片上传的进度（已收到的分片，续传时只传其余的）',
          params: IdParams,
          response: envelopeSchemas(UploadSession),
        },
      },
      async (request) => ok(request, ctx.uploadSessions.get(currentUserId(request), request.params.id)),
    );

    app.put(
      '/uploads/sessions/:id/chunks/:index',
      {
        bodyLimit: UPLOAD_CHUNK_BYTES,
        schema: {
          tags,
          security,
          summary: '上传一个分片',
          description:
            '请求体为分片内容（application/octet-stream），请求头 x-chunk-sha256 为其 SHA-256。除最后一片外每片恰为 chunkSize 字节。' +
            '已收到且校验值相同的分片只确认、不重写；校验值不同则 409。',
          params: ChunkParams,
          headers: ChunkHeaders,
          consumes: ['application/octet-stream'],
          response: envelopeSchemas(UploadSession),
        },
      },
      async (request) =>
        ok(
          request,
          ctx.uploadSessions.putChunk(
            currentUserId(request),
            request.params.id,
            request.params.index,
            request.body,
            request.headers['x-chunk-sha256'],
          ),
        ),
    );

    app.post(
      '/uploads/sessions/:id/complete',
      {
        schema: {
          tags,
          security,
          summary: '完成分片上传（校验整个文件，得到上传的文件）',
          description:
            '所有分片都已收到后调用：整个文件的 SHA-256 须与声明一致，内容须为声明的类型且完整。重复调用返回同一个文件。',
          params: IdParams,
          response: envelopeSchemas(UploadedFile),
        },
      },
      async (request) => ok(request, await ctx.uploadSessions.complete(currentUserId(request), request.params.id)),
    );
  };
}
