import { Type, type Static } from '@sinclair/typebox';
import { Material } from './catalogue';
import { CaseStatus, CaseSummary } from './case';

/**
 * 网上申报预审. A case is created as a 草稿 (draft) the moment the applicant starts; the draft is
 * saved as they go (`PUT /me/cases/:id/draft`), submitted once (`POST /me/cases/:id/submit` with an
 * `Idempotency-Key` header), returned for correction per material by an officer, corrected
 * (`POST /me/cases/:id/resubmit`, only the returned materials) and so on to 办结.
 */

/** What is applied for: one item, or a 一件事 (one form, one merged set of materials). */
export const PrereviewTarget = Type.Object(
  {
    kind: Type.Union([Type.Literal('item'), Type.Literal('theme')]),
    code: Type.String({ minLength: 1, maxLength: 64 }),
  },
  { additionalProperties: false },
);
export type PrereviewTarget = Static<typeof PrereviewTarget>;

export const ApplicantType = Type.Union([Type.Literal('person'), Type.Literal('business')]);
export type ApplicantType = Static<typeof ApplicantType>;

/** Content types a material file may have (checked by magic bytes at the gateway). */
export const MaterialFileType = Type.Union([
  Type.Literal('image/jpeg'),
  Type.Literal('image/png'),
  Type.Literal('application/pdf'),
]);
export type MaterialFileType = Static<typeof MaterialFileType>;

/**
 * Files at or above this size (4 MiB) go up in acknowledged chunks (upload sessions); smaller ones
 * in one request. Written as a literal so the app can mirror it with a type-checked copy.
 */
export const CHUNKED_UPLOAD_THRESHOLD = 4194304;

/** A material of the application with the gateway's limits for its files. */
export const MaterialRequirement = Type.Composite([
  Material,
  Type.Object({
    accept: Type.Array(MaterialFileType),
    /** Largest file, in bytes (images and PDFs may differ: see `maxImageBytes`). */
    maxPdfBytes: Type.Integer({ minimum: 1 }),
    maxImageBytes: Type.Integer({ minimum: 1 }),
    /** Files per material. */
    maxFiles: Type.Integer({ minimum: 1 }),
    /** For a theme item: the items that ask for this material. */
    itemCodes: Type.Array(Type.String()),
  }),
]);
export type MaterialRequirement = Static<typeof MaterialRequirement>;

/** `GET /prereview/items/:code` or `/prereview/themes/:code`: what the form needs. */
export const ApplicationSpec = Type.Object({
  target: PrereviewTarget,
  title: Type.String(),
  departmentName: Type.String(),
  /** Who may apply (from the item's audiences). */
  applicantTypes: Type.Array(ApplicantType),
  materials: Type.Array(MaterialRequirement),
  /** 承诺时限 in working days (for the expected completion date). */
  promisedDays: Type.Integer({ minimum: 0 }),
  /** Whether the result can be posted (邮寄) as well as collected at the window. */
  postAvailable: Type.Boolean(),
});
export type ApplicationSpec = Static<typeof ApplicationSpec>;

/** 结果送达: 窗口自取, or 邮寄 to an address. */
export const Delivery = Type.Union([
  Type.Object({ method: Type.Literal('pickup') }, { additionalProperties: false }),
  Type.Object(
    {
      method: Type.Literal('post'),
      recipient: Type.String({ maxLength: 30 }),
      mobile: Type.String({ maxLength: 20 }),
      address: Type.String({ maxLength: 200 }),
    },
    { additionalProperties: false },
  ),
]);
export type Delivery = Static<typeof Delivery>;

/**
 * The form. A person applies as themself: name and 身份证号 come from their real-name record at the
 * gateway and are never typed. A business gives 单位名称, 统一社会信用代码 (GB 32100) and its
 * 法定代表人 with their 身份证号 (GB 11643); the logged-in user is the 经办人. In a draft every
 * field may be missing or still invalid; on submit all required ones are checked.
 */
export const ApplicationForm = Type.Object(
  {
    applicantType: Type.Optional(ApplicantType),
    /** 联系电话 (11-digit mobile). */
    contactMobile: Type.Optional(Type.String({ maxLength: 20 })),
    /** 联系地址. */
    address: Type.Optional(Type.String({ maxLength: 200 })),
    companyName: Type.Optional(Type.String({ maxLength: 100 })),
    creditCode: Type.Optional(Type.String({ maxLength: 30 })),
    legalRepresentative: Type.Optional(Type.String({ maxLength: 30 })),
    legalRepresentativeIdNumber: Type.Optional(Type.String({ maxLength: 30 })),
    /** 申请说明 (optional plain text). */
    remark: Type.Optional(Type.String({ maxLength: 500 })),
    delivery: Type.Optional(Delivery),
  },
  { additionalProperties: false },
);
export type ApplicationForm = Static<typeof ApplicationForm>;

