import type { FastifyInstance, FastifySchema } from 'fastify';
import fastifySwagger, { type SwaggerTransform, type SwaggerTransformObject } from '@fastify/swagger';
import * as contract from '../../../types/contract';
import { API_PREFIX } from '../../../types/contract';
import { contractSchemaNames, hoistSchemas } from './openapi-components';
import { operationIdFor } from './operation-id';
import { toJsonSchema2020, type Json } from './json-schema-2020';

type SecurityRequirement = Record<string, string[]>;
type OperationSchema = FastifySchema & { operationId?: string; security?: SecurityRequirement[] };

const BEARER: SecurityRequirement[] = [{ bearerAuth: [] }];
const ADMIN: SecurityRequirement[] = [{ adminToken: [] }];

/**
 * The security a route declares, or the one its place implies: officer routes need the admin token,
 * `/me` routes a bearer token, and anything else that says nothing is public (`[]`), so every
 * operation states it and a generated client knows which calls to sign. Personal routes outside
 * `/me` (uploads, ratings, signing) declare `security` themselves.
 */
function securityOf(schema: OperationSchema, route: string): SecurityRequirement[] {
  if (schema.security) return schema.security;
  if (route.startsWith('/admin/')) return ADMIN;
  if (route === '/me' || route.startsWith('/me/')) return BEARER;
  return [];
}

const transform: SwaggerTransform = ({ schema, url, route }) => {
  const own = (schema ?? {}) as OperationSchema;
  const method = Array.isArray(route.method) ? String(route.method[0]) : String(route.method);
  const local = url.startsWith(API_PREFIX) ? url.slice(API_PREFIX.length) : url;
  const operation: OperationSchema = {
    ...own,
    operationId: own.operationId ?? operationIdFor(method, url, API_PREFIX),
    security: securityOf(own, local),
  };
  return { schema: operation, url };
};

// The document is built once and cached by @fastify/swagger, so the copy made here costs nothing per request.
const transformObject: SwaggerTransformObject = (documentObject) => {
  const document = 'openapiObject' in documentObject ? documentObject.openapiObject : documentObject.swaggerObject;
  const converted = toJsonSchema2020(JSON.parse(JSON.stringify(document)) as Json) as { [key: string]: Json };
  return hoistSchemas(converted, contractSchemaNames(contract)) as ReturnType<SwaggerTransformObject>;
};

/**
 * Publishes the contract as OpenAPI 3.1 (built from the route schemas, which are the contract's
 * TypeBox schemas), so a provincial gateway team can implement the same API. 3.1 because its
 * schemas are JSON Schema 2020-12, which can say what the contract says (the search highlights'
 * `[start, end]` pairs are tuples, which 3.0 cannot express).
 */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: '洪山掌上办网关 API',
        description:
          '所有接口位于 /api 下。成功：{ ok: true, data, requestId }；失败：{ ok: false, error: { code, message, fields?, retryAfterSeconds? }, requestId }。' +
          '需要登录的接口使用 Authorization: Bearer <accessToken>；令牌过期时返回 401 TOKEN_EXPIRED，应使用刷新令牌换取新令牌。' +
          '管理接口（/api/admin/*）使用请求头 x-admin-token（GATEWAY_ADMIN_TOKEN），可用 x-officer 注明经办人。',
        version: '1.0.0',
        // No licence file in the repository and package.json is private: nothing is granted (npm's word
        // for that is UNLICENSED). OpenAPI's schema wants an identifier or a URL; SPDX's form for a
        // licence of one's own is LicenseRef-….
        license: { name: 'UNLICENSED', identifier: 'LicenseRef-UNLICENSED' },
      },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer' },
          adminToken: { type: 'apiKey', in: 'header', name: 'x-admin-token' },
        },
      },
    },
    transform,
    transformObject,
  });
}

/** `GET /api/openapi.json`; registered inside the /api plugin. */
export function openApiRoute(app: FastifyInstance): void {
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
