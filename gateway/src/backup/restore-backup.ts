import fs from 'node:fs';
import path from 'node:path';
import { randomBytes, createPrivateKey, createPublicKey } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import { DATABASE_FILE } from '../db/open-database';
import { FILES_DIR } from '../uploads/upload-service';
import { SESSIONS_DIR } from '../uploads/upload-session-service';
import { CommitmentKey, KEY_DIR, PRIVATE_KEY_FILE, keyIdOf } from '../commitments/signing-key';
import { SMS_CODE_SECRET, WINDOW_QR_SECRET, secretFilePath, type SecretFile } from '../auth/secret-files';
import { copyHashed } from './file-hash';
import { blobPath, readManifest, type BackupEntry, type BackupManifest } from './manifest';
import { isSnapshotDir, listBackups } from './backup-folder';

/** A restore that was not done: the message (Chinese) says why and what to do; nothing was written. */
export class RestoreRefused extends Error {}

export interface RestoreOptions {
  /** A backup (the folder with manifest.json), or a backup folder: then its newest backup. */
  source: string;
  dataDir: string;
  /** Restore over a data folder that is not empty (its database, files and keys are replaced). */
  force: boolean;
  /**
   * A folder holding commitment-ed25519.pem (and the HMAC key files), for backups made without the
   * secret keys: a data folder's `keys/` kept apart.
   */
  keysFrom?: string;
}

export interface RestoreResult {
  backup: string;
  createdAt: string;
  files: number;
  privateKeyRestored: boolean;
  /** Set when the gateway will not start until the private key is put back (Chinese). */
  keyWarning?: string;
  /**
   * Set when the window QR key is not back (Chinese): the gateway starts, but with a new key, so
   * every window QR code already printed stops verifying.
   */
  secretWarning?: string;
  /** Open uploads whose part file was not captured: their chunks are forgotten, the app sends them again. */
  resetUploads: number;
}

const SAFE_FILE = new RegExp(`^${FILES_DIR}/([0-9a-f]{32}|${SESSIONS_DIR}/[0-9a-f]{32}\\.part)$`);
const SECRET_FILES: SecretFile[] = [SMS_CODE_SECRET, WINDOW_QR_SECRET];
const SAFE_KEY = new RegExp(
  `^${KEY_DIR}/(commitment-ed25519(\\.pub)?\\.pem|${SECRET_FILES.map((s) => s.file.replace(/\./g, '\\.')).join('|')})$`,
);

function findBackup(source: string): { dir: string; root: string; manifest: BackupManifest } {
  if (isSnapshotDir(source)) {
    const manifest = readManifest(source);
    if (!manifest) throw new RestoreRefused(`备份清单 ${path.join(source, 'manifest.json')} 无法读取或格式不对`);
    return { dir: source, root: path.dirname(source), manifest };
  }
  const newest = listBackups(source).at(-1);
  if (!newest) throw new RestoreRefused(`备份目录 ${source} 中没有找到完整的备份（应含 manifest.json）`);
  return { dir: newest.dir, root: source, manifest: newest.manifest };
}

