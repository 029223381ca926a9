import { distanceMetres, formatDistance, wgs84ToGcj02 } from '../../src/lib/distance';

describe('distanceMetres', () => {
  // Reference values from the spherical law of cosines with the same mean radius (6371008.8 m).
  it('matches independent great-circle values', () => {
    expect(distanceMetres({ latitude: 0, longitude: 0 }, { latitude: 1, longitude: 0 })).toBeCloseTo(111195.08, 1);
    expect(distanceMetres({ latitude: 60, longitude: 0 }, { latitude: 60, longitude: 1 })).toBeCloseTo(55597.01, 1);
    // 洪山区政务服务中心 area → 武汉站 area, about 13.8 km.
    const hongshan = { latitude: 30.5049, longitude: 114.343 };
    const station = { latitude: 30.6072, longitude: 114.4241 };
    expect(distanceMetres(hongshan, station)).toBeCloseTo(13773.21, 1);
    expect(distanceMetres(station, hongshan)).toBeCloseTo(13773.21, 1);
  });

  it('is zero for the same point and finite for antipodes', () => {
    const p = { latitude: 30.5, longitude: 114.3 };
    expect(distanceMetres(p, p)).toBe(0);
    expect(distanceMetres({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 180 })).toBeCloseTo(20015114.44, 1);
  });
});

describe('formatDistance', () => {
  it.each([
    [0, '0米'],
    [850, '850米'],
    [849.6, '850米'],
    [999.4, '999米'],
    [999.6, '1公里'], // rounds up into kilometres, never '1000米'
    [1000, '1公里'],
    [1234, '1.2公里'],
    [1250, '1.3公里'],
    [9949, '9.9公里'],
    [9960, '10公里'],
    [12_345, '12公里'],
    [123_456, '123公里'],
  ])('%d m → %s', (m, expected) => {
    expect(formatDistance(m)).toBe(expected);
  });

  it('returns an empty string for unusable values', () => {
    expect(formatDistance(Number.NaN)).toBe('');
    expect(formatDistance(-1)).toBe('');
    expect(formatDistance(Number.POSITIVE_INFINITY)).toBe('');
  });
});

describe('wgs84ToGcj02 (a browser’s position in the datum of the halls)', () => {
  test('shifts a position in Beijing as Chinese maps do (Tiananmen: ~560 m east, ~150 m north)', () => {
    const gcj = wgs84ToGcj02({ latitude: 39.90872, longitude: 116.39748 });
    expect(gcj.latitude).toBeCloseTo(39.91012, 4);
    expect(gcj.longitude).toBeCloseTo(116.40372, 4);
  });

  test('in Hongshan the shift is a few hundred metres, enough to misorder nearby halls', () => {
    const wgs = { latitude: 30.5049, longitude: 114.3431 };
    const shift = distanceMetres(wgs, wgs84ToGcj02(wgs));
    expect(shift).toBeGreaterThan(300);
    expect(shift).toBeLessThan(800);
  });

  test('leaves a position outside China as it is', () => {
    const london = { latitude: 51.5007, longitude: -0.1246 };
    expect(wgs84ToGcj02(london)).toEqual(london);
  });
});
