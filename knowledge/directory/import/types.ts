import type { Structure } from '../structure';

/**
 * Shared shapes of the directory importers. Importers are pure: text in, records out; the commune
 * resolver is injected (the default one is `territoryCommuneResolver`).
 */

/** A commune as importers need it: territory codes and the commune's point. */
export interface ResolvedCommune {
  insee: string;
  name: string;
  departement: string;
  region: string;
  epci?: string;
  lat: number;
  lng: number;
}

/**
 * Finds the commune of an address: postal code and town name as the source writes them ("97230",
 * "STE MARIE"), and the INSEE code when the source has one (it wins). Undefined when unknown or
 * when the commune has no point on the map.
 */
export type CommuneResolver = (postcode: string | undefined, communeName: string | undefined, inseeCode?: string) => ResolvedCommune | undefined;

/** A source row that produced no record: `line` is the 1-based CSV line, or the JSON record number. */
export interface ImportRejection {
  line: number;
  reason: string;
}

/** A record kept with a field dropped or changed (bad phone, e-mail, website, text cut…). */
export interface ImportWarning {
  line: number;
  field: string;
  message: string;
}

export interface ImportResult {
  structures: Structure[];
  rejected: ImportRejection[];
  warnings: ImportWarning[];
}

export interface ImportOptions {
  /**
   * Date written in `updatedAt` when the source gives none (ASP CSV): ISO date, default today (UTC).
   * Pass it for reproducible imports.
   */
  today?: string;
  /** Overrides the record's `source.label`. */
  sourceLabel?: string;
}

/** Above this size a file is refused whole (the importers hold it in memory). */
export const MAX_IMPORT_CHARS = 50_000_000;
/** Above this many records a file is cut (the rest is rejected with a reason). */
export const MAX_IMPORT_RECORDS = 100_000;

export function todayIso(options: ImportOptions | undefined): string {
  return options?.today ?? new Date().toISOString().slice(0, 10);
}
