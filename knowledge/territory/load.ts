import { shippedTerritorySources, type TerritorySources } from './sources';
import type { CommuneRecord, DepartementRecord, EpciRecord, LoadStats, RegionRecord, ZoneRecord } from './types';
import { readZones } from './zones';

/** Everything known about the territory, loaded once per process. */
export interface TerritoryData {
  /** Current communes and municipal arrondissements, by INSEE code. */
  communes: Map<string, CommuneRecord>;
  /** INSEE codes of current communes only (no arrondissements). */
  currentCommunes: string[];
  /** 75056 → [75101 … 75120], same for Lyon and Marseille. */
  arrondissementsOf: Map<string, string[]>;
  /** Codes of former, delegated or associated communes → current commune. */
  formerCodes: Map<string, string>;
  departements: Map<string, DepartementRecord>;
  regions: Map<string, RegionRecord>;
  epcis: Map<string, EpciRecord>;
  zones: Map<string, ZoneRecord>;
  /** Postal code → INSEE codes (an arrondissement replaces its city). */
  postcodes: Map<string, string[]>;
  stats: LoadStats;
}

let cached: TerritoryData | undefined;

/** Loads the data on first call, then returns the same object. */
export function loadTerritory(): TerritoryData {
  cached ??= buildTerritory(shippedTerritorySources);
  return cached;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The territory from its sources (by default the build's packed copy, else the package files; a test
 * gives both and compares). Reading them is part of the load time and heap counted in `stats`.
 */
export function buildTerritory(read: () => TerritorySources): TerritoryData {
  const started = performance.now();
  const sources = read();
  const points = sources.points;
  const raw = sources.communes;

  const communes = new Map<string, CommuneRecord>();
  const currentCommunes: string[] = [];
  const arrondissementsOf = new Map<string, string[]>();
  const formerCodes = new Map<string, string>();
  for (const c of raw) {
    if (c.type !== 'commune-actuelle' && c.type !== 'arrondissement-municipal') continue;
    const kind = c.type === 'commune-actuelle' ? 'commune' : 'arrondissement';
    const record: CommuneRecord = { code: c.code, name: c.nom, kind, postcodes: c.codesPostaux ?? [], departement: c.departement, region: c.region };
    if (kind === 'arrondissement' && c.commune) {
      record.parent = c.commune;
      push(arrondissementsOf, c.commune, c.code);
    }
    if (c.population !== undefined) record.population = c.population;
    const point = points.get(c.code);
    if (point) record.center = point;
    communes.set(c.code, record);
    if (kind === 'commune') currentCommunes.push(c.code);
  }
  for (const c of raw) {
    if (c.type === 'commune-actuelle') for (const old of c.anciensCodes ?? []) if (!communes.has(old)) formerCodes.set(old, c.code);
    if ((c.type === 'commune-deleguee' || c.type === 'commune-associee') && c.chefLieu && !communes.has(c.code)) formerCodes.set(c.code, c.chefLieu);
  }
  const unknownPoints = [...points.keys()].filter((code) => !communes.has(code));
  if (unknownPoints.length > 0) throw new Error(`coordinates for unknown codes: ${unknownPoints.slice(0, 5).join(', ')}`);

  const epcis = new Map<string, EpciRecord>();
  for (const e of sources.epcis) {
    const members = e.membres.map((m) => m.code).filter((code) => communes.has(code));
    const departements = [...new Set(members.map((code) => communes.get(code)!.departement))];
    const regions = [...new Set(members.map((code) => communes.get(code)!.region))];
    epcis.set(e.code, { code: e.code, name: e.nom, type: e.type, population: e.populationTotale, communes: members, departements, regions });
    // One object for all its members (35 000 copies were 0.7 MB of the heap); nothing writes to it.
    const epci = { code: e.code, name: e.nom };
    for (const code of members) communes.get(code)!.epci = epci;
  }
  for (const [parent, arrondissements] of arrondissementsOf) {
    const epci = communes.get(parent)?.epci;
    if (epci) for (const code of arrondissements) communes.get(code)!.epci = epci;
  }

  const departements = new Map<string, DepartementRecord>();
  for (const d of sources.departements) departements.set(d.code, { code: d.code, name: d.nom, region: d.region, chefLieu: d.chefLieu, liaison: d.typeLiaison, communes: [], population: 0 });
  const regions = new Map<string, RegionRecord>();
  for (const r of sources.regions) regions.set(r.code, { code: r.code, name: r.nom, chefLieu: r.chefLieu, liaison: r.typeLiaison, departements: [], communes: [], population: 0 });
  for (const d of departements.values()) regions.get(d.region)?.departements.push(d.code);
  for (const code of currentCommunes) {
    const c = communes.get(code)!;
    const d = departements.get(c.departement);
    const r = regions.get(c.region);
    if (!d || !r) throw new Error(`commune ${code}: unknown département ${c.departement} or région ${c.region}`);
    d.communes.push(code);
    d.population += c.population ?? 0;
    r.communes.push(code);
    r.population += c.population ?? 0;
  }

  const postcodes = new Map<string, string[]>();
  for (const c of communes.values()) for (const postcode of c.postcodes) push(postcodes, postcode, c.code);
  for (const [postcode, codes] of postcodes) {
    const parents = new Set(codes.map((code) => communes.get(code)!.parent).filter((p): p is string => !!p));
    if (parents.size > 0) postcodes.set(postcode, codes.filter((code) => !parents.has(code)));
  }

  const zones = new Map<string, ZoneRecord>(readZones(epcis, communes).map((z) => [z.code, z]));

  const loadMs = Math.round(performance.now() - started);
  const withoutCoordinates = [...communes.values()].filter((c) => !c.center).map((c) => c.code);
  const stats: LoadStats = {
    loadMs,
    communes: currentCommunes.length,
    arrondissements: communes.size - currentCommunes.length,
    withCoordinates: communes.size - withoutCoordinates.length,
    withoutCoordinates,
    departements: departements.size,
    regions: regions.size,
    epcis: epcis.size,
    postcodes: postcodes.size,
  };
  return { communes, currentCommunes, arrondissementsOf, formerCodes, departements, regions, epcis, zones, postcodes, stats };
}
