import { CaseDetail, CaseList, CommitmentReceipt, type CommitmentNotice } from '../../types/contract';
import { expectError, expectOk, type TestGateway } from './support/harness';
import { person, type Person } from './support/ratings';
import { noticesOf, signOk } from './support/commitments';
import {
  FOOD_LICENCE,
  HUKOU_MOVE,
  businessForm,
  caseOf,
  caseState,
  files,
  foodLicenceApplication,
  materialIds,
  newKey,
  personForm,
  saveDraft,
  startCaseOk,
  startPrereviewGateway,
  submit,
  uploadMaterial,
} from './support/prereview';

let gw: TestGateway;
let alice: Person;
let bob: Person;
let food: CommitmentNotice;

beforeAll(async () => {
  gw = await startPrereviewGateway();
  alice = await person(gw, '13800000201', true, '王小明');
  bob = await person(gw, '13800000202', true, '赵六');
  [food] = await noticesOf(gw, FOOD_LICENCE);
});

afterAll(async () => {
  await gw.close();
});

const fieldsOf = (error: { fields?: { field: string; message: string }[] }) =>
  Object.fromEntries((error.fields ?? []).map((f) => [f.field, f.message]));

describe('submitting', () => {
  it('a complete application goes to 待预审 with its submission time, timeline and expected completion date', async () => {
    const draft = await startCaseOk(gw, alice, { kind: 'item', code: FOOD_LICENCE });
    const { body, ids } = await foodLicenceApplication(gw, alice);
    const submitted = expectOk(await submit(gw, alice, draft.id, body), CaseDetail);
    const now = gw.clock.now().toISOString();
    expect(submitted).toMatchObject({
      id: draft.id,
      status: 'pending_review',
      submittedAt: now,
      form: body.form,
      revision: 1,
      promisedDays: 5,
      // Submitted on Monday 3 March 2025 (UTC+8): the fifth working day after it.
      expectedCompletionDate: '2025-03-10',
      withdrawable: true,
    });
    expect(submitted.materials.map((m) => [m.materialId, m.way, m.files.length, m.review])).toEqual([
      [ids['营业执照'], 'files', 1, 'pending'],
      [ids['法定代表人居民身份证'], 'files', 1, 'pending'],
      [ids['经营场所使用证明'], 'files', 1, 'pending'],
    ]);
    expect(submitted.materials[2].files[0]).toMatchObject({ name: '租赁合同.pdf', mime: 'application/pdf' });
    expect(submitted.timeline.map((e) => [e.from, e.to, e.actor, e.note])).toEqual([
      [undefined, 'draft', '申请人', '申请人开始填写申请'],
      ['draft', 'pending_review', '申请人', '申请人提交预审'],
    ]);
    // A business applies: no person identity is shown.
    expect(submitted.applicantNameMasked).toBeUndefined();
    const listed = expectOk(await gw.request('/api/me/cases', { token: alice.token }), CaseList).cases;
    expect(listed.find((c) => c.id === draft.id)).toMatchObject({ status: 'pending_review', submittedAt: now });
  });

  it('a person applies as themself: identity from the real-name record, masked; e-licence from the wallet', async () => {
    const draft = await startCaseOk(gw, bob, { kind: 'item', code: HUKOU_MOVE });
    const ids = await materialIds(gw, { kind: 'item', code: HUKOU_MOVE });
    const hukou = await uploadMaterial(gw, bob, 'jpeg');
    const submitted = expectOk(
      await submit(gw, bob, draft.id, {
        // Left over from trying the business type in the form: not kept for a person.
        form: personForm({ companyName: '某公司', creditCode: '1234' }),
        materials: [
          files(ids['居民户口簿'], hukou.id),
          { materialId: ids['居民身份证'], way: 'e_licence', licenceId: 'resident-id-card' },
        ],
      }),
      CaseDetail,
    );
    expect(submitted).toMatchObject({ status: 'pending_review', applicantNameMasked: '赵*', form: personForm() });
    expect(submitted.form.companyName).toBeUndefined();
    expect(submitted.applicantIdNumberMasked).toMatch(/^4201\*{10}\d{3}[\dX]$/);
    expect(submitted.materials[1]).toMatchObject({
      way: 'e_licence',
      licenceId: 'resident-id-card',
      licenceName: '居民身份证',
      files: [],
    });
  });

  it('codes are kept upper-cased and text trimmed, as the checks read them', async () => {
    const draft = await startCaseOk(gw, bob, { kind: 'item', code: FOOD_LICENCE });
    const { body } = await foodLicenceApplication(gw, bob);
    const code = body.form.creditCode ?? '';
    const typed = { ...body.form, creditCode: ` ${code.toLowerCase()} `, companyName: ' 武汉某某餐饮有限公司 ' };
    const submitted = expectOk(await submit(gw, bob, draft.id, { ...body, form: typed }), CaseDetail);
    expect(submitted.form).toMatchObject({ creditCode: code, companyName: '武汉某某餐饮有限公司' });
  });
});

