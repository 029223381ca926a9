import type { Static, TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { ApiError, fieldError } from '../http/api-error';
import { canonicalJson, sha256Hex } from '../commitments/canonical-json';
import type { IdempotencyStore } from '../store/idempotency-store';

export const IDEMPOTENCY_HEADER = 'idempotency-key';

export const IDEMPOTENCY_MESSAGES = {
  missing: '缺少幂等键（请求头 Idempotency-Key），请更新应用后重试',
  shape: '幂等键（Idempotency-Key）应为 8–100 个可见字符',
  mismatch: '同一个幂等键对应了不同的提交内容',
} as const;

const KEY_SHAPE = /^[\x21-\x7e]{8,100}$/;

/** The `Idempotency-Key` header, checked; 400 in words when missing or malformed. */
export function idempotencyKey(raw: string | string[] | undefined): string {
  if (raw === undefined || raw === '') throw fieldError('Idempotency-Key', IDEMPOTENCY_MESSAGES.missing);
  if (Array.isArray(raw) || !KEY_SHAPE.test(raw)) throw fieldError('Idempotency-Key', IDEMPOTENCY_MESSAGES.shape);
  return raw;
}

export interface IdempotentRequest {
  userId: string;
  key: string;
  operation: 'submit' | 'resubmit';
  caseId: string;
  body: unknown;
}

/**
 * Runs an operation exactly once per (user, key). The caller holds a transaction around this, so
 * the key and the change it made are written together: a repeat (a double tap, a retry after a
 * lost answer) finds the key and gets the first answer back, nothing new happens. Refusals are not
 * stored, so the user can fix the application and send it again with the same key.
 */
export class IdempotentRunner {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly now: () => Date,
  ) {}

  run<T extends TSchema>(schema: T, request: IdempotentRequest, operation: () => Static<T>): Static<T> {
    const hash = sha256Hex(canonicalJson({ operation: request.operation, caseId: request.caseId, body: request.body }));
    const existing = this.store.get(request.userId, request.key);
    if (existing) {
      if (existing.request_hash !== hash) throw new ApiError('CONFLICT', IDEMPOTENCY_MESSAGES.mismatch);
      const stored: unknown = JSON.parse(existing.response);
      if (!Value.Check(schema, stored)) throw new Error(`stored response for idempotency key is unreadable`);
      return stored;
    }
    const result = operation();
    this.store.insert({
      user_id: request.userId,
      key: request.key,
      case_id: request.caseId,
      operation: request.operation,
      request_hash: hash,
      response: JSON.stringify(result),
      created_at: this.now().getTime(),
    });
    return result;
  }
}
