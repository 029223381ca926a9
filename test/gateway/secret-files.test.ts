import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { LoginResult } from '../../types/contract';
import { codeHash } from '../../gateway/src/auth/secrets';
import { windowSignature } from '../../gateway/src/ratings/window-qr';
import { SMS_CODE_SECRET, WINDOW_QR_SECRET, loadSmsSecret, secretFilePath } from '../../gateway/src/auth/secret-files';
import { migrate } from '../../gateway/src/db/migrate';
import { migrations } from '../../gateway/src/db/migrations';
import { DATABASE_FILE } from '../../gateway/src/db/open-database';
import { expectOk, startGateway, tempDir, TestClock, type TestGateway } from './support/harness';

const MOBILE = '13912345678';

/** Every byte SQLite keeps for the database: the file, its WAL and shared-memory index. */
function databaseBytes(dataDir: string): Buffer {
  const files = ['', '-wal', '-shm'].map((suffix) => path.join(dataDir, DATABASE_FILE + suffix));
  return Buffer.concat(files.filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)));
}

function settingsKeys(dataDir: string): string[] {
  const db = new BetterSqlite3(path.join(dataDir, DATABASE_FILE), { readonly: true });
  const keys = (db.prepare('SELECT key FROM settings').all() as { key: string }[]).map((r) => r.key);
  db.close();
  return keys;
}

async function login(gw: TestGateway, code: string): Promise<void> {
  const res = await gw.request('/api/auth/sms-login', { method: 'POST', body: { mobile: MOBILE, code } });
  expectOk(res, LoginResult);
}

describe('the SMS code and window QR secrets', () => {
  it('is kept in keys/ (0600), never in the database, and codes verify across a restart', async () => {
    const dataDir = tempDir('sms-secret');
    const clock = new TestClock();
    const first = await startGateway({ dataDir, now: clock.now });
    expect((await first.request('/api/auth/sms', { method: 'POST', body: { mobile: MOBILE } })).status).toBe(200);
    const code = first.smsCodes.get(MOBILE)?.[0] ?? '';
    await first.app.close();

    const secret = fs.readFileSync(secretFilePath(dataDir, SMS_CODE_SECRET), 'utf8').trim();
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.statSync(secretFilePath(dataDir, SMS_CODE_SECRET)).mode & 0o777).toBe(0o600);
    expect(databaseBytes(dataDir).includes(Buffer.from(secret))).toBe(false);
    const qrSecret = fs.readFileSync(secretFilePath(dataDir, WINDOW_QR_SECRET), 'utf8').trim();
    expect(qrSecret).toMatch(/^[0-9a-f]{64}$/);
    expect(databaseBytes(dataDir).includes(Buffer.from(qrSecret))).toBe(false);
    expect(settingsKeys(dataDir)).toEqual(expect.not.arrayContaining(['sms_code_secret', 'window_qr_secret']));

    const second = await startGateway({ dataDir, now: clock.now });
    try {
      await login(second, code);
    } finally {
      await second.app.close();
    }
  });

  it('moves secrets an older gateway kept in the database out of it: its codes and QR codes still verify', async () => {
    const dataDir = tempDir('sms-secret-legacy');
    const clock = new TestClock();
    const legacySecret = 'ab'.repeat(32);
    const legacyQrSecret = 'cd'.repeat(32);
    const old = new BetterSqlite3(path.join(dataDir, DATABASE_FILE));
    old.pragma('journal_mode = WAL');
    migrate(old, migrations.slice(0, 10));
    old.prepare("INSERT INTO settings (key, value) VALUES ('sms_code_secret', ?)").run(legacySecret);
    old.prepare("INSERT INTO settings (key, value) VALUES ('window_qr_secret', ?)").run(legacyQrSecret);
    const sentAt = clock.now().getTime();
    old
      .prepare('INSERT INTO sms_codes (mobile, code_hash, created_at, expires_at) VALUES (?, ?, ?, ?)')
      .run(MOBILE, codeHash(legacySecret, MOBILE, '246810'), sentAt, sentAt + 300_000);
    old.close();
    expect(databaseBytes(dataDir).includes(Buffer.from(legacySecret))).toBe(true);
    expect(databaseBytes(dataDir).includes(Buffer.from(legacyQrSecret))).toBe(true);

    const gw = await startGateway({ dataDir, now: clock.now, adminToken: 'secret-test' });
    try {
      expect(fs.readFileSync(secretFilePath(dataDir, SMS_CODE_SECRET), 'utf8').trim()).toBe(legacySecret);
      expect(fs.readFileSync(secretFilePath(dataDir, WINDOW_QR_SECRET), 'utf8').trim()).toBe(legacyQrSecret);
      expect(databaseBytes(dataDir).includes(Buffer.from(legacySecret))).toBe(false);
      expect(databaseBytes(dataDir).includes(Buffer.from(legacyQrSecret))).toBe(false);
      expect(settingsKeys(dataDir)).toEqual(expect.not.arrayContaining(['sms_code_secret', 'window_qr_secret']));
      // QR codes printed with the old secret are the ones the gateway still makes (and accepts).
      const qr = await gw.request('/api/admin/windows/FX-ZW-A01/qr', { headers: { 'x-admin-token': 'secret-test' } });
      const { qrContent } = (qr.body as { data: { qrContent: string } }).data;
      expect(qrContent.endsWith(`s=${windowSignature(legacyQrSecret, 'FX-ZW-A01')}`)).toBe(true);
      await login(gw, '246810');
    } finally {
      await gw.app.close();
    }
  });

  it('takes GATEWAY_SMS_CODE_SECRET when set, and refuses a short one', () => {
    const dataDir = tempDir('sms-secret-env');
    expect(loadSmsSecret(dataDir, 'x'.repeat(32))).toBe('x'.repeat(32));
    expect(fs.existsSync(secretFilePath(dataDir, SMS_CODE_SECRET))).toBe(false);
    expect(() => loadSmsSecret(dataDir, 'short')).toThrow(/at least 32/);
  });
});
