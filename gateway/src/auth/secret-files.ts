import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { KEY_DIR } from '../commitments/signing-key';
import { newSecret } from './secrets';

/** A per-installation HMAC key: its file under `<dataDir>/keys`, and where gateways before migration 11 kept it. */
export interface SecretFile {
  file: string;
  /** Its key in the settings table before migration 11. */
  legacySetting: string;
}

/** Keys stored SMS codes are hashed with: a copy of the database alone cannot test the 10^6 codes. */
export const SMS_CODE_SECRET: SecretFile = { file: 'sms-code-hmac.key', legacySetting: 'sms_code_secret' };
/** Signs window QR codes: with it, anyone could print a QR code for a window that rates as genuine. */
export const WINDOW_QR_SECRET: SecretFile = { file: 'window-qr-hmac.key', legacySetting: 'window_qr_secret' };
const SECRET_FILES = [SMS_CODE_SECRET, WINDOW_QR_SECRET];

/** Shorter secrets from the environment are refused: the 10^6 codes are only as safe as the key. */
export const MIN_SMS_SECRET_LENGTH = 32;

export function secretFilePath(dataDir: string, secret: SecretFile): string {
  return path.join(dataDir, KEY_DIR, secret.file);
}

function writeOnce(file: string, value: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    // `wx`: two processes starting at once cannot both write; the loser reads the winner's.
    fs.writeFileSync(file, `${value}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

/**
 * Before migration 11 deletes the settings rows, their secrets are written to the keys folder, so
 * codes already sent and QR codes already printed keep working. Runs before the migrations; true
 * when there was a row to move.
 */
export function moveLegacySecrets(db: Database, dataDir: string): boolean {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'settings'").get();
  if (table === undefined) return false;
  const read = db.prepare('SELECT value FROM settings WHERE key = ?');
  let moved = false;
  for (const secret of SECRET_FILES) {
    const row = read.get(secret.legacySetting) as { value: string } | undefined;
    if (row === undefined) continue;
    writeOnce(secretFilePath(dataDir, secret), row.value);
    moved = true;
  }
  return moved;
}

/** The secret from its file (0600), made on first use. Never in the database. */
export function loadSecret(dataDir: string, secret: SecretFile): string {
  const file = secretFilePath(dataDir, secret);
  if (!fs.existsSync(file)) writeOnce(file, newSecret());
  const value = fs.readFileSync(file, 'utf8').trim();
  if (value === '') throw new Error(`${file} is empty: restore it or delete it to start a new secret`);
  return value;
}

/** The SMS codes' key: GATEWAY_SMS_CODE_SECRET when set, else `<dataDir>/keys/sms-code-hmac.key`. */
export function loadSmsSecret(dataDir: string, fromEnvironment?: string): string {
  if (fromEnvironment === undefined) return loadSecret(dataDir, SMS_CODE_SECRET);
  if (fromEnvironment.length < MIN_SMS_SECRET_LENGTH) {
    throw new Error(`GATEWAY_SMS_CODE_SECRET must be at least ${MIN_SMS_SECRET_LENGTH} characters`);
  }
  return fromEnvironment;
}
