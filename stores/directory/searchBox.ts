import { EARTH_RADIUS_KM } from '../../knowledge/territory/geometry';
import type { LatLng } from '../../knowledge/territory/types';

const DEG = 180 / Math.PI;
/** Widening of the box (degrees), so that rounding never drops a point exactly at the radius. */
const PAD_DEG = 1e-7;

/** Longitude ranges to query: one, or two when the circle crosses the antimeridian. */
export interface SearchBox {
  minLat: number;
  maxLat: number;
  lngRanges: Array<[min: number, max: number]>;
}

/**
 * The smallest latitude/longitude box holding a spherical cap (exact formula, not the flat-Earth
 * approximation): latitudes ±δ, longitudes ±asin(sin δ / cos φ). Near a pole (the cap contains it)
 * every longitude is kept; across the antimeridian (Wallis-et-Futuna, Fiji side of the Pacific) the
 * longitudes split into two ranges. The box is widened by a hair; distances are then checked exactly.
 */
export function searchBox(center: LatLng, radiusKm: number): SearchBox {
  const delta = (radiusKm / EARTH_RADIUS_KM) * DEG;
  const minLat = Math.max(-90, center.lat - delta - PAD_DEG);
  const maxLat = Math.min(90, center.lat + delta + PAD_DEG);
  if (delta >= 90 || Math.abs(center.lat) + delta + PAD_DEG >= 90) return { minLat, maxLat, lngRanges: [[-180, 180]] };
  const ratio = Math.sin(delta / DEG) / Math.cos(center.lat / DEG);
  if (ratio >= 1) return { minLat, maxLat, lngRanges: [[-180, 180]] };
  const dLng = Math.asin(ratio) * DEG + PAD_DEG;
  if (dLng >= 180) return { minLat, maxLat, lngRanges: [[-180, 180]] };
  const lo = center.lng - dLng;
  const hi = center.lng + dLng;
  // ±180 are the same meridian: a range touching it also takes the other side's edge.
  if (lo <= -180) return { minLat, maxLat, lngRanges: [[lo + 360, 180], [-180, hi]] };
  if (hi >= 180) return { minLat, maxLat, lngRanges: [[lo, 180], [-180, hi - 360]] };
  return { minLat, maxLat, lngRanges: [[lo, hi]] };
}
