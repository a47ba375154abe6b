/** Shared types of the territory knowledge (communes, areas, places people type). */

export interface LatLng {
  lat: number;
  lng: number;
}

export type PlaceType =
  | 'commune'
  | 'arrondissement'
  | 'postcode'
  | 'departement'
  | 'region'
  | 'epci'
  | 'zone'
  | 'coords'
  | 'country';

/**
 * A place the user meant. Small and serialisable (it may be kept in conversation state):
 * `communes` is given for small areas (postcode, EPCI, zone) only; use `communesOf(place)` for all.
 */
export interface Place {
  type: PlaceType;
  /** INSEE code (commune, arrondissement), postal code, département/région code, EPCI SIREN, zone code, 'FR', or "lat,lng". */
  code: string;
  label: string;
  departement?: string;
  region?: string;
  /** The commune's point (from the coordinates file). Absent when no licensed point exists, and for areas. */
  center?: LatLng;
  /** INSEE codes of the current communes of a postcode, EPCI or zone. */
  communes?: string[];
  population?: number;
  /** Set when the commune was found through this postal code. */
  postcode?: string;
  /** For an arrondissement: the INSEE code of its city (75056, 69123, 13055). */
  parent?: string;
}

export type ResolveResult =
  | { status: 'found'; place: Place }
  | { status: 'ambiguous'; candidates: Place[] }
  | { status: 'suggestions'; candidates: Place[] }
  | { status: 'not_found' };

/** What the conversation already knows: ranks namesakes (e.g. `{ departement: '972' }`). */
export interface ResolveContext {
  departement?: string;
  region?: string;
}

export interface CommuneRecord {
  code: string;
  name: string;
  kind: 'commune' | 'arrondissement';
  /** Parent city of an arrondissement. */
  parent?: string;
  postcodes: string[];
  departement: string;
  region: string;
  epci?: { code: string; name: string };
  population?: number;
  center?: LatLng;
}

export interface DepartementRecord {
  code: string;
  name: string;
  region: string;
  chefLieu: string;
  /** Current communes (no arrondissements). */
  communes: string[];
  population: number;
}

export interface RegionRecord {
  code: string;
  name: string;
  chefLieu: string;
  departements: string[];
  communes: string[];
  population: number;
}

export interface EpciRecord {
  code: string;
  name: string;
  type: string;
  population: number;
  communes: string[];
  departements: string[];
  regions: string[];
}

export interface ZoneRecord {
  code: string;
  label: string;
  departement: string;
  region: string;
  epci: string;
  communes: string[];
  population: number;
  /** Names that designate only this zone ("cap nord", "nord martinique"). */
  aliases: string[];
  /** Generic words ("nord", "le sud") that designate it only when the context is its territory. */
  contextAliases: string[];
  source: string;
}

export interface LoadStats {
  loadMs: number;
  heapDeltaMb: number;
  communes: number;
  arrondissements: number;
  withCoordinates: number;
  withoutCoordinates: string[];
  departements: number;
  regions: number;
  epcis: number;
  postcodes: number;
}
