import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { accountApi } from '@/core/api/account';
import { ApiError } from '@/core/http/api-error';
import { RealNameForm } from '@/me/account/real-name/real-name-form';
import { expectMessageUnder, messageUnder, typeInto } from '../support/nut-form';

jest.mock('@/core/api/account', () => ({ accountApi: { verifyRealName: jest.fn() } }));

const api = jest.mocked(accountApi);

const NAME = '与身份证一致';
const ID = '18位居民身份证号码';
/** A valid 身份证号 (GB 11643 check character X). */
const VALID_ID = '11010519491231002X';
const user = { id: 'u1', mobileMasked: '138****5678', realName: { verified: true, nameMasked: '*敏' } };

function renderForm() {
  const onVerified = jest.fn();
  render(<RealNameForm onVerified={onVerified} />);
  return onVerified;
}

const submit = () => fireEvent.click(screen.getByText('提交认证'));

beforeEach(() => jest.clearAllMocks());

test('empty fields are refused, each naming what is missing, and nothing is sent', async () => {
  renderForm();
  submit();
  await expectMessageUnder('姓名', '请输入姓名');
  await expectMessageUnder('身份证号', '请输入身份证号');
  expect(api.verifyRealName).not.toHaveBeenCalled();
});

test.each([
  ['Latin letters', 'Zhang San', '姓名应为身份证上的中文姓名'],
  ['one character', '张', '姓名至少2个字'],
  ['31 characters', '张'.repeat(31), '姓名不能超过30个字'],
  ['hostile HTML', '<img src=x onerror=alert(1)>', '姓名应为身份证上的中文姓名'],
])('a name of %s is refused: %s', async (_what, name, message) => {
  renderForm();
  typeInto(NAME, name);
  typeInto(ID, VALID_ID);
  submit();
  await expectMessageUnder('姓名', message);
  expect(messageUnder('身份证号')).toBe('');
  // Shown as text, never as markup.
  expect(document.querySelector('img')).toBeNull();
  expect(api.verifyRealName).not.toHaveBeenCalled();
});

test.each([
  ['too long', `${VALID_ID}1`, '身份证号应为18位'],
  ['too short', '1101051949123', '身份证号应为18位'],
  ['a letter other than X', '11010519491231002A', '身份证号格式不正确'],
  ['a wrong check character', '110105194912310021', '身份证号校验位不正确'],
  ['an impossible birth date', '110105194913310020', '身份证号的出生日期不正确'],
  ['hostile HTML', '<script>alert(1)</script>', '身份证号应为18位'],
])('a 身份证号 %s is refused: %s', async (_what, idNumber, message) => {
  renderForm();
  typeInto(NAME, '赵敏');
  typeInto(ID, idNumber);
  submit();
  await expectMessageUnder('身份证号', message);
  expect(messageUnder('姓名')).toBe('');
  expect(document.querySelector('script')).toBeNull();
  expect(api.verifyRealName).not.toHaveBeenCalled();
});

test('a field says what is wrong as soon as the person leaves it, and stops when it is put right', async () => {
  renderForm();
  typeInto(ID, '110105194912310021');
  await expectMessageUnder('身份证号', '身份证号校验位不正确');
  expect(messageUnder('姓名')).toBe('');
  typeInto(ID, VALID_ID);
  await expectMessageUnder('身份证号', '');
});

test('valid values pass: the name trimmed and a lowercase x made upper case are sent, once', async () => {
  api.verifyRealName.mockResolvedValue(user);
  const onVerified = renderForm();
  typeInto(NAME, ' 阿依古丽·买买提 ');
  typeInto(ID, VALID_ID.toLowerCase());
  submit();
  await waitFor(() => expect(onVerified).toHaveBeenCalledWith(user));
  expect(api.verifyRealName).toHaveBeenCalledTimes(1);
  expect(api.verifyRealName).toHaveBeenCalledWith({ name: '阿依古丽·买买提', idNumber: VALID_ID });
  expect(messageUnder('姓名')).toBe('');
  expect(messageUnder('身份证号')).toBe('');
});

