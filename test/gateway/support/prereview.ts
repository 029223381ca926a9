import BetterSqlite3 from 'better-sqlite3';
import path from 'node:path';
import {
  AdminCaseView,
  CaseDetail,
  UploadedFile,
  type AdminCaseAction,
  type ApplicationForm,
  type MaterialAnswer,
  type PrereviewTarget,
  type SaveDraftRequest,
} from '../../../types/contract';
import { DATABASE_FILE } from '../../../gateway/src/db/open-database';
import type { GatewayOptions } from '../../../gateway/src/server';
import { creditCodeCheckChar } from '../../../src/lib/credit-code';
import { encodePng, upload, whitePixels } from './commitments';
import { jpeg, pdf } from './material-files';
import { expectOk, type ApiResponse, type TestGateway } from './harness';
import { admin, newIdNumber, openDb, startRatingGateway } from './ratings';
import type { Person } from './ratings';

/** Items of the fixture catalogue the pre-review tests apply for. */
export const FOOD_LICENCE = 'FX-SC-0001'; // business: 营业执照 / 法定代表人居民身份证 / 经营场所使用证明 (承诺)
export const HUKOU_MOVE = 'FX-GA-0001'; // person: 居民户口簿, 居民身份证 (both e-licence)
export const NEWBORN_THEME = 'FX-T-001'; // 出生登记 + 户口迁移

/**
 * A gateway for pre-review tests. The fixture catalogue has no item that can be posted, so the
 * food licence gets the 邮寄 channel here (the catalogue is read from the database on every request).
 */
export async function startPrereviewGateway(options: Partial<GatewayOptions> = {}): Promise<TestGateway> {
  const gw = await startRatingGateway(options);
  const db = new BetterSqlite3(path.join(gw.dataDir, DATABASE_FILE));
  try {
    db.prepare(`UPDATE items SET channels = '["window","online","post"]' WHERE code = ?`).run(FOOD_LICENCE);
  } finally {
    db.close();
  }
  return gw;
}

/** Material ids of an item, by name (ids derive from names at import). */
export async function materialIds(gw: TestGateway, target: PrereviewTarget): Promise<Record<string, string>> {
  const res = await gw.request(`/api/prereview/${target.kind === 'item' ? 'items' : 'themes'}/${target.code}`);
  const spec = (res.body as { data: { materials: { id: string; name: string }[] } }).data;
  return Object.fromEntries(spec.materials.map((m) => [m.name, m.id]));
}

export const tinyPng = (): Buffer => encodePng(whitePixels(4, 4), 4, 4);
/** A small JPEG the gateway walks to its EOI (material-files). */
export const tinyJpeg = (): Buffer => jpeg(200);
export const tinyPdf = (): Buffer => pdf(300);

const KINDS = {
  png: { bytes: tinyPng, type: 'image/png', ext: 'png' },
  jpeg: { bytes: tinyJpeg, type: 'image/jpeg', ext: 'jpg' },
  pdf: { bytes: tinyPdf, type: 'application/pdf', ext: 'pdf' },
} as const;

/** `POST /api/uploads` with purpose `material`, as the app sends a photo or a PDF. */
export async function uploadMaterial(
  gw: TestGateway,
  who: Person,
  kind: keyof typeof KINDS = 'png',
  name?: string,
): Promise<UploadedFile> {
  const k = KINDS[kind];
  const res = await upload(gw, who, k.bytes(), {
    purpose: 'material',
    type: k.type,
    filename: name ?? `材料.${k.ext}`,
  });
  return expectOk(res, UploadedFile);
}

/** A valid 统一社会信用代码. */
export function creditCode(body = '91420111MA4K0000'): string {
  const first17 = `${body}0`.slice(0, 17);
  return first17 + creditCodeCheckChar(first17);
}

export const businessForm = (extra: Partial<ApplicationForm> = {}): ApplicationForm => ({
  applicantType: 'business',
  contactMobile: '13800000000',
  address: '武汉市洪山区珞喻路 1 号',
  companyName: '武汉某某餐饮有限公司',
  creditCode: creditCode(),
  legalRepresentative: '李四',
  legalRepresentativeIdNumber: newIdNumber(),
  delivery: { method: 'pickup' },
  ...extra,
});

export const personForm = (extra: Partial<ApplicationForm> = {}): ApplicationForm => ({
  applicantType: 'person',
  address: '武汉市洪山区珞喻路 2 号',
  delivery: { method: 'pickup' },
  ...extra,
});

export const files = (materialId: string, ...fileIds: string[]): MaterialAnswer => ({
  materialId,
  way: 'files',
  fileIds,
});

export function startCase(gw: TestGateway, who: Person, target: PrereviewTarget): Promise<ApiResponse> {
  return gw.request('/api/me/cases', { method: 'POST', token: who.token, body: { target } });
}

