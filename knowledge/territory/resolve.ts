import { stripPlaceFillers } from './fillers';
import { editDistance, fuzzyEntries, maxEdits, warmUpFuzzy, wordEntries } from './fuzzy';
import { nearestCommunes } from './geometry';
import { lookupName, nameCandidates, parseQualifier } from './lookup';
import { normalizeText, stripArticle } from './normalize';
import { POSTCODE, parseArrondissement, parseCoordinates, parseDepartementCode, parsePostcodeAndName } from './patterns';
import { communePlace, countryPlace, departementPlace, epciPlace, placeOfKey, placeOfRef, postcodePlace, zonePlace } from './places';
import { compareByContextThenPopulation, completeContext, contextScore, MAX_CANDIDATES, shortList, type RankContext } from './rank';
import { getTerritory, type Territory } from './territory';
import type { LatLng, Place, ResolveContext, ResolveResult } from './types';

/** Longer inputs are not a place name (a sentence, a paste): answered not_found at once. */
export const MAX_INPUT_LENGTH = 200;
const MAX_NAME_LENGTH = 80;
/** A shared position gets the département of the nearest commune point within this distance. */
const COORDS_TERRITORY_KM = 20;

const NOT_FOUND: ResolveResult = { status: 'not_found' };

/** Loads the data and builds every index now (call at start-up so the first user does not wait). */
export function warmUpTerritory(): void {
  warmUpFuzzy(getTerritory());
}

/** A current commune or arrondissement by INSEE code; a former/delegated code gives its current commune. */
export function resolveInsee(code: string): Place | undefined {
  const { data } = getTerritory();
  const key = typeof code === 'string' ? code.trim().toUpperCase() : '';
  const record = data.communes.get(key) ?? data.communes.get(data.formerCodes.get(key) ?? '');
  return record ? communePlace(record) : undefined;
}

/**
 * The commune of a postal address: postal code + town name as La Poste writes it ("97230", "STE MARIE").
 * Falls back to the only commune of the postal code when the name does not match.
 */
export function resolveCommuneByPostcode(postcode: string, name: string): Place | undefined {
  const { data } = getTerritory();
  const codes = data.postcodes.get(postcode.trim()) ?? [];
  const matched = communeOfPostcode(postcode.trim(), name);
  return matched ?? (codes.length === 1 ? communePlace(data.communes.get(codes[0]!)!, postcode.trim()) : undefined);
}

/** The commune of this postal code whose name matches (exactly, else by one clearly closest spelling). */
function communeOfPostcode(postcode: string, name: string): Place | undefined {
  const { data } = getTerritory();
  const records = (data.postcodes.get(postcode) ?? []).map((code) => data.communes.get(code)!);
  const wanted = normalizeText(name).replace(/ cedex( \d+)?$/, '');
  const keys = (n: string) => [normalizeText(n), stripArticle(normalizeText(n))];
  const exact = records.filter((r) => keys(r.name).includes(wanted) || keys(r.name).includes(stripArticle(wanted)));
  if (exact.length === 1) return communePlace(exact[0]!, postcode);
  const limit = maxEdits(wanted.length);
  const close = records
    .map((r) => ({ r, d: Math.min(...keys(r.name).map((k) => editDistance(wanted, k, limit))) }))
    .filter((x) => x.d <= limit)
    .sort((a, b) => a.d - b.d);
  if (close.length > 0 && (close.length === 1 || close[0]!.d < close[1]!.d)) return communePlace(close[0]!.r, postcode);
  return undefined;
}

function coordsPlace(point: LatLng): Place {
  const code = `${point.lat.toFixed(5)},${point.lng.toFixed(5)}`;
  const place: Place = { type: 'coords', code, label: `${point.lat.toFixed(5)}, ${point.lng.toFixed(5)}`, center: { ...point } };
  const near = nearestCommunes(point, { limit: 1, maxKm: COORDS_TERRITORY_KM })[0];
  if (near) {
    if (near.place.departement) place.departement = near.place.departement;
    if (near.place.region) place.region = near.place.region;
  }
  return place;
}

/** Codes and the fixed forms: postal code, département number, arrondissement, postal code + name. */
function resolveForms(t: Territory, q: string, ctx: RankContext, codes: boolean): ResolveResult | undefined {
  if (POSTCODE.test(q)) {
    const place = postcodePlace(t.data, q);
    if (place) return { status: 'found', place };
    const insee = resolveInsee(q);
    if (insee && codes) return { status: 'found', place: insee };
    return insee ? { status: 'suggestions', candidates: [insee] } : NOT_FOUND;
  }
  const departements = parseDepartementCode(q)?.map((code) => departementPlace(t.data, code)).filter((p): p is Place => !!p);
  if (departements?.length === 1) return { status: 'found', place: departements[0]! };
  if (departements && departements.length > 1) return { status: 'ambiguous', candidates: departements };
  if (/^[\d ]+$/.test(q)) return NOT_FOUND;
  const arrondissement = parseArrondissement(q);
  if (arrondissement) {
    const code = arrondissement.code ?? arrondissement.parent;
    const place = communePlace(t.data.communes.get(code)!);
    return arrondissement.code ? { status: 'found', place } : { status: 'suggestions', candidates: [place] };
  }
  const withPostcode = parsePostcodeAndName(q);
  if (withPostcode) {
    // The name decides when it contradicts the postal code ("97232 le vauclin" is Le Vauclin).
    const place = communeOfPostcode(withPostcode.postcode, withPostcode.name);
    return place ? { status: 'found', place } : lookupName(t, withPostcode.name, ctx);
  }
  return undefined;
}

