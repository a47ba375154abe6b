import { haversineKm } from '../../knowledge/territory/geometry';
import type { LatLng } from '../../knowledge/territory/types';
import type { Candidate } from './candidates';

/** A candidate and its distance to a search's centre. */
export interface Near<C extends Candidate = Candidate> {
  candidate: C;
  distanceKm: number;
}

/** Keeps the candidates within `radiusKm` of `center` (great-circle distance, boundary included). */
export function withinRadius<C extends Candidate>(candidates: readonly C[], center: LatLng, radiusKm: number): Array<Near<C>> {
  const kept: Array<Near<C>> = [];
  for (const candidate of candidates) {
    const distanceKm = haversineKm(center, candidate);
    if (distanceKm <= radiusKm) kept.push({ candidate, distanceKm });
  }
  return kept;
}
