import fs from 'node:fs';
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
import { MATERIAL_SINGLE_MAX_BYTES, SIGNATURE_MAX_BYTES, UPLOAD_MESSAGES } from '../uploads/upload-service';
import { MATERIAL_MESSAGES, checkFileName } from '../uploads/material-file';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false });
const tags = ['uploads'];

/** The multipart body, for the OpenAPI description only (the parts are read and checked as a stream). */
const UploadForm = Type.Object({
  purpose: UploadPurpose,
  fileName: Type.Optional(
    Type.String({ maxLength: 200, description: 'material：文件的显示名（不提交则取文件字段的文件名）' }),
  ),
  file: Type.String({
    format: 'binary',
    description: 'signature：PNG，不超过 512 KB；material：JPEG、PNG 或 PDF，小于 4 MB（文件名即显示名）',
  }),
});

/** Body validation is done while streaming the parts; params and the rest go through TypeBox as usual. */
const skipBodyValidation: FastifySchemaCompiler<unknown> = (route) =>
  route.httpPart === 'body'
    ? () => ({ value: undefined })
    : typeboxValidatorCompiler({ ...route, schema: route.schema as TSchema });

/** Room for the multipart framing and the purpose field around the largest allowed file. */
const FRAMING_BYTES = 64 * 1024;

/** The largest file of a purpose sent in one request (material: below the chunking threshold). */
function maxFileBytes(purpose: UploadPurpose): number {
  return purpose === 'material' ? MATERIAL_SINGLE_MAX_BYTES : SIGNATURE_MAX_BYTES;
}

/**
 * 413 for the purpose. A material file this large belongs in an upload session, and the message says
 * so (on `file`); so does a request larger than any purpose allows (`purpose` not known yet).
 */
function tooLarge(purpose: UploadPurpose | undefined): ApiError {
  return purpose !== 'signature'
    ? new ApiError('PAYLOAD_TOO_LARGE', MATERIAL_MESSAGES.useChunks, {
        fields: [{ field: 'file', message: MATERIAL_MESSAGES.useChunks }],
      })
    : new ApiError('PAYLOAD_TOO_LARGE', UPLOAD_MESSAGES.tooLarge);
}

