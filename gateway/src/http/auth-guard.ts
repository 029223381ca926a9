import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { TokenService } from '../auth/token-service';
import { ApiError } from './api-error';

const authenticated = new WeakMap<FastifyRequest, string>();

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match?.[1];
}

/**
 * onRequest hook for personal routes: runs before validation, so an anonymous caller learns only
 * that it must log in, and the app gets TOKEN_EXPIRED (refresh) rather than a validation error.
 */
export function requireUser(tokens: TokenService): onRequestAsyncHookHandler {
  return async (request) => {
    authenticated.set(request, tokens.authenticate(bearerToken(request)));
  };
}

/**
 * Makes every route of a plugin personal: the caller must be logged in, and answers (personal data)
 * are never stored by a cache on the way.
 */
export function personalScope(app: FastifyInstance, tokens: TokenService): void {
  app.addHook('onRequest', requireUser(tokens));
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('cache-control', 'no-store');
    return payload;
  });
}

/** The id of the logged-in user (the route must use `requireUser`). */
export function currentUserId(request: FastifyRequest): string {
  const id = authenticated.get(request);
  if (!id) throw new ApiError('UNAUTHENTICATED', '请先登录');
  return id;
}
