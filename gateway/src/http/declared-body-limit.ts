import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from './api-error';

/**
 * Above this, reading a refused body to its end costs more than it is worth: the connection is
 * closed after the answer instead (a client still sending may then see a reset). For a body of
 * undeclared length, the bytes read and dropped after the answer.
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

/** The Chinese message of a body found too large while it was read (its full size is not known). */
export function streamedTooLargeMessage(request: FastifyRequest): string {
  const limit = request.routeOptions.bodyLimit;
  return limit === undefined ? '请求内容超过上限' : `请求内容超过上限 ${megabytes(limit)}`;
}

/**
 * A body of undeclared length (`Transfer-Encoding: chunked`) is found too large only while it is
 * read: Fastify's body parser then stops reading and answers with `connection: close`, Node closes
 * the socket with the rest of the body still arriving, and a client that sends everything before
 * it reads gets a reset instead of the 413. Called by the error handler before it answers: the
 * connection is kept instead, and the rest of the body is read and dropped, so the client finishes
 * sending and reads its 413 (and may send its next request on the same connection). Past
 * DRAIN_MAX_BYTES the socket is closed: a body without end does not hold the gateway reading.
 */
export function keepReadingRefusedBody(request: FastifyRequest, reply: FastifyReply): void {
  const raw = request.raw;
  if (raw.complete) {
    // Read to its end already (a small excess in one packet): nothing left to drop, nothing to reset.
    reply.removeHeader('connection');
    return;
  }
  // A body that went through a preParsing stream is not `raw` any more: its framing is unknown here.
  if (raw.readableFlowing === false || raw.listenerCount('data') > 0) return;
  reply.removeHeader('connection');
  let dropped = 0;
  const drop = (chunk: Buffer): void => {
    dropped += chunk.length;
    if (dropped <= DRAIN_MAX_BYTES) return;
    raw.off('data', drop);
    raw.socket.destroy();
  };
  raw.on('data', drop);
  raw.resume();
}
