import type { FastifyInstance } from 'fastify';
import fastifySwagger from '@fastify/swagger';

/**
 * Publishes the contract as OpenAPI (built from the route schemas, which are the contract's
 * TypeBox schemas), so a provincial gateway team can implement the same API.
 */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: '洪山掌上办网关 API',
        description:
          '所有接口位于 /api 下。成功：{ ok: true, data, requestId }；失败：{ ok: false, error: { code, message, fields?, retryAfterSeconds? }, requestId }。' +
          '需要登录的接口使用 Authorization: Bearer <accessToken>；令牌过期时返回 401 TOKEN_EXPIRED，应使用刷新令牌换取新令牌。' +
          '管理接口（/api/admin/*）使用请求头 x-admin-token（GATEWAY_ADMIN_TOKEN），可用 x-officer 注明经办人。',
        version: '1.0.0',
      },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer' },
          adminToken: { type: 'apiKey', in: 'header', name: 'x-admin-token' },
        },
      },
    },
  });
}

/** `GET /api/openapi.json`; registered inside the /api plugin. */
export function openApiRoute(app: FastifyInstance): void {
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
