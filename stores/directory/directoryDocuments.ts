import type { Structure } from '../../knowledge/directory/structure';
import type { Candidate } from './candidates';
import type { Near } from './distance';
import type { LatLng } from '../../knowledge/territory/types';
import type { KindStats } from '../../knowledge/directory/directoryPort';
import type { DirectoryCapabilities } from './directoryRepository';
import type { DocumentFilter } from './filters';
import type { SearchBox } from './searchBox';
import type { StructureKind } from '../../knowledge/directory/kinds';

/**
 * What the directory needs from a database: a few plain operations on records keyed by `id`.
 * Each adapter (embedded, MongoDB) implements them; the search logic (distances, text, order,
 * pages) lives once in `DocumentDirectory`. Records passed in are canonical (validated JSON).
 */
export interface DirectoryDocuments {
  readonly capabilities: DirectoryCapabilities;
  /** Fresh copies of the stored records with these ids (any order; unknown ids are skipped). */
  findByIds(ids: readonly string[]): Promise<Structure[]>;
  /**
   * Writes records: `inserts` are believed new, `replacements` existing. Either may be wrong after a
   * concurrent write: the adapter must still end with each record stored once (upsert semantics).
   */
  write(changes: { inserts: readonly Structure[]; replacements: readonly Structure[] }): Promise<void>;
  remove(ids: readonly string[]): Promise<number>;
  count(): Promise<number>;
  /** The sort and filter fields of records matching `filter` (plus sectors/description with `withText`). */
  candidates(filter: DocumentFilter, withText: boolean): Promise<Candidate[]>;
  /**
   * The candidates within `radiusKm` of `center` (its search box given), of these kinds (all when
   * absent or empty), with their distances, from a spatial index; adapters without one leave it out
   * and `candidates` gets the box as a filter.
   */
  within?(center: LatLng, box: SearchBox, radiusKm: number, kinds: readonly StructureKind[] | undefined, withText: boolean): Promise<Array<Near<Candidate>>>;
  /** Structures and posts by kind among records matching `filter` (any order, zero rows allowed). */
  kindTotals(filter: DocumentFilter): Promise<KindStats[]>;
}
