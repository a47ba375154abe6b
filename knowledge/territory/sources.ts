import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCoordinates } from './coordinates';
import type { LatLng } from './types';

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
  membres: Array<{ code: string }>;
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

/** What loading the territory reads: the coordinates file and the four decoupage-administratif files. */
export interface TerritorySources {
  points: Map<string, LatLng>;
  communes: RawCommune[];
  epcis: RawEpci[];
  departements: RawDepartement[];
  regions: RawRegion[];
}

/** The sources read and checked now (12 MB of JSON and a 35,000-line CSV: about a second of CPU). */
export function readTerritorySources(): TerritorySources {
  return { points: readCoordinates(), communes: readRawCommunes(), epcis: readRawEpcis(), departements: readRawDepartements(), regions: readRawRegions() };
}

const SOURCES_FORMAT = 1;
const TYPES: ReadonlyArray<RawCommune['type']> = ['commune-actuelle', 'arrondissement-municipal', 'commune-deleguee', 'commune-associee'];

/** A commune as a row: code, nom, type index, département, région, postal codes, population, commune, chef-lieu, former codes (null = absent). */
type CommuneRow = [string, string, number, string, string, string[] | null, number | null, string | null, string | null, string[] | null];

/**
 * The sources reduced to the fields the loading reads, as rows (what the build ships: about a quarter
 * of the size, already checked). `unpackTerritorySources(packTerritorySources(s))` reads as `s`.
 */
export interface PackedTerritorySources {
  format: number;
  points: Array<[string, number, number]>;
  communes: CommuneRow[];
  epcis: Array<[string, string, string, number, string[]]>;
  departements: RawDepartement[];
  regions: RawRegion[];
}

const orNull = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

export function packTerritorySources(s: TerritorySources): PackedTerritorySources {
  return {
    format: SOURCES_FORMAT,
    points: [...s.points].map(([code, p]) => [code, p.lat, p.lng]),
    communes: s.communes.map((c) => [
      c.code,
      c.nom,
      TYPES.indexOf(c.type),
      c.departement,
      c.region,
      orNull(c.codesPostaux),
      orNull(c.population),
      orNull(c.commune),
      orNull(c.chefLieu),
      orNull(c.anciensCodes),
    ]),
    epcis: s.epcis.map((e) => [e.code, e.nom, e.type, e.populationTotale, e.membres.map((m) => m.code)]),
    departements: s.departements.map((d) => ({ code: d.code, nom: d.nom, region: d.region, chefLieu: d.chefLieu, typeLiaison: d.typeLiaison })),
    regions: s.regions.map((r) => ({ code: r.code, nom: r.nom, chefLieu: r.chefLieu, typeLiaison: r.typeLiaison })),
  };
}

export function unpackTerritorySources(p: PackedTerritorySources): TerritorySources {
  if (p.format !== SOURCES_FORMAT) throw new Error(`packed territory sources: format ${String(p.format)}, expected ${SOURCES_FORMAT}`);
  return {
    points: new Map(p.points.map(([code, lat, lng]) => [code, { lat, lng }])),
    communes: p.communes.map(([code, nom, type, departement, region, codesPostaux, population, commune, chefLieu, anciensCodes]) => {
      // Absent fields stay absent, the others in the sources' order (no intermediate object: ~40 000 rows at each start).
      const c: RawCommune = { code, nom, type: TYPES[type]!, departement, region };
      if (codesPostaux !== null) c.codesPostaux = codesPostaux;
      if (population !== null) c.population = population;
      if (commune !== null) c.commune = commune;
      if (chefLieu !== null) c.chefLieu = chefLieu;
      if (anciensCodes !== null) c.anciensCodes = anciensCodes;
      return c;
    }),
    epcis: p.epcis.map(([code, nom, type, populationTotale, members]) => ({ code, nom, type, populationTotale, membres: members.map((m) => ({ code: m })) })),
    departements: p.departements,
    regions: p.regions,
  };
}

/** Where the build writes the packed sources: next to the compiled module (dist/knowledge/territory/). */
export const PACKED_SOURCES_FILE = join(__dirname, 'territory-sources.json');

/** The build's packed sources when there is a file (dist/), else the sources read now (sources, tests). */
export function shippedTerritorySources(file = PACKED_SOURCES_FILE): TerritorySources {
  if (existsSync(file)) return unpackTerritorySources(JSON.parse(readFileSync(file, 'utf8')) as PackedTerritorySources);
  return readTerritorySources();
}
