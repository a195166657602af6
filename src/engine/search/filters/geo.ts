/** Geographic helpers shared by geo filters, `_geoPoint` sort and `_geoDistance` (spec §5.4, §6). */

const EARTH_RADIUS_METERS = 6371e3;
const rad = (deg: number): number => (deg * Math.PI) / 180;
const haversine = (theta: number): number => (1 - Math.cos(theta)) / 2;

/**
 * Haversine distance in meters, rounded to the millimetre like the `geoutils` crate Meilisearch uses
 * (so ties and `_geoDistance` rounding agree with it).
 *
 * @example distanceMeters([0, 0], [0, 178]) // 19792696.943
 */
export function distanceMeters(a: readonly [number, number], b: readonly [number, number]): number {
  const phi1 = rad(a[0]);
  const phi2 = rad(b[0]);
  const total = haversine(phi2 - phi1) + Math.cos(phi1) * Math.cos(phi2) * haversine(rad(b[1]) - rad(a[1]));
  return Math.round(2 * EARTH_RADIUS_METERS * Math.asin(Math.sqrt(total)) * 1000) / 1000;
}

/**
 * Whether a point lies inside a polygon given as `[lat, lng]` vertices (ray casting on lng/lat as planar
 * coordinates; points on an edge count as inside).
 */
export function pointInPolygon(lat: number, lng: number, polygon: readonly (readonly [number, number])[]): boolean {
  let inside = false;
  const n = polygon.length;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const [yi, xi] = polygon[i];
    const [yj, xj] = polygon[j];
    // On-segment check first: boundary points are inside.
    const cross = (lng - xi) * (yj - yi) - (lat - yi) * (xj - xi);
    if (Math.abs(cross) < 1e-12 && lng >= Math.min(xi, xj) && lng <= Math.max(xi, xj) && lat >= Math.min(yi, yj) && lat <= Math.max(yi, yj)) {
      return true;
    }
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
