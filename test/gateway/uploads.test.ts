import fs from 'node:fs';
import path from 'node:path';
import { UploadedFile } from '../../types/contract';
import { UPLOAD_MESSAGES } from '../../gateway/src/uploads/upload-service';
import { INK_MESSAGES } from '../../gateway/src/uploads/signature-ink';
import { expectError, expectOk, type TestGateway } from './support/harness';
import { ADMIN_TOKEN, countRows, moveClockTo, person, startRatingGateway, type Person } from './support/ratings';
import {
  PAD_H,
  PAD_W,
  blankPad,
  dotPixels,
  download,
  encodePng,
  scribblePng,
  sha256,
  tickPixels,
  upload,
  uploadOk,
  whitePixels,
} from './support/commitments';

let gw: TestGateway;
let alice: Person;
let bob: Person;

beforeAll(async () => {
  gw = await startRatingGateway();
  alice = await person(gw, '13800000101', true, '王小明');
  bob = await person(gw, '13800000102', true, '李四');
});

afterAll(async () => {
  await gw.close();
});

const filesDir = () => path.join(gw.dataDir, 'files');
const storedFiles = (): string[] => (fs.existsSync(filesDir()) ? fs.readdirSync(filesDir()).sort() : []);

/** Asserts a refusal on `file` with the message, and that nothing was stored. */
async function expectFileRefused(bytes: Buffer | undefined, message: string, options = {}): Promise<void> {
  const before = { rows: countRows(gw, 'uploads'), files: storedFiles() };
  const error = expectError(await upload(gw, alice, bytes, options), 400, 'VALIDATION_FAILED');
  expect(error.fields).toEqual([{ field: 'file', message }]);
  expect(error.message).toBe(message);
  expect({ rows: countRows(gw, 'uploads'), files: storedFiles() }).toEqual(before);
}

