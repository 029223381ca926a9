import { isMobileNumber } from '../../src/lib/mobile';

describe('isMobileNumber', () => {
  it.each(['13812341234', '19912345678', ' 15012345678 '])('accepts %s', (s) => {
    expect(isMobileNumber(s)).toBe(true);
  });

  it.each(['12812341234', '1381234123', '138123412345', '1381234123a', '+8613812341234', '138 1234 1234', ''])(
    'rejects %s',
    (s) => {
      expect(isMobileNumber(s)).toBe(false);
    },
  );
});
