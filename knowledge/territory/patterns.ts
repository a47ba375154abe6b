import type { LatLng } from './types';

/** Recognisers for the forms that are not names: coordinates, codes, arrondissements. All anchored, no backtracking traps. */

const DOT_PAIR = /^\(?\s*([+-]?\d{1,2}\.\d{1,12})\s*[,; ]\s*([+-]?\d{1,3}\.\d{1,12})\s*\)?$/;
const COMMA_PAIR = /^\(?\s*([+-]?\d{1,2},\d{1,12})\s*(?:;|\s)\s*([+-]?\d{1,3},\d{1,12})\s*\)?$/;

/** "14.6,-61.07", "14.6, -61.07", "14.6 -61.07", "(14.6; -61.07)", "14,6 ; -61,07". Both numbers need decimals. */
export function parseCoordinates(raw: string): LatLng | undefined {
  const text = raw.trim();
  if (text.length > 60) return undefined;
  const m = DOT_PAIR.exec(text) ?? COMMA_PAIR.exec(text);
  if (!m) return undefined;
  const lat = Number(m[1]!.replace(',', '.'));
  const lng = Number(m[2]!.replace(',', '.'));
  if (!Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) return undefined;
  return { lat, lng };
}

export const POSTCODE = /^\d{5}$/;
const POSTCODE_AND_NAME = /^(\d{5}) ([a-z].*)$/;
const NAME_AND_POSTCODE = /^([a-z].*) (\d{5})$/;

/** "97228 st luce" or "st luce 97228" (normalised) → postal code and name. */
export function parsePostcodeAndName(normalized: string): { postcode: string; name: string } | undefined {
  const a = POSTCODE_AND_NAME.exec(normalized);
  if (a) return { postcode: a[1]!, name: a[2]! };
  const b = NAME_AND_POSTCODE.exec(normalized);
  if (b) return { postcode: b[2]!, name: b[1]! };
  return undefined;
}

/**
 * A département number as typed (normalised): "972", "2a", "1" → "01", "06". "20" gives both Corsican
 * départements. Returns undefined when the text is not shaped like one (existence is checked by the caller).
 */
export function parseDepartementCode(normalized: string): string[] | undefined {
  if (/^2 ?[ab]$/.test(normalized)) return [normalized.replace(' ', '').toUpperCase()];
  if (/^\d{1,2}$/.test(normalized)) {
    const code = normalized.padStart(2, '0');
    return code === '20' ? ['2A', '2B'] : [code];
  }
  if (/^9[78]\d$/.test(normalized)) return [normalized];
  return undefined;
}

export type ArrondissementCity = 'paris' | 'lyon' | 'marseille';

const CITY_CODES: Record<ArrondissementCity, { parent: string; count: number; code: (n: number) => string }> = {
  paris: { parent: '75056', count: 20, code: (n) => `751${String(n).padStart(2, '0')}` },
  lyon: { parent: '69123', count: 9, code: (n) => `6938${n}` },
  marseille: { parent: '13055', count: 16, code: (n) => `132${String(n).padStart(2, '0')}` },
};

const ORDINAL = '(?:e|er|ere|eme|ieme|em|me)';
const WORD = '(?:arr|arrt|arrdt|ardt|arrondissement|arrondissements)';
const CITY_FIRST = new RegExp(`^(paris|lyon|marseille) (\\d{1,2}) ?${ORDINAL}?(?: ${WORD})?$`);
const NUMBER_FIRST = new RegExp(`^(\\d{1,2}) ?${ORDINAL}?(?: ${WORD})?(?: (?:de|d|a))? (paris|lyon|marseille)$`);
const ORDINAL_WORDS: Record<string, number> = { premier: 1, premiere: 1 };

/**
 * "paris 15", "paris 15e", "lyon 3eme", "marseille 13e arrondissement", "15e arrondissement de paris",
 * "paris premier" → the arrondissement's INSEE code, or `{ parent }` alone when the number does not exist.
 */
export function parseArrondissement(normalized: string): { code?: string; parent: string } | undefined {
  let city: string | undefined;
  let num: number | undefined;
  const a = CITY_FIRST.exec(normalized);
  const b = a ? undefined : NUMBER_FIRST.exec(normalized);
  if (a) [city, num] = [a[1], Number(a[2])];
  else if (b) [city, num] = [b[2], Number(b[1])];
  else {
    const c = /^(paris|lyon|marseille) (premier|premiere)(?: arrondissement)?$/.exec(normalized);
    if (!c) return undefined;
    [city, num] = [c[1], ORDINAL_WORDS[c[2]!]];
  }
  const spec = CITY_CODES[city as ArrondissementCity];
  if (num === undefined || num < 1 || num > spec.count) return { parent: spec.parent };
  return { code: spec.code(num), parent: spec.parent };
}