function resolveExact(t: Territory, q: string, ctx: RankContext, codes: boolean): ResolveResult | undefined {
  // "le 972", "la 2a": an article before a code.
  const form = resolveForms(t, q, ctx, codes) ?? (stripArticle(q) !== q ? resolveForms(t, stripArticle(q), ctx, codes) : undefined);
  if (form) return form;
  const byName = lookupName(t, q, ctx);
  if (byName) return byName;
  const qualified = parseQualifier(t, q);
  if (qualified) {
    const inside = nameCandidates(t, qualified.name).filter((c) => contextScore(c.place, qualified.ctx) > 0);
    if (inside.length === 1) return { status: 'found', place: inside[0]!.place };
    if (inside.length > 1) return { status: 'ambiguous', candidates: inside.map((c) => c.place).sort(compareByContextThenPopulation(ctx)).slice(0, MAX_CANDIDATES) };
  }
  return undefined;
}

/** After exact lookups: whole words inside names, then typos. Never `found`. */
function resolveFuzzy(t: Territory, q: string, ctx: RankContext): ResolveResult {
  const qualified = parseQualifier(t, q);
  const attempts: Array<{ text: string; ctx: RankContext; only: boolean }> = [];
  if (qualified) attempts.push({ text: qualified.name, ctx: qualified.ctx, only: true });
  attempts.push({ text: q, ctx, only: false });
  for (const search of [wordEntries, fuzzyEntries]) {
    for (const attempt of attempts) {
      const keys = new Set(search(t, attempt.text, attempt.ctx.departement).map((e) => e.key));
      const places = [...keys]
        .map((key) => placeOfKey(t.data, key))
        .filter((p): p is Place => !!p && (!attempt.only || contextScore(p, attempt.ctx) > 0));
      if (places.length > 0) return { status: 'suggestions', candidates: shortList(t.data, places, attempt.ctx) };
    }
  }
  return NOT_FOUND;
}

const EPCI_CODE = /^\d{9}$/;
const ZONE_CODE = /^[0-9AB]{2,3}-[A-Z]+$/i;
const REF = /^[a-z]{4,14}:/i;

/**
 * The codes the API returns, read back as they were written: a typed reference ("commune:13001",
 * "region:02", "zone:972-NORD", "coords:14.6,-61.07"), an EPCI SIREN, a zone code, "FR".
 * Undefined when the text is none of these forms.
 */
function resolveCode(t: Territory, raw: string): ResolveResult | undefined {
  let place: Place | undefined;
  if (REF.test(raw)) {
    const point = /^coords:/i.test(raw) ? parseCoordinates(raw.slice(raw.indexOf(':') + 1)) : undefined;
    place = point ? coordsPlace(point) : placeOfRef(t.data, raw);
    return place ? { status: 'found', place } : NOT_FOUND;
  }
  if (EPCI_CODE.test(raw)) place = epciPlace(t.data, raw);
  else if (ZONE_CODE.test(raw)) place = zonePlace(t.data, raw.toUpperCase());
  else if (raw === 'FR') place = countryPlace(t.data);
  else return undefined;
  return place ? { status: 'found', place } : NOT_FOUND;
}

export interface ResolveOptions {
  /** Exact lookups only (no typo suggestions). */
  exact?: boolean;
  /** Codes as a client sends them: a 5-digit code that is no postal code is an INSEE code (found, not suggested). */
  codes?: boolean;
}

/**
 * What place a person means by a short text: a commune (with or without accents, hyphens, article,
 * saint forms), a postal code (before any INSEE reading), a département number or name, a région,
 * an EPCI, a Martinique zone, "France", a Paris/Lyon/Marseille arrondissement or a "lat,lng" pair.
 * Filler words ("près de", "à", "vers") are ignored. Namesakes are ranked by the served territory
 * (`context.territory`: one inside it wins outright), the context département, then by population.
 * Every code the API returns is read back: typed references ("region:02"), EPCI SIREN, zone codes. Exact lookups first; typos only give `suggestions` (skipped with `exact`:
 * the free-text reader, which never uses suggestions, calls this many times per message).
 */
export function resolvePlace(text: string, context?: ResolveContext, options?: ResolveOptions): ResolveResult {
  if (typeof text !== 'string') return NOT_FOUND;
  const raw = text.trim();
  if (!raw || raw.length > MAX_INPUT_LENGTH) return NOT_FOUND;
  const point = parseCoordinates(raw);
  if (point) return { status: 'found', place: coordsPlace(point) };
  const t = getTerritory();
  const code = resolveCode(t, raw);
  if (code) return code;
  const normalized = normalizeText(raw);
  if (!normalized || normalized.length > MAX_NAME_LENGTH) return NOT_FOUND;
  const ctx = completeContext(t.data, context);
  const stripped = stripPlaceFillers(normalized);
  for (const q of new Set([normalized, stripped])) {
    if (!q) continue;
    const result = resolveExact(t, q, ctx, options?.codes === true);
    if (result) return result;
  }
  return stripped && !options?.exact ? resolveFuzzy(t, stripped, ctx) : NOT_FOUND;
}
