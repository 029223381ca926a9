import fs from 'node:fs';
import type { Database } from 'better-sqlite3';
import { CommitmentKey } from '../commitments/signing-key';
import { migrations } from '../db/migrations';

export type ReadinessCheckName = 'database' | 'keys' | 'migrations';

export interface ReadinessCheck {
  name: ReadinessCheckName;
  ok: boolean;
  /** Chinese, names what is wrong; shown to whoever looks at a 503 from /readyz. */
  problem?: string;
}

export const READINESS_MESSAGES = {
  database: '数据库：无法访问',
  keys: '收据签名密钥：密钥文件缺失或不可读',
  migrationsBehind: (current: number, expected: number) => `数据库结构版本：当前 ${current}，应为 ${expected}`,
} as const;

function checkDatabase(db: Database): ReadinessCheck {
  try {
    db.prepare('SELECT 1').get();
    return { name: 'database', ok: true };
  } catch {
    return { name: 'database', ok: false, problem: READINESS_MESSAGES.database };
  }
}

/** Both key files: without the private key no receipt can be signed, without the public one none verified. */
function checkKeys(dataDir: string): ReadinessCheck {
  const { privateFile, publicFile } = CommitmentKey.paths(dataDir);
  try {
    fs.accessSync(privateFile, fs.constants.R_OK);
    fs.accessSync(publicFile, fs.constants.R_OK);
    return { name: 'keys', ok: true };
  } catch {
    return { name: 'keys', ok: false, problem: READINESS_MESSAGES.keys };
  }
}

function checkMigrations(db: Database): ReadinessCheck {
  const expected = migrations.length;
  let current = 0;
  try {
    current = (db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null }).v ?? 0;
  } catch {
    current = 0;
  }
  return current === expected
    ? { name: 'migrations', ok: true }
    : { name: 'migrations', ok: false, problem: READINESS_MESSAGES.migrationsBehind(current, expected) };
}

/** What /readyz answers from: every check, each on its own (one failing does not hide another). */
export function readinessChecks(db: Database, dataDir: string): ReadinessCheck[] {
  return [checkDatabase(db), checkKeys(dataDir), checkMigrations(db)];
}
