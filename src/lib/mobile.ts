/** Mainland China mobile numbers: 11 digits, 1 followed by a network prefix digit 3–9. */
const MOBILE = /^1[3-9]\d{9}$/;

export function isMobileNumber(s: string): boolean {
  return MOBILE.test(s.trim());
}
