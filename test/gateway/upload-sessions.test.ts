import fs from 'node:fs';
import path from 'node:path';
import {
  CHUNKED_UPLOAD_THRESHOLD,
  UploadedFile,
  UploadSession,
  type StartUploadSessionRequest,
} from '../../types/contract';
import { MATERIAL_MESSAGES, mismatchMessage } from '../../gateway/src/uploads/material-file';
import { UPLOAD_CHUNK_BYTES } from '../../gateway/src/uploads/material-limits';
import {
  MAX_OPEN_SESSIONS,
  SESSION_MESSAGES,
  chunkLengthMessage,
  indexMessage,
  missingChunksMessage,
} from '../../gateway/src/uploads/upload-session-service';
import { expectError, expectOk, type ApiResponse, type TestGateway } from './support/harness';
import { ADMIN_TOKEN, countRows, person, startRatingGateway, type Person } from './support/ratings';
import { download, encodePng, sha256 } from './support/commitments';
import { filler, pdf, jpeg, exe } from './support/material-files';

let gw: TestGateway;
let alice: Person;
let bob: Person;

beforeAll(async () => {
  gw = await startRatingGateway();
  alice = await person(gw, '13800000301', true, '王小明');
  bob = await person(gw, '13800000302', true, '李四');
});

afterAll(async () => {
  await gw.close();
});

const MB = 1024 * 1024;

/** 5 MB and a bit: five full chunks and a short last one. */
const FIVE_MB_PLUS = 5 * MB + 123;

/** What the old check took for a PDF: a header, anything, and `%%EOF` at the end. */
function withEof(size: number): Buffer {
  const head = Buffer.from('%PDF-1.4\n');
  const tail = Buffer.from('\n%%EOF\n');
  return Buffer.concat([head, filler(size - head.length - tail.length, 3), tail]);
}

/** A real PNG over 5 MB: noise does not compress. */
function largePng(): Buffer {
  const width = 1400;
  const height = 1100;
  const rgba = new Uint8Array(width * height * 4);
  let state = 12345;
  for (let i = 0; i < rgba.length; i += 1) {
    state = (state * 1103515245 + 12345) >>> 0;
    rgba[i] = state >>> 24;
  }
  return encodePng(rgba, width, height);
}

function declare(bytes: Buffer, extra: Partial<StartUploadSessionRequest> = {}): StartUploadSessionRequest {
  return {
    purpose: 'material',
    fileName: '营业执照.pdf',
    mime: 'application/pdf',
    size: bytes.length,
    sha256: sha256(bytes),
    ...extra,
  };
}

function start(who: Person, body: unknown): Promise<ApiResponse> {
  return gw.request('/api/uploads/sessions', { method: 'POST', token: who.token, body });
}

async function startOk(who: Person, body: StartUploadSessionRequest): Promise<UploadSession> {
  return expectOk(await start(who, body), UploadSession);
}

function getSession(who: Person, id: string): Promise<ApiResponse> {
  return gw.request(`/api/uploads/sessions/${id}`, { token: who.token });
}

function chunkOf(bytes: Buffer, index: number): Buffer {
  return bytes.subarray(index * UPLOAD_CHUNK_BYTES, (index + 1) * UPLOAD_CHUNK_BYTES);
}

/** `PUT …/chunks/:index` with raw bytes; the hash header is the body's own unless told otherwise. */
async function putChunk(
  who: Person,
  id: string,
  index: number | string,
  body: Buffer,
  headers: Record<string, string | undefined> = {},
): Promise<ApiResponse> {
  const all: Record<string, string | undefined> = {
    authorization: `Bearer ${who.token}`,
    'content-type': 'application/octet-stream',
    'x-chunk-sha256': sha256(body),
    ...headers,
  };
  const res = await fetch(`${gw.base}/api/uploads/sessions/${id}/chunks/${index}`, {
    method: 'PUT',
    headers: Object.fromEntries(Object.entries(all).filter((e): e is [string, string] => e[1] !== undefined)),
    body: new Uint8Array(body),
  });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: res.status, headers: res.headers, body: parsed, text };
}