function isEmptyDir(dir: string): boolean {
  try {
    return fs.readdirSync(dir).length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
}

function keyIdOfPrivate(file: string): string | undefined {
  try {
    return keyIdOf(createPublicKey(createPrivateKey(fs.readFileSync(file, 'utf8'))));
  } catch {
    return undefined;
  }
}

/** A private key brought back separately (`--keys`): accepted only if it is the backup's key. */
function separateKey(keysFrom: string, manifest: BackupManifest): string {
  const candidates = [path.join(keysFrom, PRIVATE_KEY_FILE), path.join(keysFrom, KEY_DIR, PRIVATE_KEY_FILE)];
  const file = candidates.find((f) => fs.existsSync(f));
  if (!file) throw new RestoreRefused(`--keys 指定的目录 ${keysFrom} 中没有收据签名私钥 ${PRIVATE_KEY_FILE}`);
  const id = keyIdOfPrivate(file);
  if (id === undefined) throw new RestoreRefused(`--keys 指定的收据签名私钥 ${file} 无法读取`);
  if (manifest.keyId !== null && id !== manifest.keyId) {
    throw new RestoreRefused(`--keys 指定的收据签名私钥（编号 ${id}）与备份的收据公钥（编号 ${manifest.keyId}）不匹配`);
  }
  return file;
}

/** HMAC key files brought back separately (`--keys`) that the backup does not hold itself. */
function separateSecrets(keysFrom: string, manifest: BackupManifest): [SecretFile, string][] {
  const found: [SecretFile, string][] = [];
  for (const secret of SECRET_FILES) {
    if (manifest.keys.some((k) => k.path === `${KEY_DIR}/${secret.file}`)) continue;
    const file = [path.join(keysFrom, secret.file), path.join(keysFrom, KEY_DIR, secret.file)].find((f) =>
      fs.existsSync(f),
    );
    if (!file) continue;
    // An empty key would stop the gateway at start (loadSecret): refused here, before anything is written.
    if (fs.readFileSync(file, 'utf8').trim() === '') throw new RestoreRefused(`--keys 指定的密钥文件 ${file} 是空的`);
    found.push([secret, file]);
  }
  return found;
}

/**
 * Brings a backup back into a data folder. Every file is copied to a staging folder and checked
 * against the manifest's SHA-256 first; only when all match does anything replace the data
 * folder's contents, so a damaged backup leaves the folder as it was.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const { dataDir } = options;
  const found = findBackup(path.resolve(options.source));
  const { manifest } = found;
  for (const entry of manifest.files) {
    if (!SAFE_FILE.test(entry.path)) throw new RestoreRefused(`备份清单中的文件路径不合规：${entry.path}`);
  }
  for (const entry of manifest.keys) {
    if (!SAFE_KEY.test(entry.path)) throw new RestoreRefused(`备份清单中的密钥路径不合规：${entry.path}`);
  }
  if (!options.force && !isEmptyDir(dataDir)) {
    throw new RestoreRefused(
      `数据目录 ${dataDir} 不是空的：恢复会覆盖其中的数据库、上传文件和密钥。请换一个空目录，或确认覆盖后加 --force`,
    );
  }
  const keyFile =
    options.keysFrom && !manifest.privateKeyIncluded ? separateKey(options.keysFrom, manifest) : undefined;
  const secretFiles = options.keysFrom ? separateSecrets(options.keysFrom, manifest) : [];

  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const staging = path.join(dataDir, `.restore-${randomBytes(6).toString('hex')}`);
  try {
    const staged: [BackupEntry, string][] = [];
    const problems: string[] = [];
    const stage = async (entry: BackupEntry, source: string, mode: number): Promise<void> => {
      let copy: { temp: string; sha256: string; size: number };
      try {
        copy = await copyHashed(source, staging, mode);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        problems.push(`${entry.path}：备份中缺少这个文件`);
        return;
      }
      if (copy.sha256 !== entry.sha256 || copy.size !== entry.size) {
        problems.push(`${entry.path}：校验值不符（备份已损坏或被改动）`);
        fs.rmSync(copy.temp, { force: true });
        return;
      }
      staged.push([entry, copy.temp]);
    };
    await stage(manifest.database, path.join(found.dir, DATABASE_FILE), 0o600);
    for (const entry of manifest.files) await stage(entry, blobPath(found.root, entry.sha256), 0o600);
    for (const entry of manifest.keys) {
      await stage(
        entry,
        path.join(found.dir, ...entry.path.split('/')),
        entry.path.endsWith('.pub.pem') ? 0o644 : 0o600,
      );
    }
    if (problems.length > 0) {
      throw new RestoreRefused(`备份校验未通过，数据目录未作改动：\n  ${problems.join('\n  ')}`);
    }

    // Everything checked: now replace. The database goes with its WAL files (stale ones would be replayed into it).
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(path.join(dataDir, DATABASE_FILE + suffix), { force: true });
    fs.rmSync(path.join(dataDir, FILES_DIR), { recursive: true, force: true });
    for (const [entry, temp] of staged) {
      const target = path.join(dataDir, ...entry.path.split('/'));
      fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
      fs.renameSync(temp, target);
    }
    if (keyFile) {
      const target = CommitmentKey.paths(dataDir).privateFile;
      fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
      fs.copyFileSync(keyFile, target);
      fs.chmodSync(target, 0o600);
    }
    for (const [secret, file] of secretFiles) {
      const target = secretFilePath(dataDir, secret);
      fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
      fs.copyFileSync(file, target);
      fs.chmodSync(target, 0o600);
    }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }

  const resetUploads = forgetUncapturedChunks(dataDir);
  const privateFile = CommitmentKey.paths(dataDir).privateFile;
  const restoredId = fs.existsSync(privateFile) ? keyIdOfPrivate(privateFile) : undefined;
  let keyWarning: string | undefined;
  if (manifest.keyId !== null && restoredId === undefined) {
    keyWarning =
      `备份不含收据签名私钥：请把原数据目录的 ${KEY_DIR}/${PRIVATE_KEY_FILE} 放回 ${path.join(dataDir, KEY_DIR)}（或用 --keys 指定）后再启动网关；` +
      '网关在私钥缺失时拒绝启动，以免新密钥让已签发的承诺收据无法核验';
  } else if (manifest.keyId !== null && restoredId !== manifest.keyId) {
    keyWarning = `数据目录中的收据签名私钥（编号 ${restoredId}）不是备份时的密钥（编号 ${manifest.keyId}）：网关将拒绝启动`;
  }
  const secretWarning = fs.existsSync(secretFilePath(dataDir, WINDOW_QR_SECRET))
    ? undefined
    : `备份不含窗口二维码密钥：请把原数据目录的 ${KEY_DIR}/${WINDOW_QR_SECRET.file} 放回 ${path.join(dataDir, KEY_DIR)}（或用 --keys 指定）后再启动网关；` +
      '否则网关会生成新密钥，已打印的窗口二维码将无法用于评价';
  return {
    backup: found.dir,
    createdAt: manifest.createdAt,
    files: manifest.files.length,
    privateKeyRestored: restoredId !== undefined && restoredId === manifest.keyId,
    keyWarning,
    secretWarning,
    resetUploads,
  };
}

/**
 * An upload completed between the database copy and the file copy left no part file in the
 * backup, while the copied database still lists its chunks as received: those chunks are
 * forgotten, so the app's resume sends them again instead of completing a file that is not there.
 */
function forgetUncapturedChunks(dataDir: string): number {
  const db = new BetterSqlite3(path.join(dataDir, DATABASE_FILE));
  try {
    const open = db.prepare(`SELECT id FROM upload_sessions WHERE status = 'open'`).all() as { id: string }[];
    const forget = db.prepare('DELETE FROM upload_chunks WHERE session_id = ?');
    let reset = 0;
    for (const { id } of open) {
      if (fs.existsSync(path.join(dataDir, FILES_DIR, SESSIONS_DIR, `${id}.part`))) continue;
      if (forget.run(id).changes > 0) reset += 1;
    }
    return reset;
  } finally {
    db.close();
  }
}
