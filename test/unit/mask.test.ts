import { maskIdNumber, maskIdNumberKeepRegion, maskMobile, maskName } from '../../src/lib/mask';

describe('maskIdNumber', () => {
  it('keeps the first and last four characters of an 18-digit number', () => {
    expect(maskIdNumber('420111199001011234')).toBe('4201**********1234');
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
  });

  it('masks the middle of a 15-digit (first-generation) number the same way', () => {
    expect(maskIdNumber('420111900101123')).toBe('4201*******1123');
  });

  it('never returns short inputs unmasked', () => {
    for (const s of ['1', '12', '123', '12345678', '123456789']) {
      const masked = maskIdNumber(s);
      expect(masked).not.toBe(s);
      expect(masked).toHaveLength(s.length);
      expect(masked).toContain('*');
    }
    expect(maskIdNumber('12345678')).toBe('1******8');
    expect(maskIdNumber('12')).toBe('**');
    expect(maskIdNumber('')).toBe('');
  });
});

describe('maskIdNumberKeepRegion', () => {
  it('keeps the 6-digit region code and the last four for officers', () => {
    expect(maskIdNumberKeepRegion('420111199001011234')).toBe('420111********1234');
    expect(maskIdNumberKeepRegion('11010519491231002X')).toBe('110105********002X');
    // Too short for both ends: still never the whole value.
    expect(maskIdNumberKeepRegion('1234567890')).toBe('1********0');
  });
});

describe('maskMobile', () => {
  it('hides the middle four digits', () => {
    expect(maskMobile('13812341234')).toBe('138****1234');
    expect(maskMobile(' 13812341234 ')).toBe('138****1234');
  });

  it('masks unexpected lengths safely', () => {
    expect(maskMobile('1381234')).toBe('1*****4');
    expect(maskMobile('02787654321')).toBe('027****4321');
    expect(maskMobile('8')).toBe('*');
  });
});

describe('maskName', () => {
  it('keeps only the surname character', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('欧阳娜娜')).toBe('欧***');
  });

  it('masks a single character completely', () => {
    expect(maskName('张')).toBe('*');
    expect(maskName('')).toBe('');
  });

  it('treats a supplementary-plane character as one character', () => {
    // 𠮷 is outside the BMP (a surrogate pair in UTF-16).
    expect(maskName('𠮷野家')).toBe('𠮷**');
    expect(maskName('李𠮷')).toBe('李*');
  });
});
