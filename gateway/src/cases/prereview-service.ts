import {
  CaseDetail,
  type ApplicationForm,
  type FieldError,
  type MaterialAnswer,
  type PrereviewTarget,
  type ResubmitRequest,
  type SaveDraftRequest,
  type SubmitApplicationRequest,
} from '../../../types/contract';
import { CASE_STATUS_NAMES } from '../../../src/lib/case-status';
import { canWithdraw, nextStatus, refusalMessage } from '../../../src/lib/case-workflow';
import { ApiError, notFound, validationFailed } from '../http/api-error';
import type { CaseMaterialStore, PlacedAnswer } from '../store/case-material-store';
import type { CaseRow, CaseStore } from '../store/case-store';
import type { CommitmentStore } from '../store/commitment-store';
import type { UploadStore } from '../store/upload-store';
import type { UserRecord, UserStore } from '../store/user-store';
import {
  checkAnswerRefs,
  checkAnswerRulesAll,
  checkForm,
  checkRequiredAnswered,
  firstPerField,
  normaliseForm,
  type AnswerLookups,
} from './application-validation';
import type { CaseDetailBuilder } from './case-detail';
import { CASE_NOT_FOUND } from './case-service';
import type { IdempotentRunner } from './idempotency';
import type { LicenceWallet } from './licence-wallet';
import type { ResolvedSpec, SpecService } from './spec-service';

/** The refusals and timeline notes, word for word (the app shows them; tests pin them). */
export const PREREVIEW_MESSAGES = {
  caseNotFound: CASE_NOT_FOUND,
  realNameRequired: '提交申请前请先完成实名认证',
  targetGone: '该事项已调整或下线，不能继续申报',
  draftWithdraw: '草稿还没有提交，无需撤回；草稿可直接删除',
  notReturned: (name: string) => `「${name}」未被退回补正，无需重新提交`,
  returnedMissing: (name: string) => `请重新提交需补正的「${name}」`,
} as const;

export const PREREVIEW_NOTES = {
  started: '申请人开始填写申请',
  submitted: '申请人提交预审',
  resubmitted: (names: string[]) => `申请人提交补正材料：${names.map((n) => `「${n}」`).join('、')}`,
  withdrawn: '申请人撤回',
} as const;

export interface PrereviewDeps {
  cases: CaseStore;
  materials: CaseMaterialStore;
  specs: SpecService;
  users: UserStore;
  uploads: UploadStore;
  wallet: LicenceWallet;
  commitments: CommitmentStore;
  details: CaseDetailBuilder;
  idempotent: IdempotentRunner;
  now: () => Date;
}

const conflict = (message: string): ApiError => new ApiError('CONFLICT', message);

/** 网上申报预审, the applicant's side: drafts, submit once, corrections, withdrawal. */
export class PrereviewService {
  constructor(private readonly deps: PrereviewDeps) {}

  private nowMs(): number {
    return this.deps.now().getTime();
  }

  /** The user's own case; someone else's is "not found" like one that does not exist. */
  private own(userId: string, id: string): CaseRow {
    const row = this.deps.cases.getForUser(userId, id);
    if (!row) throw notFound(PREREVIEW_MESSAGES.caseNotFound);
    return row;
  }

  /** The application spec of a case (a case an officer registered applies for its item). */
  private specOf(row: CaseRow): ResolvedSpec {
    const target: PrereviewTarget =
      row.target_kind !== null && row.target_code !== null
        ? { kind: row.target_kind, code: row.target_code }
        : { kind: 'item', code: row.item_code };
    const spec = this.deps.specs.resolve(target);
    if (!spec) throw conflict(PREREVIEW_MESSAGES.targetGone);
    return spec;
  }

  private verifiedUser(userId: string): UserRecord & { real_name: string; id_number: string } {
    const user = this.deps.users.get(userId);
    if (!user) throw new ApiError('UNAUTHENTICATED', '登录已失效，请重新登录');
    const { real_name: realName, id_number: idNumber } = user;
    if (user.verified_at === null || !realName || !idNumber) {
      throw new ApiError('FORBIDDEN', PREREVIEW_MESSAGES.realNameRequired);
    }
    return { ...user, real_name: realName, id_number: idNumber };
  }

