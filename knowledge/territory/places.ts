import type { TerritoryData } from './load';
import type { CommuneRecord, LatLng, Place } from './types';

/** Builders of the small `Place` objects handed to dialogs (fresh objects: callers may keep them). */

export const COUNTRY_CODE = 'FR';

function copyPoint(point: LatLng | undefined): LatLng | undefined {
  return point ? { lat: point.lat, lng: point.lng } : undefined;
}

export function communePlace(c: CommuneRecord, postcode?: string): Place {
  const place: Place = { type: c.kind, code: c.code, label: c.name, departement: c.departement, region: c.region };
  const center = copyPoint(c.center);
  if (center) place.center = center;
  if (c.population !== undefined) place.population = c.population;
  if (c.parent) place.parent = c.parent;
  if (postcode) place.postcode = postcode;
  return place;
}

export function departementPlace(data: TerritoryData, code: string): Place | undefined {
  const d = data.departements.get(code);
  if (!d) return undefined;
  return { type: 'departement', code: d.code, label: d.name, departement: d.code, region: d.region, population: d.population };
}

export function regionPlace(data: TerritoryData, code: string): Place | undefined {
  const r = data.regions.get(code);
  if (!r) return undefined;
  const place: Place = { type: 'region', code: r.code, label: r.name, region: r.code, population: r.population };
  if (r.departements.length === 1) place.departement = r.departements[0];
  return place;
}

export function epciPlace(data: TerritoryData, code: string): Place | undefined {
  const e = data.epcis.get(code);
  if (!e) return undefined;
  const place: Place = { type: 'epci', code: e.code, label: e.name, communes: [...e.communes], population: e.population };
  if (e.departements.length === 1) place.departement = e.departements[0];
  if (e.regions.length === 1) place.region = e.regions[0];
  return place;
}

export function zonePlace(data: TerritoryData, code: string): Place | undefined {
  const z = data.zones.get(code);
  if (!z) return undefined;
  return { type: 'zone', code: z.code, label: z.label, departement: z.departement, region: z.region, communes: [...z.communes], population: z.population };
}

export function countryPlace(data: TerritoryData): Place {
  let population = 0;
  for (const r of data.regions.values()) population += r.population;
  return { type: 'country', code: COUNTRY_CODE, label: 'France', population };
}

/**
 * A postal code: the commune itself when only one has it, otherwise an area covering them
 * (no centre: several communes have no single point; see `anchorOf` in geometry).
 */
export function postcodePlace(data: TerritoryData, postcode: string): Place | undefined {
  const codes = data.postcodes.get(postcode);
  if (!codes || codes.length === 0) return undefined;
  const records = codes.map((code) => data.communes.get(code)!).sort((a, b) => (b.population ?? 0) - (a.population ?? 0));
  if (records.length === 1) return communePlace(records[0]!, postcode);
  const names = records.slice(0, 5).map((r) => r.name);
  const more = records.length > 5 ? `, … (${records.length} communes)` : '';
  const place: Place = {
    type: 'postcode',
    code: postcode,
    label: `${postcode} : ${names.join(', ')}${more}`,
    communes: records.map((r) => r.code),
    population: records.reduce((sum, r) => sum + (r.population ?? 0), 0),
  };
  const departements = new Set(records.map((r) => r.departement));
  const regions = new Set(records.map((r) => r.region));
  if (departements.size === 1) place.departement = records[0]!.departement;
  if (regions.size === 1) place.region = records[0]!.region;
  return place;
}

/** Builds the place of any indexed key ("commune:97209", "departement:972", …). */
export function placeOfKey(data: TerritoryData, key: string): Place | undefined {
  const colon = key.indexOf(':');
  const kind = key.slice(0, colon);
  const code = key.slice(colon + 1);
  switch (kind) {
    case 'commune': {
      const c = data.communes.get(code);
      return c ? communePlace(c) : undefined;
    }
    case 'departement':
      return departementPlace(data, code);
    case 'region':
      return regionPlace(data, code);
    case 'epci':
      return epciPlace(data, code);
    case 'zone':
      return zonePlace(data, code);
    case 'country':
      return countryPlace(data);
    default:
      return undefined;
  }
}

/** Place types written in a reference ("commune:97209", "postcode:13001", "region:02"). */
const REF = /^([a-z]+):(.{1,40})$/;

/**
 * The place of a typed reference `<type>:<code>`, as the API returns it (`ref`): every place type but
 * coordinates (read by the caller). Codes are case-insensitive ("departement:2a", "zone:972-nord").
 */
export function placeOfRef(data: TerritoryData, ref: string): Place | undefined {
  const m = REF.exec(ref.trim().toLowerCase());
  if (!m) return undefined;
  const [, type, raw] = m as unknown as [string, string, string];
  const code = raw.trim().toUpperCase();
  switch (type) {
    case 'commune':
    case 'arrondissement': {
      const c = data.communes.get(code);
      return c && c.kind === type ? communePlace(c) : undefined;
    }
    case 'postcode':
      return /^\d{5}$/.test(code) ? postcodePlace(data, code) : undefined;
    case 'departement':
    case 'region':
    case 'epci':
    case 'zone':
      return placeOfKey(data, `${type}:${code}`);
    case 'country':
      return code === COUNTRY_CODE ? countryPlace(data) : undefined;
    default:
      return undefined;
  }
}
