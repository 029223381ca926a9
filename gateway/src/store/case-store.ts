import { randomUUID } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import type { CaseStatus } from '../../../types/contract';

/** A case as stored, with its department's name and its rating (if rated) joined in. */
export interface CaseRow {
  id: string;
  user_id: string;
  item_code: string;
  item_name: string;
  department_id: string;
  department_name: string;
  status: CaseStatus;
  submitted_at: number;
  completed_at: number | null;
  created_at: number;
  updated_at: number;
  /** The stored rating's id, when the case was rated. */
  rating_id: string | null;
}

export interface CaseEventRow {
  from_status: CaseStatus | null;
  to_status: CaseStatus;
  at: number;
  actor: string;
  note: string;
}

export interface NewCase {
  userId: string;
  itemCode: string;
  itemName: string;
  departmentId: string;
  status: CaseStatus;
  /** Who created it: `applicant`, `officer:<name>` or `system`. */
  actor: string;
  note: string;
}

/** 办结 and 已寄出: the statuses in which a case is finished (and can be rated). */
export const FINISHED_STATUSES: readonly CaseStatus[] = ['completed', 'posted'];

export function isFinished(status: CaseStatus): boolean {
  return FINISHED_STATUSES.includes(status);
}

const SELECT = `
  SELECT c.*, d.name AS department_name, r.id AS rating_id
  FROM cases c
  JOIN departments d ON d.id = c.department_id
  LEFT JOIN ratings r ON r.case_id = c.id`;

/**
 * 办件 and their status history. Every read that serves a user is scoped by user id. Transitions
 * are not policed here (the pre-review feature owns the workflow); this only records them.
 */
export class CaseStore {
  private readonly insertStmt: Statement<
    [string, string, string, string, string, string, number, number | null, number, number]
  >;
  private readonly eventStmt: Statement<[string, string | null, string, number, string, string]>;
  private readonly getStmt: Statement<[string], CaseRow>;
  private readonly getForUserStmt: Statement<[string, string], CaseRow>;
  private readonly listForUserStmt: Statement<[string], CaseRow>;
  private readonly defaultedForUserStmt: Statement<[string, number], CaseRow>;
  private readonly updateStatusStmt: Statement<[string, number | null, number, string]>;
  private readonly eventsStmt: Statement<[string], CaseEventRow>;

  constructor(private readonly db: Database) {
    this.insertStmt = db.prepare(`
      INSERT INTO cases (id, user_id, item_code, item_name, department_id, status, submitted_at, completed_at,
        created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.eventStmt = db.prepare(
      'INSERT INTO case_events (case_id, from_status, to_status, at, actor, note) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.getStmt = db.prepare(`${SELECT} WHERE c.id = ?`);
    this.getForUserStmt = db.prepare(`${SELECT} WHERE c.id = ? AND c.user_id = ?`);
    this.listForUserStmt = db.prepare(`${SELECT} WHERE c.user_id = ? ORDER BY c.submitted_at DESC, c.rowid DESC`);
    this.defaultedForUserStmt = db.prepare(`
      ${SELECT}
      WHERE c.user_id = ? AND c.status IN ('completed', 'posted') AND c.completed_at < ? AND r.id IS NULL`);
    this.updateStatusStmt = db.prepare(
      'UPDATE cases SET status = ?, completed_at = COALESCE(completed_at, ?), updated_at = ? WHERE id = ?',
    );
    this.eventsStmt = db.prepare(
      'SELECT from_status, to_status, at, actor, note FROM case_events WHERE case_id = ? ORDER BY id',
    );
  }

  /** Creates a case (submitted now; completed now when created finished) and its first history event. */
  create(input: NewCase, now: number): CaseRow {
    const id = randomUUID();
    this.db.transaction(() => {
      this.insertStmt.run(
        id,
        input.userId,
        input.itemCode,
        input.itemName,
        input.departmentId,
        input.status,
        now,
        isFinished(input.status) ? now : null,
        now,
        now,
      );
      this.eventStmt.run(id, null, input.status, now, input.actor, input.note);
    })();
    return this.getStmt.get(id) as CaseRow;
  }

  /** Records a status change; entering a finished status sets completed_at once. */
  changeStatus(id: string, to: CaseStatus, actor: string, note: string, now: number): CaseRow | undefined {
    return this.db.transaction(() => {
      const current = this.getStmt.get(id);
      if (!current) return undefined;
      this.updateStatusStmt.run(to, isFinished(to) ? now : null, now, id);
      this.eventStmt.run(id, current.status, to, now, actor, note);
      return this.getStmt.get(id);
    })();
  }

  get(id: string): CaseRow | undefined {
    return this.getStmt.get(id);
  }

  /** The case only if it belongs to the user (someone else's case is indistinguishable from none). */
  getForUser(userId: string, id: string): CaseRow | undefined {
    return this.getForUserStmt.get(id, userId);
  }

  listForUser(userId: string): CaseRow[] {
    return this.listForUserStmt.all(userId);
  }

  /** The user's finished, unrated cases completed before `completedBefore` (their rating window has passed). */
  defaultedForUser(userId: string, completedBefore: number): CaseRow[] {
    return this.defaultedForUserStmt.all(userId, completedBefore);
  }

  history(id: string): CaseEventRow[] {
    return this.eventsStmt.all(id);
  }
}