test('the gateway’s answer about one field is shown under it, until the value changes', async () => {
  api.verifyRealName.mockRejectedValue(
    new ApiError({
      code: 'CONFLICT',
      message: '该身份证号已被其他账号认证',
      fields: [{ field: 'idNumber', message: '该身份证号已被其他账号认证' }],
    }),
  );
  renderForm();
  typeInto(NAME, '赵敏');
  typeInto(ID, VALID_ID);
  submit();
  await expectMessageUnder('身份证号', '该身份证号已被其他账号认证');
  expect(screen.queryByRole('alert')).toBeNull();
  typeInto(ID, '110105194912310011');
  await expectMessageUnder('身份证号', '');
});

test('when sending fails, the page says why and keeps what was typed', async () => {
  api.verifyRealName.mockRejectedValue(new ApiError({ code: 'NETWORK' }));
  const onVerified = renderForm();
  typeInto(NAME, '赵敏');
  typeInto(ID, VALID_ID);
  submit();
  expect((await screen.findByRole('alert')).textContent).toBe('网络连接失败，请检查网络后重试');
  expect(document.querySelector(`taro-input-core[placeholder="${NAME}"]`)?.getAttribute('value')).toBe('赵敏');
  expect(document.querySelector(`taro-input-core[placeholder="${ID}"]`)?.getAttribute('value')).toBe(VALID_ID);
  expect(onVerified).not.toHaveBeenCalled();
});

describe('an identity already verified on another account', () => {
  const CODE = '6位验证码';
  const challenge = {
    challenge: 'identity_bound' as const,
    mobileMasked: '138****1234',
    resendAfterSeconds: 60,
    expiresInSeconds: 300,
  };

  test('says a code went to that account’s mobile, asks for it and sends it with the same name and number', async () => {
    api.verifyRealName.mockResolvedValueOnce(challenge).mockResolvedValueOnce(user);
    const onVerified = renderForm();
    typeInto(NAME, '赵敏');
    typeInto(ID, VALID_ID);
    submit();
    const notice = await screen.findByRole('status');
    expect(notice.textContent).toBe(
      '该身份证号已在另一账号完成实名认证。为确认是您本人，验证码已发送至该账号绑定的手机 138****1234，请输入验证码',
    );
    expect(onVerified).not.toHaveBeenCalled();

    submit();
    await expectMessageUnder('短信验证码', '请输入短信验证码');
    expect(api.verifyRealName).toHaveBeenCalledTimes(1);

    typeInto(CODE, '123456');
    submit();
    await waitFor(() => expect(onVerified).toHaveBeenCalledWith(user));
    expect(api.verifyRealName).toHaveBeenLastCalledWith({ name: '赵敏', idNumber: VALID_ID, code: '123456' });
  });

  test('shows the gateway’s answer about the code under it, and 更换 starts over without a code', async () => {
    api.verifyRealName
      .mockResolvedValueOnce(challenge)
      .mockRejectedValueOnce(
        new ApiError({
          code: 'VALIDATION_FAILED',
          message: '验证码不正确，还可以再试 4 次',
          fields: [{ field: 'code', message: '验证码不正确，还可以再试 4 次' }],
        }),
      )
      .mockResolvedValueOnce(challenge);
    renderForm();
    typeInto(NAME, '赵敏');
    typeInto(ID, VALID_ID);
    submit();
    await screen.findByRole('status');
    typeInto(CODE, '000000');
    submit();
    await expectMessageUnder('短信验证码', '验证码不正确，还可以再试 4 次');

    fireEvent.click(screen.getByText('更换姓名或身份证号'));
    await waitFor(() => expect(screen.queryByRole('status')).toBeNull());
    expect(document.querySelector(`taro-input-core[placeholder="${CODE}"]`)).toBeNull();
    submit();
    await waitFor(() => expect(api.verifyRealName).toHaveBeenCalledTimes(3));
    expect(api.verifyRealName).toHaveBeenLastCalledWith({ name: '赵敏', idNumber: VALID_ID });
  });
});
