/**
 * A deep copy of plain data (objects, arrays, Dates, primitives) that drops `undefined` fields
 * (MongoDB would store them as null). Dates are rebuilt in this realm, unlike structuredClone's.
 */
export function deepCopy<T>(value: T): T {
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (Array.isArray(value)) return value.map((v) => deepCopy(v)) as T;
  if (value !== null && typeof value === 'object') {
    if (Object.prototype.toString.call(value) === '[object Date]') return new Date((value as unknown as Date).getTime()) as T;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = deepCopy(v);
    return out as T;
  }
  return value;
}
