import type { FastifyRequest } from 'fastify';
import type { TSchema } from '@sinclair/typebox';
import { ErrorEnvelope, okEnvelope, type ApiErrorBody, type OkEnvelope } from '../../../types/contract';

/** The response schemas of a route whose `data` is `data`: the ok envelope, and the error envelope. */
export function envelopeSchemas<T extends TSchema>(data: T) {
  return { 200: okEnvelope(data), '4xx': ErrorEnvelope, '5xx': ErrorEnvelope };
}

export function ok<T>(request: FastifyRequest, data: T): OkEnvelope<T> {
  return { ok: true, data, requestId: request.id };
}

export function errorEnvelope(request: FastifyRequest, error: ApiErrorBody): ErrorEnvelope {
  return { ok: false, error, requestId: request.id };
}
