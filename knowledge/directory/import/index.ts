/** Directory importers: pure parsers (text → records). The online Les emplois client is in scripts/. */
export type { CommuneResolver, ImportOptions, ImportRejection, ImportResult, ImportWarning, ResolvedCommune } from './types';
export { MAX_IMPORT_CHARS, MAX_IMPORT_RECORDS } from './types';
export { parseCsv, CsvSyntaxError, type CsvRecord } from './csv';
export { parseAspCsv, ASP_SOURCE_LABEL } from './asp';
export { parseEmploisJson, EMPLOIS_SOURCE_LABEL } from './emplois';
export { parseDataInclusionJson, DATA_INCLUSION_SOURCE_LABEL } from './dataInclusion';
export { detectFormat, type ImportFormat } from './detect';
export { territoryCommuneResolver } from './communeResolver';
export { aspKind, emploisKind, dataInclusionKind } from './kindMaps';
