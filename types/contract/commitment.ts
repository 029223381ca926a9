import { Type, type Static } from '@sinclair/typebox';

/**
 * 告知承诺 (国办发〔2020〕42号): instead of a proof, the applicant commits that a condition is met.
 * A notice (告知书) is versioned; a signed commitment binds the exact version and content hash.
 */
export const CommitmentNotice = Type.Object({
  id: Type.String(),
  version: Type.Integer({ minimum: 1 }),
  /** Hex SHA-256 of the canonical JSON of the notice's content fields (all but id/version/hash/publishedAt). */
  contentHash: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  itemCode: Type.String(),
  itemName: Type.String(),
  departmentName: Type.String(),
  /** The material (proof) the commitment replaces, as in the guide. */
  materialId: Type.String(),
  materialName: Type.String(),
  /** The condition the applicant commits to meet, in plain words. */
  condition: Type.String(),
  /** 承诺方式, e.g. 书面承诺（在线签署）. */
  method: Type.String(),
  /** 不实承诺的法律后果: each a sentence (终止办理, 撤销决定, 行政处罚, 信用记录, 失信惩戒…). */
  consequences: Type.Array(Type.String()),
  /** The agency's right to verify, and how (核查方式、时限). */
  verification: Type.String(),
  /** The applicant's duty to cooperate with verification. */
  cooperation: Type.String(),
  /** 设定依据. */
  legalBasis: Type.String(),
  publishedAt: Type.String({ format: 'date-time' }),
});
export type CommitmentNotice = Static<typeof CommitmentNotice>;

export const NoticeList = Type.Object({ notices: Type.Array(CommitmentNotice) });
export type NoticeList = Static<typeof NoticeList>;

/** The four confirmations the applicant ticks before signing; all must be true. */
export const CommitmentConfirmations = Type.Object(
  {
    informed: Type.Boolean(), // 已知晓告知内容
    qualified: Type.Boolean(), // 符合条件
    truthful: Type.Boolean(), // 信息真实
    acceptVerification: Type.Boolean(), // 愿意接受核查并承担不实承诺的责任
  },
  { additionalProperties: false },
);
export type CommitmentConfirmations = Static<typeof CommitmentConfirmations>;

export const SignCommitmentRequest = Type.Object(
  {
    noticeId: Type.String({ maxLength: 64 }),
    /** The version and hash the user actually read: refused unless they are the current ones. */
    noticeVersion: Type.Integer({ minimum: 1 }),
    noticeHash: Type.String({ pattern: '^[0-9a-f]{64}$' }),
    confirmations: CommitmentConfirmations,
    /** An upload of purpose `signature` by the same user, and its hash as the app computed it. */
    signatureFileId: Type.String({ maxLength: 64 }),
    signatureSha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
    /** The application the commitment belongs to, when signed from a pre-review material card. */
    caseId: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);
export type SignCommitmentRequest = Static<typeof SignCommitmentRequest>;

export const CommitmentStatus = Type.Union([
  Type.Literal('signed'), // 已承诺, awaiting 核查
  Type.Literal('verified'), // 核查属实
  Type.Literal('false'), // 不实承诺
  Type.Literal('withdrawn'), // 已撤回
]);
export type CommitmentStatus = Static<typeof CommitmentStatus>;

/**
 * The receipt: the signed record plus the gateway's Ed25519 signature over the canonical JSON of
 * `record` (keys sorted, no spaces), verifiable offline with the key from `GET /api/commitments/public-key`.
 */
export const CommitmentRecord = Type.Object({
  id: Type.String(),
  noticeId: Type.String(),
  noticeVersion: Type.Integer(),
  noticeHash: Type.String(),
  itemCode: Type.String(),
  itemName: Type.String(),
  materialName: Type.String(),
  /** The signer: the logged-in real-name user (masked here; the gateway keeps the user id). */
  signerId: Type.String(),
  signerNameMasked: Type.String(),
  signerIdNumberMasked: Type.String(),
  signatureSha256: Type.String(),
  signedAt: Type.String({ format: 'date-time' }),
  caseId: Type.Optional(Type.String()),
});
export type CommitmentRecord = Static<typeof CommitmentRecord>;

export const CommitmentReceipt = Type.Object({
  record: CommitmentRecord,
  /** Base64 Ed25519 signature over the canonical JSON of `record`. */
  gatewaySignature: Type.String(),
  keyId: Type.String(),
  status: CommitmentStatus,
  /** What the officer found on 核查, or why it was withdrawn. */
  statusNote: Type.Optional(Type.String()),
  statusAt: Type.Optional(Type.String({ format: 'date-time' })),
  /** Whether it can still be withdrawn (signed, and the related case not yet accepted). */
  withdrawable: Type.Boolean(),
});
export type CommitmentReceipt = Static<typeof CommitmentReceipt>;

export const CommitmentList = Type.Object({ commitments: Type.Array(CommitmentReceipt) });
export type CommitmentList = Static<typeof CommitmentList>;

export const PublicKeyInfo = Type.Object({
  keyId: Type.String(),
  algorithm: Type.Literal('Ed25519'),
  /** SPKI PEM. */
  publicKeyPem: Type.String(),
});
export type PublicKeyInfo = Static<typeof PublicKeyInfo>;

export const VerificationCheck = Type.Object({ name: Type.String(), ok: Type.Boolean(), detail: Type.String() });
export type VerificationCheck = Static<typeof VerificationCheck>;

/** Whether a stored record and its signature file are intact. */
export const CommitmentVerification = Type.Object({
  id: Type.String(),
  intact: Type.Boolean(),
  checks: Type.Array(VerificationCheck),
});
export type CommitmentVerification = Static<typeof CommitmentVerification>;

export const AdminCommitmentVerdict = Type.Object(
  {
    result: Type.Union([Type.Literal('verified'), Type.Literal('false')]),
    note: Type.String({ minLength: 2, maxLength: 2000 }),
  },
  { additionalProperties: false },
);
export type AdminCommitmentVerdict = Static<typeof AdminCommitmentVerdict>;

export const AdminCreditFlag = Type.Object(
  {
    /** 严重失信主体: may not use 告知承诺 and must provide the proof. */
    seriousDishonesty: Type.Boolean(),
    reason: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type AdminCreditFlag = Static<typeof AdminCreditFlag>;
