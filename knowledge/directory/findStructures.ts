import { anchorOf, communesOf, type Place } from '../territory';
import { areaOf, type DirectoryReader } from './directoryPort';
import type { StructureKind } from './kinds';
import type { Structure } from './structure';

export interface FindQuery {
  place: Place;
  /** For places with a point (commune, coordinates): the radius around it. */
  radiusKm: number;
  kinds?: StructureKind[];
  text?: string;
  limit: number;
  offset: number;
}

export interface FindResult {
  /** `radius`: around the place's point, sorted by distance. `area`: inside the area, by name. */
  mode: 'radius' | 'area';
  total: number;
  items: Array<{ structure: Structure; distanceKm?: number }>;
}

/** Places people mean as an area to search in, not a point to search around. */
const AREA_TYPES = new Set(['departement', 'region', 'epci', 'zone', 'country']);

/**
 * Finds structures for a place as a person means it: around a commune, a postal code or a shared
 * position (within the radius, nearest first), or inside a zone, an EPCI, a département or a
 * région (every structure there, by name).
 */
export async function findStructures(directory: DirectoryReader, query: FindQuery): Promise<FindResult> {
  const { place, kinds, text, limit, offset } = query;
  if (AREA_TYPES.has(place.type)) {
    const area = areaOf(place);
    const found = await directory.inArea({ ...('all' in area ? {} : area), kinds, text, limit, offset });
    return { mode: 'area', total: found.total, items: found.items.map((i) => ({ structure: i.structure })) };
  }
  const anchor = anchorOf(place);
  if (!anchor) {
    // A commune without a licensed point (some overseas collectivities): the commune itself.
    const found = await directory.inArea({ communes: communesOf(place), kinds, text, limit, offset });
    return { mode: 'area', total: found.total, items: found.items.map((i) => ({ structure: i.structure })) };
  }
  const found = await directory.search({ center: anchor.center, radiusKm: query.radiusKm, kinds, text, limit, offset });
  return { mode: 'radius', total: found.total, items: found.items };
}

/** Whether a place is searched around a point (so a radius means something). */
export function searchesAround(place: Place): boolean {
  return !AREA_TYPES.has(place.type);
}
