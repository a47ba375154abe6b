/** Directory importers: pure parsers (text → records) plus the Les emplois online client. */
export type { CommuneResolver, ImportOptions, ImportRejection, ImportResult, ImportWarning, ResolvedCommune } from './types';
export { MAX_IMPORT_CHARS, MAX_IMPORT_RECORDS } from './types';
export { parseCsv, CsvSyntaxError, type CsvRecord } from './csv';
export { parseAspCsv, ASP_SOURCE_LABEL } from './asp';
export { parseEmploisJson, EMPLOIS_SOURCE_LABEL } from './emplois';
export { parseDataInclusionJson, DATA_INCLUSION_SOURCE_LABEL } from './dataInclusion';
export { detectFormat, type ImportFormat } from './detect';
export { territoryCommuneResolver } from './communeResolver';
export { aspKind, emploisKind, dataInclusionKind } from './kindMaps';
export {
  fetchEmploisStructures,
  emploisFirstUrl,
  retryAfterMs,
  RollingThrottle,
  EmploisApiError,
  EMPLOIS_BASE_URL,
  EMPLOIS_MAX_PAGES,
  EMPLOIS_RATE_LIMIT,
  type EmploisClientDeps,
  type EmploisFetchResult,
  type EmploisQuery,
} from './emploisClient';
