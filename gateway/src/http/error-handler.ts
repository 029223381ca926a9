import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiErrorBody } from '../../../types/contract';
import { ApiError } from './api-error';
import { keepReadingRefusedBody, streamedTooLargeMessage } from './declared-body-limit';
import { errorEnvelope } from './envelope';
import { INTERNAL_MESSAGE } from './response-check';

/** Fastify's own client errors (body parsing and the like), in words a user can act on. */
function fromFastifyError(error: FastifyError): ApiErrorBody | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE': {
      const message = '不支持的内容类型（Content-Type），请以 JSON 提交';
      return { code: 'BAD_REQUEST', message, fields: [{ field: 'content-type', message }] };
    }
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { code: 'BAD_REQUEST', message: '请求内容的长度与声明的 Content-Length 不符' };
    case 'FST_ERR_HANDLER_TIMEOUT':
      return { code: 'INTERNAL', message: '服务器处理超时，请稍后再试' };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { code: 'BAD_REQUEST', message: '请求内容为空' };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { code: 'BAD_REQUEST', message: '请求内容不是有效的 JSON' };
    default:
      break;
  }
  if (error instanceof SyntaxError) return { code: 'BAD_REQUEST', message: '请求内容不是有效的 JSON' };
  if (error.statusCode === 404) return { code: 'NOT_FOUND', message: '请求的内容不存在' };
  if (error.statusCode === 413) return { code: 'PAYLOAD_TOO_LARGE', message: '提交的内容过大' };
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return { code: 'BAD_REQUEST', message: '请求无效' };
  }
  return undefined;
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof ApiError) {
      const body: ApiErrorBody = { code: error.code, message: error.message };
      if (error.extra.fields) body.fields = error.extra.fields;
      if (error.extra.retryAfterSeconds !== undefined) {
        body.retryAfterSeconds = error.extra.retryAfterSeconds;
        reply.header('retry-after', String(error.extra.retryAfterSeconds));
      }
      if (error.statusCode >= 500) request.log.error({ err: error }, 'request failed');
      return reply.code(error.statusCode).send(errorEnvelope(request, body));
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      // Found while reading a body of undeclared length (a declared one is refused before, in onRequest).
      keepReadingRefusedBody(request, reply);
      const message = streamedTooLargeMessage(request);
      request.log.info({ code: error.code, statusCode: 413 }, 'client error');
      return reply
        .code(413)
        .send(errorEnvelope(request, { code: 'PAYLOAD_TOO_LARGE', message, fields: [{ field: 'body', message }] }));
    }
    const known = fromFastifyError(error);
    if (known) {
      if (known.code === 'INTERNAL') request.log.warn({ code: error.code }, 'request timed out');
      else request.log.info({ code: error.code, statusCode: error.statusCode }, 'client error');
      return reply
        .code(error.statusCode && error.statusCode >= 400 ? error.statusCode : 400)
        .send(errorEnvelope(request, known));
    }
    // Unknown failure: full detail in the log, nothing internal (no stack, no message) to the client.
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send(errorEnvelope(request, { code: 'INTERNAL', message: INTERNAL_MESSAGE }));
  });
}
