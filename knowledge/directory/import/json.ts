import type { StructureInput } from '../structure';
import { RowIssues, validateStructure } from './fields';
import { MAX_IMPORT_CHARS, MAX_IMPORT_RECORDS, type ImportResult } from './types';

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

/** How one JSON source reads its records: the stable id, then the rest (or why the record is rejected). */
export interface JsonRecordReader {
  /** The record's stable id (`source:…`), or undefined when it has none. */
  idOf(item: Record<string, unknown>): string | undefined;
  /** The structure to validate, or the reason (`field: why`) the record is rejected. */
  read(item: Record<string, unknown>, id: string, issues: RowIssues): StructureInput | string;
}

/**
 * The record loop every JSON importer shares: the list inside the file, the record cap, ids unique
 * within the file, validation, rejections with their record number, warnings kept.
 */
export function importJsonRecords(json: unknown, listKeys: readonly string[], reader: JsonRecordReader): ImportResult {
  const list = recordsOf(json, listKeys);
  if ('error' in list) return { structures: [], rejected: [{ line: 1, reason: list.error }], warnings: [] };
  const result: ImportResult = { structures: [], rejected: [], warnings: [] };
  const seen = new Map<string, number>();
  list.records.forEach((item, index) => {
    const line = index + 1;
    if (index >= MAX_IMPORT_RECORDS) {
      if (index === MAX_IMPORT_RECORDS) result.rejected.push({ line, reason: `file: more than ${MAX_IMPORT_RECORDS} records, the rest is ignored` });
      return;
    }
    if (!isObject(item)) return void result.rejected.push({ line, reason: 'record: not an object' });
    const id = reader.idOf(item);
    if (!id) return void result.rejected.push({ line, reason: 'id: missing' });
    if (seen.has(id)) return void result.rejected.push({ line, reason: `id: same id as record ${seen.get(id)}` });
    const issues = new RowIssues(line);
    const input = reader.read(item, id, issues);
    if (typeof input === 'string') return void result.rejected.push({ line, reason: input });
    const checked = validateStructure(input, line);
    if ('rejection' in checked) return void result.rejected.push(checked.rejection);
    seen.set(id, line);
    result.structures.push(checked.structure);
    result.warnings.push(...issues.warnings);
  });
  return result;
}
