import KDBush from 'kdbush';
import type { StructureKind } from '../../knowledge/directory/kinds';
import type { Candidate } from './candidates';
import type { SearchBox } from './searchBox';

/**
 * The directory's points in a static k-d tree ([kdbush](https://github.com/mourner/kdbush)):
 * longitude/latitude boxes answer in logarithmic time instead of scanning a latitude band. Built
 * once from every record's candidate fields; a change to the records means a new one.
 */
export interface SpatialIndex {
  /** Candidates inside the box (every longitude range), of these kinds when given. */
  inBox(box: SearchBox, kinds?: readonly StructureKind[]): Candidate[];
}

export function buildSpatialIndex(candidates: readonly Candidate[]): SpatialIndex {
  if (candidates.length === 0) return { inBox: () => [] };
  const tree = new KDBush(candidates.length);
  for (const c of candidates) tree.add(c.lng, c.lat);
  tree.finish();
  return {
    inBox(box, kinds) {
      const wanted = kinds && kinds.length > 0 ? new Set(kinds) : undefined;
      const seen = new Set<number>();
      const found: Candidate[] = [];
      for (const [minLng, maxLng] of box.lngRanges) {
        for (const i of tree.range(minLng, box.minLat, maxLng, box.maxLat)) {
          const candidate = candidates[i]!;
          if (seen.has(i) || (wanted && !wanted.has(candidate.kind))) continue;
          seen.add(i);
          found.push({ ...candidate });
        }
      }
      return found;
    },
  };
}
