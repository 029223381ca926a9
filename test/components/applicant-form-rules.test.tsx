import { act, render, screen } from '@testing-library/react';
import { Form } from '@nutui/nutui-react-taro';
import type { ApplicationForm } from '@contract/prereview';
import { checkForm } from '@/lib/application-check';
import type { ApplicantField } from '@/prereview/applicant-rules';
import { ApplicantSection, type ApplicantFormInstance, type Refusal } from '@/prereview/applicant-section';

const VALID: Required<Pick<ApplicationForm, ApplicantField>> = {
  companyName: '武汉洪山示例餐饮有限公司',
  creditCode: '91420111MA4KL3M5XD',
  legalRepresentative: '王芳',
  legalRepresentativeIdNumber: '11010519491231002X',
  contactMobile: '13700004444',
  address: '洪山区珞喻路 1037 号 8 栋 302 室',
  remark: '',
};

const LABELS: Record<ApplicantField, string> = {
  companyName: '单位名称',
  creditCode: '统一社会信用代码',
  legalRepresentative: '法定代表人',
  legalRepresentativeIdNumber: '法定代表人身份证号',
  contactMobile: '联系电话',
  address: '联系地址',
  remark: '申请说明（选填）',
};

const HOSTILE = '<img src=x onerror="alert(1)">';

let form: ApplicantFormInstance;

function Section({ refused = {} }: { refused?: Partial<Record<ApplicantField, Refusal>> }) {
  [form] = Form.useForm();
  return (
    <ApplicantSection
      form={form}
      values={{ applicantType: 'business', ...VALID }}
      applicantTypes={['person', 'business']}
      user={undefined}
      errors={{}}
      refused={refused}
      live={false}
      onChange={() => undefined}
      onVerify={() => undefined}
    />
  );
}

/** The message NutUI's Form shows under the field with this label ('' when it passes). */
function shownUnder(label: string): string {
  const item = screen.getByText(label, { exact: true }).closest('.nut-form-item');
  return item?.querySelector('.nut-form-item-body-tips')?.textContent ?? '(no field)';
}

async function check(name: ApplicantField, value: string): Promise<string> {
  act(() => form.setFieldsValue({ [name]: value }));
  await act(async () => {
    await form.validateFields([name]);
  });
  return shownUnder(LABELS[name]);
}

/** What the gateway's checkForm says about the same value (the rules must say the same). */
function gatewaySays(name: ApplicantField, value: string): string {
  const form: ApplicationForm = { applicantType: 'business', ...VALID, [name]: value, delivery: { method: 'pickup' } };
  const found = checkForm({ applicantTypes: ['business'], postAvailable: false }, form, new Date());
  return found.find((f) => f.field === `form.${name}`)?.message ?? '';
}

/** Field, the message shown, the value refused. */
const CASES: [ApplicantField, string, string][] = [
  // Empty.
  ['companyName', '请填写单位名称', ''],
  ['creditCode', '请输入统一社会信用代码', ''],
  ['legalRepresentative', '请填写法定代表人姓名', '   '],
  ['legalRepresentativeIdNumber', '请填写法定代表人身份证号', ''],
  ['address', '请填写联系地址', ''],
  // Too short, too long.
  ['companyName', '单位名称至少 2 个字', '武'],
  ['companyName', '单位名称不能超过 100 个字', '洪'.repeat(101)],
  ['legalRepresentative', '法定代表人姓名不能超过 30 个字', '王'.repeat(31)],
  ['address', '联系地址不能超过 200 个字', '路'.repeat(201)],
  ['remark', '申请说明不能超过 500 个字', '说'.repeat(501)],
  // Wrong checksum, wrong length.
  ['creditCode', '统一社会信用代码校验位不正确', '91420111MA4KL3M5XE'],
  ['creditCode', '统一社会信用代码应为18位', '91420111MA4KL3M5X'],
  ['legalRepresentativeIdNumber', '法定代表人身份证号校验位不正确', '110105194912310021'],
  ['contactMobile', '联系电话应为 11 位中国大陆手机号', '12345678901'],
  // Hostile HTML where a code or a number belongs.
  ['creditCode', '统一社会信用代码应为18位', HOSTILE],
  ['legalRepresentativeIdNumber', '法定代表人身份证号应为18位', '<script>alert(1)</script>'],
  ['contactMobile', '联系电话应为 11 位中国大陆手机号', '<b>13700004444</b>'],
  ['companyName', '单位名称不能超过 100 个字', `<script>${'x'.repeat(100)}</script>`],
];

test.each(CASES)('%s refuses a value with “%s” under the field', async (name, message, value) => {
  render(<Section />);
  expect(await check(name, value)).toBe(message);
  // The same words the gateway uses for the same value (申请说明 has only the input's limit there).
  if (name !== 'remark') expect(gatewaySays(name, value)).toBe(message);
});

test('valid values pass every field, the optional ones empty too', async () => {
  render(<Section />);
  for (const name of Object.keys(VALID) as ApplicantField[]) {
    expect(await check(name, VALID[name])).toBe('');
  }
  expect(await check('contactMobile', '')).toBe('');
  expect(await check('remark', '说'.repeat(500))).toBe('');
  // A lower-case x is the same check character.
  expect(await check('legalRepresentativeIdNumber', '11010519491231002x')).toBe('');
});

test('hostile HTML a name field takes is shown as text, never as markup', async () => {
  const { container } = render(<Section />);
  expect(await check('companyName', '<img src=x onerror="alert(1)">')).toBe('');
  expect(container.querySelector('img')).toBeNull();
  expect(container.querySelector('script')).toBeNull();
});

test('the gateway’s message for a field shows under it while the refused value stays', async () => {
  render(<Section refused={{ creditCode: { value: VALID.creditCode, message: '该统一社会信用代码已有在办申请' } }} />);
  expect(await check('creditCode', VALID.creditCode)).toBe('该统一社会信用代码已有在办申请');
  expect(await check('creditCode', '91110000600037341L')).toBe('');
});

test('申请说明 has a visible label, an accessible name and a count of 500', () => {
  const { container } = render(<Section />);
  expect(screen.getByText('申请说明（选填）')).toBeTruthy();
  expect(container.querySelector('[aria-label="申请说明（选填）"]')).not.toBeNull();
  expect(container.querySelector('.remark__count')?.textContent).toBe('0/500');
  for (const label of Object.values(LABELS)) {
    expect(container.querySelector(`[aria-label="${label}"]`)).not.toBeNull();
  }
});
