import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { Value } from '@sinclair/typebox/value';
import {
  CommitmentRecord,
  type AdminCommitmentVerdict,
  type AdminCreditFlag,
  type CommitmentConfirmations,
  type CommitmentReceipt,
  type CommitmentStatus,
  type CommitmentVerification,
  type FieldError,
  type PublicKeyInfo,
  type SignCommitmentRequest,
  type VerificationCheck,
} from '../../../types/contract';
import { maskIdNumber, maskName } from '../../../src/lib/mask';
import { ApiError, notFound, validationFailed } from '../http/api-error';
import { CASE_NOT_FOUND } from '../cases/case-service';
import type { CaseStore } from '../store/case-store';
import type { CommitmentRow, CommitmentStore } from '../store/commitment-store';
import type { NoticeStore } from '../store/notice-store';
import type { UploadStore } from '../store/upload-store';
import type { UserStore } from '../store/user-store';
import type { UploadService } from '../uploads/upload-service';
import { canonicalJson, sha256Hex } from './canonical-json';
import { noticeFromRow, versionIntact } from './notice-service';
import type { CommitmentKey } from './signing-key';
import { enqueueNotification } from '../notifications/notification-outbox';
import { commitmentFalseNotice } from '../notifications/notification-texts';

/** The refusals, word for word (the app shows them as they are; tests pin them). */
export const COMMITMENT_MESSAGES = {
  realNameRequired: '请先完成实名认证',
  seriousDishonesty: '您被列为严重失信主体，依法不适用告知承诺制，请按要求提交证明材料',
  noticeNotFound: '没有找到这份告知书',
  noticeOutdated: '告知书已更新，请阅读最新版本后再签署',
  noticeWithdrawn: '该材料已不再适用告知承诺，请按要求提交证明材料',
  noticeHash: '告知书内容校验不一致，请重新打开告知书阅读后再签署',
  signatureNotFound: '没有找到签名图片，请重新签名',
  signatureUsed: '该签名已用于另一份承诺，请重新签名',
  signatureHash: '签名图片校验不一致，请重新签名',
  caseNotFound: CASE_NOT_FOUND,
  notFound: '没有找到这份承诺',
  caseAccepted: '办件已受理，不能撤回承诺',
  alreadyWithdrawn: '该承诺已撤回',
  alreadyChecked: '该承诺已核查，不能撤回',
  verdictWithdrawn: '申请人已撤回该承诺，无需核查',
  verdictDone: '该承诺已有核查结论',
  userNotFound: '没有找到这个用户',
} as const;

/** One message per confirmation the user did not tick (field `confirmations.<key>`). */
export const CONFIRMATION_MESSAGES: Record<keyof CommitmentConfirmations, string> = {
  informed: '请确认已知晓告知内容',
  qualified: '请确认符合告知的条件',
  truthful: '请确认所填信息真实',
  acceptVerification: '请确认愿意接受核查并承担不实承诺的责任',
};

export const WITHDRAW_NOTE = '申请人撤回承诺';

/** Case statuses in which the case has been accepted: a commitment tied to it can no longer be withdrawn. */
const ACCEPTED_CASE_STATUSES = new Set(['accepted', 'completed', 'posted']);

/** The verification checks, in order, by name. */
export const CHECK_NAMES = {
  signature: 'record-signature',
  fields: 'record-fields',
  file: 'signature-file',
  notice: 'notice-version',
} as const;

export interface CommitmentDeps {
  /** The outbox is written in the verdict's transaction. */
  db: Database;
  commitments: CommitmentStore;
  notices: NoticeStore;
  uploads: UploadStore;
  files: UploadService;
  cases: CaseStore;
  users: UserStore;
  /** The receipt key; undefined when none exists (the CLI never creates one). */
  key: CommitmentKey | undefined;
  now: () => Date;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** The record as the columns say it is (compared with the signed canonical JSON). */
export function recordFromColumns(row: CommitmentRow): CommitmentRecord {
  const record: CommitmentRecord = {
    id: row.id,
    noticeId: row.notice_id,
    noticeVersion: row.notice_version,
    noticeHash: row.notice_hash,
    itemCode: row.item_code,
    itemName: row.item_name,
    materialName: row.material_name,
    signerId: row.user_id,
    signerNameMasked: row.signer_name_masked,
    signerIdNumberMasked: row.signer_id_number_masked,
    signatureSha256: row.signature_sha256,
    signedAt: iso(row.signed_at),
  };
  if (row.case_id !== null) record.caseId = row.case_id;
  return record;
}

/** The signed record (what the signature covers); the columns' version if the stored JSON is unusable. */
function signedRecord(row: CommitmentRow): CommitmentRecord {
  try {
    const parsed: unknown = JSON.parse(row.record_json);
    if (Value.Check(CommitmentRecord, parsed)) return parsed;
  } catch {
    // fall through
  }
  return recordFromColumns(row);
}

/** 告知承诺: signing, receipts, withdrawal, officers' verdicts and credit flags, tamper checks. */
export class CommitmentService {
  constructor(private readonly deps: CommitmentDeps) {}

