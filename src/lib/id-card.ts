import { parseChinaDay, toChinaDay } from './china-time';

export type IdCardCheck =
  { valid: true; birthDate: string; gender: 'male' | 'female'; regionCode: string } | { valid: false; reason: string };

/** ISO 7064 MOD 11-2 weights for the first 17 digits (GB 11643-1999). */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Check character indexed by (weighted sum mod 11). */
const CHECK_CHARS = '10X98765432';

const SHAPE = /^\d{17}[\dX]$/;

/**
 * First two digits (province level) of GB/T 2260: the 31 provinces on the mainland, 71 台湾, 81 香港,
 * 82 澳门, and 83, which only 台湾居民居住证 numbers carry (830000, GB/T 2260 has no 83).
 */
const PROVINCE_CODES: ReadonlySet<string> = new Set(
  '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82 83'.split(' '),
);

export function idCardCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/**
 * Validates an 18-digit 居民身份证号码 (GB 11643-1999), also the 港澳台居民居住证 that shares it. Only
 * the province of the region code is checked: county codes change over time and a full list would
 * go stale, while provinces have not changed since 1997. 外国人永久居留身份证 (leading 9) is a
 * different document and is refused.
 *
 * `now` only exists so tests can pin "today"; a birth date after today's China date is rejected.
 */
export function checkIdCardNumber(input: string, now: Date = new Date()): IdCardCheck {
  const value = input.trim().toUpperCase();
  if (value === '') return { valid: false, reason: '请输入身份证号' };
  // Count code points so that a pasted emoji is a single (invalid) character, not two.
  if (Array.from(value).length !== 18) return { valid: false, reason: '身份证号应为18位' };
  if (!SHAPE.test(value)) return { valid: false, reason: '身份证号格式不正确' };
  if (!PROVINCE_CODES.has(value.slice(0, 2))) return { valid: false, reason: '身份证号地区码不正确' };

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
