import { loadTerritory, type TerritoryData } from './load';
import { communesOf, nearestCommunes } from './geometry';
import { placeOfRef } from './places';
import type { Place, ResolveContext } from './types';

/**
 * The territory a guichet serves (the TERRITORY setting): a département, an EPCI, a zone or a région.
 * Namesakes inside it win; a search outside it is said to be outside. Given as a parameter by the
 * caller (`bot/` reads the setting); nothing here reads the environment.
 */

const DEPARTEMENT = /^(\d{1,3}|2[AB])$/i;
const EPCI = /^\d{9}$/;
const ZONE = /^[0-9AB]{2,3}-[A-Z]+$/i;

/** Place types a guichet may serve (TERRITORY); "FR" means the whole country. */
export const SERVED_TYPES = ['departement', 'region', 'epci', 'zone', 'country'] as const;

/**
 * The place of a territory code: a département ("972"), an EPCI SIREN ("200041788"), a zone
 * ("972-NORD"), "FR", a postal or INSEE code, or a typed reference of any area ("region:02",
 * "commune:97209"). A bare
 * two-digit code is a département (région codes are written "region:02": they are also département
 * numbers). Undefined when the code names nothing, or a point.
 */
export function servedPlace(code: string): Place | undefined {
  if (typeof code !== 'string') return undefined;
  const text = code.trim();
  const data = loadTerritory();
  if (text.includes(':')) return placeOfRef(data, text);
  if (EPCI.test(text)) return placeOfRef(data, `epci:${text}`);
  if (ZONE.test(text)) return placeOfRef(data, `zone:${text}`);
  if (text.toUpperCase() === 'FR') return placeOfRef(data, 'country:FR');
  if (/^\d{5}$/.test(text)) return placeOfRef(data, `postcode:${text}`) ?? placeOfRef(data, `commune:${text}`) ?? placeOfRef(data, `arrondissement:${text}`);
  if (DEPARTEMENT.test(text)) return placeOfRef(data, `departement:${text.length === 1 ? `0${text}` : text}`);
  return undefined;
}

/** The reference of a place ("commune:97209", "zone:972-NORD"), accepted back wherever a place is taken. */
export function refOf(place: Place): string {
  return `${place.type}:${place.code}`;
}

const insideSets = new Map<string, ReadonlySet<string>>();

/** INSEE codes of the communes (and Paris/Lyon/Marseille arrondissements) of a served territory, cached. */
export function communesInside(served: Place): ReadonlySet<string> {
  const key = `${served.type}:${served.code}`;
  let set = insideSets.get(key);
  if (!set) {
    set = new Set(communesOf(served, { arrondissements: true }));
    insideSets.set(key, set);
  }
  return set;
}

/** Codes of the communes a place covers, for an overlap test (a shared position: its nearest commune). */
function communesTouched(data: TerritoryData, place: Place): string[] {
  if (place.type === 'coords') {
    const near = place.center ? nearestCommunes(place.center, { limit: 1, maxKm: 20 })[0] : undefined;
    return near ? [near.place.code] : [];
  }
  if (place.type === 'arrondissement') return [place.code, ...(place.parent ? [place.parent] : [])];
  if (place.type === 'country') return data.currentCommunes;
  return communesOf(place);
}

/** Whether a place has at least one commune inside the served territory ("France" is never outside). */
export function isInside(place: Place, served: Place): boolean {
  if (place.type === 'country') return true;
  if (place.type === 'departement' && served.departement === place.code) return true;
  if (place.type === 'region' && served.region === place.code) return true;
  const inside = communesInside(served);
  return communesTouched(loadTerritory(), place).some((code) => inside.has(code));
}

/**
 * How a French sentence links to an area's name, from INSEE's "type de nom en clair" (TNCC):
 * `de` (de Mayotte, de La Réunion), `d` (d'Eure-et-Loir), `du` (du Nord), `de_la` (de la Martinique),
 * `des` (des Bouches-du-Rhône), `de_l` (de l'Ain). EPCI (« communauté ») and zones take `de_la`.
 */
export type Liaison = 'de' | 'd' | 'du' | 'de_la' | 'des' | 'de_l' | 'zone';

const TNCC: Record<number, Liaison> = { 0: 'de', 1: 'd', 2: 'du', 3: 'de_la', 4: 'des', 5: 'de_l', 6: 'des', 7: 'des', 8: 'des' };

/** The liaison of a place's name (département and région from INSEE; EPCI `de_la`; zone `zone`). */
export function liaisonOf(place: Place): Liaison {
  const data = loadTerritory();
  switch (place.type) {
    case 'departement':
      return TNCC[data.departements.get(place.code)?.liaison ?? 0] ?? 'de';
    case 'region':
      return TNCC[data.regions.get(place.code)?.liaison ?? 0] ?? 'de';
    case 'epci':
      return 'de_la';
    case 'zone':
      return 'zone';
    default:
      return /^[aeiouyhâéèêîôû]/i.test(place.label) ? 'd' : 'de';
  }
}


/**
 * The context to resolve places with, from what the conversation knows (`departement`) and the
 * served territory (`territory`): without a département of its own, the territory's.
 */
export function placeContext(known: { departement?: string; territory?: string }): ResolveContext {
  const served = known.territory ? servedPlace(known.territory) : undefined;
  const departement = known.departement?.trim() || served?.departement;
  const ctx: ResolveContext = {};
  if (departement) ctx.departement = departement;
  if (served && served.type !== 'country') ctx.territory = known.territory!.trim();
  return ctx;
}
