import { resolvePlace, stripPlaceFillers, stripArticle, type Place, type ResolveResult } from '../../territory';
import { loadLexicons } from '../lexicons';
import type { PreparedText } from './text';

export type PlaceSlotType = 'commune' | 'departement' | 'epci' | 'zone' | 'postcode' | 'coords' | 'region';
export interface PlaceSlot {
  type: PlaceSlotType;
  code: string;
  label: string;
}

export interface PlaceFound {
  place?: PlaceSlot;
  placeCandidates?: Place[];
}

/** Words after which a place is expected ("près du Lamentin", "vers Schœlcher", "à Fort-de-France", "near …"). */
const TRIGGERS = new Set([
  'a', 'au', 'aux', 'en', 'vers', 'dans', 'sur', 'pres', 'proche', 'autour', 'cote', 'habite', 'vis', 'secteur', 'commune',
  'ville', 'departement', 'dept', 'dpt', 'region', 'zone', 'near', 'in', 'around', 'at', 'from', 'de', 'du', 'sud', 'nord', 'centre',
]);
/** "de"/"du" start a place only after these ("autour de", "pas loin du", "à côté de", "région de"). */
const DE_AFTER = new Set(['pres', 'autour', 'cote', 'loin', 'proche', 'environs', 'alentours', 'region', 'secteur', 'commune', 'ville', 'zone', 'coin']);
const MAX_SPAN = 5;
const COORDS = /[+-]?\d{1,2}[.,]\d{1,12}\s*[,; ]\s*[+-]?\d{1,3}[.,]\d{1,12}/;

export function toSlot(place: Place): PlaceSlot | undefined {
  switch (place.type) {
    case 'arrondissement':
      return { type: 'commune', code: place.code, label: place.label };
    case 'country':
      return undefined;
    default:
      return { type: place.type, code: place.code, label: place.label };
  }
}

function foundPlace(result: ResolveResult): PlaceFound | undefined {
  if (result.status === 'found') {
    const place = toSlot(result.place);
    return place ? { place } : undefined;
  }
  if (result.status === 'ambiguous') return { placeCandidates: result.candidates };
  return undefined;
}

/** A single common word ("job", "foyer", "la rue") is never a place, whatever namesake commune exists. */
function isCommonWord(span: string, vocabulary: ReadonlySet<string>): boolean {
  const stripped = stripArticle(stripPlaceFillers(span));
  return !stripped || vocabulary.has(stripped) || /^\d{1,2}$/.test(stripped);
}

let vocabulary: Set<string> | undefined;
/** Words of every lexicon and the place stop words: what the rest of the message is made of. */
function commonWords(): ReadonlySet<string> {
  if (vocabulary) return vocabulary;
  const lex = loadLexicons();
  const words = new Set(lex.placeStopwords);
  const add = (phrase: unknown) => {
    if (typeof phrase === 'string') for (const w of phrase.split(' ')) if (w.length > 0) words.add(w);
  };
  for (const [, phrases] of lex.kinds) phrases.forEach(add);
  for (const [, phrases] of lex.criteria) phrases.forEach(add);
  for (const [, cues] of lex.intents) cues.forEach(([p]) => add(p));
  for (const [k, v] of lex.tokens) {
    add(k);
    add(v);
  }
  vocabulary = words;
  return words;
}

/**
 * The place a message names, read on its place-like part only: coordinates, a postal code, a
 * département number of overseas (97x), the words after "à / près de / vers / en / dans / near…",
 * else a run of words that are not in any lexicon (a short "aci lamentin"). Only exact resolutions
 * count (typos would turn ordinary words into villages); an ambiguous name gives candidates.
 * `skip` holds token indices already read as something else (a kind, a criterion, "20 km").
 */
