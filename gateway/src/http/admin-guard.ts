import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { ApiError } from './api-error';

export const ADMIN_TOKEN_HEADER = 'x-admin-token';
export const OFFICER_HEADER = 'x-officer';
export const DEFAULT_OFFICER = 'admin';

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/** Constant-time comparison (hashed first, so unequal lengths leak nothing either). */
function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * onRequest hook for officer routes: `x-admin-token` must equal GATEWAY_ADMIN_TOKEN. Without a
 * configured token the officer API does not exist for anyone.
 */
export function requireAdmin(adminToken: string | undefined): onRequestAsyncHookHandler {
  return async (request) => {
    if (!adminToken) throw new ApiError('FORBIDDEN', '管理接口未启用');
    const given = request.headers[ADMIN_TOKEN_HEADER];
    if (typeof given !== 'string' || !sameSecret(given, adminToken)) {
      throw new ApiError('FORBIDDEN', '管理令牌无效');
    }
  };
}

/** An officers' route scope: the admin token on every route, and answers never cached. */
export function adminScope(app: FastifyInstance, adminToken: string | undefined): void {
  app.addHook('onRequest', requireAdmin(adminToken));
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('cache-control', 'no-store');
    return payload;
  });
}

/**
 * Who acted, for the record: `x-officer` (percent-encoded UTF-8 allowed, since header values are
 * Latin-1), at most 32 characters; `admin` when absent.
 */
export function officerName(request: FastifyRequest): string {
  const raw = request.headers[OFFICER_HEADER];
  return cleanOfficerName(typeof raw === 'string' ? raw : undefined);
}

export function cleanOfficerName(raw: string | undefined): string {
  if (raw === undefined) return DEFAULT_OFFICER;
  let name = raw;
  try {
    name = decodeURIComponent(raw);
  } catch {
    name = raw;
  }
  // eslint-disable-next-line no-control-regex
  const cleaned = Array.from(name.replace(/[\u0000-\u001f\u007f]/g, '').trim())
    .slice(0, 32)
    .join('');
  return cleaned === '' ? DEFAULT_OFFICER : cleaned;
}