async function putChunkOk(who: Person, id: string, bytes: Buffer, index: number): Promise<UploadSession> {
  return expectOk(await putChunk(who, id, index, chunkOf(bytes, index)), UploadSession);
}

function complete(who: Person, id: string): Promise<ApiResponse> {
  return gw.request(`/api/uploads/sessions/${id}/complete`, { method: 'POST', token: who.token });
}

/** Starts a session for the bytes and sends every chunk (in the given order). */
async function sendAll(
  who: Person,
  bytes: Buffer,
  extra: Partial<StartUploadSessionRequest> = {},
  order?: number[],
): Promise<UploadSession> {
  let session = await startOk(who, declare(bytes, extra));
  for (const index of order ?? [...Array(session.chunkCount).keys()]) {
    session = await putChunkOk(who, session.id, bytes, index);
  }
  return session;
}

const filesDir = () => path.join(gw.dataDir, 'files');
const partFile = (id: string) => path.join(filesDir(), 'sessions', `${id}.part`);
/** Everything a session may leave behind: upload rows, stored files, sessions and chunks. */
function state() {
  const dir = filesDir();
  return {
    uploads: countRows(gw, 'uploads'),
    files: fs.existsSync(dir)
      ? fs
          .readdirSync(dir)
          .filter((f) => f !== 'sessions')
          .sort()
      : [],
    sessions: countRows(gw, 'upload_sessions'),
    chunks: countRows(gw, 'upload_chunks'),
  };
}

function expectField(res: ApiResponse, status: number, code: string, field: string, message: string): void {
  const error = expectError(res, status, code);
  expect(error.fields).toEqual([{ field, message }]);
  expect(error.message).toBe(message);
}

