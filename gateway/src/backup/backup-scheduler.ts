import type { Database } from 'better-sqlite3';
import { createBackup, type BackupResult } from './create-backup';
import { listBackups, pruneBackups } from './backup-folder';

/** GATEWAY_BACKUP_*: where, how often, how many to keep, and whether the secret keys go along. */
export interface BackupSchedule {
  dir: string;
  intervalMs: number;
  keep: number;
  withSecretKeys: boolean;
}

export interface BackupLog {
  info(data: object, message: string): void;
  error(data: object, message: string): void;
}

/**
 * Backups on a timer inside the gateway, over the gateway's own connection (so its writes during a
 * backup go into the copy instead of restarting it). The first one is due an interval after the
 * newest backup already in the folder: restarting the gateway neither skips nor repeats one.
 */
export class BackupScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<BackupResult | undefined> | undefined;
  private stopped = false;

  constructor(private readonly deps: { db: Database; dataDir: string; schedule: BackupSchedule; log: BackupLog }) {}

  start(): void {
    const newest = listBackups(this.deps.schedule.dir).at(-1);
    const due = newest ? Date.parse(newest.manifest.createdAt) + this.deps.schedule.intervalMs : Date.now();
    this.arm(Math.max(0, due - Date.now()));
  }

  private arm(delayMs: number): void {
    if (this.stopped) return;
    // Never more than Node's timer limit (about 24.8 days): a longer interval re-arms on the way.
    this.timer = setTimeout(
      () => {
        void this.runOnce().finally(() => this.arm(this.deps.schedule.intervalMs));
      },
      Math.min(delayMs, 2 ** 31 - 1),
    );
  }

  /** One backup and the pruning after it; while one runs, a second call waits for that one. Never throws (logs). */
  runOnce(): Promise<BackupResult | undefined> {
    if (!this.running) {
      this.running = this.backup().finally(() => {
        this.running = undefined;
      });
    }
    return this.running;
  }

  private async backup(): Promise<BackupResult | undefined> {
    const { schedule, log } = this.deps;
    try {
      const result = await createBackup({
        db: this.deps.db,
        dataDir: this.deps.dataDir,
        root: schedule.dir,
        withSecretKeys: schedule.withSecretKeys,
      });
      const pruned = pruneBackups(schedule.dir, schedule.keep);
      log.info(
        { backup: { name: result.name, files: result.files, copied: result.copied, pruned: pruned.removed } },
        `定时备份完成：${result.dir}（文件 ${result.files} 个，新复制 ${result.copied} 个）`,
      );
      if (result.missing.length > 0) {
        log.error(
          { backup: { missing: result.missing } },
          `定时备份：数据库记录的 ${result.missing.length} 个文件已不在数据目录中`,
        );
      }
      return result;
    } catch (error) {
      log.error({ err: error }, `定时备份失败：${schedule.dir}`);
      return undefined;
    }
  }

  /** No new backups; waits for one in progress (the database must stay open until it is done). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}
