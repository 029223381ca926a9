import type { Database, Statement } from 'better-sqlite3';

/**
 * SQL condition true for a user id that is not a demo resident's. Officers' work lists (the
 * pre-review queue, 差评 tickets, commitments to verify) add it, so demo history never sits among
 * real residents' work; an officer can still open a demo row by its id.
 */
export const NOT_DEMO_USER = (userIdColumn: string): string =>
  `${userIdColumn} NOT IN (SELECT id FROM users WHERE demo = 1)`;

/** The demo flag on accounts (migration 9); everything else a demo resident owns follows from it. */
export class DemoStore {
  private readonly markStmt: Statement<[string]>;
  private readonly demoByMobileStmt: Statement<[string], { id: string }>;
  private readonly countStmt: Statement<[], { n: number }>;
  private readonly isDemoStmt: Statement<[string], { demo: number }>;

  constructor(db: Database) {
    this.markStmt = db.prepare('UPDATE users SET demo = 1 WHERE id = ?');
    this.demoByMobileStmt = db.prepare('SELECT id FROM users WHERE mobile = ? AND demo = 1');
    this.countStmt = db.prepare('SELECT COUNT(*) AS n FROM users WHERE demo = 1');
    this.isDemoStmt = db.prepare('SELECT demo FROM users WHERE id = ?');
  }

  mark(userId: string): void {
    this.markStmt.run(userId);
  }

  /** The demo resident who logs in with this mobile, if demo history already created them. */
  demoUserByMobile(mobile: string): string | undefined {
    return this.demoByMobileStmt.get(mobile)?.id;
  }

  isDemo(userId: string): boolean {
    return this.isDemoStmt.get(userId)?.demo === 1;
  }

  demoUserCount(): number {
    return this.countStmt.get()?.n ?? 0;
  }
}