describe('POST /api/uploads (signature)', () => {
  it('stores a real PNG signature under a random name, never the client’s, with its hash and size', async () => {
    const png = scribblePng();
    const file = await uploadOk(gw, alice, png);
    expect(file).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      purpose: 'signature',
      mime: 'image/png',
      size: png.length,
      sha256: sha256(png),
      width: PAD_W,
      height: PAD_H,
    });
    const stored = path.join(filesDir(), file.id);
    expect(fs.readFileSync(stored)).toEqual(png);
    expect(fs.statSync(stored).mode & 0o777).toBe(0o600);
    expect(storedFiles().some((f) => f.includes('signature'))).toBe(false);

    // The client's name plays no part: a traversal attempt is just a name.
    const sneaky = expectOk(
      await upload(gw, alice, scribblePng(1), { filename: '../../gateway.sqlite' }),
      UploadedFile,
    );
    expect(fs.existsSync(path.join(filesDir(), sneaky.id))).toBe(true);
    expect(storedFiles().every((f) => /^[0-9a-f]{32}$/.test(f))).toBe(true);
    expect(fs.readdirSync(gw.dataDir).sort()).toEqual(expect.arrayContaining(['files', 'gateway.sqlite', 'keys']));
  });

  it('judges the content, not the name or declared type: a renamed text file is not a PNG', async () => {
    await expectFileRefused(Buffer.from('这不是图片，只是改了扩展名的文本'), UPLOAD_MESSAGES.notPng, {
      filename: 'signature.png',
      type: 'image/png',
    });
    const jpegMagic = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)]);
    await expectFileRefused(jpegMagic, UPLOAD_MESSAGES.notPng);
    // A real PNG declared as something else is accepted (its bytes are what count).
    expectOk(await upload(gw, alice, scribblePng(2), { filename: 'sig.txt', type: 'text/plain' }), UploadedFile);
  });

  it('refuses an empty file, a corrupted PNG and an image smaller than 100×50', async () => {
    await expectFileRefused(Buffer.alloc(0), UPLOAD_MESSAGES.empty);

    const corrupted = Buffer.from(scribblePng());
    corrupted[corrupted.length - 30] ^= 0xff; // inside the last IDAT: its CRC no longer matches
    await expectFileRefused(corrupted, UPLOAD_MESSAGES.corrupted);
    await expectFileRefused(scribblePng().subarray(0, 60), UPLOAD_MESSAGES.corrupted);
    await expectFileRefused(scribblePng().subarray(0, 20), UPLOAD_MESSAGES.corrupted);

    const small = blankPad(99, 60);
    for (let i = 0; i < small.length; i += 4) small.set([0, 0, 0, 255], i);
    await expectFileRefused(encodePng(small, 99, 60), UPLOAD_MESSAGES.tooSmall);
    await expectFileRefused(encodePng(blankPad(200, 49).fill(0), 200, 49), UPLOAD_MESSAGES.tooSmall);
  });

  it('refuses a PNG declaring a huge image before decoding it', async () => {
    const png = Buffer.from(scribblePng());
    png.writeUInt32BE(60000, 16); // IHDR width
    await expectFileRefused(png, UPLOAD_MESSAGES.tooBig);
  });

  it('refuses a blank pad, a dot and a short tick (the ink rule)', async () => {
    await expectFileRefused(encodePng(blankPad()), INK_MESSAGES.blank);
    await expectFileRefused(encodePng(whitePixels()), INK_MESSAGES.blank);
    await expectFileRefused(encodePng(dotPixels()), INK_MESSAGES.trivial);
    await expectFileRefused(encodePng(tickPixels()), INK_MESSAGES.trivial);
  });

  it('refuses more than 512 KB with 413 PAYLOAD_TOO_LARGE', async () => {
    const before = countRows(gw, 'uploads');
    const big = Buffer.concat([scribblePng(), Buffer.alloc(520 * 1024, 1)]);
    const error = expectError(await upload(gw, alice, big), 413, 'PAYLOAD_TOO_LARGE');
    expect(error.message).toBe(UPLOAD_MESSAGES.tooLarge);
    const huge = Buffer.alloc(3 * 1024 * 1024, 2);
    expect(expectError(await upload(gw, alice, huge), 413, 'PAYLOAD_TOO_LARGE').message).toBe(UPLOAD_MESSAGES.tooLarge);
    expect(countRows(gw, 'uploads')).toBe(before);
  });

  it('needs purpose (signature) before the file, exactly one file, multipart, and a login', async () => {
    const png = scribblePng();
    let error = expectError(await upload(gw, alice, png, { purpose: null }), 400, 'VALIDATION_FAILED');
    expect(error.fields).toEqual([{ field: 'purpose', message: UPLOAD_MESSAGES.purposeMissing }]);
    error = expectError(await upload(gw, alice, png, { fileFirst: true }), 400, 'VALIDATION_FAILED');
    expect(error.fields).toEqual([{ field: 'purpose', message: UPLOAD_MESSAGES.purposeMissing }]);
    error = expectError(await upload(gw, alice, png, { purpose: 'avatar' }), 400, 'VALIDATION_FAILED');
    expect(error.fields).toEqual([{ field: 'purpose', message: UPLOAD_MESSAGES.purposeUnknown }]);
    error = expectError(await upload(gw, alice, undefined), 400, 'VALIDATION_FAILED');
    expect(error.fields).toEqual([{ field: 'file', message: UPLOAD_MESSAGES.fileMissing }]);

    const two = new FormData();
    two.append('purpose', 'signature');
    two.append('file', new Blob([new Uint8Array(png)]), 'a.png');
    two.append('file', new Blob([new Uint8Array(png)]), 'b.png');
    const res = await fetch(`${gw.base}/api/uploads`, {
      method: 'POST',
      headers: { authorization: `Bearer ${alice.token}` },
      body: two,
    });
    const body = (await res.json()) as { error: { code: string; fields?: unknown } };
    expect({ status: res.status, code: body.error.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    expect(body.error.fields).toEqual([{ field: 'file', message: UPLOAD_MESSAGES.oneFile }]);

    const json = await gw.request('/api/uploads', {
      method: 'POST',
      token: alice.token,
      body: { purpose: 'signature' },
    });
    expect(expectError(json, 400, 'BAD_REQUEST').message).toBe(UPLOAD_MESSAGES.notMultipart);
    expectError(await upload(gw, undefined, png), 401, 'UNAUTHENTICATED');
  });

  it('serves the bytes to the owner and officers only; anyone else gets 404', async () => {
    const png = scribblePng(3);
    const file = await uploadOk(gw, alice, png);
    const own = await download(gw, file.id, { authorization: `Bearer ${alice.token}` });
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toBe('image/png');
    expect(own.headers.get('x-content-type-options')).toBe('nosniff');
    expect(own.headers.get('cache-control')).toBe('private, no-store');
    expect(own.bytes.equals(png)).toBe(true);

    const officer = await download(gw, file.id, { 'x-admin-token': ADMIN_TOKEN });
    expect(officer.status).toBe(200);
    expect(officer.bytes.equals(png)).toBe(true);

    const other = await gw.request(`/api/uploads/${file.id}`, { token: bob.token });
    const missing = await gw.request(`/api/uploads/${'0'.repeat(32)}`, { token: bob.token });
    expect(expectError(other, 404, 'NOT_FOUND')).toEqual(expectError(missing, 404, 'NOT_FOUND'));
    expectError(await gw.request(`/api/uploads/..%2F..%2Fgateway.sqlite`, { token: alice.token }), 404, 'NOT_FOUND');
    expectError(await gw.request(`/api/uploads/${file.id}`), 401, 'UNAUTHENTICATED');
    expectError(
      await gw.request(`/api/uploads/${file.id}`, { headers: { 'x-admin-token': 'wrong' } }),
      403,
      'FORBIDDEN',
    );
  });

  it('allows 20 signature uploads per user per China day (429 after), again the next day', async () => {
    const carol = await person(gw, '13800000103');
    for (let i = 0; i < 20; i += 1) await uploadOk(gw, carol, scribblePng(i));
    const before = { rows: countRows(gw, 'uploads'), files: storedFiles().length };
    const error = expectError(await upload(gw, carol, scribblePng()), 429, 'RATE_LIMITED');
    expect(error.message).toBe(UPLOAD_MESSAGES.dailyLimit);
    expect(error.retryAfterSeconds).toBeGreaterThan(0);
    expect({ rows: countRows(gw, 'uploads'), files: storedFiles().length }).toEqual(before);
    // Others are not affected.
    await uploadOk(gw, bob, scribblePng());
    // Midnight in China (16:00 UTC) opens a new day.
    moveClockTo(gw, '2025-03-03T16:00:00Z');
    await uploadOk(gw, carol, scribblePng());
  });
});
