import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyServerOptions } from 'fastify';

export interface LogDestination {
  write(line: string): void;
}

/**
 * Structured logs without personal data: credentials are redacted, request URLs are logged
 * without their query string (a search box is free text: people type their id number into it),
 * and bodies (mobiles, names, id numbers, tokens) are never logged.
 */
export function loggerOptions(level: string, stream?: LogDestination): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-admin-token"]',
        'res.headers["set-cookie"]',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req(req: { method?: string; url?: string }) {
        return { method: req.method, url: (req.url ?? '').split('?')[0] };
      },
    },
  };
}

const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Keeps a caller's `x-request-id` when it is a plain token (it goes into logs), else makes one. */
export function requestId(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/** "13812341234" → "****1234": enough to tell test numbers apart in a log, not enough to identify anyone. */
export function mobileTail(mobile: string): string {
  return `****${mobile.slice(-4)}`;
}