function multipartError(error: unknown, purpose: UploadPurpose | undefined): unknown {
  if (error instanceof ApiError) return error;
  switch ((error as { code?: string }).code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return tooLarge(purpose);
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

/** Reads a file part to its end, keeping at most `limit` bytes; undefined when it was longer. */
async function readLimited(file: AsyncIterable<Buffer> & { truncated: boolean }, limit: number) {
  const chunks: Buffer[] = [];
  let total = 0;
  // Past the limit the rest is read and dropped (not kept), so the refusal can still be answered.
  for await (const chunk of file) {
    total += chunk.length;
    if (total <= limit) chunks.push(chunk);
  }
  return total > limit || file.truncated ? undefined : Buffer.concat(chunks, total);
}

/**
 * After a refusal in the middle of the body: the parser is detached and the rest of the request is
 * read and dropped (at most the declared size, checked above), so the refusal reaches the client and
 * the keep-alive connection stays usable instead of stalling on unread bytes.
 */
function discardRest(request: FastifyRequest): void {
  request.raw.unpipe();
  request.raw.resume();
}

/** Reads `purpose`, then one `file`; refuses anything else as it arrives. */
async function readUpload(
  request: FastifyRequest,
  onPurpose: (purpose: UploadPurpose) => void,
): Promise<{ purpose: UploadPurpose; bytes: Buffer; fileName: string | undefined }> {
  if (!request.isMultipart()) throw new ApiError('BAD_REQUEST', UPLOAD_MESSAGES.notMultipart);
  const declared = Number(request.headers['content-length']);
  const overDeclared = (limit: number) => Number.isFinite(declared) && declared > limit + FRAMING_BYTES;
  // Nothing can be that large for any purpose: refused before a byte is read.
  if (overDeclared(MATERIAL_SINGLE_MAX_BYTES)) throw tooLarge(undefined);
  let purpose: UploadPurpose | undefined;
  let bytes: Buffer | undefined;
  let fileName: string | undefined;
  let fileNameField: string | undefined;
  try {
    const parts = request.parts({
      // The client's path is kept (not cut to its last segment) so a name like `../x.pdf` is seen and refused.
      preservePath: true,
      // fieldSize: a 200-character name is up to 800 bytes of UTF-8; a longer (cut) value is refused by length.
      limits: { fileSize: MATERIAL_SINGLE_MAX_BYTES, files: 1, fields: 3, parts: 4, fieldSize: 1024 },
    });
    for await (const part of parts) {
      if (part.type === 'field' && part.fieldname === 'fileName') {
        // Mini-programs cannot name the file part (Taro.uploadFile sends its temporary path's name): they
        // send the user's file name in this field, which then wins over the part's.
        if (fileNameField !== undefined) throw fieldError('fileName', UPLOAD_MESSAGES.fileNameTwice);
        fileNameField = typeof part.value === 'string' && !part.valueTruncated ? part.value : '/';
        continue;
      }
      if (part.type === 'field') {
        if (part.fieldname !== 'purpose') throw fieldError(part.fieldname, `不支持的字段“${part.fieldname}”`);
        if (purpose !== undefined) throw fieldError('purpose', UPLOAD_MESSAGES.purposeTwice);
        if (!Value.Check(UploadPurpose, part.value)) throw fieldError('purpose', UPLOAD_MESSAGES.purposeUnknown);
        purpose = part.value;
        if (overDeclared(maxFileBytes(purpose))) throw tooLarge(purpose);
        onPurpose(purpose);
        continue;
      }
      if (part.fieldname !== 'file' || purpose === undefined) {
        part.file.resume();
        throw part.fieldname !== 'file'
          ? fieldError(part.fieldname, `不支持的字段“${part.fieldname}”`)
          : fieldError('purpose', UPLOAD_MESSAGES.purposeMissing);
      }
      if (purpose === 'material') {
        try {
          fileName = checkFileName(fileNameField ?? part.filename);
        } catch (error) {
          part.file.resume();
          throw error;
        }
      }
      bytes = await readLimited(part.file, maxFileBytes(purpose));
      if (bytes === undefined) throw tooLarge(purpose);
    }
  } catch (error) {
    discardRest(request);
    throw multipartError(error, purpose);
  }
  if (purpose === undefined) throw fieldError('purpose', UPLOAD_MESSAGES.purposeMissing);
  if (bytes === undefined) throw fieldError('file', UPLOAD_MESSAGES.fileMissing);
  return { purpose, bytes, fileName };
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
          summary: '上传文件（签名图片、申报材料）',
          description:
            'multipart/form-data：先提交字段 purpose（signature 或 material），再提交一个文件字段 file（material 可在文件前另提交字段 fileName 作为显示名）。签名图片须为 PNG（按文件内容判断），' +
            '不超过 512 KB，不小于 100×50 像素，且须有足够的笔迹（墨迹像素不少于 0.3%，笔迹范围不小于宽度的 15%、高度的 10%）；' +
            '每人每天最多上传 20 次签名。申报材料须为 JPEG、PNG 或 PDF（按文件内容判断，且须完整），小于 4 MB（更大的文件用 ' +
            '/uploads/sessions 分片上传）；文件名作为显示名保存（不得含路径、“..”或控制字符，不超过 200 个字符）；每人每天最多 300 个。',
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
        const { purpose, bytes, fileName } = await readUpload(request, (p) => ctx.uploads.checkQuota(userId, p));
        return ok(request, ctx.uploads.accept(userId, purpose, bytes, fileName));
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
              content: Object.fromEntries(
                ['image/png', 'image/jpeg', 'application/pdf'].map((type) => [
                  type,
                  { schema: { type: 'string', format: 'binary' } },
                ]),
              ),
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
        const { row, file, size } = ctx.uploads.locate(request.params.id, userId);
        reply
          .type(row.mime)
          .header('content-length', String(size))
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'");
        // The user's name when saving, percent-encoded (RFC 6266); the name was checked to hold no controls.
        if (row.name !== null)
          reply.header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(row.name)}`);
        // Streamed: a 30 MB PDF is not read into memory for each download.
        return reply.send(fs.createReadStream(file));
      },
    );
  };
}
