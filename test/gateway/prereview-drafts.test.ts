import { ApplicationSpec, CaseDetail, CaseList, ELicenceList } from '../../types/contract';
import { MATERIAL_LIMITS } from '../../gateway/src/uploads/material-limits';
import { expectError, expectOk, type TestGateway } from './support/harness';
import { countRows, person, type Person } from './support/ratings';
import {
  FOOD_LICENCE,
  HUKOU_MOVE,
  NEWBORN_THEME,
  businessForm,
  caseOf,
  caseState,
  files,
  materialIds,
  saveDraft,
  startCase,
  startCaseOk,
  startPrereviewGateway,
  submittedFoodCase,
  uploadMaterial,
} from './support/prereview';

let gw: TestGateway;
let alice: Person;
let bob: Person;
/** Logged in, not real-name verified: may start and save drafts. */
let carol: Person;

beforeAll(async () => {
  gw = await startPrereviewGateway();
  alice = await person(gw, '13800000101', true, '王小明');
  bob = await person(gw, '13800000102', true, '赵六');
  carol = await person(gw, '13800000103', false);
});

afterAll(async () => {
  await gw.close();
});

describe('application spec', () => {
  it('an item: applicant types from its audiences, its materials with the gateway’s file limits', async () => {
    const spec = expectOk(await gw.request(`/api/prereview/items/${FOOD_LICENCE}`), ApplicationSpec);
    expect(spec).toMatchObject({
      target: { kind: 'item', code: FOOD_LICENCE },
      title: '食品经营许可（新办）',
      departmentName: '测试市场监督管理局',
      applicantTypes: ['business'],
      promisedDays: 5,
      postAvailable: true,
    });
    expect(spec.materials.map((m) => [m.name, m.necessity, m.commitmentAllowed])).toEqual([
      ['营业执照', 'required', false],
      ['法定代表人居民身份证', 'required', false],
      ['经营场所使用证明', 'required', true],
    ]);
    expect(spec.materials[0]).toMatchObject({
      accept: ['image/jpeg', 'image/png', 'application/pdf'],
      maxImageBytes: MATERIAL_LIMITS.maxImageBytes,
      maxPdfBytes: MATERIAL_LIMITS.maxPdfBytes,
      maxFiles: MATERIAL_LIMITS.maxFilesPerMaterial,
      itemCodes: [FOOD_LICENCE],
    });
    const person = expectOk(await gw.request(`/api/prereview/items/${HUKOU_MOVE}`), ApplicationSpec);
    expect(person).toMatchObject({ applicantTypes: ['person'], postAvailable: false });
    const both = expectOk(await gw.request('/api/prereview/items/FX-SC-0003'), ApplicationSpec);
    expect(both.applicantTypes).toEqual(['person', 'business']);
  });

  it('a theme: one set of materials merged across its items, each saying which items ask for it', async () => {
    const spec = expectOk(await gw.request(`/api/prereview/themes/${NEWBORN_THEME}`), ApplicationSpec);
    expect(spec).toMatchObject({
      target: { kind: 'theme', code: NEWBORN_THEME },
      title: '新生儿出生一件事',
      departmentName: '测试公安分局',
      applicantTypes: ['person'],
      promisedDays: 5,
      postAvailable: false,
    });
    expect(spec.materials.map((m) => [m.name, m.itemCodes])).toEqual([
      ['出生医学证明', ['FX-GA-0003']],
      ['居民户口簿', ['FX-GA-0003', 'FX-GA-0001']],
      ['结婚证', ['FX-GA-0003']],
      ['居民身份证', ['FX-GA-0001']],
    ]);
    // 户口簿 is an e-licence material in 户口迁移 but not in 出生登记: the bundle cannot take one.
    expect(spec.materials.find((m) => m.name === '居民户口簿')?.eLicenceAccepted).toBe(false);
  });

  it('an unknown code is 404 in words', async () => {
    expect(expectError(await gw.request('/api/prereview/items/NOPE'), 404, 'NOT_FOUND').message).toMatch(
      /没有找到这个事项/,
    );
    expect(expectError(await gw.request('/api/prereview/themes/NOPE'), 404, 'NOT_FOUND').message).toMatch(
      /没有找到这个主题事项/,
    );
    // A theme code is not an item code and the other way round.
    expectError(await gw.request(`/api/prereview/items/${NEWBORN_THEME}`), 404, 'NOT_FOUND');
  });
});

