import type { StructureKind } from '../../knowledge/directory/kinds';
import type { Structure, StructureInput } from '../../knowledge/directory/structure';
import type { LatLng } from '../../knowledge/territory/types';

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

export interface UpsertCounts {
  inserted: number;
  updated: number;
  /** Records identical to the stored ones (an import run twice changes nothing). */
  unchanged: number;
}

/** What differs between adapters, declared rather than guessed from the class. */
export interface DirectoryCapabilities {
  /** Survives a restart (false for the embedded store kept in memory). */
  readonly persistent: boolean;
  /** Counts by kind are computed by the database ($group) rather than by the application. */
  readonly statsOnServer: boolean;
}

/**
 * The directory of structures (SIAE, inclusive employers, prescribers and partners).
 * Every value going in is validated with `structureSchema` and copied; every value coming out is a
 * fresh copy the caller may change freely. Query inputs are data, never operators: anything that does
 * not fit the query types is refused with an `InvalidDirectoryQueryError`.
 */
export interface DirectoryRepository {
  readonly capabilities: DirectoryCapabilities;
  /** Validates every record first (nothing is written if one is invalid), then upserts by `id`. */
  upsertMany(structures: readonly StructureInput[]): Promise<UpsertCounts>;
  get(id: string): Promise<Structure | undefined>;
  count(): Promise<number>;
  /** Removes these ids (unknown ids are ignored); returns how many were removed. */
  removeByIds(ids: readonly string[]): Promise<number>;
  /** Sorted by distance, then name, then id; `total` counts every match, not just the page. */
  search(query: RadiusQuery): Promise<{ total: number; items: Array<{ structure: Structure; distanceKm: number }> }>;
  /** Sorted by name, then id; `total` counts every match. */
  inArea(query: AreaQuery): Promise<{ total: number; items: Array<{ structure: Structure }> }>;
  /** Kinds present in the area (in STRUCTURE_KINDS order), with their structures and posts. */
  statsByKind(area: StatsArea): Promise<KindStats[]>;
}
