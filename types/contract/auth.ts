import { Type, type Static } from '@sinclair/typebox';

export const MOBILE_PATTERN = '^1[3-9]\\d{9}$';

export const SmsRequest = Type.Object(
  { mobile: Type.String({ pattern: MOBILE_PATTERN }) },
  { additionalProperties: false },
);
export type SmsRequest = Static<typeof SmsRequest>;

export const SmsSent = Type.Object({
  /** Seconds before another code may be requested for this number. */
  resendAfterSeconds: Type.Integer({ minimum: 0 }),
  /** Seconds the code stays valid. */
  expiresInSeconds: Type.Integer({ minimum: 0 }),
});
export type SmsSent = Static<typeof SmsSent>;

export const SmsLoginRequest = Type.Object(
  {
    mobile: Type.String({ pattern: MOBILE_PATTERN }),
    code: Type.String({ pattern: '^\\d{6}$' }),
  },
  { additionalProperties: false },
);
export type SmsLoginRequest = Static<typeof SmsLoginRequest>;

export const Platform = Type.Union([Type.Literal('weapp'), Type.Literal('alipay')]);
export type Platform = Static<typeof Platform>;

/** Mini-program login: the code from `Taro.login` (WeChat) / `my.getAuthCode` (Alipay). */
export const CodeLoginRequest = Type.Object(
  { platform: Platform, code: Type.String({ minLength: 1, maxLength: 256 }) },
  { additionalProperties: false },
);
export type CodeLoginRequest = Static<typeof CodeLoginRequest>;

export const RefreshRequest = Type.Object(
  { refreshToken: Type.String({ minLength: 1, maxLength: 512 }) },
  { additionalProperties: false },
);
export type RefreshRequest = Static<typeof RefreshRequest>;

export const RealNameState = Type.Object({
  verified: Type.Boolean(),
  /** 张** — masked by the gateway; the full name never leaves it. */
  nameMasked: Type.Optional(Type.String()),
  /** 4201**********1234 */
  idNumberMasked: Type.Optional(Type.String()),
});
export type RealNameState = Static<typeof RealNameState>;

export const User = Type.Object({
  id: Type.String(),
  /** 138****1234, or absent for a mini-program identity without a bound number. */
  mobileMasked: Type.Optional(Type.String()),
  realName: RealNameState,
});
export type User = Static<typeof User>;

export const TokenPair = Type.Object({
  accessToken: Type.String(),
  /** Seconds until the access token expires. */
  accessExpiresIn: Type.Integer({ minimum: 1 }),
  refreshToken: Type.String(),
  refreshExpiresIn: Type.Integer({ minimum: 1 }),
});
export type TokenPair = Static<typeof TokenPair>;

export const LoginResult = Type.Object({
  tokens: TokenPair,
  user: User,
});
export type LoginResult = Static<typeof LoginResult>;

export const RealNameRequest = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 30 }),
    idNumber: Type.String({ minLength: 18, maxLength: 18 }),
    /**
     * The SMS code sent to the mobile of the account this identity is already verified on (after an
     * `IdentityBoundChallenge`): proves the same person holds both accounts.
     */
    code: Type.Optional(Type.String({ pattern: '^\\d{6}$' })),
  },
  { additionalProperties: false },
);
export type RealNameRequest = Static<typeof RealNameRequest>;

/**
 * The identity is already verified on another account: a code was sent to that account's mobile,
 * and the request is to be repeated with it (`code`).
 */
export const IdentityBoundChallenge = Type.Object({
  challenge: Type.Literal('identity_bound'),
  /** 138****1234: the mobile of the account the identity is verified on. */
  mobileMasked: Type.String(),
  resendAfterSeconds: Type.Integer({ minimum: 0 }),
  expiresInSeconds: Type.Integer({ minimum: 0 }),
});
export type IdentityBoundChallenge = Static<typeof IdentityBoundChallenge>;

/** The account, verified; or the proof still needed for an identity verified on another account. */
export const RealNameResult = Type.Union([User, IdentityBoundChallenge]);
export type RealNameResult = Static<typeof RealNameResult>;
