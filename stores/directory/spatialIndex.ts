import KDBush from 'kdbush';
import { STRUCTURE_KINDS, type StructureKind } from '../../knowledge/directory/kinds';
import { cosOfLatitude, haversineKmOf } from '../../knowledge/territory/geometry';
import type { LatLng } from '../../knowledge/territory/types';
import { foldText } from '../../knowledge/text/fold';
import type { Candidate } from './candidates';
import type { Near } from './distance';
import type { SearchBox } from './searchBox';

/**
 * The directory's points in a static k-d tree ([kdbush](https://github.com/mourner/kdbush)):
 * longitude/latitude boxes answer in logarithmic time instead of scanning a latitude band; the
 * great-circle distance of each point in the box is computed from typed arrays (with each latitude's
 * cosine kept), and only the points within the radius get an object. Built once from every record's
 * candidate fields; a change to the records means a new one.
 */
export interface SpatialIndex {
  /**
   * Candidates within `radiusKm` of `center` (boundary included), of these kinds when given, with
   * their distance, in no order. The candidates are the index's own frozen objects, shared by every
   * search: copy one before adding fields to it.
   */
  within(center: LatLng, box: SearchBox, radiusKm: number, kinds?: readonly StructureKind[]): Array<Near<Candidate>>;
}

export function buildSpatialIndex(candidates: readonly Candidate[]): SpatialIndex {
  if (candidates.length === 0) return { within: () => [] };
  // Names are folded here once, not by every search that sorts records at the same distance.
  const shared = candidates.map((c) => Object.freeze({ ...c, folded: c.folded ?? foldText(c.name) }));
  const lat = Float64Array.from(shared, (c) => c.lat);
  const lng = Float64Array.from(shared, (c) => c.lng);
  const cosLat = lat.map(cosOfLatitude);
  // Kinds as small numbers beside the coordinates: a kind filter reads no record object.
  const kindNumber = new Map(STRUCTURE_KINDS.map((kind, n) => [kind, n]));
  const kindOf = Uint8Array.from(shared, (c) => kindNumber.get(c.kind) ?? 255);
  const tree = new KDBush(shared.length);
  for (const c of shared) tree.add(c.lng, c.lat);
  tree.finish();
  return {
    within(center, box, radiusKm, kinds) {
      const wanted = kinds && kinds.length > 0 ? new Uint8Array(256) : undefined;
      for (const kind of kinds ?? []) wanted![kindNumber.get(kind) ?? 255] = 1;
      const cosCenter = cosOfLatitude(center.lat);
      const found: Array<Near<Candidate>> = [];
      // Two longitude ranges (across the antimeridian) never overlap, so no point is found twice.
      for (const [minLng, maxLng] of box.lngRanges) {
        for (const i of tree.range(minLng, box.minLat, maxLng, box.maxLat)) {
          if (wanted && wanted[kindOf[i]!] !== 1) continue;
          const distanceKm = haversineKmOf(center.lat, center.lng, cosCenter, lat[i]!, lng[i]!, cosLat[i]!);
          if (distanceKm <= radiusKm) found.push({ candidate: shared[i]!, distanceKm });
        }
      }
      return found;
    },
  };
}
