import { foldText } from '../../knowledge/text/fold';
import type { Candidate } from './candidates';

/** A sort key by name: folded (accents and case ignored), then as written, then the id. */
export interface NameKey {
  folded: string;
  name: string;
  id: string;
}

export const nameKey = (candidate: Pick<Candidate, 'name' | 'id' | 'folded'>): NameKey => ({ folded: candidate.folded ?? foldText(candidate.name), name: candidate.name, id: candidate.id });

const order = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Code-unit order (no locale): the same on every machine and every adapter. */
export function compareNameKeys(a: NameKey, b: NameKey): number {
  return order(a.folded, b.folded) || order(a.name, b.name) || order(a.id, b.id);
}

/**
 * Sorts by distance, then name, then id. Names are compared only for rows at the same distance
 * (records placed at their commune's centre share one), folded once per row unless given.
 */
export function sortByDistance<T extends { candidate: Candidate; distanceKm: number }>(rows: readonly T[]): T[] {
  const keys = new Map<T, NameKey>();
  const keyOf = (row: T) => {
    let key = keys.get(row);
    if (!key) keys.set(row, (key = nameKey(row.candidate)));
    return key;
  };
  return [...rows].sort((a, b) => a.distanceKm - b.distanceKm || compareNameKeys(keyOf(a), keyOf(b)));
}

/**
 * The first `count` rows in `sortByDistance` order, without sorting them all: the `count`-th
 * smallest distance is found by sorting plain numbers, and only the rows up to it (ties included)
 * are ordered. A 100 km search has thousands of matches for a page of 20.
 */
export function firstByDistance<T extends { candidate: Candidate; distanceKm: number }>(rows: readonly T[], count: number): T[] {
  if (count <= 0) return [];
  if (rows.length <= count) return sortByDistance(rows);
  const distances = Float64Array.from(rows, (row) => row.distanceKm).sort();
  const last = distances[count - 1]!;
  return sortByDistance(rows.filter((row) => row.distanceKm <= last)).slice(0, count);
}

/** Sorts by name, then id. */
export function sortByName<T extends Candidate>(rows: readonly T[]): T[] {
  const keyed = rows.map((row) => ({ row, key: nameKey(row) }));
  keyed.sort((a, b) => compareNameKeys(a.key, b.key));
  return keyed.map((k) => k.row);
}