export function extractPlace(p: PreparedText, skip: ReadonlySet<number>, context: { departement?: string }): PlaceFound {
  const ctx = context.departement ? { departement: context.departement } : undefined;
  const coords = COORDS.exec(p.raw);
  if (coords) {
    const found = foundPlace(resolvePlace(coords[0], ctx));
    if (found) return found;
  }
  const tokens = p.tokens;
  for (let i = 0; i < tokens.length; i++) {
    if (skip.has(i)) continue;
    if (/^\d{5}$/.test(tokens[i]!) || (/^9[78]\d$/.test(tokens[i]!) && !/^(km|ans?|mois|euros?)$/.test(tokens[i + 1] ?? ''))) {
      const found = foundPlace(resolvePlace(tokens[i]!, ctx));
      if (found) return found;
    }
  }
  const words = commonWords();
  let candidates: PlaceFound | undefined;
  for (let i = 0; i < tokens.length; i++) {
    if (skip.has(i) || !TRIGGERS.has(tokens[i]!)) continue;
    // "de"/"du" after a place word ("autour de") or a structure ("la mission locale du Robert").
    if ((tokens[i] === 'de' || tokens[i] === 'du') && !DE_AFTER.has(tokens[i - 1] ?? '') && !skip.has(i - 1)) continue;
    // "dans le sud", "le nord": the zone word is itself the place.
    const from = ['sud', 'nord', 'centre'].includes(tokens[i]!) ? i : i + 1;
    for (let end = Math.min(tokens.length, from + MAX_SPAN); end > from; end--) {
      if (tokens.slice(from, end).some((_, k) => skip.has(from + k))) continue;
      const span = tokens.slice(i, end).join(' ');
      const placeWords = tokens.slice(from, end).join(' ');
      const result = resolvePlace(['au', 'aux', 'du', 'des'].includes(tokens[i]!) ? span : placeWords, ctx);
      const found = foundPlace(result);
      if (!found) continue;
      const types = result.status === 'found' ? [result.place.type] : result.status === 'ambiguous' ? result.candidates.map((c) => c.type) : [];
      const area = types.some((type) => type === 'departement' || type === 'region' || type === 'zone');
      if (!area && isCommonWord(placeWords, words)) continue;
      if (['sud', 'nord', 'centre'].includes(tokens[i]!) && !area && result.status === 'found') continue;
      if (found.place) return found;
      candidates ??= found;
      break;
    }
  }
  if (candidates) return candidates;
  return fallbackPlace(p, skip, words, ctx);
}

/** Runs of words outside every lexicon, longest first: "aci lamentin", "stats schoelcher". Exact, single answer only. */
function fallbackPlace(p: PreparedText, skip: ReadonlySet<number>, words: ReadonlySet<string>, ctx: { departement?: string } | undefined): PlaceFound {
  const tokens = p.tokens;
  let candidates: PlaceFound | undefined;
  const free = tokens.map((t, i) => !skip.has(i) && !/^\d+$/.test(t) && (t.length > 2 || ['le', 'la', 'les', 'l', 'st', 'ste'].includes(t)));
  for (let len = Math.min(MAX_SPAN, tokens.length); len >= 1; len--) {
    for (let i = 0; i + len <= tokens.length; i++) {
      if (!free.slice(i, i + len).every(Boolean)) continue;
      const span = tokens.slice(i, i + len);
      if (span.every((t) => words.has(t) || ['le', 'la', 'les', 'l'].includes(t))) continue;
      if (words.has(span[0]!) && !['le', 'la', 'les', 'l', 'st', 'ste', 'saint', 'sainte'].includes(span[0]!)) continue;
      if (words.has(span[span.length - 1]!)) continue;
      const result = resolvePlace(span.join(' '), ctx);
      if (result.status === 'ambiguous' && !isCommonWord(span.join(' '), words)) {
        candidates ??= { placeCandidates: result.candidates };
        continue;
      }
      if (result.status !== 'found') continue;
      const area = ['departement', 'region', 'zone'].includes(result.place.type);
      if (!area && isCommonWord(span.join(' '), words)) continue;
      // Outside the context département, a word that names a small commune ("La Table", "Appelle") is more
      // likely an ordinary word; more so in a long message.
      const local = ctx?.departement !== undefined && result.place.departement === ctx.departement;
      if (!area && !local && (result.place.population ?? 0) < (tokens.length > 6 ? 10000 : 2000)) continue;
      const place = toSlot(result.place);
      if (place) return { place };
    }
  }
  return candidates ?? {};
}
