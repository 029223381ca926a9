import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { CHUNKED_UPLOAD_THRESHOLD, UploadedFile } from '../../types/contract';
import { DATABASE_FILE } from '../../gateway/src/db/open-database';
import { DAILY_MATERIAL_UPLOADS, MATERIAL_MESSAGES } from '../../gateway/src/uploads/material-file';
import { UPLOAD_MESSAGES } from '../../gateway/src/uploads/upload-service';
import { expectError, expectOk, type TestGateway } from './support/harness';
import { ADMIN_TOKEN, countRows, person, startRatingGateway, type Person } from './support/ratings';
import { download, encodePng, scribblePixels, sha256, upload } from './support/commitments';
import { filler, pdf, jpeg, exe } from './support/material-files';

let gw: TestGateway;
let alice: Person;
let bob: Person;

beforeAll(async () => {
  gw = await startRatingGateway();
  alice = await person(gw, '13800000201', true, '王小明');
  bob = await person(gw, '13800000202', true, '李四');
});

afterAll(async () => {
  await gw.close();
});

const filesDir = () => path.join(gw.dataDir, 'files');
/** Stored upload files (the sessions folder aside). */
const storedFiles = (): string[] =>
  fs.existsSync(filesDir())
    ? fs
        .readdirSync(filesDir())
        .filter((f) => f !== 'sessions')
        .sort()
    : [];
const state = () => ({ rows: countRows(gw, 'uploads'), files: storedFiles() });

function uploadMaterial(who: Person, bytes: Buffer, filename: string, type = 'application/octet-stream') {
  return upload(gw, who, bytes, { purpose: 'material', filename, type });
}

async function materialOk(who: Person, bytes: Buffer, filename: string): Promise<UploadedFile> {
  return expectOk(await uploadMaterial(who, bytes, filename), UploadedFile);
}

/** Asserts a refusal with status, field and message, and that nothing was stored. */
async function expectRefused(
  bytes: Buffer,
  filename: string,
  expected: { status: number; code: string; field: string; message: string },
): Promise<void> {
  const before = state();
  const error = expectError(await uploadMaterial(alice, bytes, filename), expected.status, expected.code);
  expect(error.fields).toEqual([{ field: expected.field, message: expected.message }]);
  expect(error.message).toBe(expected.message);
  expect(state()).toEqual(before);
}

const invalid = (field: string, message: string) => ({ status: 400, code: 'VALIDATION_FAILED', field, message });

