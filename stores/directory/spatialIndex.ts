import KDBush from 'kdbush';
import type { StructureKind } from '../../knowledge/directory/kinds';
import { foldText } from '../../knowledge/text/fold';
import type { Candidate } from './candidates';
import type { SearchBox } from './searchBox';

/**
 * The directory's points in a static k-d tree ([kdbush](https://github.com/mourner/kdbush)):
 * longitude/latitude boxes answer in logarithmic time instead of scanning a latitude band. Built
 * once from every record's candidate fields; a change to the records means a new one.
 */
export interface SpatialIndex {
  /**
   * Candidates inside the box (every longitude range), of these kinds when given. They are the
   * index's own frozen objects, shared by every search (a search allocates nothing per record):
   * copy one before adding fields to it.
   */
  inBox(box: SearchBox, kinds?: readonly StructureKind[]): readonly Candidate[];
}

export function buildSpatialIndex(candidates: readonly Candidate[]): SpatialIndex {
  if (candidates.length === 0) return { inBox: () => [] };
  // Names are folded here once, not by every search that sorts records at the same distance.
  const shared = candidates.map((c) => Object.freeze({ ...c, folded: c.folded ?? foldText(c.name) }));
  const tree = new KDBush(shared.length);
  for (const c of shared) tree.add(c.lng, c.lat);
  tree.finish();
  return {
    inBox(box, kinds) {
      const wanted = kinds && kinds.length > 0 ? new Set(kinds) : undefined;
      const found: Candidate[] = [];
      // Two longitude ranges (across the antimeridian) never overlap, so no point is found twice.
      for (const [minLng, maxLng] of box.lngRanges) {
        for (const i of tree.range(minLng, box.minLat, maxLng, box.maxLat)) {
          const candidate = shared[i]!;
          if (!wanted || wanted.has(candidate.kind)) found.push(candidate);
        }
      }
      return found;
    },
  };
}
