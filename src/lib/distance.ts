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