export async function startCaseOk(gw: TestGateway, who: Person, target: PrereviewTarget): Promise<CaseDetail> {
  return expectOk(await startCase(gw, who, target), CaseDetail);
}

export function saveDraft(
  gw: TestGateway,
  who: Person,
  id: string,
  body: SaveDraftRequest | unknown,
): Promise<ApiResponse> {
  return gw.request(`/api/me/cases/${id}/draft`, { method: 'PUT', token: who.token, body });
}

let keySerial = 0;
/** A fresh idempotency key, as the app makes one per submit. */
export const newKey = (): string => `test-key-${Date.now()}-${(keySerial += 1)}`;

/** POST to submit or resubmit, with an Idempotency-Key (`null`: no header at all). */
function postOnce(
  action: 'submit' | 'resubmit',
  gw: TestGateway,
  who: Person,
  id: string,
  body: unknown,
  key: string | null,
): Promise<ApiResponse> {
  return gw.request(`/api/me/cases/${id}/${action}`, {
    method: 'POST',
    token: who.token,
    body,
    headers: key === null ? {} : { 'idempotency-key': key },
  });
}

export const submit = (gw: TestGateway, who: Person, id: string, body: unknown, key: string | null = newKey()) =>
  postOnce('submit', gw, who, id, body, key);

export const resubmit = (gw: TestGateway, who: Person, id: string, body: unknown, key: string | null = newKey()) =>
  postOnce('resubmit', gw, who, id, body, key);

export function withdraw(gw: TestGateway, who: Person, id: string): Promise<ApiResponse> {
  return gw.request(`/api/me/cases/${id}/withdraw`, { method: 'POST', token: who.token });
}

export async function caseOf(gw: TestGateway, who: Person, id: string): Promise<CaseDetail> {
  return expectOk(await gw.request(`/api/me/cases/${id}`, { token: who.token }), CaseDetail);
}

export function act(
  gw: TestGateway,
  id: string,
  body: AdminCaseAction | Record<string, unknown>,
  officer = '王科员',
): Promise<ApiResponse> {
  return admin(gw, 'POST', `/cases/${id}/actions`, body, { 'x-officer': encodeURIComponent(officer) });
}

export async function actOk(
  gw: TestGateway,
  id: string,
  body: AdminCaseAction | Record<string, unknown>,
  officer?: string,
): Promise<AdminCaseView> {
  return expectOk(await act(gw, id, body, officer), AdminCaseView);
}

/** A food-licence application, complete and valid, for `who` (their own uploads). */
export async function foodLicenceApplication(
  gw: TestGateway,
  who: Person,
  form: Partial<ApplicationForm> = {},
): Promise<{ body: SaveDraftRequest; ids: Record<string, string> }> {
  const ids = await materialIds(gw, { kind: 'item', code: FOOD_LICENCE });
  const licence = await uploadMaterial(gw, who, 'jpeg', '营业执照.jpg');
  const idCard = await uploadMaterial(gw, who, 'png', '身份证.png');
  const premises = await uploadMaterial(gw, who, 'pdf', '租赁合同.pdf');
  return {
    ids,
    body: {
      form: businessForm(form),
      materials: [
        files(ids['营业执照'], licence.id),
        files(ids['法定代表人居民身份证'], idCard.id),
        files(ids['经营场所使用证明'], premises.id),
      ],
    },
  };
}

/** A submitted food-licence case (pending review). */
export async function submittedFoodCase(
  gw: TestGateway,
  who: Person,
  form: Partial<ApplicationForm> = {},
): Promise<{ detail: CaseDetail; ids: Record<string, string>; body: SaveDraftRequest }> {
  const draft = await startCaseOk(gw, who, { kind: 'item', code: FOOD_LICENCE });
  const { body, ids } = await foodLicenceApplication(gw, who, form);
  const detail = expectOk(await submit(gw, who, draft.id, body), CaseDetail);
  return { detail, ids, body };
}

/** Rows of everything the workflow writes: equal before and after a refusal. */
export function caseState(gw: TestGateway, caseId: string): Record<string, unknown> {
  const db = openDb(gw);
  try {
    return {
      case: db.prepare('SELECT * FROM cases WHERE id = ?').get(caseId),
      materials: db.prepare('SELECT * FROM case_materials WHERE case_id = ? ORDER BY material_id').all(caseId),
      events: (db.prepare('SELECT COUNT(*) AS n FROM case_events WHERE case_id = ?').get(caseId) as { n: number }).n,
      keys: (db.prepare('SELECT COUNT(*) AS n FROM idempotency_keys WHERE case_id = ?').get(caseId) as { n: number }).n,
    };
  } finally {
    db.close();
  }
}
