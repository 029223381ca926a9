import { Type, type Static, type TSchema } from '@sinclair/typebox';

/**
 * Stable machine-readable error codes. The app branches on these, never on the message text,
 * so a provincial gateway implementing this contract must use exactly these values.
 */
export const ErrorCode = Type.Union([
  Type.Literal('BAD_REQUEST'),
  Type.Literal('VALIDATION_FAILED'),
  Type.Literal('UNAUTHENTICATED'),
  Type.Literal('TOKEN_EXPIRED'),
  Type.Literal('FORBIDDEN'),
  Type.Literal('NOT_FOUND'),
  Type.Literal('CONFLICT'),
  Type.Literal('RATE_LIMITED'),
  Type.Literal('PAYLOAD_TOO_LARGE'),
  Type.Literal('INTERNAL'),
]);
export type ErrorCode = Static<typeof ErrorCode>;

export const FieldError = Type.Object({
  /** Dotted path of the offending field, e.g. `pageSize` or `applicant.idNumber`. */
  field: Type.String(),
  /** User-facing Chinese message for that field. */
  message: Type.String(),
});
export type FieldError = Static<typeof FieldError>;

export const ApiErrorBody = Type.Object({
  code: ErrorCode,
  /** User-facing Chinese message, fit to show as it is. */
  message: Type.String(),
  fields: Type.Optional(Type.Array(FieldError)),
  /** Seconds to wait before trying again (rate limits). */
  retryAfterSeconds: Type.Optional(Type.Integer({ minimum: 0 })),
});
export type ApiErrorBody = Static<typeof ApiErrorBody>;

export const ErrorEnvelope = Type.Object({
  ok: Type.Literal(false),
  error: ApiErrorBody,
  requestId: Type.String(),
});
export type ErrorEnvelope = Static<typeof ErrorEnvelope>;

/** Every successful response is `{ ok: true, data, requestId }`. */
export const okEnvelope = <T extends TSchema>(data: T) =>
  Type.Object({ ok: Type.Literal(true), data, requestId: Type.String() });

export type OkEnvelope<T> = { ok: true; data: T; requestId: string };
export type Envelope<T> = OkEnvelope<T> | ErrorEnvelope;
