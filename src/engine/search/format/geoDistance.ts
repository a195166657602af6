/** `_geoDistance` of a hit sorted by `_geoPoint` (spec §1.3), computed as Meilisearch does it. */
import type { Document } from '../../types/indexes.ts';
import { distanceMeters } from '../filters/geo.ts';

const GEO_POINT = /_geoPoint\(\s*([0-9.-]+)\s*,\s*([0-9.-]+)\s*\)/;

function coordinate(v: unknown): number | null {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return null;
}

/**
 * Meters (rounded) from the first `_geoPoint(lat, lng)` of `sort` to the hit's `_geo`, or null when the
 * search does not sort by distance or the *returned* document has no usable `_geo` (Meilisearch reads it
 * from the retrieved attributes, so a hit without `_geo` retrieved gets no distance).
 *
 * @example geoDistanceOf(['_geoPoint(0, 0):asc'], { _geo: { lat: 0, lng: 178 } }) // 19792697
 */
export function geoDistanceOf(sort: readonly string[] | null, hit: Document): number | null {
  if (!sort) return null;
  for (const s of sort) {
    const m = GEO_POINT.exec(s);
    if (!m) continue;
    const base: [number, number] = [Number(m[1]), Number(m[2])];
    if (!Number.isFinite(base[0]) || !Number.isFinite(base[1])) return null;
    const geo = hit._geo as Record<string, unknown> | null | undefined;
    if (!geo || typeof geo !== 'object') return null;
    const lat = coordinate(geo.lat);
    const lng = coordinate(geo.lng);
    if (lat === null || lng === null) return null;
    return Math.round(distanceMeters(base, [lat, lng]));
  }
  return null;
}
