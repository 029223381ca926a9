import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { DATABASE_FILE } from '../db/open-database';
import { FILES_DIR } from '../uploads/upload-service';
import { SESSIONS_DIR } from '../uploads/upload-session-service';
import { CommitmentKey, PRIVATE_KEY_FILE, PUBLIC_KEY_FILE, KEY_DIR } from '../commitments/signing-key';
import { SMS_CODE_SECRET, WINDOW_QR_SECRET, secretFilePath } from '../auth/secret-files';
import { copyHashed, hashFile } from './file-hash';
import { BACKUP_FORMAT, BLOBS_DIR, MANIFEST_FILE, blobPath, type BackupEntry, type BackupManifest } from './manifest';
import { snapshotName } from './backup-folder';

/**
 * Pages copied per step of SQLite's online backup. Between steps the event loop runs (the gateway
 * keeps answering); writes through the same connection are carried into the copy as they happen,
 * while a write from another process restarts it, so a step large enough for a typical database
 * (4 MB at 4 KB pages) keeps a CLI backup from chasing a busy gateway for long.
 */
const PAGES_PER_STEP = 1024;

export interface BackupOptions {
  /** The connection to copy: the gateway's own when it schedules backups, the CLI's own otherwise. */
  db: Database;
  dataDir: string;
  /** The backup folder: one sub-folder per backup, and `blobs/` shared by all of them. */
  root: string;
  /**
   * Copy the secret keys too: the receipt signing key's private half and the HMAC keys of SMS codes
   * and window QR codes (see README: kept apart by default). Without the window QR key a restored
   * gateway makes a new one and every QR code already printed on a counter stops verifying.
   */
  withSecretKeys: boolean;
  now?: () => Date;
}

export interface BackupResult {
  name: string;
  dir: string;
  /** Stored files the backup lists. */
  files: number;
  /** Of those, copied now (the others were already in the folder from an earlier backup). */
  copied: number;
  bytesCopied: number;
  privateKeyIncluded: boolean;
  /** The HMAC key files (`keys/…`) in the backup: both, unless one was never made (an env-set SMS key). */
  secretKeysIncluded: string[];
  /** Files the database lists whose bytes were already gone from the data folder (not in the backup). */
  missing: string[];
}

interface SnapshotRows {
  schemaVersion: number;
  uploads: { id: string; sha256: string }[];
  openSessions: string[];
}

/** What the copied database (not the live one) refers to: exactly those files belong to this backup. */
function readSnapshot(file: string): SnapshotRows {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return {
      schemaVersion:
        (db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null }).v ?? 0,
      uploads: db.prepare('SELECT id, sha256 FROM uploads ORDER BY id').all() as { id: string; sha256: string }[],
      openSessions: (db.prepare(`SELECT id FROM upload_sessions WHERE status = 'open'`).all() as { id: string }[]).map(
        (r) => r.id,
      ),
    };
  } finally {
    db.close();
  }
}

/**
 * The copy carries the source's WAL mode, and with it -wal and -shm files beside it: switched to a
 * rollback journal, everything is in the one file that is hashed and restored.
 */
function settle(file: string): void {
  const db = new BetterSqlite3(file);
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}

function uniqueDir(root: string, base: string): string {
  for (let n = 1; ; n += 1) {
    const name = n === 1 ? base : `${base}-${n}`;
    if (!fs.existsSync(path.join(root, name))) return name;
  }
}

/** Moves a hashed copy to its place in the blob store (or drops it when an identical one is there). */
function placeBlob(root: string, temp: string, sha256: string): void {
  const target = blobPath(root, sha256);
  if (fs.existsSync(target)) {
    fs.rmSync(temp, { force: true });
    return;
  }
  fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
  fs.renameSync(temp, target);
}

/**
 * An online, consistent backup: the database through SQLite's backup API, then the files that copy
 * refers to. Uploads are written to disk before their row is committed and never changed after, so
 * every file the copied database lists is there to copy; an open upload's part file is copied
 * after the database, so it holds at least every chunk the copy records.
 */
