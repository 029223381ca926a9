import type { ApplicationForm, MaterialRequirement } from '../../types/contract';
import {
  answerProvided,
  checkForm,
  checkMaterialAnswers,
  normaliseForm,
  type FormRules,
} from '../../src/lib/application-check';
import { newIdempotencyKey } from '../../src/lib/idempotency-key';

const NOW = new Date('2026-11-27T08:00:00+08:00');
const both: FormRules = { applicantTypes: ['person', 'business'], postAvailable: true };
const person: ApplicationForm = {
  applicantType: 'person',
  address: '洪山区珞喻路 1037 号 8 栋 302 室',
  delivery: { method: 'pickup' },
};
const business: ApplicationForm = {
  ...person,
  applicantType: 'business',
  companyName: '武汉洪山示例科技有限公司',
  creditCode: '91420111MA4KL3M5XD',
  legalRepresentative: '王小明',
  legalRepresentativeIdNumber: '11010519491231002X',
};
const fields = (form: ApplicationForm, rules = both) =>
  Object.fromEntries(checkForm(rules, form, NOW).map((e) => [e.field, e.message]));

describe('checkApplicationForm', () => {
  it('accepts a complete person and a complete business application', () => {
    expect(fields(person)).toEqual({});
    expect(fields(business)).toEqual({});
  });

  it('names every missing field of an empty form at once', () => {
    expect(Object.keys(fields({}))).toEqual(['form.applicantType', 'form.address', 'form.delivery']);
  });

  it('refuses an applicant type the item does not take', () => {
    expect(fields(person, { applicantTypes: ['business'], postAvailable: true })['form.applicantType']).toBe(
      '本事项只受理单位（法人）申请',
    );
  });

  it('checks the credit code (GB 32100) and the legal representative’s id number (GB 11643)', () => {
    const wrong = fields({
      ...business,
      creditCode: '91420111MA4KL3M5XE',
      legalRepresentativeIdNumber: '110105194912310021',
    });
    expect(wrong['form.creditCode']).toBe('统一社会信用代码校验位不正确');
    expect(wrong['form.legalRepresentativeIdNumber']).toBe('法定代表人身份证号校验位不正确');
    expect(
      fields({ ...business, legalRepresentativeIdNumber: '110105194902301238' })['form.legalRepresentativeIdNumber'],
    ).toMatch(/出生日期/);
  });

  it('checks an optional contact mobile only when given', () => {
    expect(fields({ ...person, contactMobile: '' })).toEqual({});
    expect(fields({ ...person, contactMobile: '1380000' })['form.contactMobile']).toBe(
      '联系电话应为 11 位中国大陆手机号',
    );
  });

  it('needs a recipient, a mobile and an address for posting, and refuses posting where unavailable', () => {
    const post: ApplicationForm = {
      ...person,
      delivery: { method: 'post', recipient: '', mobile: '123', address: '洪山' },
    };
    expect(Object.keys(fields(post))).toEqual([
      'form.delivery.recipient',
      'form.delivery.mobile',
      'form.delivery.address',
    ]);
    const ok: ApplicationForm = {
      ...person,
      delivery: { method: 'post', recipient: '王小明', mobile: '13800000101', address: '洪山区珞喻路 1037 号' },
    };
    expect(fields(ok)).toEqual({});
    expect(fields(ok, { applicantTypes: ['person'], postAvailable: false })['form.delivery']).toMatch(/不支持邮寄/);
  });

  it('tidies a form for storing: trimmed, codes upper-cased, business fields dropped for a person', () => {
    expect(normaliseForm({ ...business, creditCode: ' 91420111ma4kl3m5xd ', address: ' 洪山区 ' })).toMatchObject({
      creditCode: '91420111MA4KL3M5XD',
      address: '洪山区',
    });
    expect(normaliseForm({ ...business, applicantType: 'person' })).not.toHaveProperty('companyName');
  });

  it('treats hostile HTML as text of the address (nothing to refuse, nothing to run)', () => {
    expect(fields({ ...person, address: '<img src=x onerror=alert(1)> 洪山区' })).toEqual({});
  });
});

const material = (id: string, patch: Partial<MaterialRequirement> = {}): MaterialRequirement => ({
  id,
  name: `材料${id}`,
  form: 'copy',
  copies: 1,
  necessity: 'required',
  reviewPoints: '',
  source: '申请人自备',
  eLicenceAccepted: false,
  commitmentAllowed: false,
  accept: ['image/jpeg', 'image/png', 'application/pdf'],
  maxImageBytes: 10 * 1024 * 1024,
  maxPdfBytes: 30 * 1024 * 1024,
  maxFiles: 2,
  itemCodes: ['X'],
  ...patch,
});

describe('checkMaterialAnswers', () => {
  const materials = [
    material('a'),
    material('b', { necessity: 'optional' }),
    material('c', { commitmentAllowed: true }),
  ];

  it('names each required material not provided; optional ones may be left out', () => {
    expect(checkMaterialAnswers(materials, [{ materialId: 'b', way: 'files', fileIds: [] }])).toEqual([
      { field: 'materials.a', message: '请提交「材料a」' },
      { field: 'materials.c', message: '请提交「材料c」' },
    ]);
  });

  it('accepts files, a commitment where allowed, and refuses too many files or a way not allowed', () => {
    expect(
      checkMaterialAnswers(materials, [
        { materialId: 'a', way: 'files', fileIds: ['f1'] },
        { materialId: 'c', way: 'commitment', commitmentId: 'k' },
      ]),
    ).toEqual([]);
    expect(
      checkMaterialAnswers(materials, [
        { materialId: 'a', way: 'files', fileIds: ['f1', 'f2', 'f3'] },
        { materialId: 'c', way: 'e_licence', licenceId: 'l' },
      ]).map((e) => e.message),
    ).toEqual(['「材料a」最多上传 2 个文件', '「材料c」不能用电子证照代替，请上传文件']);
  });

  it('does not count an empty file list as an answer', () => {
    expect(answerProvided({ materialId: 'a', way: 'files', fileIds: [] })).toBe(false);
    expect(answerProvided(undefined)).toBe(false);
  });
});

describe('newIdempotencyKey', () => {
  it('is distinct per attempt and fits the gateway’s 8–100 characters', () => {
    const keys = new Set(Array.from({ length: 1000 }, () => newIdempotencyKey()));
    expect(keys.size).toBe(1000);
    for (const key of keys) expect(key).toMatch(/^[0-9a-z]+-[0-9a-z]{16}$/);
  });
});
