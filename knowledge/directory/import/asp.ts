import type { StructureInput } from '../structure';
import { CsvSyntaxError, parseCsv } from './csv';
import { RowIssues, cleanPostcode, cleanText, contactFields, describeValue, placeFields, validateStructure } from './fields';
import { aspKind } from './kindMaps';
import { MAX_IMPORT_CHARS, MAX_IMPORT_RECORDS, todayIso, type CommuneResolver, type ImportOptions, type ImportResult } from './types';

/**
 * ASP "Liste des SIAE" CSV: `;`-separated, UTF-8 (BOM allowed), a header line, quoted fields allowed.
 * Columns used: MESURE, CODE_DEPARTEMENT, CODE_POSTAL, COMMUNE, SIRET, DENOMINATION_SOCIALE,
 * NUM_RUE, NOM_RUE, CODE_POST_COM, LIB_COM, TELEPHONE, MAIL_SIAE (others are ignored).
 * id `asp:<SIRET>`, or `asp:<SIRET>-<kind>` when one SIRET has several kinds in the file.
 */

export const ASP_SOURCE_LABEL = 'ASP, liste des SIAE conventionnées';
const REQUIRED = ['MESURE', 'SIRET', 'DENOMINATION_SOCIALE'] as const;
/** At least one of these pairs locates the structure. */
const PLACE_COLUMNS = [
  ['CODE_POSTAL', 'COMMUNE'],
  ['CODE_POST_COM', 'LIB_COM'],
] as const;

interface Row {
  line: number;
  get(column: string): string | undefined;
}

function fail(line: number, reason: string): ImportResult {
  return { structures: [], rejected: [{ line, reason }], warnings: [] };
}

/** '001' → '01', '972' → '972', '02A' → '2A'. */
function departementCode(value: string | undefined): string | undefined {
  const v = value?.trim().toUpperCase();
  if (!v) return undefined;
  if (/^0\d{2}$/.test(v) || /^0[2][AB]$/.test(v)) return v.slice(1);
  return v;
}

