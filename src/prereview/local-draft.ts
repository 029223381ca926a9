import type { ApplicationForm, CaseDetail, MaterialAnswer } from '@contract/prereview';
import { readStored, removeStored, writeStored } from '@/core/storage';

/** A file attached on the phone: uploading, uploaded (has `fileId`) or failed. */
export interface FileEntry {
  /** Local id of the entry (the same file may be picked twice). */
  key: string;
  name: string;
  size: number;
  status: 'uploading' | 'done' | 'failed';
  fileId?: string;
  error?: string;
  /** Where the picked file is kept so an interrupted upload resumes after a restart. */
  pendingKey?: string;
}

/** How the applicant is answering one material, as the page holds it. */
export type LocalAnswer =
  | { way: 'files'; files: FileEntry[] }
  | { way: 'e_licence'; licenceId: string; licenceName: string }
  | { way: 'commitment'; commitmentId: string };

/** The application as it stands on the phone; written on every change, before the gateway hears of it. */
export interface LocalDraft {
  caseId: string;
  form: ApplicationForm;
  answers: Record<string, LocalAnswer>;
  /** The key of a submission whose answer never arrived: a retry reuses it. */
  submitKey?: string;
  savedAt: number;
}

const storageKey = (caseId: string) => `prereview.draft.${caseId}`;

function isLocalDraft(value: unknown): value is LocalDraft {
  const v = value as LocalDraft | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.caseId === 'string' &&
    typeof v.form === 'object' &&
    v.form !== null &&
    typeof v.answers === 'object' &&
    v.answers !== null
  );
}

export function readLocalDraft(caseId: string): LocalDraft | undefined {
  const draft = readStored(storageKey(caseId), isLocalDraft);
  return draft && draft.caseId === caseId ? draft : undefined;
}

export function writeLocalDraft(draft: LocalDraft): void {
  writeStored(storageKey(draft.caseId), draft);
}

export function forgetLocalDraft(caseId: string): void {
  removeStored(storageKey(caseId));
}

/** The draft as the gateway has it, for a phone that has none (another device, cleared storage). */
export function draftFromCase(detail: CaseDetail): LocalDraft {
  const answers: Record<string, LocalAnswer> = {};
  for (const m of detail.materials) {
    if (m.way === 'files') {
      answers[m.materialId] = {
        way: 'files',
        files: m.files.map((f) => ({ key: f.id, name: f.name, size: f.size, status: 'done', fileId: f.id })),
      };
    } else if (m.way === 'e_licence' && m.licenceId) {
      answers[m.materialId] = { way: 'e_licence', licenceId: m.licenceId, licenceName: m.licenceName ?? '电子证照' };
    } else if (m.way === 'commitment' && m.commitmentId) {
      answers[m.materialId] = { way: 'commitment', commitmentId: m.commitmentId };
    }
  }
  return { caseId: detail.id, form: detail.form, answers, savedAt: 0 };
}

/** What the gateway is told: only uploaded files count (one still uploading is sent once it lands). */
export function toMaterialAnswers(answers: Record<string, LocalAnswer>): MaterialAnswer[] {
  const result: MaterialAnswer[] = [];
  for (const [materialId, answer] of Object.entries(answers)) {
    if (answer.way === 'files') {
      const fileIds = answer.files.flatMap((f) => (f.status === 'done' && f.fileId ? [f.fileId] : []));
      if (fileIds.length > 0) result.push({ materialId, way: 'files', fileIds });
    } else if (answer.way === 'e_licence') {
      result.push({ materialId, way: 'e_licence', licenceId: answer.licenceId });
    } else {
      result.push({ materialId, way: 'commitment', commitmentId: answer.commitmentId });
    }
  }
  return result;
}

/** Files still on their way up, or failed: the application cannot be submitted with them. */
export function unfinishedFiles(answers: Record<string, LocalAnswer>): FileEntry[] {
  return Object.values(answers).flatMap((a) => (a.way === 'files' ? a.files.filter((f) => f.status !== 'done') : []));
}
