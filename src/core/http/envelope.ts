import type { Envelope } from '@contract/envelope';
import { ApiError } from './api-error';

/** A gateway answer's envelope, from a parsed body or its JSON text; undefined when it is not one. */
export function parseEnvelope(data: unknown): Envelope<unknown> | undefined {
  let value = data;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const ok = (value as { ok?: unknown }).ok;
  if (ok === true && 'data' in value) return value as Envelope<unknown>;
  if (ok === false && typeof (value as { error?: { code?: unknown } }).error?.code === 'string') {
    return value as Envelope<unknown>;
  }
  return undefined;
}

/** The `data` of a gateway answer (from axios, a mini-program upload or the page itself), or an `ApiError`. */
export function envelopeData<T>(status: number, body: unknown): T {
  const envelope = parseEnvelope(body);
  if (!envelope) throw new ApiError({ code: status >= 500 ? 'INTERNAL' : 'BAD_RESPONSE', status });
  if (!envelope.ok) throw new ApiError({ ...envelope.error, status, requestId: envelope.requestId });
  return envelope.data as T;
}
