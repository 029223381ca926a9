import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import type { ApiErrorBody, ErrorEnvelope } from '../../../types/contract';
import { errorEnvelope } from './envelope';
import { applySecurityHeaders, securityHeaderValues, type SecurityHeaderOptions } from './security-headers';

/** A URL the router cannot read (bad percent-encoding), or a routing failure Fastify reports the same way. */
const BAD_URL_MESSAGE = '请求地址（URL）格式不正确，无法识别';

/**
 * Fastify's `frameworkErrors`: a malformed URL (`/api/items/%E0%A4%A`), which Fastify would answer with its own body. No hook has run for these requests, so the
 * security headers and the request id are set here.
 */
export function frameworkErrors(options: SecurityHeaderOptions): NonNullable<FastifyServerOptions['frameworkErrors']> {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const body: ApiErrorBody = {
      code: 'BAD_REQUEST',
      message: BAD_URL_MESSAGE,
      fields: [{ field: 'url', message: BAD_URL_MESSAGE }],
    };
    request.log.info({ code: error.code, statusCode: 400 }, 'client error');
    applySecurityHeaders(request, reply, options);
    void reply
      .code(400)
      .header('x-request-id', request.id)
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(errorEnvelope(request, body)));
  };
}

/** What the HTTP parser refuses before Fastify sees a request. */
function connectionError(code: string | undefined): { status: number; body: ApiErrorBody } {
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return { status: 408, body: { code: 'BAD_REQUEST', message: '请求发送超时，请检查网络后重试' } };
  }
  if (code === 'HPE_HEADER_OVERFLOW') {
    const message = '请求头过大';
    return { status: 431, body: { code: 'BAD_REQUEST', message, fields: [{ field: 'headers', message }] } };
  }
  return { status: 400, body: { code: 'BAD_REQUEST', message: '请求格式不正确，无法解析' } };
}

/**
 * Fastify's `clientErrorHandler`: a request that timed out while arriving, or that the HTTP parser
 * could not read. There is no request object, so the answer is written to the socket as it is,
 * in the same envelope and with the same headers as every other answer.
 */
export function clientErrorHandler(
  options: SecurityHeaderOptions,
): NonNullable<FastifyServerOptions['clientErrorHandler']> {
  return (error: Error & { code?: string }, socket: Socket) => {
    // A reset connection has no one left to answer.
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const { status, body } = connectionError(error.code);
    const requestId = randomUUID();
    const envelope: ErrorEnvelope = { ok: false, error: body, requestId };
    const json = JSON.stringify(envelope);
    const headers: Record<string, string> = {
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(json)),
      'x-request-id': requestId,
      connection: 'close',
      ...securityHeaderValues(options),
    };
    const head = Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    if (socket.writable) socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${head}\r\n${json}`);
    else socket.destroy();
  };
}
