import { fieldLabel } from '../../gateway/src/validation/describe-errors';
import { requestLabels } from '../../gateway/src/validation/request-labels';
import { expectError, smsLogin, startGateway, type TestGateway } from './support/harness';
import { ADMIN_TOKEN } from './support/ratings';

interface Schema {
  $ref?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  patternProperties?: Record<string, Schema>;
  items?: boolean | Schema;
  prefixItems?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
}
interface Operation {
  parameters?: { in: string; name: string; schema?: Schema }[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
}
interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

/** The document's shared schemas (`#/components/schemas/…`), which request bodies may refer to. */
let components: Record<string, Schema> = {};

/** Every field path of a schema, nested objects, list entries and map entries included. */
function fieldPaths(schema: Schema | boolean | undefined, at: string[], out: string[][]): void {
  if (typeof schema !== 'object') return;
  if (schema.$ref !== undefined) {
    fieldPaths(components[schema.$ref.replace('#/components/schemas/', '')], at, out);
    return;
  }
  for (const [name, child] of Object.entries(schema.properties ?? {})) {
    out.push([...at, name]);
    fieldPaths(child, [...at, name], out);
  }
  const entries = [
    ...(typeof schema.additionalProperties === 'object' ? [schema.additionalProperties] : []),
    ...Object.values(schema.patternProperties ?? {}),
  ];
  for (const entry of entries) {
    out.push([...at, 'someKey']);
    fieldPaths(entry, [...at, 'someKey'], out);
  }
  for (const child of [schema.items, ...(schema.prefixItems ?? [])]) fieldPaths(child, [...at, '0'], out);
  for (const branch of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) {
    fieldPaths(branch, at, out);
  }
}

let gw: TestGateway;
let token: string;

beforeAll(async () => {
  gw = await startGateway({ adminToken: ADMIN_TOKEN });
  token = (await smsLogin(gw, '13800138123')).accessToken;
});

afterAll(async () => {
  await gw.close();
});

describe('Chinese field names', () => {
  it('every request field of every route (path, query, header, body) has a Chinese label', async () => {
    const doc = (await gw.request('/api/openapi.json')).body as OpenApiDoc;
    components = doc.components?.schemas ?? {};
    const unlabelled: string[] = [];
    let checked = 0;
    for (const [openApiPath, methods] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const route = `${method.toUpperCase()} ${openApiPath.replace(/^\/api/, '').replace(/\{(\w+)\}/g, ':$1')}`;
        const labels = requestLabels(route);
        const paths: string[][] = [];
        for (const parameter of operation.parameters ?? []) {
          paths.push([parameter.name]);
          fieldPaths(parameter.schema, [parameter.name], paths);
        }
        for (const media of Object.values(operation.requestBody?.content ?? {})) fieldPaths(media.schema, [], paths);
        for (const segments of paths) {
          checked += 1;
          const label = fieldLabel(segments, labels);
          const name = segments.filter((s) => !/^\d+$/.test(s)).slice(-1)[0];
          // A label must be Chinese, and not the fallback that quotes the raw name.
          if (!/[\u4e00-\u9fff]/.test(label) || label.includes(`“${name}”`)) {
            unlabelled.push(`${route} ${segments.join('.')} → ${label}`);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(150);
    expect(unlabelled).toEqual([]);
  });

  it('an over-long item code is the 事项编码, not the 验证码', async () => {
    const error = expectError(await gw.request(`/api/items/${'A'.repeat(65)}`), 400, 'VALIDATION_FAILED');
    expect(error.fields).toEqual([{ field: 'code', message: '事项编码不能超过 64 个字符' }]);
  });

  it('the code of an SMS login is still the 验证码, and of a mini-program login the 登录凭证', async () => {
    const sms = await gw.request('/api/auth/sms-login', {
      method: 'POST',
      body: { mobile: '13800138124', code: '12' },
    });
    expect(expectError(sms, 400, 'VALIDATION_FAILED').fields).toEqual([
      { field: 'code', message: '验证码格式不正确，应为 6 位数字' },
    ]);
    const mini = await gw.request('/api/auth/code-login', { method: 'POST', body: { platform: 'weapp', code: '' } });
    expect(expectError(mini, 400, 'VALIDATION_FAILED').fields).toEqual([{ field: 'code', message: '请填写登录凭证' }]);
  });

  it('an upload session names the 文件大小 and the 文件类型', async () => {
    const res = await gw.request('/api/uploads/sessions', {
      method: 'POST',
      token,
      body: { purpose: 'material', fileName: '营业执照.pdf', mime: 'text/plain', size: -1, sha256: 'a'.repeat(64) },
    });
    const fields = expectError(res, 400, 'VALIDATION_FAILED').fields ?? [];
    expect(fields).toEqual(
      expect.arrayContaining([
        { field: 'size', message: '文件大小不能小于 0' },
        { field: 'mime', message: '文件类型取值无效，可选：image/jpeg、image/png、application/pdf' },
      ]),
    );
  });

  it('a rating names the 评价等级, a rated indicator the 评价指标', async () => {
    const res = await gw.request('/api/ratings', {
      method: 'POST',
      token,
      body: { target: { kind: 'case', caseId: 'c-1' }, level: 6, indicators: { efficiency: 9 } },
    });
    const fields = expectError(res, 400, 'VALIDATION_FAILED').fields ?? [];
    expect(fields).toEqual(
      expect.arrayContaining([
        { field: 'level', message: '评价等级不能大于 5' },
        { field: 'indicators.efficiency', message: '评价指标不能大于 5' },
      ]),
    );
  });

  it('an officer who names no applicant is told which two fields to choose from, in Chinese', async () => {
    const res = await gw.request('/api/admin/cases', {
      method: 'POST',
      headers: { 'x-admin-token': ADMIN_TOKEN },
      body: { itemCode: 'FX-MZ-0001', status: 'completed' },
    });
    expect(expectError(res, 400, 'VALIDATION_FAILED').fields).toEqual([
      { field: 'userId', message: '请指定办件申请人：用户编号与手机号二选一' },
    ]);
  });

  it('a field without a label is still named in Chinese, never as a bare English name', () => {
    expect(fieldLabel(['unheardOf'], requestLabels('GET /nowhere'))).toBe('字段“unheardOf”');
  });
});
