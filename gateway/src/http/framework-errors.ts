import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import type { ApiErrorBody, ErrorEnvelope } from '../../../types/contract';
import { errorEnvelope } from './envelope';
import { applySecurityHeaders, securityHeaderValues, type SecurityHeaderOptions } from './security-headers';

/** Errors Fastify meets before a route is found: the URL itself cannot be routed. */
function routingError(error: FastifyError): { status: number; body: ApiErrorBody } {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    const message = '请求地址中的参数过长';
    return { status: 414, body: { code: 'BAD_REQUEST', message, fields: [{ field: 'url', message }] } };
  }
  const message = '请求地址（URL）格式不正确，其中有无法识别的编码';
  return { status: 400, body: { code: 'BAD_REQUEST', message, fields: [{ field: 'url', message }] } };
}

/**
 * Fastify's `frameworkErrors`: a malformed URL (`/api/items/%E0%A4%A`) or an over-long parameter,
 * which Fastify would answer with its own body. No hook has run for these requests, so the
 * security headers and the request id are set here.
 */
export function frameworkErrors(
  options: SecurityHeaderOptions,
): NonNullable<FastifyServerOptions['frameworkErrors']> {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const { status, body } = routingError(error);
    request.log.info({ code: error.code, statusCode: status }, 'client error');
    applySecurityHeaders(request, reply, options);
    void reply
      .code(status)
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