  private signingKey(): CommitmentKey {
    if (!this.deps.key) throw new Error('no commitment signing key');
    return this.deps.key;
  }

  publicKey(): PublicKeyInfo {
    return this.signingKey().info();
  }

  private status(id: string): { status: CommitmentStatus; note: string; at: number } {
    const events = this.deps.commitments.events(id);
    const last = events[events.length - 1];
    if (!last) throw new Error(`commitment ${id} has no status event`);
    return { status: last.status, note: last.note, at: last.at };
  }

  private caseAccepted(caseId: string | null): boolean {
    if (caseId === null) return false;
    const c = this.deps.cases.get(caseId);
    return c !== undefined && ACCEPTED_CASE_STATUSES.has(c.status);
  }

  receipt(row: CommitmentRow): CommitmentReceipt {
    const { status, note, at } = this.status(row.id);
    const receipt: CommitmentReceipt = {
      record: signedRecord(row),
      gatewaySignature: row.gateway_signature,
      keyId: row.key_id,
      status,
      statusAt: iso(at),
      withdrawable: status === 'signed' && !this.caseAccepted(row.case_id),
    };
    if (note !== '') receipt.statusNote = note;
    return receipt;
  }

  // ── the applicant ──────────────────────────────────────────────────────────────────────────

  /** Signs a commitment for the logged-in user; every refusal leaves the database as it was. */
  sign(userId: string, body: SignCommitmentRequest): CommitmentReceipt {
    const user = this.deps.users.get(userId);
    if (!user) throw new ApiError('UNAUTHENTICATED', '登录已失效，请重新登录');
    if (user.verified_at === null || !user.real_name || !user.id_number) {
      throw new ApiError('FORBIDDEN', COMMITMENT_MESSAGES.realNameRequired);
    }
    const { real_name: realName, id_number: idNumber } = user;
    return this.deps.commitments.transaction(() => {
      if (this.deps.commitments.seriousDishonesty(userId)) {
        throw new ApiError('FORBIDDEN', COMMITMENT_MESSAGES.seriousDishonesty);
      }
      const version = this.deps.notices.current(body.noticeId);
      if (!version) throw notFound(COMMITMENT_MESSAGES.noticeNotFound);
      if (body.noticeVersion !== version.version) throw new ApiError('CONFLICT', COMMITMENT_MESSAGES.noticeOutdated);
      if (!this.deps.notices.stillApplies(body.noticeId)) {
        throw new ApiError('CONFLICT', COMMITMENT_MESSAGES.noticeWithdrawn);
      }
      if (body.caseId !== undefined && !this.deps.cases.getForUser(userId, body.caseId)) {
        throw notFound(COMMITMENT_MESSAGES.caseNotFound);
      }

      const fields: FieldError[] = [];
      if (body.noticeHash !== version.content_hash) {
        fields.push({ field: 'noticeHash', message: COMMITMENT_MESSAGES.noticeHash });
      }
      for (const key of Object.keys(CONFIRMATION_MESSAGES) as (keyof CommitmentConfirmations)[]) {
        if (body.confirmations[key] !== true) {
          fields.push({ field: `confirmations.${key}`, message: CONFIRMATION_MESSAGES[key] });
        }
      }
      // Someone else's upload, another purpose's, or one whose bytes are gone: all "not found".
      const upload = this.deps.uploads.getForUser(userId, body.signatureFileId);
      const bytes = upload?.purpose === 'signature' ? this.deps.files.bytes(upload) : undefined;
      const signature = upload && bytes && sha256Hex(bytes) === upload.sha256 ? upload : undefined;
      if (!signature) {
        fields.push({ field: 'signatureFileId', message: COMMITMENT_MESSAGES.signatureNotFound });
      } else if (body.signatureSha256 !== signature.sha256) {
        fields.push({ field: 'signatureSha256', message: COMMITMENT_MESSAGES.signatureHash });
      }
      if (!signature || fields.length > 0) throw validationFailed(fields);

      const existing = this.deps.commitments.bySignatureFile(body.signatureFileId);
      if (existing) {
        // The same request again (a double tap, a retry after a dropped answer): the same receipt.
        const same =
          existing.notice_id === body.noticeId &&
          existing.notice_version === body.noticeVersion &&
          existing.case_id === (body.caseId ?? null) &&
          this.status(existing.id).status === 'signed';
        if (same) return this.receipt(existing);
        throw validationFailed([{ field: 'signatureFileId', message: COMMITMENT_MESSAGES.signatureUsed }]);
      }

      const notice = noticeFromRow(version);
      const signedAt = this.deps.now().getTime();
      const record: CommitmentRecord = {
        id: randomUUID(),
        noticeId: notice.id,
        noticeVersion: notice.version,
        noticeHash: notice.contentHash,
        itemCode: notice.itemCode,
        itemName: notice.itemName,
        materialName: notice.materialName,
        signerId: userId,
        signerNameMasked: maskName(realName),
        signerIdNumberMasked: maskIdNumber(idNumber),
        signatureSha256: signature.sha256,
        signedAt: iso(signedAt),
      };
      if (body.caseId !== undefined) record.caseId = body.caseId;
      const recordJson = canonicalJson(record);
      const key = this.signingKey();
      const row: CommitmentRow = {
        id: record.id,
        user_id: userId,
        notice_id: record.noticeId,
        notice_version: record.noticeVersion,
        notice_hash: record.noticeHash,
        item_code: record.itemCode,
        item_name: record.itemName,
        material_name: record.materialName,
        signer_name_masked: record.signerNameMasked,
        signer_id_number_masked: record.signerIdNumberMasked,
        signature_file_id: signature.id,
        signature_sha256: record.signatureSha256,
        case_id: record.caseId ?? null,
        signed_at: signedAt,
        record_json: recordJson,
        gateway_signature: key.sign(recordJson),
        key_id: key.keyId,
      };
      this.deps.commitments.insert(row, 'applicant');
      return this.receipt(row);
    });
  }

