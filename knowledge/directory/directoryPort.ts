import { communesOf, type LatLng, type Place } from '../territory';
import type { StructureKind } from './kinds';
import type { Structure } from './structure';

/**
 * The directory as every reader sees it (searches, figures, a record by id). The store's
 * `DirectoryRepository` (stores/directory) extends it with writes; dialogs and the HTTP API depend on
 * this port only.
 */

/** A radius search: every structure within `radiusKm` of `center`, nearest first. */
export interface RadiusQuery {
  center: LatLng;
  /** Great-circle radius in km; a structure exactly at this distance is included. */
  radiusKm: number;
  /** Only these kinds; absent or empty means every kind. */
  kinds?: StructureKind[];
  /** Every word (accents and case ignored) must appear in the name, the sectors or the description. */
  text?: string;
  limit: number;
  offset: number;
}

/** An area search, for places without a point: every structure in the area, by name. */
export interface AreaQuery {
  /** INSEE codes of communes; an empty list matches nothing. */
  communes?: string[];
  departement?: string;
  region?: string;
  kinds?: StructureKind[];
  text?: string;
  limit: number;
  offset: number;
}

/** Where to count: a list of communes, a département, a région, or everything. */
export type StatsArea = { communes?: string[] } | { departement: string } | { region: string } | { all: true };

export interface KindStats {
  kind: StructureKind;
  structures: number;
  /** Sum of `insertionPosts` (records without it count 0). */
  posts: number;
}

export interface RadiusResult {
  /** Every match, not just the page. */
  total: number;
  items: Array<{ structure: Structure; distanceKm: number }>;
}

export interface AreaResult {
  total: number;
  items: Array<{ structure: Structure }>;
}

/** The read side of the directory. */
export interface DirectoryReader {
  get(id: string): Promise<Structure | undefined>;
  /** Sorted by distance, then name, then id; `total` counts every match, not just the page. */
  search(query: RadiusQuery): Promise<RadiusResult>;
  /** Sorted by name, then id; `total` counts every match. */
  inArea(query: AreaQuery): Promise<AreaResult>;
  /** Kinds present in the area (in STRUCTURE_KINDS order), with their structures and posts. */
  statsByKind(area: StatsArea): Promise<KindStats[]>;
}

/**
 * The area a place covers in the directory, for counting (`statsByKind`) and area searches
 * (`inArea`): a département or région by its code, the country as everything, else its communes.
 */
export function areaOf(place: Place): StatsArea {
  switch (place.type) {
    case 'departement':
      return { departement: place.code };
    case 'region':
      return { region: place.code };
    case 'country':
      return { all: true };
    default:
      return { communes: communesOf(place) };
  }
}

