import type { Database } from 'better-sqlite3';
import type { AdminCaseAction, AdminCaseView, FieldError, PrereviewAction } from '../../../types/contract';
import { nextStatus, refusalMessage } from '../../../src/lib/case-workflow';
import { ApiError, fieldError, notFound, validationFailed } from '../http/api-error';
import type { CaseMaterialStore } from '../store/case-material-store';
import type { CaseRow, CaseStore, TransitionExtras } from '../store/case-store';
import { enqueueNotification } from '../notifications/notification-outbox';
import { caseNotice } from '../notifications/notification-texts';
import { formOf, type CaseDetailBuilder } from './case-detail';
import { CASE_NOT_FOUND } from './case-service';

export const OFFICER_MESSAGES = {
  caseNotFound: CASE_NOT_FOUND,
  returnNothing: '请指明需要补正的材料及原因',
  returnUnknown: (id: string) => `办件中没有这项材料（${id}）`,
  returnTwice: (name: string) => `「${name}」重复列出`,
  returnComment: (name: string) => `请写明「${name}」需要补正的原因（至少 2 个字）`,
  rejectReason: '请写明不予受理的理由（至少 2 个字）',
  notPosted: '申请人选择了窗口自取，不能标记为已寄出',
  tracking: '请填写快递单号（6–40 位字母、数字或“-”）',
} as const;

/** Timeline notes of the officers' actions (the officer's own note follows after "："). */
const ACTION_NOTES: Record<Exclude<PrereviewAction, 'return' | 'reject' | 'post'>, string> = {
  approve: '预审通过',
  accept: '已受理',
  complete: '已办结',
};

const TRACKING = /^[0-9A-Za-z-]{6,40}$/;

const withNote = (label: string, note: string): string => (note === '' ? label : `${label}：${note}`);

/** Officers: the pre-review queue and every transition after submission. */
export class OfficerCaseService {
  constructor(
    private readonly deps: {
      /** The outbox is written in the transition's transaction. */
      db: Database;
      cases: CaseStore;
      materials: CaseMaterialStore;
      details: CaseDetailBuilder;
      now: () => Date;
    },
  ) {}

  /** 待预审, oldest submission first. */
  queue(): AdminCaseView[] {
    return this.deps.cases.queue().map((row) => this.deps.details.adminView(row));
  }

  view(id: string): AdminCaseView {
    const row = this.deps.cases.get(id);
    if (!row) throw notFound(OFFICER_MESSAGES.caseNotFound);
    return this.deps.details.adminView(row);
  }

  /**
   * One action, checked against the workflow first (409 when the status does not allow it), then
   * its input (400); recorded with the officer's name in the case's timeline.
   */
  act(id: string, input: AdminCaseAction, officer: string): AdminCaseView {
    return this.deps.cases.transaction(() => {
      const row = this.deps.cases.get(id);
      if (!row) throw notFound(OFFICER_MESSAGES.caseNotFound);
      const to = nextStatus(row.status, input.action);
      if (!to) throw new ApiError('CONFLICT', refusalMessage(row.status, input.action));
      const note = input.note?.trim() ?? '';
      const now = this.deps.now().getTime();
      const { eventNote, extras, corrections } = this.apply(row, input, note, now);
      const updated = this.deps.cases.changeStatus(id, to, `officer:${officer}`, eventNote, now, extras);
      // Told in the same transaction: a transition that rolls back is never told.
      const notice = caseNotice(
        {
          id: row.id,
          userId: row.user_id,
          itemName: row.item_name,
          departmentName: row.department_name,
          posted: formOf(row).delivery?.method === 'post',
        },
        { to, eventId: this.deps.cases.lastEventId(id), corrections, note: extras.statusNote ?? note },
        now,
      );
      if (notice) enqueueNotification(this.deps.db, notice, now);
      return this.deps.details.adminView(updated ?? row);
    });
  }

  /** Checks the action's input and writes what it changes besides the status. */
  private apply(
    row: CaseRow,
    input: AdminCaseAction,
    note: string,
    now: number,
  ): { eventNote: string; extras: TransitionExtras; corrections?: { material: string; comment: string }[] } {
    switch (input.action) {
      case 'approve':
        this.deps.materials.reviewAll(row.id, 'accepted', now);
        return { eventNote: withNote(ACTION_NOTES.approve, note), extras: {} };
      case 'return':
        return { ...this.returnMaterials(row, input, note, now), extras: {} };
      case 'reject':
        if (Array.from(note).length < 2) throw fieldError('note', OFFICER_MESSAGES.rejectReason);
        return { eventNote: withNote('不予受理', note), extras: { statusNote: note } };
      case 'post': {
        if (formOf(row).delivery?.method !== 'post') throw new ApiError('CONFLICT', OFFICER_MESSAGES.notPosted);
        if (!TRACKING.test(note)) throw fieldError('note', OFFICER_MESSAGES.tracking);
        return { eventNote: `结果已寄出，快递单号 ${note}`, extras: { statusNote: note } };
      }
      default:
        return { eventNote: withNote(ACTION_NOTES[input.action], note), extras: {} };
    }
  }

  /** 退回补正: the listed materials are returned with their comments; every other one is accepted. */
  private returnMaterials(
    row: CaseRow,
    input: AdminCaseAction,
    note: string,
    now: number,
  ): { eventNote: string; corrections: { material: string; comment: string }[] } {
    const listed = input.materials ?? [];
    if (listed.length === 0) throw fieldError('materials', OFFICER_MESSAGES.returnNothing);
    const materials = new Map(this.deps.materials.list(row.id).map((m) => [m.material_id, m]));
    const fields: FieldError[] = [];
    const seen = new Set<string>();
    for (const { materialId, comment } of listed) {
      const field = `materials.${materialId}`;
      const material = materials.get(materialId);
      if (!material) fields.push({ field, message: OFFICER_MESSAGES.returnUnknown(materialId) });
      else if (seen.has(materialId)) fields.push({ field, message: OFFICER_MESSAGES.returnTwice(material.name) });
      else if (Array.from(comment.trim()).length < 2) {
        fields.push({ field, message: OFFICER_MESSAGES.returnComment(material.name) });
      }
      seen.add(materialId);
    }
    if (fields.length > 0) throw validationFailed(fields);
    this.deps.materials.reviewAll(row.id, 'accepted', now);
    for (const { materialId, comment } of listed) {
      this.deps.materials.review(row.id, materialId, 'returned', comment.trim(), now);
    }
    const corrections = listed.map(({ materialId, comment }) => ({
      material: materials.get(materialId)?.name ?? materialId,
      comment: comment.trim(),
    }));
    const parts = corrections.map((c) => `「${c.material}」${c.comment}`);
    return { eventNote: `需补正：${parts.join('；')}${note === '' ? '' : `（${note}）`}`, corrections };
  }
}
