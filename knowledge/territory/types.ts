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

/**
 * What the conversation already knows: ranks namesakes (e.g. `{ departement: '972' }`).
 * `territory` is the code of the territory the guichet serves (TERRITORY: a département, EPCI, zone
 * or région code, see `servedPlace`): a namesake inside it wins outright, and its département and
 * région rank next when the conversation has none of its own.
 */
export interface ResolveContext {
  departement?: string;
  region?: string;
  territory?: string;
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
  epci?: { readonly code: string; readonly name: string };
  population?: number;
  center?: LatLng;
}

export interface DepartementRecord {
  code: string;
  name: string;
  region: string;
  chefLieu: string;
  /** INSEE "type de nom en clair" (0 de, 1 d', 2 du, 3 de la, 4 des, 5 de l'): how a sentence links to the name. */
  liaison: number;
  /** Current communes (no arrondissements). */
  communes: string[];
  population: number;
}

export interface RegionRecord {
  code: string;
  name: string;
  chefLieu: string;
  /** INSEE "type de nom en clair", as for départements. */
  liaison: number;
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
  communes: number;
  arrondissements: number;
  withCoordinates: number;
  withoutCoordinates: string[];
  departements: number;
  regions: number;
  epcis: number;
  postcodes: number;
}
