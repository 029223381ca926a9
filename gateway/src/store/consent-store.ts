import type { Database, Statement } from 'better-sqlite3';
import type { ConsentPlatform, NotificationTemplate } from '../../../types/contract';

export interface ConsentRow {
  template: NotificationTemplate;
  accepted: 0 | 1;
  platform: ConsentPlatform;
  answered_at: number;
}

/** Each person's latest answer per message template (the platforms' consent prompts, or an opt-out). */
export class ConsentStore {
  private readonly upsertStmt: Statement<[string, string, number, string, number]>;
  private readonly forUserStmt: Statement<[string], ConsentRow>;
  private readonly oneStmt: Statement<[string, string], ConsentRow>;

  constructor(private readonly db: Database) {
    this.upsertStmt = db.prepare(`
      INSERT INTO notification_consents (user_id, template, accepted, platform, answered_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (user_id, template) DO UPDATE SET
        accepted = excluded.accepted, platform = excluded.platform, answered_at = excluded.answered_at`);
    this.forUserStmt = db.prepare(
      'SELECT template, accepted, platform, answered_at FROM notification_consents WHERE user_id = ?',
    );
    this.oneStmt = db.prepare(
      'SELECT template, accepted, platform, answered_at FROM notification_consents WHERE user_id = ? AND template = ?',
    );
  }

  /** Records the answers together (all or none). */
  answer(
    userId: string,
    answers: { template: NotificationTemplate; accepted: boolean }[],
    platform: ConsentPlatform,
    now: number,
  ): void {
    this.db.transaction(() => {
      for (const a of answers) this.upsertStmt.run(userId, a.template, a.accepted ? 1 : 0, platform, now);
    })();
  }

  forUser(userId: string): ConsentRow[] {
    return this.forUserStmt.all(userId);
  }

  get(userId: string, template: NotificationTemplate): ConsentRow | undefined {
    return this.oneStmt.get(userId, template);
  }
}
