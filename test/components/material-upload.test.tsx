/**
 * The app's material upload (src/core/material-upload.ts) in a browser-like environment (jsdom XHR,
 * Blob, localStorage) against the real gateway and its upload-session routes. The gateway runs in a
 * child Node process (it is Node code: jsdom's globals and browser builds get in its way), started
 * with the gateway tests' harness. Between app and gateway sits a small HTTP proxy that plays the
 * network: it answers CORS, logs every request the app makes (with the chunk bytes and hashes), and
 * can drop connections — before the gateway sees a request, or after it answered (the
 * acknowledgement is lost) — to simulate a weak 4G link.
 */
import http from 'node:http';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { LoginResult, UploadSession, UploadedFile } from '@contract';
import { pdf } from '../gateway/support/material-files';

import type * as MaterialUploadModule from '@/core/material-upload';
import type * as ResumableModule from '@/core/resumable-upload';
import type { MaterialFileLimits } from '@/core/material-upload';
import type { PickedFile } from '@/core/pick-files';
import type { ApiError as ApiErrorInstance } from '@/core/http/api-error';

const MiB = 1024 * 1024;
const MOBILE = '13800138123';

// --- The network between the app and the gateway ---

interface LoggedRequest {
  method: string;
  path: string;
  /** Body bytes the app sent (what crossed the link, dropped or not). */
  bodyBytes: number;
  chunkIndex?: number;
  chunkSha256Header?: string;
  chunkSha256Actual?: string;
  status?: number;
  /** What the network did with it. */
  fate: 'delivered' | 'dropped-before' | 'ack-lost';
}

type Fate = LoggedRequest['fate'];

interface Network {
  baseUrl: string;
  log: LoggedRequest[];
  /** Decides each request's fate (default: delivered). */
  rule: (request: { method: string; path: string; chunkIndex?: number }) => Fate;
  close(): Promise<void>;
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PUT, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type, accept, x-chunk-sha256',
  'access-control-max-age': '0',
};

const sha256 = (bytes: Uint8Array | Buffer) => createHash('sha256').update(bytes).digest('hex');

interface HttpAnswer {
  status: number;
  contentType: string;
  body: Buffer;
}

