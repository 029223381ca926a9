import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { DATABASE_FILE } from '../db/open-database';
import { createBackup } from '../backup/create-backup';
import { RestoreRefused, restoreBackup } from '../backup/restore-backup';
import { UsageError } from './usage-error';
import type { AdminIo } from './admin-commands';

export const BACKUP_USAGE = `  backup DIR [--with-secret-keys]                 在线备份数据库、上传文件和收据公钥到 DIR（已备份过的文件不重复复制；加选项则连同私钥和 HMAC 密钥）
  restore DIR [--force] [--keys KEY_DIR]          从 DIR（其中最新的备份，或指定的一份）恢复到空的数据目录`;

export const BACKUP_COMMANDS = new Set(['backup', 'restore']);

/** Flags without values (`--force`) and the one with a value (`--keys DIR`); anything else is a usage error. */
function parse(
  argv: string[],
  valued: Set<string>,
  bare: Set<string>,
): { positional: string[]; flags: Map<string, string> } {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const name = arg.slice(2);
    if (bare.has(name)) flags.set(name, '');
    else if (valued.has(name)) {
      const value = argv[i + 1];
      if (value === undefined) throw new UsageError(`选项 ${arg} 缺少取值`);
      flags.set(name, value);
      i += 1;
    } else throw new UsageError(`未知选项 ${arg}`);
  }
  return { positional, flags };
}

async function backup(argv: string[], dataDir: string, io: AdminIo): Promise<number> {
  // --with-private-key: the older name, from when the receipt key was the only secret a backup could hold.
  const { positional, flags } = parse(argv, new Set(), new Set(['with-secret-keys', 'with-private-key']));
  const [dir] = positional;
  if (!dir || positional.length > 1) throw new UsageError('用法：backup DIR [--with-secret-keys]');
  const file = path.join(dataDir, DATABASE_FILE);
  if (!fs.existsSync(file)) {
    io.err(`未完成：数据目录 ${dataDir} 中没有数据库 ${DATABASE_FILE}，没有可备份的内容`);
    return 1;
  }
  // Its own connection, not the gateway's: the backup API restarts if the gateway writes between steps.
  const db = new BetterSqlite3(file, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  try {
    const result = await createBackup({
      db,
      dataDir,
      root: path.resolve(dir),
      withSecretKeys: flags.has('with-secret-keys') || flags.has('with-private-key'),
    });
    io.out(`备份完成：${result.dir}`);
    io.out(
      `文件 ${result.files} 个，其中新复制 ${result.copied} 个（${result.bytesCopied} 字节），其余已在早先的备份中`,
    );
    const secrets = result.secretKeysIncluded.length;
    io.out(
      result.privateKeyIncluded || secrets > 0
        ? `已包含密钥（收据签名私钥${secrets > 0 ? `及 ${secrets} 个 HMAC 密钥` : ''}）：请像保管私钥本身一样保管这份备份`
        : '未包含密钥（只有收据公钥）：请另行妥善保管数据目录的 keys/ 目录（收据签名私钥、短信验证码和窗口二维码的 HMAC 密钥），恢复时用 --keys 指定',
    );
    for (const missing of result.missing) io.err(`注意：数据库记录的文件 ${missing} 已不在数据目录中，未能备份`);
    return 0;
  } finally {
    db.close();
  }
}

async function restore(argv: string[], dataDir: string, io: AdminIo): Promise<number> {
  const { positional, flags } = parse(argv, new Set(['keys']), new Set(['force']));
  const [dir] = positional;
  if (!dir || positional.length > 1) throw new UsageError('用法：restore DIR [--force] [--keys KEY_DIR]');
  try {
    const result = await restoreBackup({
      source: dir,
      dataDir,
      force: flags.has('force'),
      keysFrom: flags.get('keys'),
    });
    io.out(
      `已恢复 ${result.backup}（备份于 ${result.createdAt}）到 ${dataDir}：文件 ${result.files} 个，校验值全部一致`,
    );
    if (result.resetUploads > 0) {
      io.out(`${result.resetUploads} 个未完成的分片上传需要重新上传分片（备份时其临时文件已不在）`);
    }
    // The gateway starts without it (old QR codes fail, new ones work): a note, not a failure.
    if (result.secretWarning) io.err(`注意：${result.secretWarning}`);
    if (result.keyWarning) {
      // Restored, but not startable yet: a script that goes on to start the gateway should stop here.
      io.err(`注意：${result.keyWarning}`);
      return 1;
    }
    io.out('收据签名密钥已就位，已签发的承诺收据可照常核验');
    return 0;
  } catch (error) {
    if (error instanceof RestoreRefused) {
      io.err(`未恢复：${error.message}`);
      return 1;
    }
    throw error;
  }
}

/** `backup` and `restore` run before the admin CLI opens (and seeds) the database: restore needs an empty folder. */
export function runBackupCommand(command: string, argv: string[], dataDir: string, io: AdminIo): Promise<number> {
  return command === 'backup' ? backup(argv, dataDir, io) : restore(argv, dataDir, io);
}
