import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { KEY_DIR } from '../commitments/signing-key';
import { newSecret } from './secrets';

export const SMS_SECRET_FILE = 'sms-code-hmac.key';
/** Where gateways before migration 11 kept the secret (the settings table). */
export const LEGACY_SMS_SECRET_SETTING = 'sms_code_secret';
/** Shorter secrets from the environment are refused: the 10^6 codes are only as safe as the key. */
export const MIN_SMS_SECRET_LENGTH = 32;

export function smsSecretFile(dataDir: string): string {
  return path.join(dataDir, KEY_DIR, SMS_SECRET_FILE);
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
 * Before migration 11 deletes the settings row, its secret is written to the keys folder, so codes
 * already sent keep working. Runs before the migrations; true when there was a row to move.
 */
export function moveLegacySmsSecret(db: Database, dataDir: string): boolean {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'settings'").get();
  if (table === undefined) return false;
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(LEGACY_SMS_SECRET_SETTING) as
    { value: string } | undefined;
  if (row === undefined) return false;
  writeOnce(smsSecretFile(dataDir), row.value);
  return true;
}

/**
 * The HMAC key of SMS codes: GATEWAY_SMS_CODE_SECRET when set, else `<dataDir>/keys/sms-code-hmac.key`
 * (0600, made on first start). Never in the database, so a copy of it cannot test the 10^6 codes.
 */
export function loadSmsSecret(dataDir: string, fromEnvironment?: string): string {
  if (fromEnvironment !== undefined) {
    if (fromEnvironment.length < MIN_SMS_SECRET_LENGTH) {
      throw new Error(`GATEWAY_SMS_CODE_SECRET must be at least ${MIN_SMS_SECRET_LENGTH} characters`);
    }
    return fromEnvironment;
  }
  const file = smsSecretFile(dataDir);
  if (!fs.existsSync(file)) writeOnce(file, newSecret());
  const secret = fs.readFileSync(file, 'utf8').trim();
  if (secret === '') throw new Error(`${file} is empty: restore it or delete it to start a new secret`);
  return secret;
}
