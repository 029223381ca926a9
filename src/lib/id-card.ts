import { parseChinaDay, toChinaDay } from './china-time';

export type IdCardCheck =
  { valid: true; birthDate: string; gender: 'male' | 'female'; regionCode: string } | { valid: false; reason: string };

/** ISO 7064 MOD 11-2 weights for the first 17 digits (GB 11643-1999). */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Check character indexed by (weighted sum mod 11). */
const CHECK_CHARS = '10X98765432';

const SHAPE = /^\d{17}[\dX]$/;

export function idCardCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/**
 * Validates an 18-digit 居民身份证号码 (GB 11643-1999). The region code is not checked against the
 * administrative-division list: codes change over time and the list would go stale, and other
 * documents (e.g. 外国人永久居留身份证) share this format with different leading digits.
 *
 * `now` only exists so tests can pin "today"; a birth date after today's China date is rejected.
 */
export function checkIdCardNumber(input: string, now: Date = new Date()): IdCardCheck {
  const value = input.trim().toUpperCase();
  if (value === '') return { valid: false, reason: '请输入身份证号' };
  // Count code points so that a pasted emoji is a single (invalid) character, not two.
  if (Array.from(value).length !== 18) return { valid: false, reason: '身份证号应为18位' };
  if (!SHAPE.test(value)) return { valid: false, reason: '身份证号格式不正确' };

  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  const birth = parseChinaDay(birthDate);
  if (birth === null || birth.year() < 1900 || birth.isAfter(toChinaDay(now))) {
    return { valid: false, reason: '出生日期不正确' };
  }

  if (idCardCheckChar(value) !== value[17]) return { valid: false, reason: '身份证号校验位不正确' };

  return {
    valid: true,
    birthDate,
    // The 17th digit is the 顺序码's last digit: odd for men, even for women.
    gender: Number(value[16]) % 2 === 1 ? 'male' : 'female',
    regionCode: value.slice(0, 6),
  };
}
