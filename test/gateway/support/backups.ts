import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { runBackupCommand } from '../../../gateway/src/cli/backup-commands';
import { DATABASE_FILE } from '../../../gateway/src/db/open-database';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** `npm run gateway:admin -- backup|restore …` in this process, output captured. */
export async function backupCli(command: 'backup' | 'restore', dataDir: string, ...argv: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runBackupCommand(command, argv, dataDir, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The folder of the backup a `backup` run made (its first output line). */
export function backupDirOf(run: CliRun): string {
  const match = /备份完成：(.+)$/m.exec(run.out);
  if (!match) throw new Error(`no backup made: ${run.out}\n${run.err}`);
  return match[1];
}

export interface StoredIds {
  cases: { id: string; user_id: string }[];
  uploads: { id: string; user_id: string; sha256: string }[];
  commitments: string[];
  ratings: { id: string; user_id: string }[];
}

/** What a database (a backup's copy, say) holds of what the people in a test made. */
export function storedIds(dataDir: string): StoredIds {
  const db = new BetterSqlite3(path.join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    const ids = (sql: string) => (db.prepare(sql).all() as { id: string }[]).map((r) => r.id);
    return {
      cases: db.prepare('SELECT id, user_id FROM cases ORDER BY id').all() as StoredIds['ratings'],
      uploads: db.prepare('SELECT id, user_id, sha256 FROM uploads ORDER BY id').all() as StoredIds['uploads'],
      commitments: ids('SELECT id FROM commitments ORDER BY id'),
      ratings: db.prepare('SELECT id, user_id FROM ratings ORDER BY id').all() as StoredIds['ratings'],
    };
  } finally {
    db.close();
  }
}
