import type { FastifyInstance } from 'fastify';
import { ApiError } from './api-error';

/**
 * Above this, reading a refused body to its end costs more than it is worth: the connection is
 * closed after the answer instead (a client still sending may then see a reset).
 */
const DRAIN_MAX_BYTES = 32 * 1024 * 1024;

function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

/**
 * 413 from the declared Content-Length, before a byte of the body is read. Fastify's own check
 * fails inside the body parser and answers with `connection: close` while the body is still
 * arriving: the socket closes with unread bytes, the kernel answers them with a reset, and the
 * client may lose the 413 it had not read yet. Refused here, the answer keeps the connection and
 * Node reads the rest of the body to its end (and drops it), so the client always gets the 413.
 * Multipart bodies are left to the upload route, which limits them per purpose.
 */
export function registerDeclaredBodyLimit(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    const declared = Number(request.headers['content-length']);
    const limit = request.routeOptions.bodyLimit;
    if (!Number.isFinite(declared) || limit === undefined || declared <= limit) return;
    if (/^multipart\//i.test(request.headers['content-type'] ?? '')) return;
    if (declared > DRAIN_MAX_BYTES) reply.header('connection', 'close');
    const message = `请求内容（${megabytes(declared)}）超过上限 ${megabytes(limit)}`;
    throw new ApiError('PAYLOAD_TOO_LARGE', message, { fields: [{ field: 'body', message }] });
  });
}
