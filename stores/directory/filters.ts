import type { StructureKind } from '../../knowledge/directory/kinds';
import type { SearchBox } from './searchBox';

/**
 * A query in the plain subset both NeDB and MongoDB understand ($gte/$lte/$in/$or/$and on indexed
 * fields). Built only from validated values: user text never reaches it.
 */
export type DocumentFilter = Record<string, unknown>;

export interface AreaFilter {
  communes?: string[];
  departement?: string;
  region?: string;
}

/**
 * The box on `location.lat`/`location.lng`. Kinds go inside `$and`, so that the embedded store picks
 * its latitude index (NeDB prefers an `$in` at top level, far less selective than a small box).
 */
export function boxFilter(box: SearchBox, kinds?: readonly StructureKind[]): DocumentFilter {
  const lngs = box.lngRanges.map(([min, max]) => ({ 'location.lng': { $gte: min, $lte: max } }));
  const and: DocumentFilter[] = [lngs.length === 1 ? lngs[0] : { $or: lngs }];
  if (kinds && kinds.length > 0) and.push({ kind: { $in: [...new Set(kinds)] } });
  return { 'location.lat': { $gte: box.minLat, $lte: box.maxLat }, $and: and };
}

/** Communes, département and région together (all given conditions apply); none means everywhere. */
export function areaFilter(area: AreaFilter, kinds?: readonly StructureKind[]): DocumentFilter {
  const filter: DocumentFilter = {};
  if (area.communes) filter['territory.communeInsee'] = { $in: [...new Set(area.communes)] };
  if (area.departement !== undefined) filter['territory.departement'] = area.departement;
  if (area.region !== undefined) filter['territory.region'] = area.region;
  if (kinds && kinds.length > 0) filter.kind = { $in: [...new Set(kinds)] };
  return filter;
}