/** One plain HTTP request (jsdom has no fetch, and this side is not the app's). */
function httpRequest(url: string, method: string, headers: Record<string, string>, body?: Buffer): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    // No keep-alive: nothing stays open between the test, the proxy and the gateway process.
    const req = http.request(url, { method, headers, agent: false }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (part: Buffer) => parts.push(part));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          contentType: String(res.headers['content-type'] ?? 'application/json'),
          body: Buffer.concat(parts),
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function startNetwork(gatewayBase: string): Promise<Network> {
  const network: Network = { baseUrl: '', log: [], rule: () => 'delivered', close: async () => undefined };
  const server = http.createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => {
      void (async () => {
        const method = req.method ?? 'GET';
        const path = req.url ?? '/';
        if (method === 'OPTIONS') {
          // Preflights are the browser's, not the app's: always answered, never logged.
          res.writeHead(204, CORS).end();
          return;
        }
        const body = Buffer.concat(parts);
        const chunkMatch = /\/chunks\/(\d+)$/.exec(path);
        const entry: LoggedRequest = {
          method,
          path,
          bodyBytes: body.length,
          fate: network.rule({ method, path, chunkIndex: chunkMatch ? Number(chunkMatch[1]) : undefined }),
        };
        if (chunkMatch) {
          entry.chunkIndex = Number(chunkMatch[1]);
          entry.chunkSha256Header = String(req.headers['x-chunk-sha256'] ?? '');
          entry.chunkSha256Actual = sha256(body);
        }
        network.log.push(entry);
        if (entry.fate === 'dropped-before') {
          req.socket.destroy();
          return;
        }
        const headers: Record<string, string> = {};
        for (const name of ['authorization', 'content-type', 'x-chunk-sha256', 'accept']) {
          const value = req.headers[name];
          if (typeof value === 'string') headers[name] = value;
        }
        const answer = await httpRequest(gatewayBase + path, method, headers, body.length > 0 ? body : undefined);
        entry.status = answer.status;
        if (entry.fate === 'ack-lost') {
          req.socket.destroy();
          return;
        }
        res.writeHead(answer.status, { ...CORS, 'content-type': answer.contentType });
        res.end(answer.body);
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  network.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  network.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return network;
}

// --- Files ---

/**
 * A PDF the gateway accepts (it opens from startxref to its xref table and trailer), with a random
 * body so that no two have the same hash.
 */
function pdfBytes(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  bytes.set(pdf(size));
  // The filler is one comment, from after the header's '%' to the line break before `xref`.
  const start = Buffer.from(bytes).indexOf('%', 9) + 1;
  const end = Buffer.from(bytes).lastIndexOf('\nxref\n');
  const body = randomBytes(end - start).map((b) => (b === 0x0a || b === 0x0d ? 0x20 : b));
  bytes.set(body, start);
  return bytes;
}

function picked(bytes: Uint8Array<ArrayBuffer>, name: string, type = 'application/pdf'): PickedFile {
  const blob = new Blob([bytes], { type });
  return { file: { kind: 'blob', blob, name }, name, size: bytes.length, mime: undefined };
}

// --- The world ---

/** Started in the child: the gateway tests' harness (fixture seed, fresh data dir), one signed-in user. */
const GATEWAY_SCRIPT = `
const { startGateway } = require('./test/gateway/support/harness.ts');
(async () => {
  // The real clock: the app compares a session's expiry with Date.now().
  const gw = await startGateway({ now: () => new Date() });
  const mobile = '${MOBILE}';
  await gw.request('/api/auth/sms', { method: 'POST', body: { mobile } });
  const code = gw.smsCodes.get(mobile).at(-1);
  const login = await gw.request('/api/auth/sms-login', { method: 'POST', body: { mobile, code } });
  process.stdout.write(JSON.stringify({ base: gw.base, login: login.body.data }) + '\\n');
  // The test ends by closing stdin (or dying): then the gateway goes, with its data dir.
  process.stdin.resume();
  process.stdin.on('end', () => gw.close().finally(() => process.exit(0)));
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
`;

interface RunningGateway {
  base: string;
  login: LoginResult;
  child: ChildProcess;
}

function startGatewayProcess(): Promise<RunningGateway> {
  const child = spawn(process.execPath, ['--import', 'tsx', '-e', GATEWAY_SCRIPT], {
    cwd: path.resolve(__dirname, '../..'),
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (part: Buffer) => {
      out += part.toString('utf8');
      const line = out.split('\n')[0];
      if (out.includes('\n')) resolve({ ...(JSON.parse(line) as { base: string; login: LoginResult }), child });
    });
    child.on('exit', (code) => reject(new Error(`gateway process exited (${code}) before it was ready`)));
  });
}

const XHR_TIMEOUT_MS = 3000;

let gateway: RunningGateway;
let network: Network;
let login: LoginResult;
let upload: typeof MaterialUploadModule;
let resumable: typeof ResumableModule;
let ApiError: typeof ApiErrorInstance;

/** Loads the app's modules as a fresh start would: nothing in memory, local storage as it was. */
async function startApp(): Promise<void> {
  jest.resetModules();
  // The H5 build turns `Taro.setStorageSync(…)` into the H5 API's named export; under jest the
  // default object lacks the APIs, so storage would silently do nothing. Put them where the app
  // looks: resuming after a restart is all about what local storage kept.
  const taro = (await import('@tarojs/taro')) as unknown as Record<string, unknown> & { default: object };
  for (const [name, value] of Object.entries(taro)) {
    if (typeof value === 'function' && !(name in taro.default)) Object.assign(taro.default, { [name]: value });
  }
  upload = await import('@/core/material-upload');
  resumable = await import('@/core/resumable-upload');
  ApiError = (await import('@/core/http/api-error')).ApiError;
  // Short pauses between retries: the behaviour is the app's, only the waiting is cut.
  resumable.uploadTiming.retryDelaysMs = [5, 10, 20];
  // jsdom leaves an XHR's timeout timer running when the connection errors (browsers clear it);
  // short timeouts keep those leftovers short (afterAll waits them out).
  resumable.uploadTiming.chunkTimeoutMs = XHR_TIMEOUT_MS;
  resumable.uploadTiming.requestTimeoutMs = XHR_TIMEOUT_MS;
}

/** The session as the gateway reports it now (its counters include every chunk byte it read). */
async function gatewaySession(id: string): Promise<UploadSession> {
  const answer = await httpRequest(`${gateway.base}/api/uploads/sessions/${id}`, 'GET', {
    authorization: `Bearer ${login.tokens.accessToken}`,
  });
  const envelope = JSON.parse(answer.body.toString('utf8')) as { ok: boolean; data: UploadSession };
  if (!envelope.ok) throw new Error(`session ${id}: ${answer.body.toString('utf8')}`);
  return envelope.data;
}

function sessionIdFromLog(): string {
  const put = network.log.find((r) => r.chunkIndex !== undefined && r.status === 200);
  const id = /\/uploads\/sessions\/([0-9a-f]+)\//.exec(put?.path ?? '')?.[1];
  if (!id) throw new Error('no session in the log');
  return id;
}

const chunkPuts = (log: LoggedRequest[]) => log.filter((r) => r.chunkIndex !== undefined);

beforeAll(async () => {
  // jsdom reports every XHR whose connection the proxy cut; those drops are the point here.
  const consoleError = console.error.bind(console);
  jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (args.some((a) => /socket hang up|ECONNRESET/.test(String(a)))) return;
    consoleError(...args);
  });
  gateway = await startGatewayProcess();
  login = gateway.login;
  network = await startNetwork(gateway.base);
  process.env.TARO_APP_H5_API_BASE = network.baseUrl;
}, 60000);

