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
}

/**
 * A chunk PUT of `bytes` from a client that sends the whole request before it reads the answer, as
 * many HTTP clients do: it only sees the 413 if the server lets it finish sending.
 */
function putWholeChunkThenRead(bytes: number): Promise<Outcome> {
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
    socket.write(
      `PUT /api/uploads/sessions/any-session/chunks/0 HTTP/1.1\r\nHost: gateway\r\n` +
        `Authorization: Bearer ${token}\r\nContent-Type: application/octet-stream\r\n` +
        `Content-Length: ${bytes}\r\nx-chunk-sha256: ${'0'.repeat(64)}\r\n\r\n`,
    );
    socket.write(Buffer.alloc(bytes, 1), (error) => {
      if (error) return;
      // Sent in full: now read the answer (to its Content-Length; the connection stays open).
      socket.on('data', (chunk: Buffer) => {
        received = Buffer.concat([received, chunk]);
        const text = received.toString();
        const headEnd = text.indexOf('\r\n\r\n');
        const length = /content-length:\s*(\d+)/i.exec(text);
        if (headEnd < 0 || !length || received.length < headEnd + 4 + Number(length[1])) return;
        outcome.status = Number(text.split(' ')[1]);
        outcome.body = JSON.parse(received.subarray(headEnd + 4).toString());
        done();
      });
    });
  });
}

test('an oversized chunk always gets its 413 envelope: the client may finish sending, the connection is not reset', async () => {
  for (let attempt = 0; attempt < 6; attempt += 1) {
    const outcome = await putWholeChunkThenRead(8 * UPLOAD_CHUNK_BYTES);
    expect(outcome.sendError).toBeUndefined();
    expect(outcome.status).toBe(413);
    expect(Value.Check(ErrorEnvelope, outcome.body)).toBe(true);
    expect((outcome.body as ErrorEnvelope).error.code).toBe('PAYLOAD_TOO_LARGE');
    expect((outcome.body as ErrorEnvelope).error.message).toMatch(/超过上限 1 MB/);
  }
});