describe('starting an application', () => {
  it('creates a draft (login, no real-name needed), pre-filled from the profile; the same target finds the same draft', async () => {
    const draft = await startCaseOk(gw, carol, { kind: 'item', code: FOOD_LICENCE });
    expect(draft).toMatchObject({
      itemCode: FOOD_LICENCE,
      itemName: '食品经营许可（新办）',
      departmentName: '测试市场监督管理局',
      status: 'draft',
      target: { kind: 'item', code: FOOD_LICENCE },
      form: { applicantType: 'business', contactMobile: carol.mobile },
      materials: [],
      revision: 0,
      promisedDays: 5,
      withdrawable: false,
      ratingState: 'not_ratable',
      createdAt: gw.clock.now().toISOString(),
    });
    expect(draft.submittedAt).toBeUndefined();
    expect(draft.expectedCompletionDate).toBeUndefined();
    expect(draft.timeline).toEqual([
      { to: 'draft', at: gw.clock.now().toISOString(), actor: '申请人', note: '申请人开始填写申请' },
    ]);

    gw.clock.advance(60);
    const again = await startCaseOk(gw, carol, { kind: 'item', code: FOOD_LICENCE });
    expect(again.id).toBe(draft.id);
    // Two taps at once still make one draft.
    const [x, y] = await Promise.all([
      startCase(gw, carol, { kind: 'item', code: HUKOU_MOVE }),
      startCase(gw, carol, { kind: 'item', code: HUKOU_MOVE }),
    ]);
    expect(expectOk(x, CaseDetail).id).toBe(expectOk(y, CaseDetail).id);
    const list = expectOk(await gw.request('/api/me/cases', { token: carol.token }), CaseList).cases;
    expect(list.filter((c) => c.status === 'draft')).toHaveLength(2);
    expect(list.every((c) => c.submittedAt === undefined)).toBe(true);
  });

  it('a theme draft is named after the theme and handled by its first item’s department', async () => {
    const draft = await startCaseOk(gw, alice, { kind: 'theme', code: NEWBORN_THEME });
    expect(draft).toMatchObject({
      itemCode: 'FX-GA-0003',
      itemName: '新生儿出生一件事',
      departmentName: '测试公安分局',
      target: { kind: 'theme', code: NEWBORN_THEME },
      form: { applicantType: 'person' },
    });
    // A person applicant sees their own identity, masked, from the real-name record.
    expect(draft).toMatchObject({
      applicantNameMasked: '王**',
      applicantIdNumberMasked: expect.stringMatching(/^4201\*{10}\d{3}[\dX]$/),
    });
  });

  it('refuses an unknown target, a malformed one, and an anonymous caller', async () => {
    expectError(await startCase(gw, alice, { kind: 'item', code: 'NOPE' }), 404, 'NOT_FOUND');
    expectError(await startCase(gw, alice, { kind: 'guide', code: FOOD_LICENCE } as never), 400, 'VALIDATION_FAILED');
    expectError(
      await gw.request('/api/me/cases', { method: 'POST', body: { target: { kind: 'item', code: FOOD_LICENCE } } }),
      401,
      'UNAUTHENTICATED',
    );
  });
});