afterAll(async () => {
  await new Promise((resolve) => setTimeout(resolve, XHR_TIMEOUT_MS));
  await network?.close();
  if (gateway) {
    const exited = new Promise((resolve) => gateway.child.once('exit', resolve));
    gateway.child.stdin?.end();
    await exited;
  }
});

beforeEach(async () => {
  localStorage.clear();
  network.log = [];
  network.rule = () => 'delivered';
  await startApp();
  (await import('@/core/session')).session.signIn(login);
});

// --- Checks before anything is sent ---

describe('checkMaterialFile', () => {
  const limits: MaterialFileLimits = {
    accept: ['image/jpeg', 'image/png', 'application/pdf'],
    maxImageBytes: MiB,
    maxPdfBytes: 2 * MiB,
  };
  const check = (file: PickedFile, overrides: Partial<MaterialFileLimits> = {}) =>
    upload.checkMaterialFile(file, { ...limits, ...overrides });

  test('refuses an executable renamed .pdf, by its content', async () => {
    const exe = new Uint8Array(4096);
    exe.set(Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), 0);
    const file = { ...picked(exe, '营业执照.pdf'), mime: 'application/pdf' as const };
    expect(await check(file)).toBe('“营业执照.pdf”不是有效的 JPG、PNG 图片或 PDF 文件，请重新选择');
  });

  test('refuses an empty file, a PDF over its limit and a type the material does not take', async () => {
    expect(await check(picked(new Uint8Array(0), '空.pdf'))).toBe('“空.pdf”是空文件，请重新选择');
    expect(await check(picked(pdfBytes(2 * MiB + 1), '大.pdf'))).toBe(
      '“大.pdf”有 2.0 MB，超过 PDF 上限 2.0 MB，请压缩或拆分后上传',
    );
    expect(await check(picked(pdfBytes(2000), '说明.pdf'), { accept: ['image/jpeg', 'image/png'] })).toBe(
      '“说明.pdf”是 PDF 文件，该材料只接受 JPG 图片、PNG 图片',
    );
  });

  test('accepts a real PDF whatever its name says, and sends nothing while checking', async () => {
    expect(await check(picked(pdfBytes(5000), 'scan.bin'))).toBeUndefined();
    expect(network.log).toEqual([]);
  });
});

// --- Uploads ---

