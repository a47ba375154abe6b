import { loadTerritory } from './load';
import { communePlace } from './places';
import type { LatLng, Place } from './types';

/** Mean Earth radius (IUGG), km. */
export const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;
/** Length of one degree of latitude, km. */
export const KM_PER_DEGREE = EARTH_RADIUS_KM * RAD;

/** Great-circle distance in km (haversine). */
export function haversineKm(a: LatLng, b: LatLng): number {
  return haversineKmOf(a.lat, a.lng, cosOfLatitude(a.lat), b.lat, b.lng, cosOfLatitude(b.lat));
}

/** The cosine of a latitude in degrees, as `haversineKmOf` takes it (a spatial index keeps one per point). */
export function cosOfLatitude(lat: number): number {
  return Math.cos(lat * RAD);
}

/** `haversineKm` on plain numbers, with each latitude's cosine given: the same result to the last bit. */
export function haversineKmOf(latA: number, lngA: number, cosLatA: number, latB: number, lngB: number, cosLatB: number): number {
  const dLat = (latB - latA) * RAD;
  const dLng = (lngB - lngA) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + cosLatA * cosLatB * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Distance between two places, or undefined when one has no point (never guessed). */
export function distanceKm(a: Place, b: Place): number | undefined {
  return a.center && b.center ? haversineKm(a.center, b.center) : undefined;
}

export interface BoundingBox {
  minLat: number;
  maxLat: number;
  /** When the box crosses the antimeridian, minLng > maxLng (query lng >= minLng OR lng <= maxLng). */
  minLng: number;
  maxLng: number;
}

/** Latitude/longitude half-widths (degrees) of a circle of `radiusKm` around a latitude. */
export function latLngDeltas(lat: number, radiusKm: number): { dLat: number; dLng: number } {
  const dLat = radiusKm / KM_PER_DEGREE;
  const cos = Math.cos(Math.min(89.9, Math.abs(lat) + dLat) * RAD);
  return { dLat, dLng: Math.min(180, dLat / Math.max(cos, 1e-6)) };
}

/**
 * A box containing every point within `radiusKm` of `center` (for indexed lat/lng range queries;
 * filter the rows afterwards with haversineKm).
 */
export function boundingBox(center: LatLng, radiusKm: number): BoundingBox {
  const { dLat, dLng } = latLngDeltas(center.lat, Math.max(0, radiusKm));
  const minLat = Math.max(-90, center.lat - dLat);
  const maxLat = Math.min(90, center.lat + dLat);
  if (dLng >= 180 || minLat === -90 || maxLat === 90) return { minLat, maxLat, minLng: -180, maxLng: 180 };
  const wrap = (lng: number) => (lng > 180 ? lng - 360 : lng < -180 ? lng + 360 : lng);
  return { minLat, maxLat, minLng: wrap(center.lng - dLng), maxLng: wrap(center.lng + dLng) };
}

export function inBoundingBox(p: LatLng, box: BoundingBox): boolean {
  if (p.lat < box.minLat || p.lat > box.maxLat) return false;
  return box.minLng <= box.maxLng ? p.lng >= box.minLng && p.lng <= box.maxLng : p.lng >= box.minLng || p.lng <= box.maxLng;
}

export interface NearbyCommune {
  place: Place;
  distanceKm: number;
}

export interface NearestOptions {
  limit?: number;
  maxKm?: number;
  /** Use the arrondissements of Paris, Lyon and Marseille instead of the three cities. */
  arrondissements?: boolean;
}

/** Communes nearest to a point (only those with a point; COM codes without one are never listed). */
export function nearestCommunes(center: LatLng, options: NearestOptions = {}): NearbyCommune[] {
  const { limit = 5, maxKm = Infinity, arrondissements = false } = options;
  const data = loadTerritory();
  const box = Number.isFinite(maxKm) ? boundingBox(center, maxKm) : undefined;
  const found: Array<{ code: string; distanceKm: number }> = [];
  for (const c of data.communes.values()) {
    if (!c.center) continue;
    if (arrondissements ? data.arrondissementsOf.has(c.code) : c.kind === 'arrondissement') continue;
    if (box && !inBoundingBox(c.center, box)) continue;
    const d = haversineKm(center, c.center);
    if (d <= maxKm) found.push({ code: c.code, distanceKm: d });
  }
  found.sort((a, b) => a.distanceKm - b.distanceKm);
  return found.slice(0, Math.max(0, limit)).map(({ code, distanceKm }) => ({ place: communePlace(data.communes.get(code)!), distanceKm }));
}

/**
 * INSEE codes of the current communes covered by a place: itself for a commune or arrondissement,
 * all members for an area, every commune for 'FR', none for a coordinate.
 * With `arrondissements`, Paris/Lyon/Marseille also bring their arrondissement codes.
 */
export function communesOf(place: Place, options: { arrondissements?: boolean } = {}): string[] {
  const data = loadTerritory();
  let codes: string[];
  switch (place.type) {
    case 'commune':
    case 'arrondissement':
      codes = data.communes.has(place.code) ? [place.code] : [];
      break;
    case 'postcode':
      codes = place.communes ?? data.postcodes.get(place.code) ?? [];
      break;
    case 'departement':
      codes = data.departements.get(place.code)?.communes ?? [];
      break;
    case 'region':
      codes = data.regions.get(place.code)?.communes ?? [];
      break;
    case 'epci':
      codes = data.epcis.get(place.code)?.communes ?? [];
      break;
    case 'zone':
      codes = data.zones.get(place.code)?.communes ?? [];
      break;
    case 'country':
      codes = data.currentCommunes;
      break;
    case 'coords':
      codes = [];
      break;
  }
  if (!options.arrondissements) return [...codes];
  return codes.flatMap((code) => [code, ...(data.arrondissementsOf.get(code) ?? [])]);
}

/**
 * A point to measure from: the place's own point, else the point of its most populated commune
 * (e.g. Fort-de-France for Martinique). Undefined when no commune of the place has a point.
 */
export function anchorOf(place: Place): { center: LatLng; commune?: string } | undefined {
  if (place.center) return { center: { ...place.center } };
  const data = loadTerritory();
  let best: { code: string; population: number; center: LatLng } | undefined;
  for (const code of communesOf(place)) {
    const c = data.communes.get(code);
    if (c?.center && (!best || (c.population ?? 0) > best.population)) best = { code, population: c.population ?? 0, center: c.center };
  }
  return best ? { center: { ...best.center }, commune: best.code } : undefined;
}
