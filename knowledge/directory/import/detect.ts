import { isObject } from './json';

export type ImportFormat = 'asp' | 'emplois' | 'data-inclusion';

const EMPLOIS_FIELDS = ['raison_sociale', 'addresse_ligne_1', 'bloque_candidatures', 'enseigne'];
const DATA_INCLUSION_FIELDS = ['nom', 'typologie', 'reseaux_porteurs', 'code_insee', 'date_maj', 'presentation_resume'];

/**
 * Which importer reads a file: the ASP CSV (header with MESURE and SIRET), a Les emplois response
 * (records with raison_sociale / addresse_ligne_1…) or data·inclusion (records with nom,
 * typologie / reseaux_porteurs…). Looks at the content; the file name only rules out JSON for a
 * `.csv` and CSV for a `.json`. Undefined when unsure.
 */
export function detectFormat(fileName: string, text: string): ImportFormat | undefined {
  if (typeof text !== 'string') return undefined;
  const body = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).trimStart();
  const ext = /\.([a-z0-9]+)$/i.exec(fileName ?? '')?.[1]?.toLowerCase();
  if (body.startsWith('{') || body.startsWith('[')) {
    if (ext === 'csv') return undefined;
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch {
      return undefined;
    }
    const list = Array.isArray(value) ? value : isObject(value) ? (value.results ?? value.items) : undefined;
    const first = Array.isArray(list) ? list.find(isObject) : undefined;
    if (!first) return undefined;
    const score = (fields: string[]) => fields.filter((f) => f in first).length;
    const emplois = score(EMPLOIS_FIELDS);
    const dataInclusion = score(DATA_INCLUSION_FIELDS);
    if (emplois >= 2 && emplois > dataInclusion) return 'emplois';
    if (dataInclusion >= 2 && dataInclusion > emplois) return 'data-inclusion';
    return undefined;
  }
  if (ext === 'json') return undefined;
  const firstLine = body.split(/\r\n|\n|\r/, 1)[0] ?? '';
  const columns = firstLine.split(';').map((c) => c.trim().replace(/^"|"$/g, '').toUpperCase());
  return columns.includes('MESURE') && columns.includes('SIRET') ? 'asp' : undefined;
}
