export type CreditCodeCheck = { valid: true } | { valid: false; reason: string };

/**
 * GB 32100-2015 alphabet: digits and upper-case letters without I, O, Z, S, V (too easily confused
 * with 1, 0, 2, 5, U). A character's index is its numeric value in the check computation.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const VALID_CHARS = /^[0-9A-HJ-NPQRTUWXY]+$/;

export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += ALPHABET.indexOf(first17[i]) * WEIGHTS[i];
  return ALPHABET[(31 - (sum % 31)) % 31];
}

/**
 * Validates a 统一社会信用代码. Only length, alphabet and check character are verified; the embedded
 * 组织机构代码 and region code are not, because historical codes do not always satisfy them.
 */
export function checkCreditCode(input: string): CreditCodeCheck {
  const value = input.trim().toUpperCase();
  if (value === '') return { valid: false, reason: '请输入统一社会信用代码' };
  if (Array.from(value).length !== 18) return { valid: false, reason: '统一社会信用代码应为18位' };
  if (!VALID_CHARS.test(value)) return { valid: false, reason: '统一社会信用代码含有无效字符' };
  if (creditCodeCheckChar(value) !== value[17]) {
    return { valid: false, reason: '统一社会信用代码校验位不正确' };
  }
  return { valid: true };
}
