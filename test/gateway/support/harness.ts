import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Static, TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { ErrorEnvelope, okEnvelope } from '../../../types/contract';
import { buildGateway, type GatewayOptions } from '../../../gateway/src/server';
import { registerFormats } from '../../../gateway/src/validation/formats';

registerFormats();

export const FIXTURE_SEED = path.join(__dirname, '..', 'fixtures', 'seed');

/** A clock the test moves by hand. */
export class TestClock {
  private current: number;

  constructor(start = '2025-03-03T02:00:00Z') {
    this.current = Date.parse(start);
  }

  now = (): Date => new Date(this.current);

  advance(seconds: number): void {
    this.current += seconds * 1000;
  }
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON body. */
  body: unknown;
  text: string;
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  token?: string;
  headers?: Record<string, string>;
}

export interface TestGateway {
  base: string;
  app: FastifyInstance;
  dataDir: string;
  clock: TestClock;
  /** Every SMS code issued, by mobile, newest last. */
  smsCodes: Map<string, string[]>;
  /** Every log line written. */
  logs: string[];
  request(pathAndQuery: string, options?: RequestOptions): Promise<ApiResponse>;
  close(): Promise<void>;
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `hs-gateway-${prefix}-`));
}

/** Starts a real gateway on 127.0.0.1 (port 0) over a fresh SQLite file; the fixture seed unless told otherwise. */
export async function startGateway(options: Partial<GatewayOptions> = {}): Promise<TestGateway> {
  const dataDir = options.dataDir ?? tempDir('data');
  const clock = new TestClock();
  const smsCodes = new Map<string, string[]>();
  const logs: string[] = [];
  const app = await buildGateway({
    seedDir: FIXTURE_SEED,
    staticDir: path.join(dataDir, 'no-static-dir'),
    logLevel: 'info',
    logStream: { write: (line) => void logs.push(line) },
    now: clock.now,
    onSmsCode: (mobile, code) => smsCodes.set(mobile, [...(smsCodes.get(mobile) ?? []), code]),
    ...options,
    dataDir,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  return {
    base,
    app,
    dataDir,
    clock,
    smsCodes,
    logs,
    async request(pathAndQuery, { method = 'GET', body, token, headers = {} } = {}) {
      const res = await fetch(base + pathAndQuery, {
        method,
        headers: {
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      let parsed: unknown = undefined;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      return { status: res.status, headers: res.headers, body: parsed, text };
    },
    async close() {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function describe(errors: Iterable<{ path: string; message: string }>): string {
  return [...errors]
    .slice(0, 5)
    .map((e) => `${e.path}: ${e.message}`)
    .join('; ');
}

/** Asserts a 200 ok envelope whose data matches the contract schema; returns the data. */
export function expectOk<T extends TSchema>(res: ApiResponse, data: T): Static<T> {
  if (res.status !== 200) throw new Error(`expected 200, got ${res.status}: ${res.text.slice(0, 500)}`);
  const schema = okEnvelope(data);
  const body: unknown = res.body;
  if (!Value.Check(schema, body))
    throw new Error(`response breaks the contract: ${describe(Value.Errors(schema, body))}`);
  return (body as unknown as { data: Static<T> }).data;
}

/** Asserts an error envelope with the status and code; returns the error body. */
export function expectError(res: ApiResponse, status: number, code: string): ErrorEnvelope['error'] {
  if (!Value.Check(ErrorEnvelope, res.body)) {
    throw new Error(`not an error envelope (${res.status}): ${res.text.slice(0, 500)}`);
  }
  const body = res.body as ErrorEnvelope;
  expect({ status: res.status, code: body.error.code }).toEqual({ status, code });
  expect(body.requestId).toBe(res.headers.get('x-request-id'));
  return body.error;
}

/** Logs in a mobile number through the SMS flow; returns the token pair. */
export async function smsLogin(
  gw: TestGateway,
  mobile: string,
): Promise<{ accessToken: string; refreshToken: string }> {
  const sent = await gw.request('/api/auth/sms', { method: 'POST', body: { mobile } });
  if (sent.status !== 200) throw new Error(`sms send failed: ${sent.text}`);
  const code = gw.smsCodes.get(mobile)?.slice(-1)[0];
  const res = await gw.request('/api/auth/sms-login', { method: 'POST', body: { mobile, code } });
  if (res.status !== 200) throw new Error(`sms login failed: ${res.text}`);
  return (res.body as { data: { tokens: { accessToken: string; refreshToken: string } } }).data.tokens;
}
