import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { UploadedFile, UploadSession, type StartUploadSessionRequest } from '../../types/contract';
import { UPLOAD_CHUNK_BYTES } from '../../gateway/src/uploads/material-limits';
import { tempDir } from './support/harness';
import { sha256 } from './support/commitments';
import { pdf } from './support/material-files';
import { spawnGateway, type ChildGateway } from './support/child-gateway';
import { Value } from '@sinclair/typebox/value';
import { okEnvelope } from '../../types/contract';
import type { TSchema, Static } from '@sinclair/typebox';

const MOBILE = '13800000901';
const FILE = pdf(4 * 1024 * 1024 + 4321, 7);
const chunk = (index: number) => FILE.subarray(index * UPLOAD_CHUNK_BYTES, (index + 1) * UPLOAD_CHUNK_BYTES);
const CHUNKS = Math.ceil(FILE.length / UPLOAD_CHUNK_BYTES);

let dataDir: string;
const children: ChildGateway[] = [];

beforeAll(() => {
  dataDir = path.join(tempDir('shutdown'), 'data');
});

afterAll(() => {
  // Only our own children, by their handles, and only if a failed test left one running.
  for (const c of children) if (c.child.exitCode === null) c.child.kill('SIGKILL');
  fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
});

async function call<T extends TSchema>(
  gw: ChildGateway,
  method: string,
  url: string,
  data: T,
  options: { token?: string; body?: unknown } = {},
): Promise<Static<T>> {
  const res = await fetch(gw.base + url, {
    method,
    headers: {
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const body: unknown = await res.json();
  if (res.status !== 200 || !Value.Check(okEnvelope(data), body)) {
    throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
  }
  return (body as unknown as { data: Static<T> }).data;
}

async function login(gw: ChildGateway): Promise<string> {
  const sent = await fetch(`${gw.base}/api/auth/sms`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ mobile: MOBILE }),
  });
  expect(sent.status).toBe(200);
  // No SMS provider: the code is in the gateway's log.
  const line = await gw.waitForLine(/"sms":\{"to":"\*\*\*\*0901","code":"\d{6}"/);
  const code = (/"code":"(\d{6})"/.exec(line) as RegExpExecArray)[1];
  const res = await fetch(`${gw.base}/api/auth/sms-login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ mobile: MOBILE, code }),
  });
  return ((await res.json()) as { data: { tokens: { accessToken: string } } }).data.tokens.accessToken;
}

function putChunk(gw: ChildGateway, token: string, id: string, index: number): Promise<UploadSession> {
  return fetch(`${gw.base}/api/uploads/sessions/${id}/chunks/${index}`, {
    method: 'PUT',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/octet-stream',
      'x-chunk-sha256': sha256(chunk(index)),
    },
    body: new Uint8Array(chunk(index)),
  }).then(async (res) => {
    const body = (await res.json()) as { data: UploadSession };
    if (res.status !== 200) throw new Error(`chunk ${index}: ${res.status} ${JSON.stringify(body)}`);
    return body.data;
  });
}

/**
 * A chunk sent in two halves over a raw connection, so the test decides when the second half goes:
 * the request is in the gateway (its log says so) while the rest of the body is still to come.
 */
function slowChunk(gw: ChildGateway, token: string, id: string, index: number) {
  const bytes = chunk(index);
  const url = new URL(`${gw.base}/api/uploads/sessions/${id}/chunks/${index}`);
  const req = http.request(url, {
    method: 'PUT',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/octet-stream',
      'content-length': String(bytes.length),
      'x-chunk-sha256': sha256(bytes),
    },
  });
  const half = Math.floor(bytes.length / 2);
  req.write(bytes.subarray(0, half));
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
  });
  return { finish: () => req.end(bytes.subarray(half)), response };
}

describe('graceful shutdown', () => {
  it('on SIGTERM finishes the chunk in flight, exits 0, and the upload resumes to completion after a restart', async () => {
    const first = await spawnGateway(dataDir);
    children.push(first);
    const token = await login(first);
    const declared: StartUploadSessionRequest = {
      purpose: 'material',
      fileName: '租赁合同.pdf',
      mime: 'application/pdf',
      size: FILE.length,
      sha256: sha256(FILE),
    };
    const session = await call(first, 'POST', '/api/uploads/sessions', UploadSession, { token, body: declared });
    expect(session.chunkCount).toBe(CHUNKS);
    await putChunk(first, token, session.id, 0);

    const inFlight = slowChunk(first, token, session.id, 1);
    await first.waitForLine(new RegExp(`"url":"/api/uploads/sessions/${session.id}/chunks/1".*incoming request`));
    first.child.kill('SIGTERM');
    await first.waitForLine(/shutting down: finishing requests in flight/);
    // No new connections while it drains.
    await expect(fetch(`${first.base}/healthz`)).rejects.toThrow();
    inFlight.finish();
    const answer = await inFlight.response;
    expect(answer.status).toBe(200);
    expect((JSON.parse(answer.body) as { data: UploadSession }).data.received).toEqual([0, 1]);
    expect(await first.exited).toBe(0);
    expect(first.lines.some((l) => l.includes('shut down cleanly'))).toBe(true);

    const second = await spawnGateway(dataDir);
    children.push(second);
    const resumed = await call(second, 'GET', `/api/uploads/sessions/${session.id}`, UploadSession, { token });
    expect(resumed.received).toEqual([0, 1]);
    for (let i = 2; i < CHUNKS; i += 1) await putChunk(second, token, session.id, i);
    const file = await call(second, 'POST', `/api/uploads/sessions/${session.id}/complete`, UploadedFile, { token });
    expect(file.sha256).toBe(sha256(FILE));
    const download = await fetch(`${second.base}/api/uploads/${file.id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(sha256(Buffer.from(await download.arrayBuffer()))).toBe(sha256(FILE));

    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  }, 120_000);
});