describe('uploadMaterialFile', () => {
  test('a small file goes up in one multipart request, with progress to the end', async () => {
    const bytes = pdfBytes(300 * 1024);
    const progress: number[] = [];
    const uploaded = await upload.uploadMaterialFile(picked(bytes, '身份证明.pdf'), {
      onProgress: (p) => progress.push(p.sentBytes / p.totalBytes),
    });
    expect(uploaded).toMatchObject({
      purpose: 'material',
      mime: 'application/pdf',
      size: bytes.length,
      sha256: sha256(bytes),
    });
    expect(network.log.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(['POST /api/uploads 200']);
    expect(network.log[0].bodyBytes).toBeGreaterThan(bytes.length);
    expect(progress.at(-1)).toBe(1);
  });

  test('a large file goes in acknowledged chunks, each with the SHA-256 of its bytes', async () => {
    const bytes = pdfBytes(4 * MiB + 512 * 1024 + 7);
    const progress: number[] = [];
    const uploaded = await upload.uploadMaterialFile(picked(bytes, '财务报表.pdf'), {
      onProgress: (p) => progress.push(p.sentBytes),
    });

    expect(uploaded).toMatchObject({ purpose: 'material', size: bytes.length, sha256: sha256(bytes) });
    const puts = chunkPuts(network.log);
    expect(puts.map((r) => r.chunkIndex)).toEqual([0, 1, 2, 3, 4]);
    for (const put of puts) expect(put.chunkSha256Header).toBe(put.chunkSha256Actual);
    expect(puts.map((r) => r.bodyBytes)).toEqual([MiB, MiB, MiB, MiB, 512 * 1024 + 7]);
    const session = await gatewaySession(sessionIdFromLog());
    expect(session).toMatchObject({ status: 'complete', bytesTransferred: bytes.length, fileId: uploaded.id });
    // Progress counts acknowledged bytes: it only grows, and ends at the whole file.
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress).toEqual([0, MiB, 2 * MiB, 3 * MiB, 4 * MiB, bytes.length]);
    // A finished upload leaves nothing to resume.
    expect(localStorage.getItem('hsz:upload-sessions')).not.toContain(sha256(bytes));
  });

  test('a lost acknowledgement is retried at once: the repeat is acknowledged, not stored again', async () => {
    const bytes = pdfBytes(4 * MiB + 100);
    let lost = false;
    network.rule = ({ chunkIndex }) => {
      if (chunkIndex === 1 && !lost) {
        lost = true;
        return 'ack-lost';
      }
      return 'delivered';
    };
    const uploaded = await upload.uploadMaterialFile(picked(bytes, '合同.pdf'));
    expect(uploaded.sha256).toBe(sha256(bytes));
    expect(chunkPuts(network.log).map((r) => `${r.chunkIndex}:${r.fate}`)).toEqual([
      '0:delivered',
      '1:ack-lost',
      '1:delivered',
      '2:delivered',
      '3:delivered',
      '4:delivered',
    ]);
    const session = await gatewaySession(sessionIdFromLog());
    expect(session.bytesTransferred).toBe(bytes.length + MiB);
  });

  test('the network going down mid-file rejects with NETWORK; after a restart only the missing chunks go', async () => {
    const bytes = pdfBytes(5 * MiB + 333);
    let offline = false;
    network.rule = ({ chunkIndex }) => {
      if (offline) return 'dropped-before';
      if (chunkIndex === 2) {
        // Chunk 2 reaches the gateway, then the link dies before the answer comes back.
        offline = true;
        return 'ack-lost';
      }
      return 'delivered';
    };
    const first = upload.uploadMaterialFile(picked(bytes, '年报.pdf'));
    const error = await first.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiErrorInstance).code).toBe('NETWORK');
    expect((error as ApiErrorInstance).message).toContain('重试');
    const beforeResume = network.log.length;
    // While offline the app tried the chunk again a few times, then gave the choice back.
    expect(chunkPuts(network.log).filter((r) => r.fate === 'dropped-before').length).toBe(3);

    // The app is killed and started again; the file comes back (same bytes, new Blob) and 重试 is tapped.
    offline = false;
    network.rule = () => 'delivered';
    await startApp();
    const progress: number[] = [];
    const uploaded = await upload.uploadMaterialFile(picked(bytes.slice(), '年报.pdf'), {
      onProgress: (p) => progress.push(p.sentBytes),
    });

    expect(uploaded).toMatchObject({ size: bytes.length, sha256: sha256(bytes) });
    const resumed = network.log.slice(beforeResume);
    expect(resumed.map((r) => `${r.method} ${r.path.replace(/[0-9a-f]{32}/, ':id')} ${r.status}`)).toEqual([
      'GET /api/uploads/sessions/:id 200',
      'PUT /api/uploads/sessions/:id/chunks/3 200',
      'PUT /api/uploads/sessions/:id/chunks/4 200',
      'PUT /api/uploads/sessions/:id/chunks/5 200',
      'POST /api/uploads/sessions/:id/complete 200',
    ]);
    // "已上传 3/…" straight away: the three chunks the gateway held before the drop.
    expect(progress[1]).toBe(3 * MiB);
    // The gateway read every byte of the file once: nothing acknowledged was sent again.
    const session = await gatewaySession(sessionIdFromLog());
    expect(session.bytesTransferred).toBe(bytes.length);
    expect(session.bytesTransferred).toBeLessThanOrEqual(bytes.length + session.chunkSize);
  });

  test('a stored session the gateway no longer knows (expired) is replaced by a new one', async () => {
    const bytes = pdfBytes(4 * MiB + 1);
    const sha = sha256(bytes);
    const expiresAt = new Date(Date.now() + 3600_000).toISOString();
    // As the app left it (Taro's H5 storage wraps each value in {data}).
    const remembered = { [sha]: { id: 'f'.repeat(32), size: bytes.length, userId: login.user.id, expiresAt } };
    localStorage.setItem('hsz:upload-sessions', JSON.stringify({ data: JSON.stringify(remembered) }));
    const uploaded: UploadedFile = await upload.uploadMaterialFile(picked(bytes, '旧的.pdf'));
    expect(uploaded.sha256).toBe(sha);
    expect(network.log.map((r) => `${r.method} ${r.path.replace(/[0-9a-f]{32}/, ':id')} ${r.status}`)).toEqual([
      'GET /api/uploads/sessions/:id 404',
      'POST /api/uploads/sessions 200',
      ...[0, 1, 2, 3, 4].map((i) => `PUT /api/uploads/sessions/:id/chunks/${i} 200`),
      'POST /api/uploads/sessions/:id/complete 200',
    ]);
  });

  test('aborting stops between chunks and keeps what was sent for a resume', async () => {
    const bytes = pdfBytes(4 * MiB + 10);
    const controller = new AbortController();
    const first = upload.uploadMaterialFile(picked(bytes, '章程.pdf'), {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.sentBytes >= 2 * MiB) controller.abort();
      },
    });
    await expect(first).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(chunkPuts(network.log).map((r) => r.chunkIndex)).toEqual([0, 1]);

    const uploaded = await upload.uploadMaterialFile(picked(bytes, '章程.pdf'));
    expect(uploaded.sha256).toBe(sha256(bytes));
    expect(chunkPuts(network.log).map((r) => r.chunkIndex)).toEqual([0, 1, 2, 3, 4]);
  });

  test('describes progress for the page', () => {
    expect(upload.describeUploadProgress({ sentBytes: 3 * MiB, totalBytes: 12 * MiB })).toBe(
      '已上传 3.0 MB / 12.0 MB（25%）',
    );
  });
});

