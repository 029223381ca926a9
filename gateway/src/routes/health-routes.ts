import type { FastifyPluginAsync } from 'fastify';
import type { Database } from 'better-sqlite3';
import { Type } from '@sinclair/typebox';
import { ApiError } from '../http/api-error';
import { envelopeSchemas, ok } from '../http/envelope';
import { readinessChecks } from '../ops/readiness';

export const Health = Type.Object({ status: Type.Literal('ok') });
export const Readiness = Type.Object({
  status: Type.Literal('ready'),
  checks: Type.Object({ database: Type.Boolean(), keys: Type.Boolean(), migrations: Type.Boolean() }),
});

const tags = ['ops'];

/**
 * Probes for the process supervisor or load balancer, at the root (not under /api): no login, no
 * rate limit, and logged at warn only, so a probe every few seconds does not fill the info log.
 */
export function healthRoutes(deps: { db: Database; dataDir: string }): FastifyPluginAsync {
  return async (app) => {
    app.get(
      '/healthz',
      {
        logLevel: 'warn',
        schema: { tags, summary: '存活检查（进程在运行即 200）', response: envelopeSchemas(Health) },
      },
      async (request) => ok(request, { status: 'ok' as const }),
    );

    app.get(
      '/readyz',
      {
        logLevel: 'warn',
        schema: {
          tags,
          summary: '就绪检查（数据库可访问、收据签名密钥在位、数据库结构为最新）',
          description: '全部通过时 200；否则 503，error.fields 逐项列出未通过的检查（database、keys、migrations）。',
          response: { ...envelopeSchemas(Readiness), 503: envelopeSchemas(Readiness)['5xx'] },
        },
      },
      async (request) => {
        const checks = readinessChecks(deps.db, deps.dataDir);
        const failed = checks.filter((c) => !c.ok);
        if (failed.length > 0) {
          const fields = failed.map((c) => ({ field: c.name, message: c.problem ?? c.name }));
          throw new ApiError('INTERNAL', `服务未就绪：${fields.map((f) => f.message).join('；')}`, {
            fields,
            statusCode: 503,
          });
        }
        const passed = Object.fromEntries(checks.map((c) => [c.name, c.ok])) as Record<
          (typeof checks)[number]['name'],
          boolean
        >;
        return ok(request, { status: 'ready' as const, checks: passed });
      },
    );
  };
}