  mine(userId: string): CommitmentReceipt[] {
    return this.deps.commitments.listForUser(userId).map((row) => this.receipt(row));
  }

  one(userId: string, id: string): CommitmentReceipt {
    const row = this.deps.commitments.getForUser(userId, id);
    if (!row) throw notFound(COMMITMENT_MESSAGES.notFound);
    return this.receipt(row);
  }

  /** Withdraws while still `signed` and the related case (if any) is not accepted. */
  withdraw(userId: string, id: string): CommitmentReceipt {
    return this.deps.commitments.transaction(() => {
      const row = this.deps.commitments.getForUser(userId, id);
      if (!row) throw notFound(COMMITMENT_MESSAGES.notFound);
      const { status } = this.status(id);
      if (status === 'withdrawn') throw new ApiError('CONFLICT', COMMITMENT_MESSAGES.alreadyWithdrawn);
      if (status !== 'signed') throw new ApiError('CONFLICT', COMMITMENT_MESSAGES.alreadyChecked);
      if (this.caseAccepted(row.case_id)) throw new ApiError('CONFLICT', COMMITMENT_MESSAGES.caseAccepted);
      this.deps.commitments.addEvent(id, 'withdrawn', this.deps.now().getTime(), 'applicant', WITHDRAW_NOTE);
      return this.receipt(row);
    });
  }

  // ── officers ───────────────────────────────────────────────────────────────────────────────

  all(): CommitmentReceipt[] {
    return this.deps.commitments.listAll().map((row) => this.receipt(row));
  }

  /** 核查结论 (属实 / 不实), only for a commitment still awaiting it. */
  verdict(id: string, input: AdminCommitmentVerdict, officer: string): CommitmentReceipt {
    return this.deps.commitments.transaction(() => {
      const row = this.deps.commitments.get(id);
      if (!row) throw notFound(COMMITMENT_MESSAGES.notFound);
      const { status } = this.status(id);
      if (status === 'withdrawn') throw new ApiError('CONFLICT', COMMITMENT_MESSAGES.verdictWithdrawn);
      if (status !== 'signed') throw new ApiError('CONFLICT', COMMITMENT_MESSAGES.verdictDone);
      const now = this.deps.now().getTime();
      this.deps.commitments.addEvent(id, input.result, now, `officer:${officer}`, input.note.trim());
      // 不实 has consequences for the signer: they are told, in the verdict's transaction.
      if (input.result === 'false') {
        const notice = commitmentFalseNotice(
          { id: row.id, userId: row.user_id, itemName: row.item_name, materialName: row.material_name },
          input.note.trim(),
          now,
        );
        enqueueNotification(this.deps.db, notice, now);
      }
      return this.receipt(row);
    });
  }