describe('submitting refuses, naming each field or material, and changes nothing', () => {
  let draftId: string;
  let ids: Record<string, string>;

  beforeAll(async () => {
    const draft = await startCaseOk(gw, alice, { kind: 'item', code: FOOD_LICENCE });
    draftId = draft.id;
    ids = await materialIds(gw, { kind: 'item', code: FOOD_LICENCE });
  });

  it('every form problem at once: 身份证号 date and check digit, credit code, mobile, address, delivery', async () => {
    const before = caseState(gw, draftId);
    const photo = await uploadMaterial(gw, alice);
    const error = expectError(
      await submit(gw, alice, draftId, {
        form: businessForm({
          contactMobile: '12345678901',
          address: ' ',
          companyName: '',
          creditCode: '91420111MA4K00000X',
          legalRepresentative: '李',
          legalRepresentativeIdNumber: '420111199013011234',
          delivery: { method: 'post', recipient: '', mobile: '1380000', address: '武汉' },
        }),
        materials: [files(ids['营业执照'], photo.id)],
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(fieldsOf(error)).toEqual({
      'form.contactMobile': '联系电话应为 11 位中国大陆手机号',
      'form.address': '请填写联系地址',
      'form.companyName': '请填写单位名称',
      'form.creditCode': '统一社会信用代码校验位不正确',
      'form.legalRepresentative': '法定代表人姓名至少 2 个字',
      'form.legalRepresentativeIdNumber': '法定代表人出生日期不正确',
      'form.delivery.recipient': '请填写收件人',
      'form.delivery.mobile': '收件人手机号应为 11 位中国大陆手机号',
      'form.delivery.address': '收件地址至少 5 个字',
      [`materials.${ids['法定代表人居民身份证']}`]: '请提交「法定代表人居民身份证」',
      [`materials.${ids['经营场所使用证明']}`]: '请提交「经营场所使用证明」',
    });
    expect(error.message).toMatch(/等 11 处问题$/);
    const checkDigit = expectError(
      await submit(gw, alice, draftId, {
        form: businessForm({ legalRepresentativeIdNumber: '420111199003101230' }),
        materials: [],
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(fieldsOf(checkDigit)['form.legalRepresentativeIdNumber']).toBe('法定代表人身份证号校验位不正确');
    expect(caseState(gw, draftId)).toEqual(before);
  });

  it('the applicant type must be one the item takes, and delivery must be chosen (posting only where offered)', async () => {
    const wrongType = expectError(
      await submit(gw, alice, draftId, { form: personForm(), materials: [] }),
      400,
      'VALIDATION_FAILED',
    );
    expect(fieldsOf(wrongType)['form.applicantType']).toBe('本事项只受理单位（法人）申请');
    const noType = expectError(
      await submit(gw, alice, draftId, {
        form: businessForm({ applicantType: undefined, delivery: undefined }),
        materials: [],
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(fieldsOf(noType)).toMatchObject({
      'form.applicantType': '请选择申请人类型',
      'form.delivery': '请选择结果送达方式（窗口自取或邮寄）',
    });
    const hukou = await startCaseOk(gw, alice, { kind: 'item', code: HUKOU_MOVE });
    const noPost = expectError(
      await submit(gw, alice, hukou.id, {
        form: personForm({
          delivery: { method: 'post', recipient: '王小明', mobile: '13800000201', address: '武汉市洪山区某路 1 号' },
        }),
        materials: [],
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(fieldsOf(noPost)['form.delivery']).toBe('本事项的办理结果不支持邮寄，请选择窗口自取');
  });

  it('files: at least one, at most the limit, the user’s own, not repeated; unknown materials refused', async () => {
    const before = caseState(gw, draftId);
    const mine = await uploadMaterial(gw, alice);
    const theirs = await uploadMaterial(gw, bob);
    const many = await Promise.all(Array.from({ length: 10 }, () => uploadMaterial(gw, alice, 'pdf')));
    const error = expectError(
      await submit(gw, alice, draftId, {
        form: businessForm(),
        materials: [
          files(ids['营业执照']),
          files(ids['法定代表人居民身份证'], theirs.id),
          files(ids['经营场所使用证明'], ...many.map((f) => f.id)),
          files('m-000000000000', mine.id),
        ],
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(fieldsOf(error)).toEqual({
      [`materials.${ids['营业执照']}`]: '「营业执照」请至少上传 1 个文件',
      [`materials.${ids['法定代表人居民身份证']}`]: '「法定代表人居民身份证」的文件不存在或已失效，请重新上传',
      [`materials.${ids['经营场所使用证明']}`]: '「经营场所使用证明」最多上传 9 个文件',
      'materials.m-000000000000': '本事项不需要这项材料（m-000000000000）',
    });
    const repeated = expectError(
      await submit(gw, alice, draftId, {
        form: businessForm(),
        materials: [files(ids['营业执照'], mine.id, mine.id)],
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(fieldsOf(repeated)[`materials.${ids['营业执照']}`]).toBe('「营业执照」包含重复的文件');
    expect(caseState(gw, draftId)).toEqual(before);
  });

  it('e-licences only where accepted and for the material they stand for', async () => {
    const notAccepted = expectError(
      await submit(gw, alice, draftId, {
        form: businessForm(),
        materials: [{ materialId: ids['营业执照'], way: 'e_licence', licenceId: 'resident-id-card' }],
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(fieldsOf(notAccepted)[`materials.${ids['营业执照']}`]).toBe('「营业执照」不能用电子证照代替，请上传文件');
    const hukou = await startCaseOk(gw, alice, { kind: 'item', code: HUKOU_MOVE });
    const hukouIds = await materialIds(gw, { kind: 'item', code: HUKOU_MOVE });
    const wrongLicence = expectError(
      await submit(gw, alice, hukou.id, {
        form: personForm(),
        materials: [
          { materialId: hukouIds['居民户口簿'], way: 'e_licence', licenceId: 'resident-id-card' },
          { materialId: hukouIds['居民身份证'], way: 'e_licence', licenceId: 'someone-elses' },
        ],
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(fieldsOf(wrongLicence)).toEqual({
      [`materials.${hukouIds['居民户口簿']}`]: '「居民户口簿」不能用「居民身份证」电子证照代替',
      [`materials.${hukouIds['居民身份证']}`]: '「居民身份证」所选的电子证照不在您的证照夹中',
    });
  });

  it('a commitment only where allowed: the user’s own, signed for this material and this case, not withdrawn', async () => {
    const forOther = await startCaseOk(gw, alice, { kind: 'item', code: 'FX-MZ-0002' });
    const otherCase = await signOk(gw, alice, food, { caseId: forOther.id });
    const withdrawn = await signOk(gw, alice, food, { caseId: draftId });
    expectOk(
      await gw.request(`/api/me/commitments/${withdrawn.record.id}/withdraw`, { method: 'POST', token: alice.token }),
      CommitmentReceipt,
    );
    const bobs = await signOk(gw, bob, food);
    const premises = `materials.${ids['经营场所使用证明']}`;
    const attempt = async (commitmentId: string, materialId = ids['经营场所使用证明']) =>
      fieldsOf(
        expectError(
          await submit(gw, alice, draftId, {
            form: businessForm(),
            materials: [{ materialId, way: 'commitment', commitmentId }],
          }),
          400,
          'VALIDATION_FAILED',
        ),
      );
    expect((await attempt(otherCase.record.id))[premises]).toBe('「经营场所使用证明」所选的告知承诺已用于另一个办件');
    expect((await attempt(withdrawn.record.id))[premises]).toBe('「经营场所使用证明」所选的告知承诺已撤回，请重新签署');
    expect((await attempt(bobs.record.id))[premises]).toBe('「经营场所使用证明」所选的告知承诺不存在');
    const fresh = await signOk(gw, alice, food, { caseId: draftId });
    expect((await attempt(fresh.record.id, ids['营业执照']))[`materials.${ids['营业执照']}`]).toBe(
      '「营业执照」不适用告知承诺，请上传文件',
    );

    // Signed for this case (or for none), it replaces the material.
    const { body } = await foodLicenceApplication(gw, alice);
    body.materials[2] = { materialId: ids['经营场所使用证明'], way: 'commitment', commitmentId: fresh.record.id };
    const submitted = expectOk(await submit(gw, alice, draftId, body), CaseDetail);
    expect(submitted.materials[2]).toMatchObject({ way: 'commitment', commitmentId: fresh.record.id, files: [] });
  });
});

describe('who may submit', () => {
  it('real-name verification is required (403 leading to 实名认证); nothing changes', async () => {
    const carol = await person(gw, '13800000203', false);
    const draft = await startCaseOk(gw, carol, { kind: 'item', code: FOOD_LICENCE });
    const { body } = await foodLicenceApplication(gw, carol);
    expectOk(await saveDraft(gw, carol, draft.id, body), CaseDetail);
    const before = caseState(gw, draft.id);
    const error = expectError(await submit(gw, carol, draft.id, body), 403, 'FORBIDDEN');
    expect(error.message).toBe('提交申请前请先完成实名认证');
    expect(caseState(gw, draft.id)).toEqual(before);
    // The draft is still there, as saved.
    expect((await caseOf(gw, carol, draft.id)).materials).toHaveLength(3);
  });

  it('someone else’s draft is not found', async () => {
    const draft = await startCaseOk(gw, alice, { kind: 'item', code: 'FX-MZ-0003' });
    const before = caseState(gw, draft.id);
    const { body } = await foodLicenceApplication(gw, bob);
    expect(expectError(await submit(gw, bob, draft.id, body), 404, 'NOT_FOUND').message).toBe('没有找到这个办件');
    expectError(await submit(gw, alice, 'no-such-case', body), 404, 'NOT_FOUND');
    expect(caseState(gw, draft.id)).toEqual(before);
  });
});

describe('exactly once (Idempotency-Key)', () => {
  it('is required, 8–100 visible characters', async () => {
    const draft = await startCaseOk(gw, bob, { kind: 'item', code: FOOD_LICENCE });
    const { body } = await foodLicenceApplication(gw, bob);
    const before = caseState(gw, draft.id);
    const missing = expectError(await submit(gw, bob, draft.id, body, null), 400, 'VALIDATION_FAILED');
    expect(missing.fields).toEqual([
      { field: 'Idempotency-Key', message: '缺少幂等键（请求头 Idempotency-Key），请更新应用后重试' },
    ]);
    for (const key of ['short', 'x'.repeat(101), 'has space 123']) {
      const bad = expectError(await submit(gw, bob, draft.id, body, key), 400, 'VALIDATION_FAILED');
      expect(bad.message).toBe('幂等键（Idempotency-Key）应为 8–100 个可见字符');
    }
    expect(caseState(gw, draft.id)).toEqual(before);
  });

  it('the same key and body answer the same again; a different body with the key is 409; a new key is 409 once submitted', async () => {
    const draft = await startCaseOk(gw, bob, { kind: 'item', code: FOOD_LICENCE });
    const { body } = await foodLicenceApplication(gw, bob);
    const key = newKey();
    const first = expectOk(await submit(gw, bob, draft.id, body, key), CaseDetail);
    const after = caseState(gw, draft.id);
    gw.clock.advance(30);
    const again = expectOk(await submit(gw, bob, draft.id, body, key), CaseDetail);
    expect(again).toEqual(first);
    const other = expectError(
      await submit(gw, bob, draft.id, { ...body, form: { ...body.form, remark: '补充说明' } }, key),
      409,
      'CONFLICT',
    );
    expect(other.message).toBe('同一个幂等键对应了不同的提交内容');
    const newKeyAgain = expectError(await submit(gw, bob, draft.id, body), 409, 'CONFLICT');
    expect(newKeyAgain.message).toBe('办件当前为「待预审」，不能提交预审');
    expect(caseState(gw, draft.id)).toEqual(after);
    expect(after.events).toBe(2);
    expect(after.keys).toBe(1);
  });

  it('two requests at once with one key make one transition and get one answer', async () => {
    const draft = await startCaseOk(gw, alice, { kind: 'item', code: 'FX-SC-0002' });
    const ids = await materialIds(gw, { kind: 'item', code: 'FX-SC-0002' });
    const a = await uploadMaterial(gw, alice, 'pdf', '章程.pdf');
    const b = await uploadMaterial(gw, alice, 'jpeg');
    const body = {
      form: businessForm(),
      materials: [files(ids['公司章程'], a.id), files(ids['法定代表人居民身份证'], b.id)],
    };
    const key = newKey();
    const answers = await Promise.all([1, 2, 3].map(() => submit(gw, alice, draft.id, body, key)));
    const data = answers.map((res) => expectOk(res, CaseDetail));
    expect(data[1]).toEqual(data[0]);
    expect(data[2]).toEqual(data[0]);
    expect(caseState(gw, draft.id)).toMatchObject({ events: 2, keys: 1 });
    expect((await caseOf(gw, alice, draft.id)).timeline.filter((e) => e.to === 'pending_review')).toHaveLength(1);
  });

  it('a refused attempt does not use up the key: fixed, the same key goes through', async () => {
    const draft = await startCaseOk(gw, bob, { kind: 'item', code: FOOD_LICENCE });
    const { body } = await foodLicenceApplication(gw, bob);
    const key = newKey();
    expectError(await submit(gw, bob, draft.id, { ...body, materials: [] }, key), 400, 'VALIDATION_FAILED');
    expect(expectOk(await submit(gw, bob, draft.id, body, key), CaseDetail).status).toBe('pending_review');
  });

  it('keys are per user: another user’s key does not answer for them', async () => {
    const key = newKey();
    const mine = await startCaseOk(gw, alice, { kind: 'item', code: 'FX-SC-0003' });
    const ids = await materialIds(gw, { kind: 'item', code: 'FX-SC-0003' });
    const f = await uploadMaterial(gw, alice);
    const body = { form: personForm(), materials: [files(ids['经营者居民身份证'], f.id)] };
    expectOk(await submit(gw, alice, mine.id, body, key), CaseDetail);
    const theirs = await startCaseOk(gw, bob, { kind: 'item', code: 'FX-SC-0003' });
    const g = await uploadMaterial(gw, bob);
    const res = await submit(
      gw,
      bob,
      theirs.id,
      { form: personForm(), materials: [files(ids['经营者居民身份证'], g.id)] },
      key,
    );
    expect(expectOk(res, CaseDetail)).toMatchObject({ id: theirs.id, status: 'pending_review' });
  });
});

describe('a draft a commitment refers to', () => {
  it('is hidden when deleted (the commitment keeps its record), and a new start makes a new draft', async () => {
    const dave = await person(gw, '13800000204', true);
    const draft = await startCaseOk(gw, dave, { kind: 'item', code: FOOD_LICENCE });
    const signed = await signOk(gw, dave, food, { caseId: draft.id });
    const res = await gw.request(`/api/me/cases/${draft.id}/draft`, { method: 'DELETE', token: dave.token });
    expect(res.status).toBe(200);
    expectError(await gw.request(`/api/me/cases/${draft.id}`, { token: dave.token }), 404, 'NOT_FOUND');
    expect(expectOk(await gw.request('/api/me/cases', { token: dave.token }), CaseList).cases).toEqual([]);
    const receipt = expectOk(
      await gw.request(`/api/me/commitments/${signed.record.id}`, { token: dave.token }),
      CommitmentReceipt,
    );
    expect(receipt.record.caseId).toBe(draft.id);
    const fresh = await startCaseOk(gw, dave, { kind: 'item', code: FOOD_LICENCE });
    expect(fresh.id).not.toBe(draft.id);
  });
});