// --- Picking and keeping files on H5 ---

describe('pickMaterialFiles (H5)', () => {
  async function openPicker(source: 'camera' | 'album' | 'pdf', count: number) {
    const { pickMaterialFiles } = await import('@/core/pick-files');
    const result = pickMaterialFiles({ source, count });
    const input = document.querySelector<HTMLInputElement>('input[type="file"]');
    if (!input) throw new Error('no file input');
    return { result, input };
  }

  test('offers PDFs through a hidden file input and returns what was chosen', async () => {
    const { result, input } = await openPicker('pdf', 3);
    expect(input.accept).toBe('application/pdf,.pdf');
    expect(input.multiple).toBe(true);
    const file = new File([pdfBytes(2048)], '营业执照.pdf', { type: 'application/pdf' });
    Object.defineProperty(input, 'files', { value: [file] });
    input.dispatchEvent(new Event('change'));
    const files = await result;
    expect(files).toEqual([
      {
        file: { kind: 'blob', blob: file, name: '营业执照.pdf' },
        name: '营业执照.pdf',
        size: 2048,
        mime: 'application/pdf',
      },
    ]);
    expect(document.querySelector('input[type="file"]')).toBeNull();
  });

  test('the camera asks for one photo; closing the picker resolves to nothing', async () => {
    const { result, input } = await openPicker('camera', 5);
    expect(input.getAttribute('capture')).toBe('environment');
    expect(input.multiple).toBe(false);
    input.dispatchEvent(new Event('cancel'));
    expect(await result).toEqual([]);
  });
});

describe('pending files (H5 without IndexedDB)', () => {
  test('a kept file is restored in this session, says it will not survive a reload, and can be forgotten', async () => {
    const { keepFile, restoreFile, forgetFile } = await import('@/core/pending-files');
    const blob = new Blob([pdfBytes(1000)], { type: 'application/pdf' });
    const kept = await keepFile({ kind: 'blob', blob, name: 'a.pdf' });
    expect(kept.persisted).toBe(typeof indexedDB !== 'undefined');
    expect(await restoreFile(kept.key)).toEqual({ kind: 'blob', blob, name: 'a.pdf' });
    await forgetFile(kept.key);
    expect(await restoreFile(kept.key)).toBeUndefined();
  });
});
