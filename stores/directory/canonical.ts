import type { Structure } from '../../knowledge/directory/structure';

/**
 * The stored form of a validated record: plain JSON (no undefined keys, which MongoDB would store as
 * null), so that what is read back equals what was written on every adapter.
 */
export function canonical(structure: Structure): Structure {
  return JSON.parse(JSON.stringify(structure)) as Structure;
}

/** Deep equality of two JSON values, ignoring key order (MongoDB may return keys in another order). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((value, i) => sameJson(value, other[i]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  return keys.every((key) => Object.prototype.hasOwnProperty.call(right, key) && sameJson(left[key], right[key]));
}