  /** What answers may point at, for this user only. */
  private lookups(userId: string): AnswerLookups {
    return {
      materialFile: (id) => {
        const upload = this.deps.uploads.getForUser(userId, id);
        return upload?.purpose === 'material' ? upload : undefined;
      },
      licence: (id) => this.deps.wallet.find(userId, id),
      commitment: (id) => {
        const row = this.deps.commitments.getForUser(userId, id);
        if (!row) return undefined;
        const events = this.deps.commitments.events(id);
        return {
          itemCode: row.item_code,
          materialName: row.material_name,
          caseId: row.case_id,
          status: events[events.length - 1]?.status ?? 'signed',
        };
      },
    };
  }

  private placed(spec: ResolvedSpec, answers: MaterialAnswer[]): PlacedAnswer[] {
    const order = spec.spec.materials.map((m) => m.id);
    return answers.map((answer) => ({
      answer,
      position: order.indexOf(answer.materialId),
      name: spec.materials.get(answer.materialId)?.name ?? answer.materialId,
    }));
  }

  detail(userId: string, id: string): CaseDetail {
    return this.deps.details.detail(this.own(userId, id));
  }

  /** Starts an application as a draft, or finds the draft the user already has for the target. */
  start(userId: string, target: PrereviewTarget): CaseDetail {
    return this.deps.cases.transaction(() => {
      const resolved = this.deps.specs.require(target);
      const existing = this.deps.cases.draftFor(userId, resolved.spec.target);
      if (existing) return this.deps.details.detail(existing);
      const created = this.deps.cases.create(
        {
          userId,
          itemCode: resolved.item.code,
          itemName: resolved.spec.title,
          departmentId: resolved.item.departmentId,
          status: 'draft',
          actor: 'applicant',
          note: PREREVIEW_NOTES.started,
          target: resolved.spec.target,
          promisedDays: resolved.spec.promisedDays,
          formJson: JSON.stringify(this.prefill(userId, resolved)),
        },
        this.nowMs(),
      );
      return this.deps.details.detail(created);
    });
  }

  /** From the profile: the login mobile as 联系电话, and the applicant type when only one is allowed. */
  private prefill(userId: string, resolved: ResolvedSpec): ApplicationForm {
    const form: ApplicationForm = {};
    const types = resolved.spec.applicantTypes;
    if (types.length === 1) form.applicantType = types[0];
    const mobile = this.deps.users.get(userId)?.mobile;
    if (mobile) form.contactMobile = mobile;
    return form;
  }

  /** Saves the draft as it stands: only structure and ownership are checked, nothing typed is refused. */
  saveDraft(userId: string, id: string, body: SaveDraftRequest): CaseDetail {
    return this.deps.cases.transaction(() => {
      const row = this.own(userId, id);
      if (row.status !== 'draft') {
        throw conflict(`办件当前为「${CASE_STATUS_NAMES[row.status]}」，不能再修改草稿`);
      }
      const spec = this.specOf(row);
      const fields = checkAnswerRefs(spec.materials, body.materials, this.lookups(userId));
      if (fields.length > 0) throw validationFailed(fields);
      const now = this.nowMs();
      this.deps.materials.replaceAll(id, this.placed(spec, body.materials), now);
      this.deps.cases.saveDraft(id, JSON.stringify(body.form), now);
      return this.deps.details.detail(this.own(userId, id));
    });
  }

  deleteDraft(userId: string, id: string): { deleted: true } {
    this.deps.cases.transaction(() => {
      const row = this.own(userId, id);
      if (row.status !== 'draft') {
        throw conflict(
          `办件当前为「${CASE_STATUS_NAMES[row.status]}」，不能删除${canWithdraw(row.status) ? '，可以撤回' : ''}`,
        );
      }
      this.deps.cases.deleteDraft(id, this.nowMs());
    });
    return { deleted: true };
  }

