import BetterSqlite3 from 'better-sqlite3';
import path from 'node:path';
import type { ApiRoutes } from '../../types/contract';
import { DATABASE_FILE } from '../../gateway/src/db/open-database';
import { expectError, startGateway, type TestGateway } from './support/harness';

/** Every route of the contract; the type below fails to compile if one is missing here. */
const ROUTES = [
  'GET /home',
  'GET /departments',
  'GET /search',
  'GET /search/suggest',
  'GET /items/:code',
  'GET /themes',
  'GET /themes/:code',
  'GET /halls',
  'GET /calendar',
  'POST /auth/sms',
  'POST /auth/sms-login',
  'POST /auth/code-login',
  'POST /auth/refresh',
  'POST /auth/logout',
  'GET /me',
  'POST /me/real-name',
  'GET /me/favourites',
  'GET /me/favourites/:code',
  'PUT /me/favourites/:code',
  'DELETE /me/favourites/:code',
  'GET /prereview/items/:code',
  'GET /prereview/themes/:code',
  'GET /me/licences',
  'GET /me/cases',
  'POST /me/cases',
  'GET /me/cases/:id',
  'PUT /me/cases/:id/draft',
  'DELETE /me/cases/:id/draft',
  'POST /me/cases/:id/submit',
  'POST /me/cases/:id/resubmit',
  'POST /me/cases/:id/withdraw',
  'GET /ratings/reasons',
  'GET /ratings/stats',
  'GET /windows/:code',
  'POST /ratings/visits',
  'POST /ratings',
  'GET /me/ratings',
  'GET /me/ratings/:id',
  'POST /me/ratings/:id/feedback',
  'POST /uploads',
  'GET /uploads/:id',
  'POST /uploads/sessions',
  'GET /uploads/sessions/:id',
  'PUT /uploads/sessions/:id/chunks/:index',
  'POST /uploads/sessions/:id/complete',
  'GET /items/:code/notices',
  'GET /notices/:id',
  'GET /notices/:id/versions/:version',
  'GET /commitments/public-key',
  'GET /commitments/:id/verification',
  'POST /commitments',
  'GET /me/commitments',
  'GET /me/commitments/:id',
  'POST /me/commitments/:id/withdraw',
  'GET /me/notifications',
  'GET /me/notifications/unread-count',
  'POST /me/notifications/:id/read',
  'POST /me/notifications/read-all',
  'GET /me/notification-consents',
  'POST /me/notification-consents',
  'GET /admin/commitments',
  'POST /admin/commitments/:id/verdict',
  'POST /admin/users/:id/credit',
  'POST /admin/cases',
  'GET /admin/prereview/queue',
  'GET /admin/cases/:id',
  'POST /admin/cases/:id/actions',
  'GET /admin/tickets',
  'POST /admin/tickets/:id/advance',
  'POST /admin/ratings/:id/appeal',
  'GET /admin/windows/:code/qr',
  'GET /bookings/options',
  'POST /bookings',
  'GET /me/bookings',
  'POST /me/bookings/:id/cancel',
  'POST /me/bookings/:id/check-in',
  'POST /hall-tickets',
  'GET /me/hall-tickets',
  'GET /me/hall-tickets/:id',
] as const satisfies readonly (keyof ApiRoutes)[];
type Missing = Exclude<keyof ApiRoutes, (typeof ROUTES)[number]>;

/** Personal routes outside /me (bearer token). */
const PERSONAL = new Set<string>([
  'POST /ratings',
  'POST /ratings/visits',
  'POST /uploads',
  'POST /uploads/sessions',
  'GET /uploads/sessions/:id',
  'PUT /uploads/sessions/:id/chunks/:index',
  'POST /uploads/sessions/:id/complete',
  'POST /commitments',
  'GET /bookings/options',
  'POST /bookings',
  'POST /hall-tickets',
]);
/** The owner with a bearer token, or an officer with the admin token. */
const OWNER_OR_OFFICER = new Set<string>(['GET /uploads/:id']);
const allListed: [Missing] extends [never] ? true : Missing = true;

interface OpenApiDoc {
  openapi: string;
  paths: Record<string, Record<string, { security?: unknown[]; responses?: Record<string, unknown> }>>;
  components: { securitySchemes: Record<string, unknown> };
}

let gw: TestGateway;

beforeAll(async () => {
  gw = await startGateway();
});

afterAll(async () => {
  await gw.close();
});

describe('OpenAPI', () => {
  it('describes every contract route, with bearer auth on personal ones, the admin token on officer ones and none on public ones', async () => {
    expect(allListed).toBe(true);
    const res = await gw.request('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = res.body as OpenApiDoc;
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.components.securitySchemes.bearerAuth).toEqual({ type: 'http', scheme: 'bearer' });
    expect(doc.components.securitySchemes.adminToken).toEqual({ type: 'apiKey', in: 'header', name: 'x-admin-token' });
    for (const route of ROUTES) {
      const [method, routePath] = route.split(' ');
      const openApiPath = `/api${routePath.replace(/:(\w+)/g, '{$1}')}`;
      const operation = doc.paths[openApiPath]?.[method.toLowerCase()];
      expect({ route, documented: operation !== undefined }).toEqual({ route, documented: true });
      expect(operation?.responses?.['200']).toBeDefined();
      if (OWNER_OR_OFFICER.has(route)) {
        expect({ route, security: operation?.security }).toEqual({
          route,
          security: [{ bearerAuth: [] }, { adminToken: [] }],
        });
        continue;
      }
      const personal = routePath.startsWith('/me') || PERSONAL.has(route);
      if (personal) expect({ route, security: operation?.security }).toEqual({ route, security: [{ bearerAuth: [] }] });
      if (routePath.startsWith('/admin')) {
        expect({ route, security: operation?.security }).toEqual({ route, security: [{ adminToken: [] }] });
      }
      if (!personal && !routePath.startsWith('/admin'))
        expect({ route, security: operation?.security }).toEqual({ route, security: [] });
    }
    // Outside /api only the probes for supervisors and load balancers.
    expect(Object.keys(doc.paths).filter((p) => !p.startsWith('/api/'))).toEqual(['/healthz', '/readyz']);
  });
});

describe('server errors', () => {
  it('a response that breaks the contract becomes a 500 (and is logged), never reaches the app', async () => {
    const db = new BetterSqlite3(path.join(gw.dataDir, DATABASE_FILE));
    db.prepare(`UPDATE items SET audiences = '["aliens"]' WHERE code = 'FX-MZ-0003'`).run();
    db.close();
    const error = expectError(await gw.request('/api/items/FX-MZ-0003'), 500, 'INTERNAL');
    expect(error.message).toBe('服务暂时不可用，请稍后再试');
    expect(gw.logs.some((l) => l.includes('response does not match the contract'))).toBe(true);
  });

  it('an unexpected failure is a Chinese INTERNAL error without a stack', async () => {
    const db = new BetterSqlite3(path.join(gw.dataDir, DATABASE_FILE));
    db.pragma('foreign_keys = OFF');
    db.exec('DROP TABLE theme_items');
    db.close();
    const res = await gw.request('/api/themes');
    const error = expectError(res, 500, 'INTERNAL');
    expect(error.message).toBe('服务暂时不可用，请稍后再试');
    expect(res.text).not.toMatch(/theme_items|SqliteError|at \w+ \(/);
    expect(gw.logs.some((l) => l.includes('theme_items'))).toBe(true);
  });
});
