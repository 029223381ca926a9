import { checkCreditCode } from '../../src/lib/credit-code';

// Check characters computed independently (Python, GB 32100-2015 weights), not with this module.
describe('checkCreditCode', () => {
  it.each([
    '91420100MA4K0A1B28',
    '91420111MA4KL3M5XD',
    '91350100M000100Y43',
    '12420111MB1234567U',
    '91420111MA4KQ01180', // sum ≡ 0 (mod 31): check value 31 wraps to '0'
    '91420111MA4KQ0108Y',
  ])('accepts %s', (code) => {
    expect(checkCreditCode(code)).toEqual({ valid: true });
  });

  it('upper-cases and trims the input first', () => {
    expect(checkCreditCode(' 91420111ma4kl3m5xd ')).toEqual({ valid: true });
  });

  it('rejects a wrong check character', () => {
    expect(checkCreditCode('91420100MA4K0A1B29')).toEqual({
      valid: false,
      reason: '统一社会信用代码校验位不正确',
    });
    expect(checkCreditCode('91420111MA4KL3M5XE')).toEqual({
      valid: false,
      reason: '统一社会信用代码校验位不正确',
    });
  });

  it.each(['I', 'O', 'Z', 'S', 'V'])('rejects the excluded letter %s', (letter) => {
    expect(checkCreditCode(`91420100MA4K0A1B2${letter}`)).toEqual({
      valid: false,
      reason: '统一社会信用代码含有无效字符',
    });
    expect(checkCreditCode(`9142${letter}100MA4K0A1B28`)).toEqual({
      valid: false,
      reason: '统一社会信用代码含有无效字符',
    });
  });

  it('rejects punctuation', () => {
    expect(checkCreditCode('91420100-A4K0A1B28')).toEqual({
      valid: false,
      reason: '统一社会信用代码含有无效字符',
    });
  });

  it('rejects wrong lengths and empty input', () => {
    expect(checkCreditCode('91420100MA4K0A1B2')).toEqual({
      valid: false,
      reason: '统一社会信用代码应为18位',
    });
    expect(checkCreditCode('91420100MA4K0A1B280')).toEqual({
      valid: false,
      reason: '统一社会信用代码应为18位',
    });
    expect(checkCreditCode('')).toEqual({ valid: false, reason: '请输入统一社会信用代码' });
    expect(checkCreditCode('  ')).toEqual({ valid: false, reason: '请输入统一社会信用代码' });
  });
});
