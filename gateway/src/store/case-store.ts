import { randomUUID } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import type { CaseStatus, PrereviewTarget } from '../../../types/contract';
import { NOT_DEMO_USER } from './demo-store';

/** A case as stored, with its department's name and its rating (if rated) joined in. */
export interface CaseRow {
  id: string;
  user_id: string;
  item_code: string;
  item_name: string;
  department_id: string;
  department_name: string;
  status: CaseStatus;
  /** When (last) submitted; a draft holds its creation time here (the column predates drafts). */
  submitted_at: number;
  completed_at: number | null;
  created_at: number;
  updated_at: number;
  /** The stored rating's id, when the case was rated. */
  rating_id: string | null;
  /** What was applied for (null for cases an officer registered). */
  target_kind: PrereviewTarget['kind'] | null;
  target_code: string | null;
  /** The ApplicationForm as JSON. */
  form_json: string;
  revision: number;
  promised_days: number | null;
  applicant_name: string | null;
  applicant_id_number: string | null;
  status_note: string | null;
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
  target?: PrereviewTarget;
  promisedDays?: number;
  /** The form to start with (e.g. pre-filled from the profile). */
  formJson?: string;
}

/** What a status change may also write. */
export interface TransitionExtras {
  /** Submitting: the new submission time. */
  submittedAt?: number;
  /** The rejection reason or tracking number; `null` clears it. */
  statusNote?: string | null;
  /** Submitting: the form as submitted, and the person applicant's verified identity. */
  formJson?: string;
  applicantName?: string | null;
  applicantIdNumber?: string | null;
}

/** 办结 and 已寄出: the statuses in which a case is finished (and can be rated). */
export const FINISHED_STATUSES: readonly CaseStatus[] = ['completed', 'posted'];

export function isFinished(status: CaseStatus): boolean {
  return FINISHED_STATUSES.includes(status);
}

// Deleted drafts (kept only because a commitment refers to them) are invisible to every read.
const SELECT = `
  SELECT c.*, d.name AS department_name, r.id AS rating_id
  FROM cases c
  JOIN departments d ON d.id = c.department_id
  LEFT JOIN ratings r ON r.case_id = c.id
  WHERE c.deleted_at IS NULL`;

/**
 * 办件 and their status history. Every read that serves a user is scoped by user id. Transitions
 * are not policed here (src/lib/case-workflow.ts is, in the services); this only records them.
 */
export class CaseStore {
  private readonly insertStmt: Statement<
    [
      string,
      string,
      string,
      string,
      string,
      string,
      number,
      number | null,
      number,
      number,
      string | null,
      string | null,
      number | null,
      string,
    ]
  >;
  private readonly eventStmt: Statement<[string, string | null, string, number, string, string]>;
  private readonly getStmt: Statement<[string], CaseRow>;
  private readonly getForUserStmt: Statement<[string, string], CaseRow>;
  private readonly listForUserStmt: Statement<[string], CaseRow>;
  private readonly defaultedForUserStmt: Statement<[string, number], CaseRow>;
  private readonly updateStatusStmt: Statement<[string, number | null, number, string]>;
  private readonly eventsStmt: Statement<[string], CaseEventRow>;
  private readonly draftStmt: Statement<[string, string, string], CaseRow>;
  private readonly queueStmt: Statement<[], CaseRow>;
  private readonly saveDraftStmt: Statement<[string, number, string]>;
  private readonly extrasStmt: Statement<Record<string, string | number | null>>;
  private readonly referencedStmt: Statement<[string], { n: number }>;
  private readonly deleteStmt: Statement<[string]>;
  private readonly hideStmt: Statement<[number, string]>;
  private readonly lastEventStmt: Statement<[string], { id: number | null }>;

