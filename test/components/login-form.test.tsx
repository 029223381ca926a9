import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { accountApi } from '@/core/api/account';
import { ApiError } from '@/core/http/api-error';
import { LoginForm } from '@/me/account/login/login-form';
import { expectMessageUnder, messageUnder, typeInto } from '../support/nut-form';

jest.mock('@/core/api/account', () => ({ accountApi: { sendSms: jest.fn(), smsLogin: jest.fn() } }));

const api = jest.mocked(accountApi);

const MOBILE = '请输入11位手机号码';
const CODE = '6位验证码';
const CONSENT = '我已阅读并同意隐私政策';
const loginResult = {
  tokens: { accessToken: 'a', accessExpiresIn: 900, refreshToken: 'r', refreshExpiresIn: 2592000 },
  user: { id: 'u1', mobileMasked: '138****5678', realName: { verified: false } },
};

function renderForm() {
  const onSignedIn = jest.fn();
  render(<LoginForm onSignedIn={onSignedIn} />);
  return onSignedIn;
}

/** The consent's message is under the one field without a label. */
const consentMessage = () => document.querySelectorAll('.nut-form-item-body-tips')[2]?.textContent ?? '';
const resendButton = () => screen.getByText(/获取验证码|秒后重发/);
const agree = () => fireEvent.click(screen.getByRole('checkbox', { name: CONSENT }));

beforeEach(() => {
  jest.clearAllMocks();
});

test('logging in with nothing filled in says what each field needs, in Chinese, and sends nothing', async () => {
  renderForm();
  fireEvent.click(screen.getByText('登录'));
  await expectMessageUnder('手机号码', '请输入手机号码');
  await expectMessageUnder('短信验证码', '请输入短信验证码');
  await waitFor(() => expect(consentMessage()).toBe('请先阅读并同意《隐私政策》'));
  expect(api.smsLogin).not.toHaveBeenCalled();
});

test.each([
  ['too long', '138123456789', '手机号码应为11位数字'],
  ['too short', '1381234567', '手机号码应为11位数字'],
  ['not a mobile network’s', '12345678901', '手机号码格式不正确'],
  ['hostile HTML (only its digits stay)', '<img src=x onerror=alert(1)>', '手机号码应为11位数字'],
])('a mobile number %s is refused: %s', async (_what, mobile, message) => {
  renderForm();
  agree();
  typeInto(MOBILE, mobile);
  fireEvent.click(resendButton());
  await expectMessageUnder('手机号码', message);
  expect(document.querySelector('img')).toBeNull();
  expect(api.sendSms).not.toHaveBeenCalled();
});

test.each([
  ['too short', '12345'],
  ['too long', '1234567'],
  ['hostile HTML (only its digits stay)', '<b>12</b>'],
])('an SMS code %s is refused', async (_what, code) => {
  renderForm();
  agree();
  typeInto(MOBILE, '13812345678');
  typeInto(CODE, code);
  fireEvent.click(screen.getByText('登录'));
  await expectMessageUnder('短信验证码', '短信验证码应为6位数字');
  expect(messageUnder('手机号码')).toBe('');
  expect(document.querySelector('b')).toBeNull();
  expect(api.smsLogin).not.toHaveBeenCalled();
});

test('no code is sent before consent; once agreed, one is, and a new one is refused until the count ends', async () => {
  api.sendSms.mockResolvedValue({ resendAfterSeconds: 1, expiresInSeconds: 300 });
  renderForm();
  typeInto(MOBILE, '13812345678');
  fireEvent.click(resendButton());
  await waitFor(() => expect(consentMessage()).toBe('请先阅读并同意《隐私政策》'));
  expect(api.sendSms).not.toHaveBeenCalled();

  agree();
  await waitFor(() => expect(consentMessage()).toBe(''));
  expect(screen.getByRole('checkbox', { name: CONSENT }).getAttribute('aria-checked')).toBe('true');
  fireEvent.click(resendButton());
  await screen.findByText('1秒后重发');
  expect(screen.getByRole('status').textContent).toBe('验证码已发送，请查看短信');
  expect(api.sendSms).toHaveBeenCalledWith({ mobile: '13812345678' });
  fireEvent.click(resendButton());
  expect(api.sendSms).toHaveBeenCalledTimes(1);

  await screen.findByText('获取验证码', undefined, { timeout: 3000 });
  fireEvent.click(resendButton());
  await waitFor(() => expect(api.sendSms).toHaveBeenCalledTimes(2));
});

test('valid values pass: the number and code are sent once, and the person is signed in', async () => {
  api.smsLogin.mockResolvedValue(loginResult);
  const onSignedIn = renderForm();
  agree();
  typeInto(MOBILE, '13812345678');
  typeInto(CODE, '123456');
  fireEvent.click(screen.getByText('登录'));
  await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(loginResult));
  expect(api.smsLogin).toHaveBeenCalledTimes(1);
  expect(api.smsLogin).toHaveBeenCalledWith({ mobile: '13812345678', code: '123456' });
  expect(messageUnder('手机号码')).toBe('');
  expect(messageUnder('短信验证码')).toBe('');
});

test('a wrong code: the gateway’s message under the code, until another is typed', async () => {
  api.smsLogin.mockRejectedValue(
    new ApiError({
      code: 'VALIDATION_FAILED',
      message: '验证码不正确',
      fields: [{ field: 'code', message: '验证码不正确' }],
    }),
  );
  const onSignedIn = renderForm();
  agree();
  typeInto(MOBILE, '13812345678');
  typeInto(CODE, '000000');
  fireEvent.click(screen.getByText('登录'));
  await expectMessageUnder('短信验证码', '验证码不正确');
  typeInto(CODE, '123456');
  await expectMessageUnder('短信验证码', '');
  expect(onSignedIn).not.toHaveBeenCalled();
});