export async function createBackup(options: BackupOptions): Promise<BackupResult> {
  const { root, dataDir } = options;
  const at = (options.now ?? (() => new Date()))();
  fs.mkdirSync(path.join(root, BLOBS_DIR), { recursive: true, mode: 0o700 });
  const tmp = path.join(root, `.tmp-${randomBytes(6).toString('hex')}`);
  fs.mkdirSync(tmp, { mode: 0o700 });
  // Interrupted copies are left here; a prune clears them once they are old (see BLOB_GRACE_MS).
  const incoming = path.join(root, BLOBS_DIR, '.incoming');
  try {
    const dbCopy = path.join(tmp, DATABASE_FILE);
    await options.db.backup(dbCopy, { progress: () => PAGES_PER_STEP });
    fs.chmodSync(dbCopy, 0o600);
    settle(dbCopy);
    const rows = readSnapshot(dbCopy);

    const files: BackupEntry[] = [];
    const missing: string[] = [];
    let copied = 0;
    let bytesCopied = 0;
    const copy = async (relative: string, source: string, knownSha256?: string): Promise<void> => {
      const known = knownSha256 && blobPath(root, knownSha256);
      if (known && fs.existsSync(known)) {
        // Touched so that a prune running meanwhile leaves it alone (see BLOB_GRACE_MS).
        const now = new Date();
        fs.utimesSync(known, now, now);
        files.push({ path: relative, sha256: knownSha256, size: fs.statSync(known).size });
        return;
      }
      let result: { temp: string; sha256: string; size: number };
      try {
        result = await copyHashed(source, incoming);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        missing.push(relative);
        return;
      }
      placeBlob(root, result.temp, result.sha256);
      files.push({ path: relative, sha256: result.sha256, size: result.size });
      copied += 1;
      bytesCopied += result.size;
    };
    for (const upload of rows.uploads) {
      await copy(`${FILES_DIR}/${upload.id}`, path.join(dataDir, FILES_DIR, upload.id), upload.sha256);
    }
    for (const id of rows.openSessions) {
      const relative = `${FILES_DIR}/${SESSIONS_DIR}/${id}.part`;
      // No part file yet (no chunk written) is normal for a session just started.
      if (fs.existsSync(path.join(dataDir, relative))) await copy(relative, path.join(dataDir, relative));
    }
    // A part file that vanished between the two steps belongs to a session completed meanwhile.
    const lostParts = missing.filter((m) => m.startsWith(`${FILES_DIR}/${SESSIONS_DIR}/`));
    const lostUploads = missing.filter((m) => !lostParts.includes(m));

    const keyPaths = CommitmentKey.paths(dataDir);
    const keys: BackupEntry[] = [];
    const keyTargets: [string, string, number][] = [[PUBLIC_KEY_FILE, keyPaths.publicFile, 0o644]];
    if (options.withSecretKeys) {
      keyTargets.push([PRIVATE_KEY_FILE, keyPaths.privateFile, 0o600]);
      for (const secret of [SMS_CODE_SECRET, WINDOW_QR_SECRET]) {
        keyTargets.push([secret.file, secretFilePath(dataDir, secret), 0o600]);
      }
    }
    let privateKeyIncluded = false;
    const secretKeysIncluded: string[] = [];
    for (const [name, source, mode] of keyTargets) {
      // An SMS key set through GATEWAY_SMS_CODE_SECRET has no file: nothing to copy, the env is the copy.
      if (!fs.existsSync(source)) continue;
      const copiedKey = await copyHashed(source, path.join(tmp, KEY_DIR), mode);
      fs.renameSync(copiedKey.temp, path.join(tmp, KEY_DIR, name));
      keys.push({ path: `${KEY_DIR}/${name}`, sha256: copiedKey.sha256, size: copiedKey.size });
      if (name === PRIVATE_KEY_FILE) privateKeyIncluded = true;
      else if (name !== PUBLIC_KEY_FILE) secretKeysIncluded.push(`${KEY_DIR}/${name}`);
    }

    const database = await hashFile(dbCopy);
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      createdAt: at.toISOString(),
      schemaVersion: rows.schemaVersion,
      database: { path: DATABASE_FILE, ...database },
      files,
      keys,
      keyId: CommitmentKey.loadPublic(dataDir)?.keyId ?? null,
      privateKeyIncluded,
    };
    fs.writeFileSync(path.join(tmp, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
    // Renamed into place last: a backup folder with a manifest is always complete.
    const name = uniqueDir(root, snapshotName(at));
    const dir = path.join(root, name);
    fs.renameSync(tmp, dir);
    return {
      name,
      dir,
      files: files.length,
      copied,
      bytesCopied,
      privateKeyIncluded,
      secretKeysIncluded,
      missing: lostUploads,
    };
  } catch (error) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
}
