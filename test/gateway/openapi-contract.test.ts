import fs from 'node:fs';
import path from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { startGateway, tempDir, type TestGateway } from './support/harness';
import { generateClient, redoclyLint, typeCheck, writeJson } from './support/openapi-tools';

interface Operation {
  operationId?: string;
  security?: Record<string, string[]>[];
}
interface OpenApiDoc {
  openapi: string;
  info: { license?: { name: string } };
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
}

let gw: TestGateway;
let doc: OpenApiDoc;
let dir: string;
let file: string;

function operations(): { method: string; path: string; operation: Operation }[] {
  return Object.entries(doc.paths).flatMap(([p, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ method, path: p, operation })),
  );
}

beforeAll(async () => {
  gw = await startGateway();
  doc = (await gw.request('/api/openapi.json')).body as OpenApiDoc;
  dir = tempDir('openapi');
  file = path.join(dir, 'openapi.json');
  writeJson(file, doc);
});

afterAll(async () => {
  await gw.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the published contract (GET /api/openapi.json)', () => {
  it('is valid OpenAPI 3.1 for swagger-parser', async () => {
    expect(doc.openapi).toBe('3.1.0');
    // validate() dereferences the document in place: give it a copy.
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeDefined();
  });

  it("has no errors under redocly's recommended rules, and states its licence", async () => {
    const problems = await redoclyLint(file);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(problems.filter((p) => p.ruleId === 'operation-operationId')).toEqual([]);
    expect(problems.filter((p) => p.ruleId === 'info-license')).toEqual([]);
    expect(doc.info.license?.name).toBe('UNLICENSED');
  });

  it('says each contract schema once, in components, and stays small', () => {
    // The error envelope used to be written out in each of about 135 responses (277 KB in all).
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['ErrorEnvelope', 'ApiErrorBody', 'CaseDetail', 'CaseStatus', 'UploadSession']),
    );
    const text = JSON.stringify(doc);
    expect(text.split('"$ref":"#/components/schemas/ErrorEnvelope"').length - 1).toBeGreaterThan(100);
    // Budget per operation (new routes add their own schemas): about 1.4 KB when this was written,
    // 2 KB before the error envelope was shared; a schema inlined again would show here.
    const operations = Object.values(doc.paths).flatMap((path) => Object.keys(path ?? {})).length;
    expect(Buffer.byteLength(text) / operations).toBeLessThan(1_600);
  });

  it('gives every operation a unique camelCase operationId and a security declaration', () => {
    const all = operations();
    expect(all.length).toBeGreaterThan(60);
    const ids = all.map((o) => o.operation.operationId);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(?:[A-Z0-9][a-z0-9]*)+$/);
    expect(new Set(ids).size).toBe(ids.length);
    const byRoute = Object.fromEntries(all.map((o) => [`${o.method} ${o.path}`, o.operation.operationId]));
    expect(byRoute['get /api/me/cases/{id}']).toBe('getMeCasesById');
    expect(byRoute['put /api/uploads/sessions/{id}/chunks/{index}']).toBe('putUploadsSessionsByIdChunksByIndex');
    expect(byRoute['post /api/auth/sms-login']).toBe('postAuthSmsLogin');
    for (const o of all)
      expect({ route: `${o.method} ${o.path}`, declared: Array.isArray(o.operation.security) }).toEqual({
        route: `${o.method} ${o.path}`,
        declared: true,
      });
  });

  it('declares public only what answers without a token, and a bearer token where one is asked for', async () => {
    for (const { method, path: p, operation } of operations()) {
      const schemes = (operation.security ?? []).flatMap((s) => Object.keys(s));
      const url = p.replace(/\{(\w+)\}/g, 'zz-1');
      const res = await gw.request(url, { method: method.toUpperCase(), body: method === 'get' ? undefined : {} });
      const route = `${method} ${p}`;
      if (schemes.length === 0) expect({ route, status: res.status }).not.toEqual({ route, status: 401 });
      if (schemes.includes('bearerAuth')) expect({ route, status: res.status }).toEqual({ route, status: 401 });
    }
  });

  it('generates a client that type-checks, with the search highlights as [start, end] pairs', async () => {
    const client = path.join(dir, 'api.ts');
    await generateClient(file, client);
    const use = path.join(dir, 'use.ts');
    fs.writeFileSync(
      use,
      [
        "import type { operations } from './api';",
        "type Hit = operations['getSearch']['responses'][200]['content']['application/json']['data']['hits'][number];",
        'export const pair: Hit["nameHighlights"][number] = [0, 2];',
        '// @ts-expect-error a highlight is a pair, not a longer list',
        'export const triple: Hit["nameHighlights"][number] = [0, 2, 4];',
        "export type Ids = keyof operations & ('getMeCasesById' | 'postAuthSmsLogin');",
        '',
      ].join('\n'),
    );
    expect(await typeCheck([client, use])).toBe('');
  });
});