describe('chunked upload sessions', () => {
  it('uploads a 5 MB PDF in 1 MB chunks in any order and completes it into a material file', async () => {
    const bytes = pdf(FIVE_MB_PLUS);
    const started = await startOk(alice, declare(bytes));
    expect(started).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      fileName: '营业执照.pdf',
      mime: 'application/pdf',
      size: FIVE_MB_PLUS,
      sha256: sha256(bytes),
      chunkSize: UPLOAD_CHUNK_BYTES,
      chunkCount: 6,
      received: [],
      bytesTransferred: 0,
      status: 'open',
      expiresAt: new Date(gw.clock.now().getTime() + 24 * 3600 * 1000).toISOString(),
    });

    let session = started;
    for (const index of [5, 2, 0, 4]) session = await putChunkOk(alice, started.id, bytes, index);
    expect(session.received).toEqual([0, 2, 4, 5]);
    for (const index of [3, 1]) session = await putChunkOk(alice, started.id, bytes, index);
    expect(session.received).toEqual([0, 1, 2, 3, 4, 5]);
    expect(session.bytesTransferred).toBe(FIVE_MB_PLUS);
    expect(fs.statSync(partFile(started.id)).size).toBe(FIVE_MB_PLUS);

    const file = expectOk(await complete(alice, started.id), UploadedFile);
    expect(file).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      purpose: 'material',
      mime: 'application/pdf',
      size: FIVE_MB_PLUS,
      sha256: sha256(bytes),
      name: '营业执照.pdf',
    });
    expect(file.id).not.toBe(started.id);
    const stored = path.join(filesDir(), file.id);
    expect(fs.readFileSync(stored).equals(bytes)).toBe(true);
    expect(fs.statSync(stored).mode & 0o777).toBe(0o600);
    expect(fs.existsSync(partFile(started.id))).toBe(false);

    const after = expectOk(await getSession(alice, started.id), UploadSession);
    expect(after).toMatchObject({ status: 'complete', fileId: file.id, received: [0, 1, 2, 3, 4, 5] });
    // Completing again gives the same file; nothing new is stored.
    const before = state();
    expect(expectOk(await complete(alice, started.id), UploadedFile)).toEqual(file);
    expect(state()).toEqual(before);
    // A completed session takes no more chunks.
    expect(expectError(await putChunk(alice, started.id, 0, chunkOf(bytes, 0)), 409, 'CONFLICT').message).toBe(
      SESSION_MESSAGES.completed,
    );

    // The file is served like any upload: owner and officers, with its type.
    const own = await download(gw, file.id, { authorization: `Bearer ${alice.token}` });
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toBe('application/pdf');
    expect(own.bytes.equals(bytes)).toBe(true);
    const officer = await download(gw, file.id, { 'x-admin-token': ADMIN_TOKEN });
    expect(officer.status).toBe(200);
    expect(officer.bytes.equals(bytes)).toBe(true);
    expectError(await gw.request(`/api/uploads/${file.id}`, { token: bob.token }), 404, 'NOT_FOUND');
  });

  it('takes chunks sent in parallel, and two parallel completions give one file', async () => {
    const bytes = pdf(FIVE_MB_PLUS, 14);
    const { id, chunkCount } = await startOk(alice, declare(bytes));
    const acks = await Promise.all([...Array(chunkCount).keys()].map((i) => putChunk(alice, id, i, chunkOf(bytes, i))));
    for (const ack of acks) expectOk(ack, UploadSession);
    expect(expectOk(await getSession(alice, id), UploadSession).received).toEqual([0, 1, 2, 3, 4, 5]);
    const uploads = countRows(gw, 'uploads');
    const [a, b] = await Promise.all([complete(alice, id), complete(alice, id)]);
    expect(expectOk(a, UploadedFile)).toEqual(expectOk(b, UploadedFile));
    expect(countRows(gw, 'uploads')).toBe(uploads + 1);
  });

  it('takes a large JPEG too (exactly 4 MB: one full chunk per MB)', async () => {
    const bytes = jpeg(CHUNKED_UPLOAD_THRESHOLD, 2);
    const session = await sendAll(alice, bytes, { fileName: '房产证.jpg', mime: 'image/jpeg' });
    expect(session.chunkCount).toBe(4);
    const file = expectOk(await complete(alice, session.id), UploadedFile);
    expect(file).toMatchObject({ mime: 'image/jpeg', size: bytes.length, name: '房产证.jpg' });
  });

  it('resumes: after half the chunks the session lists them, the rest completes it, nothing is sent twice', async () => {
    const bytes = pdf(FIVE_MB_PLUS, 3);
    const started = await startOk(alice, declare(bytes));
    for (const index of [0, 1, 2]) await putChunkOk(alice, started.id, bytes, index);
    // The app restarts: it asks what the gateway holds and sends only the rest.
    gw.clock.advance(3600);
    const held = expectOk(await getSession(alice, started.id), UploadSession);
    expect(held.received).toEqual([0, 1, 2]);
    expect(held.bytesTransferred).toBe(3 * UPLOAD_CHUNK_BYTES);
    for (let index = 0; index < held.chunkCount; index += 1) {
      if (!held.received.includes(index)) await putChunkOk(alice, started.id, bytes, index);
    }
    const file = expectOk(await complete(alice, started.id), UploadedFile);
    expect(file.sha256).toBe(sha256(bytes));
    const done = expectOk(await getSession(alice, started.id), UploadSession);
    expect(done.bytesTransferred).toBe(bytes.length);
  });

  it('acknowledges a repeated chunk without storing it again; a different one under the same index is a conflict', async () => {
    const bytes = pdf(FIVE_MB_PLUS, 4);
    const started = await startOk(alice, declare(bytes));
    await putChunkOk(alice, started.id, bytes, 1);
    const part = partFile(started.id);
    const mtime = fs.statSync(part).mtimeMs;
    const again = await putChunkOk(alice, started.id, bytes, 1);
    expect(again.received).toEqual([1]);
    expect(again.bytesTransferred).toBe(2 * UPLOAD_CHUNK_BYTES);
    expect(fs.statSync(part).mtimeMs).toBe(mtime);

    const other = filler(UPLOAD_CHUNK_BYTES, 99);
    const before = state();
    expect(expectError(await putChunk(alice, started.id, 1, other), 409, 'CONFLICT').message).toBe(
      SESSION_MESSAGES.chunkConflict,
    );
    expect(state()).toEqual(before);
    expect(
      fs
        .readFileSync(part)
        .subarray(UPLOAD_CHUNK_BYTES, 2 * UPLOAD_CHUNK_BYTES)
        .equals(chunkOf(bytes, 1)),
    ).toBe(true);
  });

  it('refuses a chunk whose hash does not match, of the wrong length, or out of range, storing nothing', async () => {
    const bytes = pdf(FIVE_MB_PLUS, 5);
    const { id } = await startOk(alice, declare(bytes));
    const before = state();
    const first = chunkOf(bytes, 0);
    const damaged = Buffer.from(first);
    damaged[1000] ^= 0x01;
    expectField(
      await putChunk(alice, id, 0, damaged, { 'x-chunk-sha256': sha256(first) }),
      400,
      'VALIDATION_FAILED',
      'chunk',
      SESSION_MESSAGES.chunkHash,
    );
    expect(fs.existsSync(partFile(id))).toBe(false);

    expectField(
      await putChunk(alice, id, 0, first.subarray(0, 1000)),
      400,
      'VALIDATION_FAILED',
      'chunk',
      chunkLengthMessage(0, UPLOAD_CHUNK_BYTES),
    );
    // The last chunk must be exactly the remainder.
    expectField(
      await putChunk(alice, id, 5, chunkOf(bytes, 4)),
      400,
      'VALIDATION_FAILED',
      'chunk',
      chunkLengthMessage(5, 123),
    );
    for (const index of ['6', '-1', '1.5', 'abc', '99999999999']) {
      expectField(await putChunk(alice, id, index, first), 400, 'VALIDATION_FAILED', 'index', indexMessage(6));
    }
    for (const hash of [undefined, 'abc', sha256(first).toUpperCase()]) {
      expectField(
        await putChunk(alice, id, 0, first, { 'x-chunk-sha256': hash }),
        400,
        'VALIDATION_FAILED',
        'x-chunk-sha256',
        SESSION_MESSAGES.chunkHashHeader,
      );
    }
    // More than a chunk in one body: refused while reading.
    const tooLong = Buffer.concat([first, Buffer.alloc(10)]);
    expectError(await putChunk(alice, id, 0, tooLong), 413, 'PAYLOAD_TOO_LARGE');
    // Not raw bytes.
    const json = await gw.request(`/api/uploads/sessions/${id}/chunks/0`, {
      method: 'PUT',
      token: alice.token,
      body: { data: 'x' },
    });
    expect(expectError(json, 400, 'BAD_REQUEST').message).toBe(SESSION_MESSAGES.chunkBody);

    expect(state()).toEqual(before);
    const session = expectOk(await getSession(alice, id), UploadSession);
    expect(session.received).toEqual([]);
    // The connection and the session still work.
    expect((await putChunkOk(alice, id, bytes, 0)).received).toEqual([0]);
  });

  it('will not complete with chunks missing', async () => {
    const bytes = pdf(FIVE_MB_PLUS, 6);
    const { id } = await startOk(alice, declare(bytes));
    await putChunkOk(alice, id, bytes, 0);
    await putChunkOk(alice, id, bytes, 5);
    const before = state();
    expect(expectError(await complete(alice, id), 409, 'CONFLICT').message).toBe(missingChunksMessage(4));
    expect(state()).toEqual(before);
    expect(expectOk(await getSession(alice, id), UploadSession).status).toBe('open');
  });

  it('refuses a file whose whole hash differs from the declared one, leaving the session as it was', async () => {
    const bytes = pdf(FIVE_MB_PLUS, 7);
    const session = await sendAll(alice, bytes, { sha256: sha256(pdf(FIVE_MB_PLUS, 8)) });
    const before = state();
    expectField(await complete(alice, session.id), 400, 'VALIDATION_FAILED', 'sha256', SESSION_MESSAGES.fileHash);
    expect(state()).toEqual(before);
    expect(expectOk(await getSession(alice, session.id), UploadSession)).toEqual(session);
    expect(fs.statSync(partFile(session.id)).size).toBe(bytes.length);
  });

  it('judges the whole completed file: an executable named .pdf, a JPEG declared as PDF, a truncated PDF, JPEG or PNG, a PDF with only %%EOF', async () => {
    const refusals: [Buffer, Partial<StartUploadSessionRequest>, string, string][] = [
      [exe(FIVE_MB_PLUS), { fileName: 'invoice.pdf' }, 'mime', MATERIAL_MESSAGES.unsupported],
      [jpeg(FIVE_MB_PLUS), {}, 'mime', mismatchMessage('image/jpeg')],
      [pdf(FIVE_MB_PLUS + 1000).subarray(0, FIVE_MB_PLUS), {}, 'file', MATERIAL_MESSAGES.corruptedPdf],
      // `%%EOF` at the end, but no xref, trailer or startxref.
      [withEof(FIVE_MB_PLUS), {}, 'file', MATERIAL_MESSAGES.corruptedPdf],
      // A JPEG whose last bytes never came (no EOI).
      [
        jpeg(FIVE_MB_PLUS).subarray(0, FIVE_MB_PLUS - 10),
        { mime: 'image/jpeg' },
        'file',
        MATERIAL_MESSAGES.corruptedJpeg,
      ],
      [largePng().subarray(0, FIVE_MB_PLUS), { mime: 'image/png' }, 'file', MATERIAL_MESSAGES.corruptedPng],
    ];
    for (const [bytes, extra, field, message] of refusals) {
      const session = await sendAll(alice, bytes, extra);
      const before = state();
      expectField(await complete(alice, session.id), 400, 'VALIDATION_FAILED', field, message);
      expect(state()).toEqual(before);
      expect(expectOk(await getSession(alice, session.id), UploadSession).status).toBe('open');
    }
  });

  it('accepts a whole PNG and JPEG through a session, decoded from the part file', async () => {
    const image = largePng();
    const pngSession = await sendAll(alice, image, { mime: 'image/png', fileName: '扫描件.png' });
    const png = expectOk(await complete(alice, pngSession.id), UploadedFile);
    expect(png).toMatchObject({ mime: 'image/png', size: image.length, width: 1400, height: 1100 });
    const photo = jpeg(FIVE_MB_PLUS, 4);
    const jpegSession = await sendAll(alice, photo, { mime: 'image/jpeg', fileName: '照片.jpg' });
    expect(expectOk(await complete(alice, jpegSession.id), UploadedFile)).toMatchObject({ mime: 'image/jpeg' });
  });

  it('refuses at the start what it would refuse at the end: empty, small, too large, bad names', async () => {
    const bytes = pdf(FIVE_MB_PLUS, 9);
    const before = state();
    expectField(
      await start(alice, declare(bytes, { size: 0 })),
      400,
      'VALIDATION_FAILED',
      'size',
      MATERIAL_MESSAGES.empty,
    );
    expectField(
      await start(alice, declare(bytes, { size: CHUNKED_UPLOAD_THRESHOLD - 1 })),
      400,
      'VALIDATION_FAILED',
      'size',
      MATERIAL_MESSAGES.useSingle,
    );
    expectField(
      await start(alice, declare(bytes, { size: 200 * MB })),
      413,
      'PAYLOAD_TOO_LARGE',
      'size',
      MATERIAL_MESSAGES.pdfTooLarge,
    );
    expect(MATERIAL_MESSAGES.pdfTooLarge).toBe('文件不能超过 30 MB');
    expectField(
      await start(alice, declare(bytes, { size: 11 * MB, mime: 'image/png', fileName: 'a.png' })),
      413,
      'PAYLOAD_TOO_LARGE',
      'size',
      MATERIAL_MESSAGES.imageTooLarge,
    );
    for (const fileName of ['../../etc/passwd.pdf', 'a\\b.pdf', 'bad\u0000name.pdf', `${'x'.repeat(201)}.pdf`, ' ']) {
      expectField(
        await start(alice, declare(bytes, { fileName })),
        400,
        'VALIDATION_FAILED',
        'fileName',
        MATERIAL_MESSAGES.badName,
      );
    }
    // The contract's own checks: type, hash format, unknown fields.
    for (const body of [
      declare(bytes, { mime: 'application/x-msdownload' as 'application/pdf' }),
      declare(bytes, { sha256: 'ABC' }),
      { ...declare(bytes), extra: 1 },
      { ...declare(bytes), purpose: 'signature' },
    ]) {
      expectError(await start(alice, body), 400, 'VALIDATION_FAILED');
    }
    expect(state()).toEqual(before);
  });

  it('is private: another user’s session is not found; no login, no session', async () => {
    const bytes = pdf(FIVE_MB_PLUS, 10);
    const session = await sendAll(alice, bytes);
    const notFound = SESSION_MESSAGES.notFound;
    expect(expectError(await getSession(bob, session.id), 404, 'NOT_FOUND').message).toBe(notFound);
    expect(expectError(await putChunk(bob, session.id, 0, chunkOf(bytes, 0)), 404, 'NOT_FOUND').message).toBe(notFound);
    expect(expectError(await complete(bob, session.id), 404, 'NOT_FOUND').message).toBe(notFound);
    expect(expectError(await getSession(bob, '0'.repeat(32)), 404, 'NOT_FOUND').message).toBe(notFound);
    expectError(await getSession(alice, '..%2F..%2Fgateway.sqlite'), 404, 'NOT_FOUND');
    expectError(await gw.request(`/api/uploads/sessions/${session.id}`), 401, 'UNAUTHENTICATED');
    expectError(
      await gw.request('/api/uploads/sessions', { method: 'POST', body: declare(bytes) }),
      401,
      'UNAUTHENTICATED',
    );
    // Bob's requests changed nothing: Alice completes as usual.
    expect(expectOk(await getSession(alice, session.id), UploadSession)).toEqual(session);
    expectOk(await complete(alice, session.id), UploadedFile);
  });

  it('expires 24 hours after the last activity, deleting what it held', async () => {
    const bytes = pdf(FIVE_MB_PLUS, 11);
    const { id } = await startOk(alice, declare(bytes));
    gw.clock.advance(23 * 3600);
    const touched = await putChunkOk(alice, id, bytes, 0);
    expect(touched.expiresAt).toBe(new Date(gw.clock.now().getTime() + 24 * 3600 * 1000).toISOString());
    gw.clock.advance(23 * 3600);
    expect(expectOk(await getSession(alice, id), UploadSession).received).toEqual([0]);
    gw.clock.advance(3601);
    expect(expectError(await getSession(alice, id), 404, 'NOT_FOUND').message).toBe(SESSION_MESSAGES.notFound);
    expectError(await putChunk(alice, id, 1, chunkOf(bytes, 1)), 404, 'NOT_FOUND');
    expect(fs.existsSync(partFile(id))).toBe(false);
  });

  it(`allows ${MAX_OPEN_SESSIONS} open sessions per user at once`, async () => {
    const dave = await person(gw, '13800000303');
    const bytes = pdf(FIVE_MB_PLUS, 12);
    const sessions: UploadSession[] = [];
    for (let i = 0; i < MAX_OPEN_SESSIONS; i += 1) sessions.push(await startOk(dave, declare(bytes)));
    const before = state();
    const error = expectError(await start(dave, declare(bytes)), 429, 'RATE_LIMITED');
    expect(error.message).toBe(SESSION_MESSAGES.tooManyOpen);
    expect(error.retryAfterSeconds).toBeGreaterThan(0);
    expect(state()).toEqual(before);
    // Others are not held back.
    await startOk(bob, declare(bytes));
  });
});
