import { MAX_IMPORT_CHARS } from './types';

/** Reads a JSON import: text or an already parsed value; a bare array or a page object holding one. */
export function recordsOf(json: unknown, listKeys: readonly string[]): { records: unknown[] } | { error: string } {
  let value = json;
  if (typeof json === 'string') {
    if (json.length > MAX_IMPORT_CHARS) return { error: `file: larger than ${MAX_IMPORT_CHARS} characters` };
    const text = json.charCodeAt(0) === 0xfeff ? json.slice(1) : json;
    if (text.trim() === '') return { error: 'file: empty' };
    try {
      value = JSON.parse(text);
    } catch {
      return { error: 'file: not valid JSON' };
    }
  }
  if (Array.isArray(value)) return { records: value };
  if (value && typeof value === 'object') {
    for (const key of listKeys) {
      const list = (value as Record<string, unknown>)[key];
      if (Array.isArray(list)) return { records: list };
    }
    return { error: `file: no record list (expected an array or ${listKeys.map((k) => `"${k}"`).join(' / ')})` };
  }
  return { error: 'file: expected an array or an object' };
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A date or date-time string the structure schema accepts, else undefined. */
export function isoDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v)) return v;
  return undefined;
}
