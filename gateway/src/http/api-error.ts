import type { ErrorCode, FieldError } from '../../../types/contract';

const STATUS: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  TOKEN_EXPIRED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

/** An error meant for the user: becomes the `{ ok: false, error }` envelope as it is. */
export class ApiError extends Error {
  readonly statusCode: number;

  constructor(
    readonly code: ErrorCode,
    /** Chinese, fit to show to the user. */
    message: string,
    readonly extra: { fields?: FieldError[]; retryAfterSeconds?: number; statusCode?: number } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.statusCode = extra.statusCode ?? STATUS[code];
  }
}

export function validationFailed(fields: FieldError[]): ApiError {
  const shown = fields.slice(0, 3).map((f) => f.message);
  const message = fields.length > 3 ? `${shown.join('；')}等 ${fields.length} 处问题` : shown.join('；');
  return new ApiError('VALIDATION_FAILED', message || '请求参数有误', { fields });
}

export function fieldError(field: string, message: string): ApiError {
  return validationFailed([{ field, message }]);
}

export function notFound(message: string): ApiError {
  return new ApiError('NOT_FOUND', message);
}

export function rateLimited(retryAfterSeconds: number, message: string): ApiError {
  return new ApiError('RATE_LIMITED', message, { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)) });
}
