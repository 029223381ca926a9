export interface LatLng {
  latitude: number;
  longitude: number;
}

/** Mean Earth radius (IUGG). The haversine error from the ellipsoid (<0.5%) is irrelevant at city scale. */
const EARTH_RADIUS_M = 6_371_008.8;

const toRadians = (deg: number): number => (deg * Math.PI) / 180;

/**
 * Great-circle distance in metres. Both points must be in the same datum (the halls and the map
 * APIs both use GCJ-02); mixing WGS-84 with GCJ-02 adds a few hundred metres of error.
 */
export function distanceMetres(a: LatLng, b: LatLng): number {
  const dLat = toRadians(b.latitude - a.latitude);
  const dLng = toRadians(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(toRadians(a.latitude)) * Math.cos(toRadians(b.latitude)) * Math.sin(dLng / 2) ** 2;
  // Clamp: rounding can push h a hair above 1 for antipodal points, and asin would return NaN.
  return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(Math.min(1, h)));
}

/**
 * '850米', '1.2公里', '12公里'. Rounding happens before choosing the unit so 999.6 m reads '1公里'
 * rather than '1000米'. Returns '' for a negative or non-finite value (no location yet).
 */
export function formatDistance(m: number): string {
  if (!Number.isFinite(m) || m < 0) return '';
  const metres = Math.round(m);
  if (metres < 1000) return `${metres}米`;
  const tenthsKm = Math.round(m / 100);
  if (tenthsKm < 100) {
    const km = tenthsKm / 10;
    return `${Number.isInteger(km) ? km.toFixed(0) : km.toFixed(1)}公里`;
  }
  return `${Math.round(m / 1000)}公里`;
}

// GCJ-02 (the datum of Chinese maps and of the halls' coordinates) from WGS-84 (what a browser's
// geolocation gives): the published offset formula, accurate to a few metres inside China.
const GCJ_A = 6_378_245.0;
const GCJ_EE = 0.006_693_421_622_965_943;

function gcjOffsetLat(x: number, y: number): number {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return r;
}

function gcjOffsetLng(x: number, y: number): number {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return r;
}

/** Outside mainland China GCJ-02 is WGS-84 (the offset applies only inside). */
function outsideChina({ latitude, longitude }: LatLng): boolean {
  return longitude < 72.004 || longitude > 137.8347 || latitude < 0.8293 || latitude > 55.8271;
}

/** A WGS-84 position (a browser's) in GCJ-02, so that distances to the halls are right. */
export function wgs84ToGcj02(p: LatLng): LatLng {
  if (outsideChina(p)) return p;
  const x = p.longitude - 105;
  const y = p.latitude - 35;
  const radLat = toRadians(p.latitude);
  const magic = 1 - GCJ_EE * Math.sin(radLat) ** 2;
  const sqrtMagic = Math.sqrt(magic);
  const dLat = (gcjOffsetLat(x, y) * 180) / (((GCJ_A * (1 - GCJ_EE)) / (magic * sqrtMagic)) * Math.PI);
  const dLng = (gcjOffsetLng(x, y) * 180) / ((GCJ_A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return { latitude: p.latitude + dLat, longitude: p.longitude + dLng };
}
