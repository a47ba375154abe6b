import { haversineKm } from '../../knowledge/territory/geometry';
import type { LatLng } from '../../knowledge/territory/types';
import type { Candidate } from './candidates';

/** Keeps the candidates within `radiusKm` of `center` (great-circle distance, boundary included). */
export function withinRadius<C extends Candidate>(candidates: readonly C[], center: LatLng, radiusKm: number): Array<{ candidate: C; distanceKm: number }> {
  const kept: Array<{ candidate: C; distanceKm: number }> = [];
  for (const candidate of candidates) {
    const distanceKm = haversineKm(center, candidate);
    if (distanceKm <= radiusKm) kept.push({ candidate, distanceKm });
  }
  return kept;
}
