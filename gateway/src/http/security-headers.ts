import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** One year, the minimum browsers' preload lists accept. */
const HSTS = 'max-age=31536000; includeSubDomains';

const FIXED: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'cross-origin-opener-policy': 'same-origin',
  'x-permitted-cross-domain-policies': 'none',
};

export interface SecurityHeaderOptions {
  /** The Content-Security-Policy, read per response: it follows the H5 build (its inline hashes). */
  policy: () => string;
}

/** The headers every answer gets, whatever its protocol. */
export function securityHeaderValues(options: SecurityHeaderOptions): Record<string, string> {
  return { ...FIXED, 'content-security-policy': options.policy() };
}

/**
 * Sets the headers on a reply. HSTS only over HTTPS: `request.protocol` is https on a TLS socket,
 * or from X-Forwarded-Proto when the gateway trusts its proxy (Fastify's `trustProxy`); sent over
 * plain HTTP it would be ignored at best, and lock a local demo out of http:// at worst.
 */
export function applySecurityHeaders(
  request: FastifyRequest,
  reply: FastifyReply,
  options: SecurityHeaderOptions,
): void {
  reply.headers(securityHeaderValues(options));
  if (request.protocol === 'https') reply.header('strict-transport-security', HSTS);
}

/**
 * Every response gets them, pages, files, API answers and errors alike: set when the request
 * arrives, so an error answered later (the error handler, the not-found handler) keeps them.
 * Five fixed headers and a policy built from the H5 build: a hook, rather than @fastify/helmet,
 * whose CSP and HSTS would both be replaced here (hashes from the build, HSTS by request).
 */
export function registerSecurityHeaders(app: FastifyInstance, options: SecurityHeaderOptions): void {
  app.addHook('onRequest', async (request, reply) => {
    applySecurityHeaders(request, reply, options);
  });
}