  /** Submits the draft for pre-review, exactly once per idempotency key. */
  submit(userId: string, id: string, key: string, body: SubmitApplicationRequest): CaseDetail {
    return this.deps.cases.transaction(() => {
      const row = this.own(userId, id);
      return this.deps.idempotent.run(CaseDetail, { userId, key, operation: 'submit', caseId: id, body }, () => {
        const to = nextStatus(row.status, 'submit');
        if (!to) throw conflict(refusalMessage(row.status, 'submit'));
        const user = this.verifiedUser(userId);
        const spec = this.specOf(row);
        const lookups = this.lookups(userId);
        const now = this.deps.now();
        const fields: FieldError[] = [
          ...checkForm(spec.spec, body.form, now),
          ...checkAnswerRefs(spec.materials, body.materials, lookups),
          ...checkRequiredAnswered(spec.spec, body.materials),
          // After the reference problems, so a missing file is reported as missing, not as a wrong type.
          ...checkAnswerRulesAll(spec.materials, body.materials, lookups, id),
        ];
        if (fields.length > 0) throw validationFailed(firstPerField(fields));

        const person = body.form.applicantType === 'person';
        this.deps.materials.replaceAll(id, this.placed(spec, body.materials), now.getTime());
        const updated = this.deps.cases.changeStatus(id, to, 'applicant', PREREVIEW_NOTES.submitted, now.getTime(), {
          submittedAt: now.getTime(),
          formJson: JSON.stringify(normaliseForm(body.form)),
          applicantName: person ? user.real_name : null,
          applicantIdNumber: person ? user.id_number : null,
        });
        return this.deps.details.detail(updated ?? row);
      });
    });
  }

  /** New answers for the returned materials only; the others stay as the officer accepted them. */
  resubmit(userId: string, id: string, key: string, body: ResubmitRequest): CaseDetail {
    return this.deps.cases.transaction(() => {
      const row = this.own(userId, id);
      return this.deps.idempotent.run(CaseDetail, { userId, key, operation: 'resubmit', caseId: id, body }, () => {
        const to = nextStatus(row.status, 'resubmit');
        if (!to) throw conflict(refusalMessage(row.status, 'resubmit'));
        this.verifiedUser(userId);
        const spec = this.specOf(row);
        const lookups = this.lookups(userId);
        const returned = this.deps.materials.list(id).filter((m) => m.review === 'returned');
        const returnedIds = new Set(returned.map((m) => m.material_id));
        const answered = new Set(body.materials.map((a) => a.materialId));
        const fields = checkAnswerRefs(spec.materials, body.materials, lookups);
        for (const answer of body.materials) {
          const material = spec.materials.get(answer.materialId);
          if (material && !returnedIds.has(answer.materialId)) {
            fields.push({
              field: `materials.${answer.materialId}`,
              message: PREREVIEW_MESSAGES.notReturned(material.name),
            });
          }
        }
        for (const m of returned) {
          if (!answered.has(m.material_id)) {
            fields.push({ field: `materials.${m.material_id}`, message: PREREVIEW_MESSAGES.returnedMissing(m.name) });
          }
        }
        fields.push(...checkAnswerRulesAll(spec.materials, body.materials, lookups, id));
        if (fields.length > 0) throw validationFailed(firstPerField(fields));

        const now = this.nowMs();
        for (const answer of body.materials) this.deps.materials.replaceAnswer(id, answer, now);
        const note = PREREVIEW_NOTES.resubmitted(returned.map((m) => m.name));
        const updated = this.deps.cases.changeStatus(id, to, 'applicant', note, now, { submittedAt: now });
        return this.deps.details.detail(updated ?? row);
      });
    });
  }

  /** Takes a submitted application back, until it is accepted (受理). */
  withdraw(userId: string, id: string): CaseDetail {
    return this.deps.cases.transaction(() => {
      const row = this.own(userId, id);
      if (row.status === 'draft') throw conflict(PREREVIEW_MESSAGES.draftWithdraw);
      const to = nextStatus(row.status, 'withdraw');
      if (!to) throw conflict(refusalMessage(row.status, 'withdraw'));
      const updated = this.deps.cases.changeStatus(id, to, 'applicant', PREREVIEW_NOTES.withdrawn, this.nowMs());
      return this.deps.details.detail(updated ?? row);
    });
  }
}