/** How one material is satisfied. */
export const MaterialAnswer = Type.Union([
  Type.Object(
    {
      materialId: Type.String({ maxLength: 64 }),
      way: Type.Literal('files'),
      /** Uploads of purpose `material` by the same user. */
      fileIds: Type.Array(Type.String({ maxLength: 64 }), { maxItems: 20 }),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      materialId: Type.String({ maxLength: 64 }),
      way: Type.Literal('e_licence'),
      licenceId: Type.String({ maxLength: 64 }),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      materialId: Type.String({ maxLength: 64 }),
      way: Type.Literal('commitment'),
      /** A signed 告知承诺 of the same user for this material (signed with this case's id). */
      commitmentId: Type.String({ maxLength: 64 }),
    },
    { additionalProperties: false },
  ),
]);
export type MaterialAnswer = Static<typeof MaterialAnswer>;

/** `PUT /me/cases/:id/draft`: the whole draft as it stands (last write wins; `revision` says which). */
export const SaveDraftRequest = Type.Object(
  {
    form: ApplicationForm,
    materials: Type.Array(MaterialAnswer, { maxItems: 100 }),
  },
  { additionalProperties: false },
);
export type SaveDraftRequest = Static<typeof SaveDraftRequest>;

export const StartApplicationRequest = Type.Object({ target: PrereviewTarget }, { additionalProperties: false });
export type StartApplicationRequest = Static<typeof StartApplicationRequest>;

/** `POST /me/cases/:id/submit` (header `Idempotency-Key`): the final form and materials. */
export const SubmitApplicationRequest = SaveDraftRequest;
export type SubmitApplicationRequest = SaveDraftRequest;

/** `POST /me/cases/:id/resubmit` (header `Idempotency-Key`): new answers for the returned materials only. */
export const ResubmitRequest = Type.Object(
  { materials: Type.Array(MaterialAnswer, { minItems: 1, maxItems: 100 }) },
  { additionalProperties: false },
);
export type ResubmitRequest = Static<typeof ResubmitRequest>;

/** A file attached to a material, as the case shows it. */
export const AttachedFile = Type.Object({
  id: Type.String(),
  name: Type.String(),
  mime: MaterialFileType,
  size: Type.Integer({ minimum: 1 }),
  sha256: Type.String(),
});
export type AttachedFile = Static<typeof AttachedFile>;

/** 需补正 / 已通过 per material, as the officer left it. */
export const MaterialReviewState = Type.Union([
  Type.Literal('pending'), // 待审
  Type.Literal('returned'), // 需补正
  Type.Literal('accepted'), // 已通过
]);
export type MaterialReviewState = Static<typeof MaterialReviewState>;

export const CaseMaterial = Type.Object({
  materialId: Type.String(),
  name: Type.String(),
  way: Type.Union([Type.Literal('files'), Type.Literal('e_licence'), Type.Literal('commitment')]),
  files: Type.Array(AttachedFile),
  licenceId: Type.Optional(Type.String()),
  licenceName: Type.Optional(Type.String()),
  commitmentId: Type.Optional(Type.String()),
  review: MaterialReviewState,
  /** The officer's comment when returned for correction. */
  reviewComment: Type.Optional(Type.String()),
});
export type CaseMaterial = Static<typeof CaseMaterial>;

/** One step of the timeline (every status change, with who and when). */
export const CaseEvent = Type.Object({
  from: Type.Optional(CaseStatus),
  to: CaseStatus,
  at: Type.String({ format: 'date-time' }),
  /** 申请人 / 经办人 <name> / 系统 */
  actor: Type.String(),
  note: Type.String(),
});
export type CaseEvent = Static<typeof CaseEvent>;

/** `GET /me/cases/:id`: the case with its application, materials and timeline. */
export const CaseDetail = Type.Composite([
  CaseSummary,
  Type.Object({
    target: Type.Optional(PrereviewTarget),
    /** The draft (or the submitted form); person applicants see their identity masked. */
    form: ApplicationForm,
    applicantNameMasked: Type.Optional(Type.String()),
    applicantIdNumberMasked: Type.Optional(Type.String()),
    materials: Type.Array(CaseMaterial),
    timeline: Type.Array(CaseEvent),
    /** Saved-draft counter: bumps on every save. */
    revision: Type.Integer({ minimum: 0 }),
    /** 承诺时限 and the date it falls on, counted in working days from submission (UTC+8). */
    promisedDays: Type.Optional(Type.Integer({ minimum: 0 })),
    expectedCompletionDate: Type.Optional(Type.String()),
    /** What the officer said when rejecting, or the posting tracking number. */
    statusNote: Type.Optional(Type.String()),
    withdrawable: Type.Boolean(),
  }),
]);
export type CaseDetail = Static<typeof CaseDetail>;