  constructor(private readonly db: Database) {
    this.insertStmt = db.prepare(`
      INSERT INTO cases (id, user_id, item_code, item_name, department_id, status, submitted_at, completed_at,
        created_at, updated_at, target_kind, target_code, promised_days, form_json)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.eventStmt = db.prepare(
      'INSERT INTO case_events (case_id, from_status, to_status, at, actor, note) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.getStmt = db.prepare(`${SELECT} AND c.id = ?`);
    this.getForUserStmt = db.prepare(`${SELECT} AND c.id = ? AND c.user_id = ?`);
    // By creation: a resubmission does not move a case to the top of 我的办件.
    this.listForUserStmt = db.prepare(`${SELECT} AND c.user_id = ? ORDER BY c.created_at DESC, c.rowid DESC`);
    this.defaultedForUserStmt = db.prepare(`
      ${SELECT}
      AND c.user_id = ? AND c.status IN ('completed', 'posted') AND c.completed_at < ? AND r.id IS NULL`);
    this.updateStatusStmt = db.prepare(
      'UPDATE cases SET status = ?, completed_at = COALESCE(completed_at, ?), updated_at = ? WHERE id = ?',
    );
    this.eventsStmt = db.prepare(
      'SELECT from_status, to_status, at, actor, note FROM case_events WHERE case_id = ? ORDER BY id',
    );
    this.draftStmt = db.prepare(
      `${SELECT} AND c.user_id = ? AND c.status = 'draft' AND c.target_kind = ? AND c.target_code = ?`,
    );
    // Demo residents' cases stay out of the officers' queue (gateway/src/demo).
    this.queueStmt = db.prepare(
      `${SELECT} AND c.status = 'pending_review' AND ${NOT_DEMO_USER('c.user_id')} ORDER BY c.submitted_at, c.rowid`,
    );
    this.saveDraftStmt = db.prepare(
      'UPDATE cases SET form_json = ?, revision = revision + 1, updated_at = ? WHERE id = ?',
    );
    this.extrasStmt = db.prepare(`
      UPDATE cases SET
        submitted_at = COALESCE(@submitted_at, submitted_at),
        status_note = CASE WHEN @set_note THEN @status_note ELSE status_note END,
        form_json = COALESCE(@form_json, form_json),
        revision = revision + CASE WHEN @form_json IS NULL THEN 0 ELSE 1 END,
        applicant_name = CASE WHEN @set_applicant THEN @applicant_name ELSE applicant_name END,
        applicant_id_number = CASE WHEN @set_applicant THEN @applicant_id_number ELSE applicant_id_number END
      WHERE id = @id`);
    this.referencedStmt = db.prepare('SELECT COUNT(*) AS n FROM commitments WHERE case_id = ?');
    this.deleteStmt = db.prepare('DELETE FROM cases WHERE id = ?');
    this.hideStmt = db.prepare('UPDATE cases SET deleted_at = ? WHERE id = ?');
    this.lastEventStmt = db.prepare('SELECT MAX(id) AS id FROM case_events WHERE case_id = ?');
  }

  /** Runs `fn` in one transaction (nested calls join the outer one). */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
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
        input.target?.kind ?? null,
        input.target?.code ?? null,
        input.promisedDays ?? null,
        input.formJson ?? '{}',
      );
      this.eventStmt.run(id, null, input.status, now, input.actor, input.note);
    })();
    return this.getStmt.get(id) as CaseRow;
  }

  /** Records a status change; entering a finished status sets completed_at once. */
  changeStatus(
    id: string,
    to: CaseStatus,
    actor: string,
    note: string,
    now: number,
    extras: TransitionExtras = {},
  ): CaseRow | undefined {
    return this.db.transaction(() => {
      const current = this.getStmt.get(id);
      if (!current) return undefined;
      this.updateStatusStmt.run(to, isFinished(to) ? now : null, now, id);
      this.extrasStmt.run({
        id,
        submitted_at: extras.submittedAt ?? null,
        set_note: extras.statusNote !== undefined ? 1 : 0,
        status_note: extras.statusNote ?? null,
        form_json: extras.formJson ?? null,
        set_applicant: extras.applicantName !== undefined ? 1 : 0,
        applicant_name: extras.applicantName ?? null,
        applicant_id_number: extras.applicantIdNumber ?? null,
      });
      this.eventStmt.run(id, current.status, to, now, actor, note);
      return this.getStmt.get(id);
    })();
  }

  /** The user's draft for this target, if any (there is at most one). */
  draftFor(userId: string, target: PrereviewTarget): CaseRow | undefined {
    return this.draftStmt.get(userId, target.kind, target.code);
  }

  /** Stores the draft's form and bumps its revision. */
  saveDraft(id: string, formJson: string, now: number): void {
    this.saveDraftStmt.run(formJson, now, id);
  }

  /**
   * Removes a draft with its materials and events; one a commitment refers to is hidden instead
   * (commitments are append-only, so the reference cannot go away).
   */
  deleteDraft(id: string, now: number): void {
    this.db.transaction(() => {
      if ((this.referencedStmt.get(id)?.n ?? 0) > 0) this.hideStmt.run(now, id);
      else this.deleteStmt.run(id);
    })();
  }

  /** Cases waiting for pre-review, oldest submission first (demo residents' left out). */
  queue(): CaseRow[] {
    return this.queueStmt.all();
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

  /** The id of the case's latest history event (0 when none): names that change in the outbox. */
  lastEventId(id: string): number {
    return this.lastEventStmt.get(id)?.id ?? 0;
  }

  history(id: string): CaseEventRow[] {
    return this.eventsStmt.all(id);
  }
}
