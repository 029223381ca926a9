import fs from 'node:fs';
import path from 'node:path';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

export const MANIFEST_FILE = 'manifest.json';
/** Content-addressed copies of stored files, shared by every backup in one backup folder. */
export const BLOBS_DIR = 'blobs';
export const BACKUP_FORMAT = 1;

const Sha256 = Type.String({ pattern: '^[0-9a-f]{64}$' });

/** One file of the data folder: where it goes back to (relative to the data folder), and what it must hash to. */
export const BackupEntry = Type.Object({ path: Type.String({ minLength: 1 }), sha256: Sha256, size: Type.Integer() });
export type BackupEntry = Static<typeof BackupEntry>;

export const BackupManifest = Type.Object({
  format: Type.Literal(BACKUP_FORMAT),
  createdAt: Type.String(),
  /** The newest migration recorded in the copied database. */
  schemaVersion: Type.Integer(),
  /** Copied into the backup's own folder (it changes every time). */
  database: BackupEntry,
  /** Uploads and open upload sessions' part files, kept in `<backup folder>/blobs` by their SHA-256. */
  files: Type.Array(BackupEntry),
  /**
   * Key files copied into the backup's own `keys/`: the receipt public key always; on request the
   * secret ones too (receipt private key, SMS code and window QR HMAC keys).
   */
  keys: Type.Array(BackupEntry),
  /** The receipt key's id (SHA-256 of its public key), so a key brought back separately can be checked. */
  keyId: Type.Union([Type.String(), Type.Null()]),
  privateKeyIncluded: Type.Boolean(),
});
export type BackupManifest = Static<typeof BackupManifest>;

/** Where a file's copy lives in the blob store: two-digit fan-out keeps folders small. */
export function blobPath(backupRoot: string, sha256: string): string {
  return path.join(backupRoot, BLOBS_DIR, sha256.slice(0, 2), sha256);
}

export function readManifest(snapshotDir: string): BackupManifest | undefined {
  const file = path.join(snapshotDir, MANIFEST_FILE);
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  return Value.Check(BackupManifest, parsed) ? parsed : undefined;
}
