import { decodeQueryParam } from '@/lib/query-param';

test('percent-escapes are decoded, + is a space, and a malformed escape is kept as it came', () => {
  expect(decodeQueryParam('%E6%88%B7%E5%8F%A3')).toBe('户口');
  expect(decodeQueryParam('%20%E8%BA%AB%E4%BB%BD%E8%AF%81+%E6%8D%A2%E9%A2%86')).toBe(' 身份证 换领');
  expect(decodeQueryParam('a%2Bb')).toBe('a+b');
  expect(decodeQueryParam('100%')).toBe('100%');
  expect(decodeQueryParam('%E6%88')).toBe('%E6%88');
  expect(decodeQueryParam(undefined)).toBe('');
  expect(decodeQueryParam('')).toBe('');
});
