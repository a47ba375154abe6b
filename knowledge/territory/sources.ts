import { readFileSync } from 'node:fs';

/**
 * Raw files of @etalab/decoupage-administratif, read directly (the package root reads ./data
 * relative to the working directory and throws elsewhere). The fields we use are checked by hand:
 * zod over 37,000 objects doubled the load time of this pinned, trusted data.
 */
function readArray(name: string): Record<string, unknown>[] {
  const file = require.resolve(`@etalab/decoupage-administratif/data/${name}`);
  const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(data)) throw new Error(`${file}: not an array`);
  return data as Record<string, unknown>[];
}

function check(ok: boolean, name: string, item: Record<string, unknown>, field: string): void {
  if (!ok) throw new Error(`decoupage-administratif ${name}: bad "${field}" in ${JSON.stringify(item).slice(0, 200)}`);
}

const isString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isOptionalStrings = (v: unknown) => v === undefined || (Array.isArray(v) && v.every(isString));

export interface RawCommune {
  code: string;
  nom: string;
  type: 'commune-actuelle' | 'arrondissement-municipal' | 'commune-deleguee' | 'commune-associee';
  departement: string;
  region: string;
  codesPostaux?: string[];
  population?: number;
  commune?: string;
  chefLieu?: string;
  anciensCodes?: string[];
}
const COMMUNE_TYPES = new Set(['commune-actuelle', 'arrondissement-municipal', 'commune-deleguee', 'commune-associee']);

export function readRawCommunes(): RawCommune[] {
  const items = readArray('communes.json');
  for (const c of items) {
    for (const field of ['code', 'nom', 'departement', 'region']) check(isString(c[field]), 'communes', c, field);
    check(COMMUNE_TYPES.has(c.type as string), 'communes', c, 'type');
    check(isOptionalStrings(c.codesPostaux) && isOptionalStrings(c.anciensCodes), 'communes', c, 'codesPostaux/anciensCodes');
    check(c.population === undefined || typeof c.population === 'number', 'communes', c, 'population');
    check((c.commune === undefined || isString(c.commune)) && (c.chefLieu === undefined || isString(c.chefLieu)), 'communes', c, 'commune/chefLieu');
  }
  return items as unknown as RawCommune[];
}

export interface RawDepartement {
  code: string;
  nom: string;
  region: string;
  chefLieu: string;
  typeLiaison: number;
}
export function readRawDepartements(): RawDepartement[] {
  const items = readArray('departements.json');
  for (const d of items) {
    for (const field of ['code', 'nom', 'region', 'chefLieu']) check(isString(d[field]), 'departements', d, field);
    check(Number.isInteger(d.typeLiaison), 'departements', d, 'typeLiaison');
  }
  return items as unknown as RawDepartement[];
}

export interface RawRegion {
  code: string;
  nom: string;
  chefLieu: string;
  typeLiaison: number;
}
export function readRawRegions(): RawRegion[] {
  const items = readArray('regions.json');
  for (const r of items) {
    for (const field of ['code', 'nom', 'chefLieu']) check(isString(r[field]), 'regions', r, field);
    check(Number.isInteger(r.typeLiaison), 'regions', r, 'typeLiaison');
  }
  return items as unknown as RawRegion[];
}

export interface RawEpci {
  code: string;
  nom: string;
  type: string;
  populationTotale: number;
  membres: Array<{ code: string; nom: string }>;
}
export function readRawEpcis(): RawEpci[] {
  const items = readArray('epci.json');
  for (const e of items) {
    check(isString(e.code) && /^\d{9}$/.test(e.code), 'epci', e, 'code');
    check(isString(e.nom) && isString(e.type), 'epci', e, 'nom/type');
    check(typeof e.populationTotale === 'number', 'epci', e, 'populationTotale');
    check(Array.isArray(e.membres) && e.membres.every((m: { code?: unknown }) => isString(m.code)), 'epci', e, 'membres');
  }
  return items as unknown as RawEpci[];
}
