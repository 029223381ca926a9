import { checkIdCardNumber } from '../../src/lib/id-card';

// Check digits below were computed independently (Python, ISO 7064 MOD 11-2), not with this module.
const NOW = new Date('2026-06-15T04:00:00Z');

describe('checkIdCardNumber', () => {
  it('accepts a valid number and reads birth date, gender and region', () => {
    expect(checkIdCardNumber('420111199001011232', NOW)).toEqual({
      valid: true,
      birthDate: '1990-01-01',
      gender: 'male',
      regionCode: '420111',
    });
  });

  it('reads an even 17th digit as female', () => {
    const result = checkIdCardNumber('420111200002290021', NOW);
    expect(result).toEqual({
      valid: true,
      birthDate: '2000-02-29',
      gender: 'female',
      regionCode: '420111',
    });
  });

  it('accepts an X check character, upper or lower case, with surrounding spaces', () => {
    expect(checkIdCardNumber('11010519491231002X', NOW)).toMatchObject({
      valid: true,
      birthDate: '1949-12-31',
    });
    expect(checkIdCardNumber('  42011119881108106x ', NOW)).toMatchObject({
      valid: true,
      gender: 'female',
    }); // 17th digit 6
  });

  it('rejects a wrong check digit', () => {
    expect(checkIdCardNumber('420111199001011234', NOW)).toEqual({
      valid: false,
      reason: '身份证号校验位不正确',
    });
    expect(checkIdCardNumber('110105194912310021', NOW)).toEqual({
      valid: false,
      reason: '身份证号校验位不正确',
    });
  });

  it('rejects X where the check digit is a number', () => {
    expect(checkIdCardNumber('42011119900101123X', NOW)).toEqual({
      valid: false,
      reason: '身份证号校验位不正确',
    });
  });

  it('rejects dates that do not exist', () => {
    // 2月30日 (the date is checked before the check digit).
    expect(checkIdCardNumber('420111199002301230', NOW)).toEqual({
      valid: false,
      reason: '出生日期不正确',
    });
    expect(checkIdCardNumber('420111199013011234', NOW)).toEqual({
      valid: false,
      reason: '出生日期不正确',
    });
    // 1900 is not a leap year.
    expect(checkIdCardNumber('420111190002291234', NOW)).toEqual({
      valid: false,
      reason: '出生日期不正确',
    });
  });

  it('rejects births before 1900 and in the future (China date)', () => {
    expect(checkIdCardNumber('420111189912311234', NOW)).toEqual({
      valid: false,
      reason: '出生日期不正确',
    });
    expect(checkIdCardNumber('420111202606161238', NOW)).toEqual({
      valid: false,
      reason: '出生日期不正确',
    });
    expect(checkIdCardNumber('420111202606151232', NOW)).toMatchObject({
      valid: true,
      birthDate: '2026-06-15',
    });
    // 2026-06-15 16:30 UTC is already the 16th in China, so a baby born on the 16th is valid.
    const lateUtc = new Date('2026-06-15T16:30:00Z');
    expect(checkIdCardNumber('420111202606161238', lateUtc)).toMatchObject({
      valid: true,
      birthDate: '2026-06-16',
    });
  });

  it('rejects wrong lengths', () => {
    expect(checkIdCardNumber('42011119900101123', NOW)).toEqual({
      valid: false,
      reason: '身份证号应为18位',
    });
    expect(checkIdCardNumber('4201111990010112321', NOW)).toEqual({
      valid: false,
      reason: '身份证号应为18位',
    });
    expect(checkIdCardNumber('420111900101123', NOW)).toEqual({
      valid: false,
      reason: '身份证号应为18位',
    });
  });

  it('rejects letters other than a final X', () => {
    expect(checkIdCardNumber('42011119900101123A', NOW)).toEqual({
      valid: false,
      reason: '身份证号格式不正确',
    });
    expect(checkIdCardNumber('4201111990X1011232', NOW)).toEqual({
      valid: false,
      reason: '身份证号格式不正确',
    });
    expect(checkIdCardNumber('４２０１１１１９９００１０１１２３２', NOW)).toEqual({
      valid: false,
      reason: '身份证号格式不正确',
    });
  });

  it('asks for input when empty', () => {
    expect(checkIdCardNumber('', NOW)).toEqual({ valid: false, reason: '请输入身份证号' });
    expect(checkIdCardNumber('   ', NOW)).toEqual({ valid: false, reason: '请输入身份证号' });
  });

  it('defaults "now" to the current time', () => {
    expect(checkIdCardNumber('420111199001011232')).toMatchObject({ valid: true });
    expect(checkIdCardNumber('420111299901011234')).toEqual({
      valid: false,
      reason: '出生日期不正确',
    });
  });
});

describe('checkIdCardNumber at the China day boundary', () => {
  it('accepts a birth "today" from midnight China time (16:00 UTC), not before', () => {
    const bornOn16th = '420111202606161238';
    expect(checkIdCardNumber(bornOn16th, new Date('2026-06-15T15:59:59.999Z'))).toEqual({
      valid: false,
      reason: '出生日期不正确',
    });
    expect(checkIdCardNumber(bornOn16th, new Date('2026-06-15T16:00:00Z'))).toMatchObject({ valid: true });
  });

  it('reads the leap day of a leap year only', () => {
    // Both with a correct check digit (computed independently), so only the date can fail.
    expect(checkIdCardNumber('420111199602291233', NOW)).toMatchObject({ valid: true, birthDate: '1996-02-29' });
    expect(checkIdCardNumber('420111199702291230', NOW)).toEqual({ valid: false, reason: '出生日期不正确' });
  });
});

describe('checkIdCardNumber region code (GB/T 2260 province)', () => {
  // Every number here has a correct check digit (computed independently), so only the region can fail.
  it.each([
    ['all zeros', '00000019900101123X'],
    ['10, no province', '100101199001011235'],
    ['72, no province', '720101199001011230'],
    ['91, 外国人永久居留身份证 is another document', '910101199001011236'],
  ])('refuses %s', (_label, id) => {
    expect(checkIdCardNumber(id, NOW)).toEqual({ valid: false, reason: '身份证号地区码不正确' });
  });

  it('names the region before the birth date when both are wrong', () => {
    expect(checkIdCardNumber('000000203001011239', NOW)).toEqual({ valid: false, reason: '身份证号地区码不正确' });
  });

  it.each([
    ['65 新疆', '650101199001011232'],
    ['71 台湾', '710101199001011239'],
    ['81 香港 (居住证)', '810000199001011230'],
    ['82 澳门 (居住证)', '820000199001011232'],
    ['83 台湾居民居住证', '830000199001011234'],
  ])('accepts %s', (_label, id) => {
    expect(checkIdCardNumber(id, NOW)).toMatchObject({ valid: true, regionCode: id.slice(0, 6) });
  });
});