describe('saving a draft', () => {
  it('keeps whatever was typed (invalid values too), with the user’s own files; revision counts the saves', async () => {
    const draft = await startCaseOk(gw, bob, { kind: 'item', code: FOOD_LICENCE });
    const ids = await materialIds(gw, { kind: 'item', code: FOOD_LICENCE });
    const photo = await uploadMaterial(gw, bob, 'jpeg', '营业执照正本.jpg');
    const half = {
      form: { applicantType: 'business' as const, creditCode: '1234', contactMobile: '138' },
      materials: [files(ids['营业执照'], photo.id)],
    };
    const saved = expectOk(await saveDraft(gw, bob, draft.id, half), CaseDetail);
    expect(saved).toMatchObject({ status: 'draft', revision: 1, form: half.form });
    expect(saved.materials).toEqual([
      {
        materialId: ids['营业执照'],
        name: '营业执照',
        way: 'files',
        files: [{ id: photo.id, name: '营业执照正本.jpg', mime: 'image/jpeg', size: photo.size, sha256: photo.sha256 }],
        review: 'pending',
      },
    ]);
    const twice = expectOk(await saveDraft(gw, bob, draft.id, { form: businessForm(), materials: [] }), CaseDetail);
    expect(twice.revision).toBe(2);
    expect(twice.materials).toEqual([]);
    // Reopening the app finds the last save.
    expect(await caseOf(gw, bob, draft.id)).toMatchObject({
      revision: 2,
      form: businessForm({ legalRepresentativeIdNumber: twice.form.legalRepresentativeIdNumber }),
    });
  });

  it('refuses someone else’s file, an unknown or repeated material, and a malformed body; nothing changes', async () => {
    const draft = await startCaseOk(gw, alice, { kind: 'item', code: FOOD_LICENCE });
    const ids = await materialIds(gw, { kind: 'item', code: FOOD_LICENCE });
    const bobs = await uploadMaterial(gw, bob);
    const before = caseState(gw, draft.id);

    const theirs = expectError(
      await saveDraft(gw, alice, draft.id, { form: {}, materials: [files(ids['营业执照'], bobs.id)] }),
      400,
      'VALIDATION_FAILED',
    );
    expect(theirs.fields).toEqual([
      { field: `materials.${ids['营业执照']}`, message: '「营业执照」的文件不存在或已失效，请重新上传' },
    ]);
    const unknown = expectError(
      await saveDraft(gw, alice, draft.id, { form: {}, materials: [files('m-000000000000')] }),
      400,
      'VALIDATION_FAILED',
    );
    expect(unknown.fields?.[0]).toEqual({
      field: 'materials.m-000000000000',
      message: '本事项不需要这项材料（m-000000000000）',
    });
    const twice = expectError(
      await saveDraft(gw, alice, draft.id, {
        form: {},
        materials: [files(ids['营业执照']), { materialId: ids['营业执照'], way: 'commitment', commitmentId: 'x' }],
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(twice.fields?.[0].message).toBe('「营业执照」只能提交一次');
    const licence = expectError(
      await saveDraft(gw, alice, draft.id, {
        form: {},
        materials: [{ materialId: ids['营业执照'], way: 'e_licence', licenceId: 'no-such-licence' }],
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(licence.fields?.[0].message).toBe('「营业执照」所选的电子证照不在您的证照夹中');
    const shape = expectError(
      await saveDraft(gw, alice, draft.id, { form: { applicantType: 'alien' }, materials: [] }),
      400,
      'VALIDATION_FAILED',
    );
    expect(shape.fields?.[0].field).toMatch(/^form\.applicantType/);
    expectError(await saveDraft(gw, alice, draft.id, { form: {}, materials: [], extra: 1 }), 400, 'VALIDATION_FAILED');
    expect(caseState(gw, draft.id)).toEqual(before);
  });

  it('someone else’s draft is not found: not readable, not writable, not deletable', async () => {
    const draft = await startCaseOk(gw, alice, { kind: 'item', code: 'FX-MZ-0002' });
    const before = caseState(gw, draft.id);
    const read = expectError(await gw.request(`/api/me/cases/${draft.id}`, { token: bob.token }), 404, 'NOT_FOUND');
    expect(read.message).toBe('没有找到这个办件');
    expectError(await saveDraft(gw, bob, draft.id, { form: {}, materials: [] }), 404, 'NOT_FOUND');
    expectError(
      await gw.request(`/api/me/cases/${draft.id}/draft`, { method: 'DELETE', token: bob.token }),
      404,
      'NOT_FOUND',
    );
    expectError(
      await gw.request('/api/me/cases/no-such-case/draft', { method: 'DELETE', token: bob.token }),
      404,
      'NOT_FOUND',
    );
    expect(caseState(gw, draft.id)).toEqual(before);
  });

  it('only a draft can be saved or deleted', async () => {
    const { detail } = await submittedFoodCase(gw, alice);
    const before = caseState(gw, detail.id);
    const save = expectError(await saveDraft(gw, alice, detail.id, { form: {}, materials: [] }), 409, 'CONFLICT');
    expect(save.message).toBe('办件当前为「待预审」，不能再修改草稿');
    const del = expectError(
      await gw.request(`/api/me/cases/${detail.id}/draft`, { method: 'DELETE', token: alice.token }),
      409,
      'CONFLICT',
    );
    expect(del.message).toBe('办件当前为「待预审」，不能删除，可以撤回');
    expect(caseState(gw, detail.id)).toEqual(before);
  });
});

describe('deleting a draft', () => {
  it('removes it with its materials and events; a new start makes a new draft', async () => {
    const dave = await person(gw, '13800000104', true);
    const draft = await startCaseOk(gw, dave, { kind: 'item', code: FOOD_LICENCE });
    const ids = await materialIds(gw, { kind: 'item', code: FOOD_LICENCE });
    const photo = await uploadMaterial(gw, dave);
    expectOk(
      await saveDraft(gw, dave, draft.id, { form: {}, materials: [files(ids['营业执照'], photo.id)] }),
      CaseDetail,
    );
    const rows = countRows(gw, 'case_materials');
    const res = await gw.request(`/api/me/cases/${draft.id}/draft`, { method: 'DELETE', token: dave.token });
    expect(res.status).toBe(200);
    expect((res.body as { data: unknown }).data).toEqual({ deleted: true });
    expect(caseState(gw, draft.id)).toEqual({ case: undefined, materials: [], events: 0, keys: 0 });
    expect(countRows(gw, 'case_materials')).toBe(rows - 1);
    expectError(await gw.request(`/api/me/cases/${draft.id}`, { token: dave.token }), 404, 'NOT_FOUND');
    expect(expectOk(await gw.request('/api/me/cases', { token: dave.token }), CaseList).cases).toEqual([]);
    const fresh = await startCaseOk(gw, dave, { kind: 'item', code: FOOD_LICENCE });
    expect(fresh.id).not.toBe(draft.id);
  });
});

describe('e-licence wallet', () => {
  it('holds the 居民身份证 of a verified user, masked; an unverified user has none', async () => {
    const wallet = expectOk(await gw.request('/api/me/licences', { token: alice.token }), ELicenceList);
    expect(wallet.licences).toEqual([
      {
        id: 'resident-id-card',
        name: '居民身份证',
        holderMasked: '王**',
        numberMasked: expect.stringMatching(/^4201\*{10}\d{3}[\dX]$/),
        issuer: '公安机关',
      },
    ]);
    expect(expectOk(await gw.request('/api/me/licences', { token: carol.token }), ELicenceList).licences).toEqual([]);
    expectError(await gw.request('/api/me/licences'), 401, 'UNAUTHENTICATED');
  });
});
