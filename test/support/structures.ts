import { SIAE_KINDS, STRUCTURE_KINDS, type StructureKind } from '../../knowledge/directory/kinds';
import { structureSchema, type Structure } from '../../knowledge/directory/structure';
import { EARTH_RADIUS_KM } from '../../knowledge/territory/geometry';
import { loadTerritory } from '../../knowledge/territory/load';
import type { CommuneRecord, LatLng } from '../../knowledge/territory/types';

/**
 * Test data for the directory: a builder of one valid record (`aStructure`) and a deterministic
 * generator of many (`generateStructures`) placed around real communes. Same seed, same records,
 * on every machine. Used by the directory tests and by the bench (no jest here).
 */

/** A small, fast, seeded PRNG (mulberry32): numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)];

const RAD = Math.PI / 180;

/** The point at `distanceKm` from `from` along a bearing (degrees from north), on the sphere. */
export function destination(from: LatLng, distanceKm: number, bearingDeg: number): LatLng {
  const d = distanceKm / EARTH_RADIUS_KM;
  const lat1 = from.lat * RAD;
  const bearing = bearingDeg * RAD;
  const lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(bearing));
  const lng2 = from.lng * RAD + Math.atan2(Math.sin(bearing) * Math.sin(d) * Math.cos(lat1), Math.cos(d) - Math.sin(lat1) * Math.sin(lat2));
  let lng = lng2 / RAD;
  while (lng > 180) lng -= 360;
  while (lng < -180) lng += 360;
  return { lat: lat2 / RAD, lng };
}

type Overrides = Partial<Omit<Structure, 'address' | 'territory' | 'location' | 'source'>> & {
  address?: Partial<Structure['address']>;
  territory?: Partial<Structure['territory']>;
  location?: Partial<Structure['location']>;
  source?: Partial<Structure['source']>;
};

/** One valid record (an ACI in Fort-de-France), with any field replaced. */
export function aStructure(overrides: Overrides = {}): Structure {
  const { address, territory, location, source, ...rest } = overrides;
  return {
    id: 'test:aci-fdf-01',
    name: 'Atelier Bâtiment Fort-de-France',
    kind: 'ACI',
    address: { line1: '12 rue Victor Hugo', postcode: '97200', communeName: 'Fort-de-France', ...address },
    territory: { communeInsee: '97209', departement: '972', region: '02', epci: '249720061', ...territory },
    location: { lat: 14.60365, lng: -61.07418, precision: 'address', ...location },
    sectors: ['Bâtiment', 'Second œuvre'],
    description: 'Chantier d’insertion : rénovation de logements sociaux.',
    insertionPosts: 12,
    acceptsApplications: true,
    source: { kind: 'manual', label: 'Jeu de test', ...source },
    updatedAt: '2026-01-15',
    ...rest,
  };
}

const SECTORS = [
  'Bâtiment',
  'Espaces verts',
  'Restauration',
  'Propreté',
  'Recyclage',
  'Maraîchage bio',
  'Services à la personne',
  'Logistique',
  'Numérique',
  'Couture',
  'Menuiserie',
  'Hôtellerie',
  'Blanchisserie',
  'Éco-construction',
] as const;

const KIND_WORDS: Record<StructureKind, string> = {
  EI: 'Entreprise',
  AI: 'Association',
  ACI: 'Atelier',
  ETTI: 'Intérim',
  EITI: 'Coopérative',
  GEIQ: 'Groupement',
  EA: 'Entreprise adaptée',
  EATT: 'Travail temporaire adapté',
  OPCS: 'Organisme',
  FT: 'France Travail',
  ML: 'Mission Locale',
  CAP_EMPLOI: 'Cap Emploi',
  PLIE: 'PLIE',
  DEPT: 'Département',
  CCAS: 'CCAS',
  CAF: 'CAF',
  CHRS: 'CHRS',
  SPIP: 'SPIP',
  PJJ: 'PJJ',
  E2C: 'École de la deuxième chance',
  EPIDE: 'EPIDE',
  AFPA: 'AFPA',
};

/** More SIAE than partners, as in the real directory. */
const KIND_POOL: readonly StructureKind[] = [...SIAE_KINDS, ...SIAE_KINDS, ...SIAE_KINDS, ...STRUCTURE_KINDS];

const validCodes = (c: CommuneRecord) =>
  /^(\d{5}|2[AB]\d{3})$/.test(c.code) && /^(\d{2,3}|2[AB])$/.test(c.departement) && /^\d{2}$/.test(c.region);

let communePool: { communes: CommuneRecord[]; cumulative: number[] } | undefined;

/**
 * Current communes with a point whose codes the structure schema accepts (the overseas collectivities
 * 975–988 have 3-digit "region" codes it refuses), weighted by √population so towns get more records.
 */
function communes(): { communes: CommuneRecord[]; cumulative: number[] } {
  if (communePool) return communePool;
  const data = loadTerritory();
  const list = data.currentCommunes.map((code) => data.communes.get(code)!).filter((c) => c.center && validCodes(c));
  const cumulative: number[] = [];
  let sum = 0;
  for (const c of list) cumulative.push((sum += Math.sqrt(Math.max(1, c.population ?? 1))));
  communePool = { communes: list, cumulative };
  return communePool;
}

function weightedCommune(random: () => number): CommuneRecord {
  const { communes: list, cumulative } = communes();
  const target = random() * cumulative[cumulative.length - 1];
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return list[lo];
}

export interface GenerateOptions {
  count: number;
  seed?: number;
  /** Prefix of the generated ids (`gen:<prefix><n>`). */
  prefix?: string;
}

/** `count` valid records spread over France (each checked with structureSchema). Deterministic. */
export function generateStructures({ count, seed = 1, prefix = 's' }: GenerateOptions): Structure[] {
  const random = seededRandom(seed);
  const out: Structure[] = [];
  for (let i = 0; i < count; i++) {
    const commune = weightedCommune(random);
    const kind = pick(random, KIND_POOL);
    const sectors = [...new Set(Array.from({ length: Math.floor(random() * 4) }, () => pick(random, SECTORS)))];
    const exact = random() < 0.3;
    const point = exact ? commune.center! : destination(commune.center!, random() * 4, random() * 360);
    const lead = sectors[0] ?? pick(random, SECTORS);
    const record: Structure = {
      id: `gen:${prefix}${String(i).padStart(6, '0')}`,
      name: `${KIND_WORDS[kind]} ${lead} ${commune.name}${random() < 0.2 ? ` ${1 + Math.floor(random() * 3)}` : ''}`,
      kind,
      address: { communeName: commune.name, ...(commune.postcodes[0] ? { postcode: commune.postcodes[0] } : {}) },
      territory: {
        communeInsee: commune.code,
        departement: commune.departement,
        region: commune.region,
        ...(commune.epci && /^\d{9}$/.test(commune.epci.code) ? { epci: commune.epci.code } : {}),
      },
      location: { lat: Number(point.lat.toFixed(6)), lng: Number(point.lng.toFixed(6)), precision: exact ? 'commune' : 'address' },
      sectors,
      ...(random() < 0.5 ? { description: `Accueil et accompagnement : ${sectors.join(', ').toLowerCase() || 'tous métiers'} à ${commune.name}.` } : {}),
      ...((SIAE_KINDS as readonly string[]).includes(kind) && random() < 0.9 ? { insertionPosts: Math.floor(random() * 60) } : {}),
      acceptsApplications: random() < 0.85,
      source: { kind: 'manual', label: 'Jeu de test généré' },
      updatedAt: `2026-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 10)}`,
    };
    out.push(structureSchema.parse(record));
  }
  return out;
}
