import { foldText } from '../../knowledge/text/fold';
import type { Candidate } from './candidates';

/** A sort key by name: folded (accents and case ignored), then as written, then the id. */
export interface NameKey {
  folded: string;
  name: string;
  id: string;
}

export const nameKey = (candidate: Pick<Candidate, 'name' | 'id'>): NameKey => ({ folded: foldText(candidate.name), name: candidate.name, id: candidate.id });

const order = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Code-unit order (no locale): the same on every machine and every adapter. */
export function compareNameKeys(a: NameKey, b: NameKey): number {
  return order(a.folded, b.folded) || order(a.name, b.name) || order(a.id, b.id);
}

/**
 * Sorts by distance, then name, then id. Names are folded only for rows at the same distance
 * (rare), once per row.
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

/** Sorts by name, then id. */
export function sortByName<T extends Candidate>(rows: readonly T[]): T[] {
  const keyed = rows.map((row) => ({ row, key: nameKey(row) }));
  keyed.sort((a, b) => compareNameKeys(a.key, b.key));
  return keyed.map((k) => k.row);
}
