/**
 * Masking for display only (screenshots, shared screens). Every function hides at least one
 * character of any non-empty input, so an unexpected format can never leak the whole value.
 */

const STAR = '*';

/** Keep `head` leading and `tail` trailing characters; fall back to tighter masks when too short. */
function keepEnds(value: string, head: number, tail: number): string {
  // Code points, not UTF-16 units, so a rare CJK character outside the BMP is never cut in half.
  const chars = Array.from(value.trim());
  const n = chars.length;
  if (n === 0) return '';
  if (n > head + tail) {
    return chars.slice(0, head).join('') + STAR.repeat(n - head - tail) + chars.slice(n - tail).join('');
  }
  if (n >= 3) return chars[0] + STAR.repeat(n - 2) + chars[n - 1];
  return STAR.repeat(n);
}

/** '420111199001011234' → '4201**********1234'. */
export function maskIdNumber(id: string): string {
  return keepEnds(id, 4, 4);
}

/**
 * '420111199001011234' → '420111********1234': the 6-digit region code stays visible, for officers
 * who need to tell which district an identity belongs to (never for residents' screens).
 */
export function maskIdNumberKeepRegion(id: string): string {
  return keepEnds(id, 6, 4);
}

/** '13812341234' → '138****1234'. */
export function maskMobile(mobile: string): string {
  return keepEnds(mobile, 3, 4);
}

/** '张三' → '张*', '欧阳娜娜' → '欧***': only the first character stays (a lone character is masked too). */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  if (chars.length === 1) return STAR;
  return chars[0] + STAR.repeat(chars.length - 1);
}