  /** Sets or clears the 严重失信主体 flag (recorded with who and why). */
  credit(userId: string, input: AdminCreditFlag, officer: string): { userId: string; seriousDishonesty: boolean } {
    if (!this.deps.users.get(userId)) throw notFound(COMMITMENT_MESSAGES.userNotFound);
    this.deps.commitments.setSeriousDishonesty(
      userId,
      input.seriousDishonesty,
      input.reason?.trim() ?? '',
      this.deps.now().getTime(),
      `officer:${officer}`,
    );
    return { userId, seriousDishonesty: this.deps.commitments.seriousDishonesty(userId) };
  }

  seriousDishonesty(userId: string): boolean {
    return this.deps.commitments.seriousDishonesty(userId);
  }

  // ── tamper checks ──────────────────────────────────────────────────────────────────────────

  /**
   * Whether a stored commitment is intact: (a) the gateway signature verifies over the stored
   * canonical record, (b) the columns still say exactly what was signed, (c) the signature image
   * is there with the signed hash, (d) the notice version still hashes to the signed hash. The
   * details name checks and fields, never personal data.
   */
  verify(id: string): CommitmentVerification {
    const row = this.deps.commitments.get(id);
    if (!row) throw notFound(COMMITMENT_MESSAGES.notFound);
    const checks = [this.checkSignature(row), this.checkFields(row), this.checkFile(row), this.checkNotice(row)];
    return { id, intact: checks.every((c) => c.ok), checks };
  }

  private checkSignature(row: CommitmentRow): VerificationCheck {
    const name = CHECK_NAMES.signature;
    const key = this.deps.key;
    if (!key) return { name, ok: false, detail: '网关签名公钥不存在，无法验证' };
    if (row.key_id !== key.keyId) {
      return { name, ok: false, detail: `记录标注的密钥 ${row.key_id} 不是网关公钥 ${key.keyId}` };
    }
    return key.verify(row.record_json, row.gateway_signature)
      ? { name, ok: true, detail: `Ed25519 签名有效（密钥 ${key.keyId}）` }
      : { name, ok: false, detail: 'Ed25519 签名无效：签名记录或签名已被改动' };
  }

  private checkFields(row: CommitmentRow): VerificationCheck {
    const name = CHECK_NAMES.fields;
    const columns = recordFromColumns(row);
    if (canonicalJson(columns) === row.record_json) {
      return { name, ok: true, detail: '各字段与签名记录一致' };
    }
    let signed: Record<string, unknown> = {};
    try {
      const parsed: unknown = JSON.parse(row.record_json);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) signed = parsed as Record<string, unknown>;
    } catch {
      return { name, ok: false, detail: '签名记录无法解析' };
    }
    const fromColumns = columns as unknown as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(fromColumns), ...Object.keys(signed)])].sort();
    const differing = keys.filter((k) => canonicalJson(fromColumns[k] ?? null) !== canonicalJson(signed[k] ?? null));
    return {
      name,
      ok: false,
      detail: `与签名记录不一致的字段：${differing.length > 0 ? differing.join(', ') : '（记录格式）'}`,
    };
  }

  private checkFile(row: CommitmentRow): VerificationCheck {
    const name = CHECK_NAMES.file;
    const upload = this.deps.uploads.get(row.signature_file_id);
    if (!upload) return { name, ok: false, detail: '签名图片的登记记录缺失' };
    const bytes = this.deps.files.bytes(upload);
    if (!bytes) return { name, ok: false, detail: '签名图片文件缺失' };
    if (sha256Hex(bytes) !== row.signature_sha256) {
      return { name, ok: false, detail: '签名图片文件的 SHA-256 与签名记录不符（文件已被改动）' };
    }
    if (upload.sha256 !== row.signature_sha256) {
      return { name, ok: false, detail: '签名图片登记的 SHA-256 与签名记录不符' };
    }
    return { name, ok: true, detail: '签名图片存在，SHA-256 与签名记录一致' };
  }

  private checkNotice(row: CommitmentRow): VerificationCheck {
    const name = CHECK_NAMES.notice;
    const v = row.notice_version;
    const version = this.deps.notices.version(row.notice_id, v);
    if (!version) return { name, ok: false, detail: `告知书第 ${v} 版的记录缺失` };
    if (!versionIntact(version))
      return { name, ok: false, detail: `告知书第 ${v} 版的内容与其哈希不符（内容已被改动）` };
    if (version.content_hash !== row.notice_hash) {
      return { name, ok: false, detail: `告知书第 ${v} 版的哈希与签名记录不符` };
    }
    return { name, ok: true, detail: `告知书第 ${v} 版内容完整，哈希与签名记录一致` };
  }
}