export function parseAspCsv(text: string, resolveCommune: CommuneResolver, options: ImportOptions = {}): ImportResult {
  if (typeof text !== 'string') return fail(1, 'file: not text');
  if (text.length > MAX_IMPORT_CHARS) return fail(1, `file: larger than ${MAX_IMPORT_CHARS} characters`);
  let records;
  try {
    records = parseCsv(text, { delimiter: ';' });
  } catch (error) {
    if (error instanceof CsvSyntaxError) return fail(error.line, `CSV: ${error.message.replace(/^line \d+: /, '')}`);
    throw error;
  }
  if (records.length === 0) return fail(1, 'file: empty');
  const header = records[0]!;
  const columns = header.fields.map((name) => name.trim().toUpperCase());
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    const joined = header.fields.join(';');
    const hint = columns.length === 1 && /[,\t|]/.test(joined) ? ` (columns must be separated by ";", found "${/\t/.test(joined) ? 'tab' : (joined.match(/[,|]/)?.[0] ?? '')}")` : '';
    return fail(header.line, `header: missing column ${missing.join(', ')}${hint}`);
  }
  if (!PLACE_COLUMNS.some(([pc, name]) => columns.includes(pc) && columns.includes(name))) return fail(header.line, 'header: missing column CODE_POSTAL and COMMUNE');
  const index = new Map(columns.map((c, i) => [c, i] as const));

  const result: ImportResult = { structures: [], rejected: [], warnings: [] };
  const rows: Row[] = [];
  for (const record of records.slice(1)) {
    if (rows.length >= MAX_IMPORT_RECORDS) {
      result.rejected.push({ line: record.line, reason: `file: more than ${MAX_IMPORT_RECORDS} rows, the rest is ignored` });
      break;
    }
    if (record.fields.every((f) => f.trim() === '')) continue;
    if (record.fields.length !== columns.length) {
      result.rejected.push({ line: record.line, reason: `row: ${record.fields.length} fields where the header has ${columns.length}` });
      continue;
    }
    rows.push({ line: record.line, get: (column) => record.fields[index.get(column) ?? -1] });
  }

  // A SIRET with several kinds gets one record per kind: `asp:<SIRET>-<kind>`.
  const kindsBySiret = new Map<string, Set<string>>();
  for (const row of rows) {
    const siret = row.get('SIRET')?.replace(/[\s.]/g, '') ?? '';
    const kind = aspKind(row.get('MESURE') ?? '');
    if (kind) kindsBySiret.set(siret, (kindsBySiret.get(siret) ?? new Set()).add(kind));
  }
  const seen = new Map<string, number>();
  const updatedAt = todayIso(options);
  const label = options.sourceLabel ?? ASP_SOURCE_LABEL;

  for (const row of rows) {
    const issues = new RowIssues(row.line);
    const mesure = row.get('MESURE')?.trim() ?? '';
    const kind = aspKind(mesure);
    if (!kind) {
      result.rejected.push({ line: row.line, reason: mesure ? `MESURE: unknown kind ${describeValue(mesure)}` : 'MESURE: empty' });
      continue;
    }
    const siret = row.get('SIRET')?.replace(/[\s.]/g, '') ?? '';
    if (!/^\d{14}$/.test(siret)) {
      result.rejected.push({ line: row.line, reason: siret ? 'SIRET: must be 14 digits' : 'SIRET: empty' });
      continue;
    }
    const name = cleanText(row.get('DENOMINATION_SOCIALE'), 'DENOMINATION_SOCIALE', issues, 200);
    if (!name) {
      result.rejected.push({ line: row.line, reason: 'DENOMINATION_SOCIALE: empty' });
      continue;
    }
    const id = `asp:${(kindsBySiret.get(siret)?.size ?? 1) > 1 ? `${siret}-${kind.toLowerCase()}` : siret}`;
    const first = seen.get(id);
    if (first !== undefined) {
      result.rejected.push({ line: row.line, reason: `SIRET: same SIRET and MESURE as line ${first}` });
      continue;
    }
    let commune;
    let postcode: string | undefined;
    let communeLabel: string | undefined;
    for (const [pcColumn, nameColumn] of PLACE_COLUMNS) {
      postcode = cleanPostcode(row.get(pcColumn));
      communeLabel = cleanText(row.get(nameColumn), nameColumn, new RowIssues(row.line), 100);
      if (!postcode && !communeLabel) continue;
      commune = resolveCommune(postcode, communeLabel);
      if (commune) break;
    }
    if (!commune) {
      result.rejected.push({ line: row.line, reason: 'CODE_POSTAL/COMMUNE: commune not found' });
      continue;
    }
    const declared = departementCode(row.get('CODE_DEPARTEMENT'));
    if (declared && declared !== commune.departement) issues.warn('CODE_DEPARTEMENT', `says ${declared}, the commune is in ${commune.departement}`);
    const street = [row.get('NUM_RUE'), row.get('NOM_RUE')].map((p) => p?.trim() ?? '').filter(Boolean).join(' ');
    const line1 = cleanText(street, 'NOM_RUE', issues, 200);
    const input: StructureInput = {
      id,
      siret,
      name,
      kind,
      ...placeFields(commune, { line1, postcode }),
      location: { lat: commune.lat, lng: commune.lng, precision: 'commune' },
      source: { kind: 'asp', label },
      updatedAt,
      ...contactFields(issues, { phone: [row.get('TELEPHONE'), 'TELEPHONE'], email: [row.get('MAIL_SIAE'), 'MAIL_SIAE'] }),
    };
    const checked = validateStructure(input, row.line);
    if ('rejection' in checked) {
      result.rejected.push(checked.rejection);
      continue;
    }
    seen.set(id, row.line);
    result.structures.push(checked.structure);
    result.warnings.push(...issues.warnings);
  }
  return result;
}