describe('POST /api/uploads (material)', () => {
  it('stores a small JPEG, PNG and PDF under random names, typed by content, keeping the display name', async () => {
    const cases: [Buffer, string, string][] = [
      [jpeg(300 * 1024), '身份证正面.jpg', 'image/jpeg'],
      [encodePng(scribblePixels()), '户口本.png', 'image/png'],
      [pdf(2 * 1024 * 1024), '营业执照 副本.PDF', 'application/pdf'],
    ];
    for (const [bytes, name, mime] of cases) {
      const file = await materialOk(alice, bytes, name);
      expect(file).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{32}$/),
        purpose: 'material',
        mime,
        size: bytes.length,
        sha256: sha256(bytes),
        name,
        ...(mime === 'image/png' ? { width: 400, height: 200 } : {}),
      });
      const stored = path.join(filesDir(), file.id);
      expect(fs.readFileSync(stored).equals(bytes)).toBe(true);
      expect(fs.statSync(stored).mode & 0o777).toBe(0o600);

      const own = await download(gw, file.id, { authorization: `Bearer ${alice.token}` });
      expect(own.status).toBe(200);
      expect(own.headers.get('content-type')).toBe(mime);
      expect(own.headers.get('x-content-type-options')).toBe('nosniff');
      expect(own.headers.get('content-disposition')).toBe(`inline; filename*=UTF-8''${encodeURIComponent(name)}`);
      expect(own.bytes.equals(bytes)).toBe(true);
    }
    expect(storedFiles().every((f) => /^[0-9a-f]{32}$/.test(f))).toBe(true);
  });

  it('takes the type from the bytes: a PDF sent as image/png is a PDF', async () => {
    const bytes = pdf(5000, 2);
    const file = expectOk(await uploadMaterial(alice, bytes, 'scan.png', 'image/png'), UploadedFile);
    expect(file.mime).toBe('application/pdf');
  });

  it('accepts a JPEG padded with zeros after its end marker, and a file just below 4 MB', async () => {
    await materialOk(alice, Buffer.concat([jpeg(10_000, 3), Buffer.alloc(300)]), 'padded.jpg');
    const largest = pdf(CHUNKED_UPLOAD_THRESHOLD - 1, 4);
    expect((await materialOk(alice, largest, 'largest.pdf')).size).toBe(CHUNKED_UPLOAD_THRESHOLD - 1);
  });

  it('refuses a renamed executable, an empty file and files that are not JPEG, PNG or PDF', async () => {
    await expectRefused(exe(40_000), 'invoice.pdf', invalid('file', MATERIAL_MESSAGES.unsupported));
    await expectRefused(
      Buffer.from('GIF89a' + 'x'.repeat(100)),
      'a.jpg',
      invalid('file', MATERIAL_MESSAGES.unsupported),
    );
    await expectRefused(Buffer.from('纯文本'), 'a.pdf', invalid('file', MATERIAL_MESSAGES.unsupported));
    await expectRefused(Buffer.alloc(0), 'empty.pdf', invalid('file', MATERIAL_MESSAGES.empty));
  });

  it('refuses damaged or truncated files, saying which type is damaged', async () => {
    const badJpeg = invalid('file', MATERIAL_MESSAGES.corruptedJpeg);
    const badPdf = invalid('file', MATERIAL_MESSAGES.corruptedPdf);
    const badPng = invalid('file', MATERIAL_MESSAGES.corruptedPng);
    const stored = storedFiles();
    await expectRefused(jpeg(50_000).subarray(0, 40_000), 'cut.jpg', badJpeg);
    await expectRefused(pdf(50_000).subarray(0, 40_000), 'cut.pdf', badPdf);
    // `%%EOF` present but further back than the last 1 KiB: the file ends in something else.
    await expectRefused(Buffer.concat([pdf(5000), filler(2000, 5)]), 'appended.pdf', badPdf);
    // Ends in `%%EOF` but has no xref table, trailer or startxref.
    await expectRefused(Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n', 'latin1'), 'no-xref.pdf', badPdf);
    const png = encodePng(scribblePixels());
    await expectRefused(png.subarray(0, 20), 'cut.png', badPng);
    // Header intact, image data cut, no IEND: a file that stopped uploading half-way.
    await expectRefused(png.subarray(0, png.length - 100), 'half.png', badPng);
    const badCrc = Buffer.from(png);
    badCrc[badCrc.length - 30] ^= 0xff;
    await expectRefused(badCrc, 'crc.png', badPng);
    const badHeader = Buffer.from(png);
    badHeader.write('XXXX', 12, 'latin1'); // IHDR chunk type
    await expectRefused(badHeader, 'bad.png', badPng);
    expect(storedFiles()).toEqual(stored);
  });

  it('refuses 4 MB and more with 413 pointing to chunked upload', async () => {
    await expectRefused(pdf(CHUNKED_UPLOAD_THRESHOLD), 'big.pdf', {
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
      field: 'file',
      message: MATERIAL_MESSAGES.useChunks,
    });
    // Far too large for any purpose: refused from its declared length.
    const before = state();
    const huge = expectError(await uploadMaterial(alice, pdf(9 * 1024 * 1024), 'huge.pdf'), 413, 'PAYLOAD_TOO_LARGE');
    expect(huge.message).toBe(MATERIAL_MESSAGES.useChunks);
    expect(state()).toEqual(before);
    // The connection is still usable after the refusals.
    await materialOk(alice, pdf(3000, 6), 'after.pdf');
  });

  it('keeps the signature limit at 512 KB while material files may be larger', async () => {
    const before = state();
    const error = expectError(await upload(gw, alice, pdf(1024 * 1024)), 413, 'PAYLOAD_TOO_LARGE');
    expect(error.message).toBe(UPLOAD_MESSAGES.tooLarge);
    expect(state()).toEqual(before);
    // A PDF is not a signature.
    const notPng = expectError(await upload(gw, alice, pdf(3000)), 400, 'VALIDATION_FAILED');
    expect(notPng.message).toBe(UPLOAD_MESSAGES.notPng);
  });

  it('refuses file names that are paths, hide characters or are too long', async () => {
    const badName = invalid('fileName', MATERIAL_MESSAGES.badName);
    for (const name of [
      '../../etc/passwd.pdf',
      'C:\\Windows\\evil.pdf',
      'a/b.pdf',
      '..',
      '报告\u202efdp.exe',
      `${'长'.repeat(197)}.pdf`,
    ]) {
      await expectRefused(pdf(3000), name, badName);
    }
    // 200 characters is still fine.
    await materialOk(alice, pdf(3000, 7), `${'长'.repeat(196)}.pdf`);
  });

  it('takes the display name from a fileName field before the file (mini-programs cannot name the part)', async () => {
    const send = (fileName: string) => {
      const form = new FormData();
      form.append('purpose', 'material');
      form.append('fileName', fileName);
      form.append('file', new Blob([new Uint8Array(pdf(3000, 13))]), 'wxfile://tmp_4f2a9c.pdf');
      return fetch(`${gw.base}/api/uploads`, {
        method: 'POST',
        headers: { authorization: `Bearer ${alice.token}` },
        body: form,
      });
    };
    const res = await send('不动产权证书.pdf');
    const body = (await res.json()) as { data: UploadedFile };
    expect(res.status).toBe(200);
    expect(body.data).toMatchObject({ mime: 'application/pdf', name: '不动产权证书.pdf' });

    const before = state();
    const refused = await send('../secret.pdf');
    expect(refused.status).toBe(400);
    const error = ((await refused.json()) as { error: { fields: unknown } }).error;
    expect(error.fields).toEqual([{ field: 'fileName', message: MATERIAL_MESSAGES.badName }]);
    expect(state()).toEqual(before);
  });

  it('serves a material file to its owner and officers only', async () => {
    const bytes = pdf(20_000, 8);
    const file = await materialOk(alice, bytes, '申请表.pdf');
    const officer = await download(gw, file.id, { 'x-admin-token': ADMIN_TOKEN });
    expect(officer.status).toBe(200);
    expect(officer.headers.get('content-type')).toBe('application/pdf');
    expect(officer.bytes.equals(bytes)).toBe(true);
    const other = await gw.request(`/api/uploads/${file.id}`, { token: bob.token });
    const missing = await gw.request(`/api/uploads/${'0'.repeat(32)}`, { token: bob.token });
    expect(expectError(other, 404, 'NOT_FOUND')).toEqual(expectError(missing, 404, 'NOT_FOUND'));
  });

  it(`allows ${DAILY_MATERIAL_UPLOADS} material uploads per user per China day, counting completed sessions`, async () => {
    const carol = await person(gw, '13800000203');
    // The day's earlier uploads, written straight into the database (uploading 299 files would be slow).
    const db = new BetterSqlite3(path.join(gw.dataDir, DATABASE_FILE));
    const insert = db.prepare(
      `INSERT INTO uploads (id, user_id, purpose, mime, size, sha256, created_at)
       VALUES (?, ?, 'material', 'application/pdf', 1, ?, ?)`,
    );
    const now = gw.clock.now().getTime();
    db.transaction(() => {
      for (let i = 0; i < DAILY_MATERIAL_UPLOADS - 1; i += 1) {
        insert.run(`c${i.toString(16).padStart(31, '0')}`, carol.userId, 'f'.repeat(64), now);
      }
    })();
    db.close();

    await materialOk(carol, pdf(3000, 10), 'last.pdf');
    const before = state();
    const error = expectError(await uploadMaterial(carol, pdf(3000, 11), 'one-more.pdf'), 429, 'RATE_LIMITED');
    expect(error.message).toBe(MATERIAL_MESSAGES.dailyLimit);
    expect(error.retryAfterSeconds).toBeGreaterThan(0);
    expect(state()).toEqual(before);

    const big = pdf(5 * 1024 * 1024, 12);
    const session = await gw.request('/api/uploads/sessions', {
      method: 'POST',
      token: carol.token,
      body: {
        purpose: 'material',
        fileName: 'big.pdf',
        mime: 'application/pdf',
        size: big.length,
        sha256: sha256(big),
      },
    });
    expect(expectError(session, 429, 'RATE_LIMITED').message).toBe(MATERIAL_MESSAGES.dailyLimit);
    expect(countRows(gw, 'upload_sessions')).toBe(0);
  });
});
