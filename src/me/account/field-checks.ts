import { checkIdCardNumber } from '@/lib/id-card';
import { isMobileNumber } from '@/lib/mobile';

/** What a form field says about a value: its problem in Chinese, naming the field, or nothing. */
export type FieldCheck = (value: string) => string | undefined;

/** Counted in characters as a person counts them (a pasted emoji is one), not UTF-16 units. */
const lengthOf = (value: string): number => Array.from(value).length;

export const MOBILE_MAX_LENGTH = 11;
export const SMS_CODE_LENGTH = 6;
export const NAME_MAX_LENGTH = 30;
export const ID_NUMBER_LENGTH = 18;

/** The number as it is sent: people type it with spaces (138 1234 5678). */
export const normaliseMobile = (value: string): string => value.replace(/\s/g, '');

export const checkMobile: FieldCheck = (value) => {
  const mobile = normaliseMobile(value);
  if (mobile === '') return '请输入手机号码';
  if (!/^\d+$/.test(mobile) || lengthOf(mobile) !== MOBILE_MAX_LENGTH) return '手机号码应为11位数字';
  if (!isMobileNumber(mobile)) return '手机号码格式不正确';
  return undefined;
};

export const checkSmsCode: FieldCheck = (value) => {
  const code = value.trim();
  if (code === '') return '请输入短信验证码';
  if (!/^\d+$/.test(code) || lengthOf(code) !== SMS_CODE_LENGTH) return '短信验证码应为6位数字';
  return undefined;
};

/** Names as on the 居民身份证: Chinese characters, with “·” in names of several parts. */
export const checkRealName: FieldCheck = (value) => {
  const name = value.trim();
  if (name === '') return '请输入姓名';
  if (lengthOf(name) > NAME_MAX_LENGTH) return `姓名不能超过${NAME_MAX_LENGTH}个字`;
  if (!/^[\u4e00-\u9fa5·]+$/.test(name)) return '姓名应为身份证上的中文姓名';
  if (lengthOf(name) < 2) return '姓名至少2个字';
  return undefined;
};

export const checkIdNumber: FieldCheck = (value) => {
  const id = checkIdCardNumber(value);
  if (id.valid) return undefined;
  // The message sits under the 身份证号 field, so it says which number is wrong.
  return id.reason.includes('身份证号') ? id.reason : `身份证号的${id.reason}`;
};
