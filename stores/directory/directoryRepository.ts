import type { DirectoryReader } from '../../knowledge/directory/directoryPort';
import type { StructureInput } from '../../knowledge/directory/structure';

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
 * The directory of structures (SIAE, inclusive employers, prescribers and partners): the read port
 * `DirectoryReader` (knowledge/directory/directoryPort.ts) plus writes.
 * Every value going in is validated with `structureSchema` and copied; every value coming out is a
 * fresh copy the caller may change freely. Query inputs are data, never operators: anything that does
 * not fit the query types is refused with an `InvalidDirectoryQueryError`.
 */
export interface DirectoryRepository extends DirectoryReader {
  readonly capabilities: DirectoryCapabilities;
  /** Validates every record first (nothing is written if one is invalid), then upserts by `id`. */
  upsertMany(structures: readonly StructureInput[]): Promise<UpsertCounts>;
  count(): Promise<number>;
  /** Removes these ids (unknown ids are ignored); returns how many were removed. */
  removeByIds(ids: readonly string[]): Promise<number>;
}
