import { Value } from '@sinclair/typebox/value';
import {
  ApplicationForm,
  MaterialFileType,
  type AdminCaseView,
  type AttachedFile,
  type CaseDetail,
  type CaseEvent,
  type CaseMaterial,
  type CaseStatus,
} from '../../../types/contract';
import { canWithdraw } from '../../../src/lib/case-workflow';
import { maskIdNumber, maskName } from '../../../src/lib/mask';
import { createWorkdayCalendar } from '../../../src/lib/workdays';
import type { CatalogueStore } from '../store/catalogue-store';
import { answerOf, type CaseMaterialRow, type CaseMaterialStore } from '../store/case-material-store';
import type { CaseEventRow, CaseRow, CaseStore } from '../store/case-store';
import type { UploadRow, UploadStore } from '../store/upload-store';
import type { UserStore } from '../store/user-store';
import { caseSummary } from './case-service';
import type { LicenceWallet } from './licence-wallet';

/** Shown for a file uploaded without a name (or before uploads kept names). */
export const UNNAMED_FILE = '材料文件';

/** Statuses with no completion ahead: no expected completion date is shown. */
const NO_DEADLINE: readonly CaseStatus[] = ['draft', 'withdrawn', 'rejected'];

export interface CaseDetailDeps {
  cases: CaseStore;
  materials: CaseMaterialStore;
  uploads: UploadStore;
  users: UserStore;
  wallet: LicenceWallet;
  catalogue: CatalogueStore;
  now: () => Date;
}

/** `applicant` / `officer:<name>` / `system` as the timeline shows them. */
export function actorLabel(actor: string): string {
  if (actor === 'applicant') return '申请人';
  if (actor.startsWith('officer:')) return `经办人 ${actor.slice('officer:'.length)}`;
  return '系统';
}

function timelineEvent(row: CaseEventRow): CaseEvent {
  const event: CaseEvent = {
    to: row.to_status,
    at: new Date(row.at).toISOString(),
    actor: actorLabel(row.actor),
    note: row.note,
  };
  if (row.from_status !== null) event.from = row.from_status;
  return event;
}

/** The stored form (written only after a shape check); an unreadable one shows as empty. */
export function formOf(row: CaseRow): ApplicationForm {
  try {
    const parsed: unknown = JSON.parse(row.form_json);
    if (Value.Check(ApplicationForm, parsed)) return parsed;
  } catch {
    // fall through
  }
  return {};
}

/** Uploads may carry the client's file name (a column the upload work adds). */
type MaybeNamed = UploadRow & { name?: string | null };

function attached(row: MaybeNamed): AttachedFile | undefined {
  if (!Value.Check(MaterialFileType, row.mime) || row.size < 1) return undefined;
  return { id: row.id, name: row.name || UNNAMED_FILE, mime: row.mime, size: row.size, sha256: row.sha256 };
}

/** Builds what the applicant (and the officer) sees of a case. */
export class CaseDetailBuilder {
  constructor(private readonly deps: CaseDetailDeps) {}

  private material(row: CaseMaterialRow, userId: string): CaseMaterial {
    const answer = answerOf(row);
    const material: CaseMaterial = {
      materialId: row.material_id,
      name: row.name,
      way: row.way,
      files: [],
      review: row.review,
    };
    if (answer.way === 'files') {
      material.files = answer.fileIds
        .map((id) => this.deps.uploads.getForUser(userId, id))
        .map((u) => u && attached(u))
        .filter((f): f is AttachedFile => f !== undefined);
    } else if (answer.way === 'e_licence') {
      material.licenceId = answer.licenceId;
      const licence = this.deps.wallet.find(userId, answer.licenceId);
      if (licence) material.licenceName = licence.name;
    } else {
      material.commitmentId = answer.commitmentId;
    }
    if (row.review_comment !== null) material.reviewComment = row.review_comment;
    return material;
  }

  detail(row: CaseRow): CaseDetail {
    const now = this.deps.now();
    const form = formOf(row);
    const detail: CaseDetail = {
      ...caseSummary(row, now.getTime()),
      form,
      materials: this.deps.materials.list(row.id).map((m) => this.material(m, row.user_id)),
      timeline: this.deps.cases.history(row.id).map(timelineEvent),
      revision: row.revision,
      withdrawable: canWithdraw(row.status),
    };
    if (row.target_kind !== null && row.target_code !== null) {
      detail.target = { kind: row.target_kind, code: row.target_code };
    }
    const identity = this.personIdentity(row, form);
    if (identity) {
      detail.applicantNameMasked = maskName(identity.name);
      detail.applicantIdNumberMasked = maskIdNumber(identity.idNumber);
    }
    if (row.promised_days !== null) {
      detail.promisedDays = row.promised_days;
      if (!NO_DEADLINE.includes(row.status)) {
        const calendar = createWorkdayCalendar(this.deps.catalogue.calendar());
        detail.expectedCompletionDate = calendar.expectedCompletionDate(new Date(row.submitted_at), row.promised_days);
      }
    }
    if (row.status_note !== null) detail.statusNote = row.status_note;
    return detail;
  }

  /** Officers see who applied: the person's name, or the business's. */
  adminView(row: CaseRow): AdminCaseView {
    const detail = this.detail(row);
    const view: AdminCaseView = { ...detail, userId: row.user_id };
    const name =
      detail.form.applicantType === 'business' ? detail.form.companyName : this.personIdentity(row, detail.form)?.name;
    if (name) view.applicantName = name;
    return view;
  }

  /**
   * A person applies as themself: the identity verified when submitting, or (in a draft) the
   * user's current real-name record.
   */
  private personIdentity(row: CaseRow, form: ApplicationForm): { name: string; idNumber: string } | undefined {
    if (form.applicantType !== 'person') return undefined;
    if (row.applicant_name !== null && row.applicant_id_number !== null) {
      return { name: row.applicant_name, idNumber: row.applicant_id_number };
    }
    const user = this.deps.users.get(row.user_id);
    if (!user || user.verified_at === null || !user.real_name || !user.id_number) return undefined;
    return { name: user.real_name, idNumber: user.id_number };
  }
}
