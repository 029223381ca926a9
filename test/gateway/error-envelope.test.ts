import net from 'node:net';
import http from 'node:http';
import { Value } from '@sinclair/typebox/value';
import { ErrorEnvelope } from '../../types/contract';
import { buildGateway } from '../../gateway/src/server';
import {
  FIXTURE_SEED,
  expectError,
  startGateway,
  tempDir,
  type ApiResponse,
  type TestGateway,
} from './support/harness';

const CJK = /[\u4e00-\u9fff]/;

/** The envelope, with a Chinese message (and Chinese in every field's message). */
function expectEnvelope(res: ApiResponse, status: number, code: string): ErrorEnvelope['error'] {
  const error = expectError(res, status, code);
  expect(error.message).toMatch(CJK);
  for (const field of error.fields ?? []) expect(field.message).toMatch(CJK);
  return error;
}

/** A request with the path and body exactly as given (fetch would normalise or refuse some). */
function raw(
  base: string,
  rawPath: string,
  {
    method = 'GET',
    headers = {},
    body,
  }: { method?: string; headers?: Record<string, string>; body?: Buffer | string } = {},
): Promise<ApiResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${rawPath}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = undefined;
        }
        const headersOut = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          if (typeof value === 'string') headersOut.set(name, value);
        }
        resolve({ status: res.statusCode ?? 0, headers: headersOut, body: parsed, text });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Bytes written to a socket as they are; the answer read until the server closes. */
function rawSocket(base: string, write: (socket: net.Socket) => void): Promise<string> {
  const { port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1', () => write(socket));
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('close', () => resolve(Buffer.concat(chunks).toString()));
    socket.on('error', reject);
  });
}

/** A raw HTTP answer, parsed far enough to check it. */
function parseAnswer(answer: string): ApiResponse {
  const [head, body] = answer.split('\r\n\r\n');
  const [statusLine, ...lines] = head.split('\r\n');
  const headers = new Headers();
  for (const line of lines) {
    const at = line.indexOf(':');
    headers.set(line.slice(0, at).trim(), line.slice(at + 1).trim());
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    parsed = undefined;
  }
  return { status: Number(statusLine.split(' ')[1]), headers, body: parsed, text: body };
}

describe('every error the gateway produces is in the envelope, in Chinese', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startGateway({ timeouts: { request: 300 } });
  });

  afterAll(async () => {
    await gw.close();
  });

  it('a malformed URL', async () => {
    const error = expectEnvelope(await raw(gw.base, '/api/items/%E0%A4%A'), 400, 'BAD_REQUEST');
    expect(error.fields?.[0].field).toBe('url');
  });

  it('a parameter longer than the router takes: not a route (not a 405 for a method it has)', async () => {
    expectEnvelope(await raw(gw.base, `/api/items/${'A'.repeat(200)}`), 404, 'NOT_FOUND');
  });

  it('a content type the API does not read', async () => {
    const res = await raw(gw.base, '/api/auth/sms', {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: '<mobile>13800000000</mobile>',
    });
    const error = expectEnvelope(res, 415, 'BAD_REQUEST');
    expect(error.message).toContain('内容类型');
  });

  it('a body over the limit', async () => {
    const body = JSON.stringify({ mobile: '1'.repeat(2 * 1024 * 1024) });
    const res = await raw(gw.base, '/api/auth/sms', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expectEnvelope(res, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('invalid JSON, and an empty JSON body', async () => {
    const json = { 'content-type': 'application/json' };
    expectEnvelope(
      await raw(gw.base, '/api/auth/sms', { method: 'POST', headers: json, body: '{"mobile":' }),
      400,
      'BAD_REQUEST',
    );
    expectEnvelope(
      await raw(gw.base, '/api/auth/sms', { method: 'POST', headers: json, body: '' }),
      400,
      'BAD_REQUEST',
    );
  });

  it('an unknown route, and a missing file', async () => {
    expectEnvelope(await gw.request('/api/no-such-route'), 404, 'NOT_FOUND');
    expectEnvelope(await gw.request('/js/missing.0a1b2c.js'), 404, 'NOT_FOUND');
  });

  it('a method a path does not answer: 405 with Allow', async () => {
    const res = await gw.request('/api/home', { method: 'DELETE' });
    const error = expectEnvelope(res, 405, 'BAD_REQUEST');
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    expect(error.message).toContain('DELETE');
    const withParam = await gw.request('/api/items/HS-GA-0005', { method: 'POST', body: {} });
    expectEnvelope(withParam, 405, 'BAD_REQUEST');
    expect(withParam.headers.get('allow')).toBe('GET, HEAD');
    const favourite = await gw.request('/api/me/favourites/HS-GA-0005', { method: 'POST', body: {} });
    expectEnvelope(favourite, 405, 'BAD_REQUEST');
    expect(favourite.headers.get('allow')).toBe('DELETE, GET, HEAD, PUT');
    // Pages and files are read, not written.
    const page = await gw.request('/search/home/index', { method: 'POST', body: {} });
    expectEnvelope(page, 405, 'BAD_REQUEST');
    expect(page.headers.get('allow')).toBe('GET, HEAD');
  });

  it('a request that does not arrive in time', async () => {
    const answer = await rawSocket(gw.base, (socket) =>
      socket.write(
        'POST /api/auth/sms HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{',
      ),
    );
    const res = parseAnswer(answer);
    expect(res.status).toBe(408);
    expect(Value.Check(ErrorEnvelope, res.body)).toBe(true);
    expect((res.body as ErrorEnvelope).error.message).toMatch(CJK);
    expect((res.body as ErrorEnvelope).requestId).toBe(res.headers.get('x-request-id'));
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('bytes that are not HTTP', async () => {
    const res = parseAnswer(await rawSocket(gw.base, (socket) => socket.write('HELLO THERE\r\n\r\n')));
    expect(res.status).toBe(400);
    expect(Value.Check(ErrorEnvelope, res.body)).toBe(true);
    expect((res.body as ErrorEnvelope).error.message).toMatch(CJK);
  });
});

test('a rate limit', async () => {
  const limited = await startGateway({ ipLimits: { smsPerHour: 1 } });
  try {
    await limited.request('/api/auth/sms', { method: 'POST', body: { mobile: '13800000401' } });
    const res = await limited.request('/api/auth/sms', { method: 'POST', body: { mobile: '13800000402' } });
    expect(expectEnvelope(res, 429, 'RATE_LIMITED').retryAfterSeconds).toBeGreaterThan(0);
  } finally {
    await limited.close();
  }
});

test('a handler that does not answer in time: 503 in the envelope', async () => {
  const dataDir = tempDir('timeout');
  const app = await buildGateway({
    dataDir,
    seedDir: FIXTURE_SEED,
    staticDir: `${dataDir}/no-static-dir`,
    logLevel: 'silent',
    timeouts: { handler: 50 },
  });
  // A route that never answers by itself, as a stuck handler would.
  app.get('/api/test-stuck', () => new Promise<never>(() => undefined));
  try {
    const res = await app.inject({ method: 'GET', url: '/api/test-stuck' });
    const body = res.json<ErrorEnvelope>();
    expect(res.statusCode).toBe(503);
    expect(Value.Check(ErrorEnvelope, body)).toBe(true);
    expect(body.error).toEqual({ code: 'INTERNAL', message: '服务器处理超时，请稍后再试' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  } finally {
    await app.close();
  }
});