/** 电子证照 in the user's wallet, served by the gateway. */
export const ELicence = Type.Object({
  id: Type.String(),
  /** 居民身份证 / 营业执照 / … */
  name: Type.String(),
  holderMasked: Type.String(),
  numberMasked: Type.String(),
  issuer: Type.String(),
  validUntil: Type.Optional(Type.String()),
});
export type ELicence = Static<typeof ELicence>;

export const ELicenceList = Type.Object({ licences: Type.Array(ELicence) });
export type ELicenceList = Static<typeof ELicenceList>;

// --- Chunked, resumable uploads (files ≥ CHUNKED_UPLOAD_THRESHOLD) ---

/** `POST /uploads/sessions`: declare the whole file first; the gateway refuses what it would refuse anyway. */
export const StartUploadSessionRequest = Type.Object(
  {
    purpose: Type.Literal('material'),
    fileName: Type.String({ minLength: 1, maxLength: 200 }),
    mime: MaterialFileType,
    size: Type.Integer({ minimum: 0 }),
    /** Lower-case hex SHA-256 of the whole file, checked when the session completes. */
    sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  },
  { additionalProperties: false },
);
export type StartUploadSessionRequest = Static<typeof StartUploadSessionRequest>;

/**
 * A session: the chunk size the gateway chose and which chunks it already holds. Chunks go up as
 * `PUT /uploads/sessions/:id/chunks/:index` (body application/octet-stream, header
 * `x-chunk-sha256`), in any order; a chunk already held with the same hash is acknowledged without
 * being stored again. `POST /uploads/sessions/:id/complete` checks the whole file and returns it.
 */
export const UploadSession = Type.Object({
  id: Type.String(),
  fileName: Type.String(),
  mime: MaterialFileType,
  size: Type.Integer(),
  sha256: Type.String(),
  chunkSize: Type.Integer({ minimum: 1 }),
  chunkCount: Type.Integer({ minimum: 1 }),
  /** Indexes of the chunks the gateway holds (acknowledged), ascending. */
  received: Type.Array(Type.Integer({ minimum: 0 })),
  /** Every chunk byte the gateway has read for this session, repeats included (what a resume re-sent). */
  bytesTransferred: Type.Integer({ minimum: 0 }),
  status: Type.Union([Type.Literal('open'), Type.Literal('complete')]),
  /** The stored file, once complete. */
  fileId: Type.Optional(Type.String()),
  expiresAt: Type.String({ format: 'date-time' }),
});
export type UploadSession = Static<typeof UploadSession>;

// --- Officers ---

export const PrereviewAction = Type.Union([
  Type.Literal('approve'), // 预审通过
  Type.Literal('return'), // 退回补正 (per-material comments)
  Type.Literal('reject'), // 不予受理 (reason)
  Type.Literal('accept'), // 受理
  Type.Literal('complete'), // 办结
  Type.Literal('post'), // 已寄出 (tracking number)
]);
export type PrereviewAction = Static<typeof PrereviewAction>;

export const AdminCaseAction = Type.Object(
  {
    action: PrereviewAction,
    /** Note for the timeline; the reason when rejecting (required then), the tracking no. when posting. */
    note: Type.Optional(Type.String({ maxLength: 2000 })),
    /** When returning: the materials to correct, each with what is wrong (at least one). */
    materials: Type.Optional(
      Type.Array(
        Type.Object(
          { materialId: Type.String({ maxLength: 64 }), comment: Type.String({ minLength: 2, maxLength: 500 }) },
          { additionalProperties: false },
        ),
        { maxItems: 100 },
      ),
    ),
  },
  { additionalProperties: false },
);
export type AdminCaseAction = Static<typeof AdminCaseAction>;

/** The officer's view of a case: the detail plus the applicant (officers see who applied). */
export const AdminCaseView = Type.Composite([
  CaseDetail,
  Type.Object({ userId: Type.String(), applicantName: Type.Optional(Type.String()) }),
]);
export type AdminCaseView = Static<typeof AdminCaseView>;

export const AdminCaseQueue = Type.Object({ cases: Type.Array(AdminCaseView) });
export type AdminCaseQueue = Static<typeof AdminCaseQueue>;
