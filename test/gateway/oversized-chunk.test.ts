import net from 'node:net';
import { Value } from '@sinclair/typebox/value';
import { ErrorEnvelope } from '../../types/contract';
import { UPLOAD_CHUNK_BYTES } from '../../gateway/src/uploads/material-limits';
import { smsLogin, startGateway, type TestGateway } from './support/harness';

let gw: TestGateway;
let token: string;

beforeAll(async () => {
  gw = await startGateway();
  ({ accessToken: token } = await smsLogin(gw, '13800000501'));
});

afterAll(async () => {
  await gw.close();
});

interface Outcome {
  /** The socket error while sending, if any (EPIPE, ECONNRESET: the server closed on a client still sending). */
  sendError?: string;
  status?: number;
  body?: unknown;
  /** The status of a second request sent on the same connection after the answer, when one was sent. */
  nextStatus?: number;
}

/**
 * A request from a client that sends all of it before it reads the answer, as many HTTP clients do:
 * it only sees the 413 if the server lets it finish sending. Reads the answer to its Content-Length.
 */
function sendWholeThenRead(head: string, body: Buffer, next?: string): Promise<Outcome> {
  const { port } = new URL(gw.base);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), '127.0.0.1');
    const outcome: Outcome = {};
    let received = Buffer.alloc(0);
    const done = (): void => {
      socket.destroy();
      resolve(outcome);
    };
    socket.on('error', (error: NodeJS.ErrnoException) => {
      outcome.sendError = error.code ?? String(error);
      done();
    });
    socket.on('close', done);
    socket.write(head);
    socket.write(body, (error) => {
      if (error) return;
      // Sent in full: now read the answer (to its Content-Length; the connection stays open).
      socket.on('data', (chunk: Buffer) => {
        received = Buffer.concat([received, chunk]);
        const text = received.toString();
        const headEnd = text.indexOf('\r\n\r\n');
        const length = /content-length:\s*(\d+)/i.exec(text);
        if (headEnd < 0 || !length || received.length < headEnd + 4 + Number(length[1])) return;
        if (outcome.status !== undefined) {
          outcome.nextStatus = Number(text.split(' ')[1]);
          done();
          return;
        }
        outcome.status = Number(text.split(' ')[1]);
        outcome.body = JSON.parse(received.subarray(headEnd + 4, headEnd + 4 + Number(length[1])).toString());
        if (next === undefined) {
          done();
          return;
        }
        received = Buffer.alloc(0);
        socket.write(next);
      });
    });
  });
}

const CHUNK_PUT =
  'PUT /api/uploads/sessions/any-session/chunks/0 HTTP/1.1\r\nHost: gateway\r\n' +
  'Content-Type: application/octet-stream\r\n';

/** A chunk PUT of `bytes` with its Content-Length declared. */
function putWholeChunkThenRead(bytes: number): Promise<Outcome> {
  return sendWholeThenRead(
    `${CHUNK_PUT}Authorization: Bearer ${token}\r\nContent-Length: ${bytes}\r\nx-chunk-sha256: ${'0'.repeat(64)}\r\n\r\n`,
    Buffer.alloc(bytes, 1),
  );
}

/** `body` in Transfer-Encoding: chunked framing, 64 KiB a chunk: no length is declared up front. */
function chunkedFraming(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let at = 0; at < body.length; at += 64 * 1024) {
    const piece = body.subarray(at, at + 64 * 1024);
    parts.push(Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from('0\r\n\r\n'));
  return Buffer.concat(parts);
}

/** The same chunk PUT with no Content-Length: the server learns the size only while reading. */
function putChunkedThenRead(bytes: number): Promise<Outcome> {
  return sendWholeThenRead(
    `${CHUNK_PUT}Authorization: Bearer ${token}\r\nTransfer-Encoding: chunked\r\nx-chunk-sha256: ${'0'.repeat(64)}\r\n\r\n`,
    chunkedFraming(Buffer.alloc(bytes, 1)),
    'GET /healthz HTTP/1.1\r\nHost: gateway\r\n\r\n',
  );
}

/** A JSON route (1 MB limit) sent a chunked body of about `bytes`. */
function postJsonChunkedThenRead(bytes: number): Promise<Outcome> {
  const json = Buffer.from(JSON.stringify({ purpose: 'material', fileName: 'x'.repeat(bytes) }));
  return sendWholeThenRead(
    'POST /api/uploads/sessions HTTP/1.1\r\nHost: gateway\r\nContent-Type: application/json\r\n' +
      `Authorization: Bearer ${token}\r\nTransfer-Encoding: chunked\r\n\r\n`,
    chunkedFraming(json),
  );
}

function expectTooLarge(outcome: Outcome): void {
  expect(outcome.sendError).toBeUndefined();
  expect(outcome.status).toBe(413);
  expect(Value.Check(ErrorEnvelope, outcome.body)).toBe(true);
  expect((outcome.body as ErrorEnvelope).error.code).toBe('PAYLOAD_TOO_LARGE');
  expect((outcome.body as ErrorEnvelope).error.message).toMatch(/超过上限 1 MB/);
}

test('an oversized chunk always gets its 413 envelope: the client may finish sending, the connection is not reset', async () => {
  for (let attempt = 0; attempt < 6; attempt += 1) {
    expectTooLarge(await putWholeChunkThenRead(8 * UPLOAD_CHUNK_BYTES));
  }
});

test('a chunked (Transfer-Encoding) oversized chunk also gets its 413 envelope, found while reading', async () => {
  for (let attempt = 0; attempt < 6; attempt += 1) {
    const outcome = await putChunkedThenRead(8 * UPLOAD_CHUNK_BYTES);
    expectTooLarge(outcome);
    // The rest of the body was read and dropped in its framing: the connection serves the next request.
    expect(outcome.nextStatus).toBe(200);
  }
});

test('a chunked oversized JSON body gets its 413 envelope too', async () => {
  for (let attempt = 0; attempt < 6; attempt += 1) {
    expectTooLarge(await postJsonChunkedThenRead(4 * 1024 * 1024));
  }
});
