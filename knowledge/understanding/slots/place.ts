import { editDistance, getTerritory, normalizeText, resolvePlace, stripPlaceFillers, stripArticle, type Place, type ResolveContext, type ResolveResult } from '../../territory';
import { placeOfKey } from '../../territory/places';
import { loadTerritory } from '../../territory/load';
import { loadLexicons } from '../lexicons';
import { soundsLike } from './soundsLike';
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
  // SMS: "o" is "au" ("o lamantin"), "jhabite" is "j'habite".
  'o', 'jhabite',
]);
/** French-only triggers (in English "o" is no word before a place). */
const FRENCH_TRIGGERS = new Set(['o', 'jhabite']);
/** English-only triggers ("the nearest Cap Emploi to Ducos", "closest to Le Lamentin"). */
const ENGLISH_TRIGGERS = new Set(['to']);
/** Subject pronouns: a lone lower-case word right after one is a verb (« je garde », « on perd »), not a commune. */
const PRONOUNS = new Set(['je', 'j', 'tu', 'il', 'elle', 'on', 'nous', 'vous', 'ils', 'elles', 'i', 'you', 'we', 'they', 'he', 'she', 'ca', 'ce', 'c']);
/** Words that may sit inside a misspelt place name after a trigger ("fort de frans", "st joseph", "le lamantin"). */
const NAME_GLUE = new Set(['le', 'la', 'les', 'l', 'de', 'du', 'des', 'd', 'saint', 'sainte', 'st', 'ste', 'sur', 'en']);
/** A misspelt name after a trigger is read only when this many letters are typed ("o matin" is not Le Marin). */
const MIN_FUZZY_LETTERS = 6;
/** After a zone word, words that make it something else (« centre ville », « centre social », « centre de santé », « nord de la France »). */
const ZONE_WORD_OF = new Set(['ville', 'social', 'sociaux', 'commercial', 'hospitalier', 'medical', 'aere', 'communal', 'culturel', 'sportif', 'd', 'de', 'du', 'des', 'pour']);
const MAX_FUZZY_SPAN = 3;
/** A name spelt by ear after a trigger is read from this many letters (« robèr », « karbé »). */
const MIN_SOUND_LETTERS = 5;
/** "de"/"du" start a place only after these ("autour de", "pas loin du", "à côté de", "région de"). */
const DE_AFTER = new Set(['pres', 'autour', 'cote', 'loin', 'proche', 'environs', 'alentours', 'region', 'secteur', 'commune', 'ville', 'zone', 'coin']);
const MAX_SPAN = 5;
/** Only exact answers are used here: typo suggestions would turn ordinary words into villages. */
const EXACT = { exact: true };
/** A bare number after a trigger is a département only after these ("dans le 93", "en 971", "dpt 13"), never after "à"/"at"/"de" ("il y a 15 jours", "at 18"). */
const NUMBER_TRIGGERS = new Set(['dans', 'en', 'departement', 'dept', 'dpt', 'secteur', 'zone', 'in', 'sur', 'vers']);
/** What a number counts when it is not a place ("dans 15 jours", "de 2 gamins"). */
const COUNTED = /^(ans?|annees?|mois|jours?|semaines?|heures?|h|min|minutes?|enfants?|gamins?|gosses?|personnes?|euros?|eur|fois|km|kms|years?|months?|weeks?|days?|hours?|kids?|children|times)$/;
/** English zone words, read as the French ones ("in the north" = "dans le nord"). */
const ENGLISH_ZONES: Record<string, string> = { north: 'nord', south: 'sud', center: 'centre', centre: 'centre', the: 'le' };
const ZONE_WORDS = ['sud', 'nord', 'centre'];
/** A zone word is the place only after these ("dans le sud", "in the north"), not in "job centre" or "centre-ville". */
const BEFORE_ZONE = new Set(['le', 'la', 'du', 'au', 'dans', 'en', 'vers', 'zone', 'secteur', 'cote', 'partie', 'coin', 'region']);
/** Outside the user's département, a one-word commune this small after a trigger is more likely a word ("à cause" ≠ Le Causé). */
const SMALL_COMMUNE = 1000;
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

let names: Set<string> | undefined;
/**
 * Names of communes and zone names of two words or more, normalised ("fort de france", "les trois
 * ilets", "cap nord", "espace sud", "nord atlantique"): made of common words, they count written whole.
 */
function wholeNames(): ReadonlySet<string> {
  if (names) return names;
  const data = getTerritory().data;
  const all = [...data.communes.values()].map((c) => normalizeText(c.name));
  for (const zone of data.zones.values()) all.push(...zone.aliases.map((a) => stripArticle(normalizeText(a))));
  names = new Set(all.filter((n) => n.includes(' ')));
  return names;
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
export function extractPlace(p: PreparedText, skip: ReadonlySet<number>, context: ResolveContext, locale: 'fr' | 'en' = 'fr'): PlaceFound {
  const ctx = context.departement || context.territory ? context : undefined;
  // English: "a" is an article ("thanks a lot" is not the Lot), zone words are said in English.
  const english = locale === 'en';
  const coords = COORDS.exec(p.raw);
  if (coords) {
    const found = foundPlace(resolvePlace(coords[0], ctx, EXACT));
    if (found) return found;
  }
  const tokens = english ? p.tokens.map((t) => ENGLISH_ZONES[t] ?? t) : p.tokens;
  for (let i = 0; i < tokens.length; i++) {
    if (skip.has(i)) continue;
    if (/^\d{5}$/.test(tokens[i]!) || (/^9[78]\d$/.test(tokens[i]!) && !/^(km|ans?|mois|euros?)$/.test(tokens[i + 1] ?? ''))) {
      const found = foundPlace(resolvePlace(tokens[i]!, ctx, EXACT));
      if (found) return found;
    }
  }
  const words = commonWords();
  let candidates: PlaceFound | undefined;
  let afterTo: PlaceFound | undefined;
  for (let i = 0; i < tokens.length; i++) {
    if (skip.has(i) || !(TRIGGERS.has(tokens[i]!) || (english && ENGLISH_TRIGGERS.has(tokens[i]!)))) continue;
    if (english && (tokens[i] === 'a' || FRENCH_TRIGGERS.has(tokens[i]!))) continue;
    // A zone word alone is an answer ("sud"); elsewhere only after "le", "dans"… ("job centre" is no zone).
    if (ZONE_WORDS.includes(tokens[i]!) && !BEFORE_ZONE.has(tokens[i - 1] ?? '') && tokens.length > 1) continue;
    // "de"/"du" after a place word ("autour de") or a structure ("la mission locale du Robert").
    if ((tokens[i] === 'de' || tokens[i] === 'du') && !DE_AFTER.has(tokens[i - 1] ?? '') && !skip.has(i - 1)) continue;
    // "dans le sud", "le nord": the zone word is itself the place.
    const from = ZONE_WORDS.includes(tokens[i]!) ? i : i + 1;
    // A bare number: a département only as "dans le 93", never a count ("dans 2 semaines") or an age ("at 18").
    const number = /^\d{1,2}$/.test(tokens[from] ?? '') ? from : tokens[from] === 'le' && /^\d{1,2}$/.test(tokens[from + 1] ?? '') ? from + 1 : -1;
    if (number >= 0 && (!NUMBER_TRIGGERS.has(tokens[i]!) || tokens[number]!.length < 2 || COUNTED.test(tokens[number + 1] ?? ''))) continue;
    for (let end = Math.min(tokens.length, from + MAX_SPAN); end > from; end--) {
      if (tokens.slice(from, end).some((_, k) => skip.has(from + k))) continue;
      const span = tokens.slice(i, end).join(' ');
      const placeWords = tokens.slice(from, end).join(' ');
      const result = resolvePlace(['au', 'aux', 'du', 'des'].includes(tokens[i]!) ? span : placeWords, ctx, EXACT);
      const found = foundPlace(result);
      if (!found) continue;
      if (ZONE_WORDS.includes(tokens[end - 1]!) && ZONE_WORD_OF.has(tokens[end] ?? '') && p.clauses[end] === p.clauses[end - 1] && !/^(de la |de |d |du )?(martinique|l ile|ile)( |$)/.test(tokens.slice(end, end + 4).join(' '))) continue;
      // "o" is a local's SMS "au": only a place of the context département ("o bou de 2 ans" is "au bout").
      if (tokens[i] === 'o' && !(found.place && ctx?.departement && (found.place.type !== 'commune' || found.place.code.startsWith(ctx.departement)))) continue;
      const types = result.status === 'found' ? [result.place.type] : result.status === 'ambiguous' ? result.candidates.map((c) => c.type) : [];
      const area = types.some((type) => type === 'departement' || type === 'region' || type === 'zone');
      if (!area && isCommonWord(placeWords, words)) continue;
      if (ZONE_WORDS.includes(tokens[i]!) && !area && result.status === 'found') continue;
      if (result.status === 'found' && result.place.type === 'commune' && end - from === 1 && result.place.departement !== ctx?.departement && (result.place.population ?? 0) < SMALL_COMMUNE) continue;
      // "to" gives way to any other trigger ("moved to Martinique …, an ACI near Le Lamentin").
      if (found.place && ENGLISH_TRIGGERS.has(tokens[i]!)) {
        afterTo ??= found;
        break;
      }
      if (found.place) return found;
      candidates ??= found;
      break;
    }
  }
  if (afterTo) return afterTo;
  if (candidates) {
    // Namesakes far away ("rivière" of « de riviere salé ») give way to a misspelt local name after a trigger.
    const local = candidates.placeCandidates?.some((c) => c.departement === ctx?.departement);
    const misspelt = local ? {} : misspeltAfterTrigger(tokens, skip, words, ctx, english);
    return misspelt.place ? misspelt : candidates;
  }
  const fallback = fallbackPlace({ ...p, tokens }, skip, words, ctx, english);
  // A bare word naming a far commune ("frans" in "à fort de frans") gives way to a misspelt local name after a trigger.
  const far = !fallback.place || (fallback.place.type === 'commune' && !!ctx?.departement && !fallback.place.code.startsWith(ctx.departement));
  if (!far) return fallback;
  const misspelt = misspeltAfterTrigger(tokens, skip, words, ctx, english);
  return misspelt.place ? misspelt : fallback;
}

const ABBREVIATIONS: Record<string, string> = { st: 'saint', ste: 'sainte' };

/** Each typed word is its name's word, its abbreviation, or a typo of it (one edit up to 5 letters, two above). */
function closeWordForWord(typed: string[], name: string[]): boolean {
  if (typed.length !== name.length) return false;
  return typed.every((t, k) => {
    const n = name[k]!;
    if (t === n || ABBREVIATIONS[t] === n) return true;
    const allowed = n.length <= 3 ? 0 : n.length <= 5 ? 1 : 2;
    return allowed > 0 && t[0] === n[0] && editDistance(t, n, allowed) <= allowed;
  });
}

/**
 * Last resort, when nothing was read exactly: a misspelt name right after a trigger ("o lamantin",
 * "au robere", "à Schelcher", "du côté de riviere salé"), read with the resolver's typo suggestions
 * but only inside the context département, when exactly one of its communes is suggested. Only
 * words outside every lexicon (and name glue such as "de", "saint") make the name, unless it ends
 * the message; at least 6 letters.
 */
function misspeltAfterTrigger(tokens: string[], skip: ReadonlySet<number>, words: ReadonlySet<string>, ctx: ResolveContext | undefined, english: boolean): PlaceFound {
  const departement = ctx?.departement;
  // English names of other islands ("from St Lucia") are one typo from a commune: English is read exactly.
  if (!departement || english) return {};
  for (let i = 0; i < tokens.length; i++) {
    if (skip.has(i) || !TRIGGERS.has(tokens[i]!) || ZONE_WORDS.includes(tokens[i]!)) continue;
    if (english && (tokens[i] === 'a' || FRENCH_TRIGGERS.has(tokens[i]!))) continue;
    const from = i + 1;
    for (let end = Math.min(tokens.length, from + MAX_FUZZY_SPAN); end > from; end--) {
      const span = tokens.slice(from, end);
      // Lexicon words ("fort" of "fort de frans") only in a name that ends the message.
      if (span.some((t, k) => skip.has(from + k) || /\d/.test(t) || (words.has(t) && !NAME_GLUE.has(t) && end < tokens.length))) continue;
      if (NAME_GLUE.has(span[span.length - 1]!)) continue;
      const name = stripArticle(span.join(' '));
      const letters = name.replace(/[^a-z]/g, '').length;
      if (letters < MIN_SOUND_LETTERS) continue;
      // Spelt by ear (« au robèr », « o karbé »): the one commune of the département that sounds the same.
      const heard = soundsLikeLocalCommune(name, departement);
      if (heard) return { place: heard };
      if (letters < MIN_FUZZY_LETTERS) continue;
      const result = resolvePlace(name, ctx);
      const places = result.status === 'found' ? [result.place] : result.status === 'suggestions' ? result.candidates : [];
      const local = places.filter((c) => c.departement === departement && c.type === 'commune');
      if (local.length !== 1 || places[0] !== local[0]) continue;
      // Word for word close to the name ("stade pierre aliker", "stade pierre" are not Saint-Pierre).
      if (!closeWordForWord(name.split(' '), stripArticle(normalizeText(local[0]!.label)).split(' '))) continue;
      const place = toSlot(local[0]!);
      if (place) return { place };
    }
  }
  return {};
}

const soundsOfCommunes = new Map<string, Map<string, PlaceSlot | null>>();
/** The commune of `departement` whose name sounds like `name` (article left out), when exactly one does. */
function soundsLikeLocalCommune(name: string, departement: string): PlaceSlot | undefined {
  let sounds = soundsOfCommunes.get(departement);
  if (!sounds) {
    sounds = new Map();
    for (const commune of getTerritory().data.communes.values()) {
      if (commune.departement !== departement || commune.kind !== 'commune') continue;
      const key = soundsLike(stripArticle(normalizeText(commune.name.replace(/ç/g, 's'))));
      // Two communes that sound the same: neither is read by ear.
      const place = placeOfKey(loadTerritory(), `commune:${commune.code}`);
      const slot = place && toSlot(place);
      if (slot) sounds.set(key, sounds.has(key) ? null : slot);
    }
    soundsOfCommunes.set(departement, sounds);
  }
  return sounds.get(soundsLike(name)) ?? undefined;
}

/** Runs of words outside every lexicon, longest first: "aci lamentin", "stats schoelcher". Exact, single answer only. */
function fallbackPlace(p: PreparedText, skip: ReadonlySet<number>, words: ReadonlySet<string>, ctx: ResolveContext | undefined, english: boolean): PlaceFound {
  const tokens = p.tokens;
  // In English, a lone word is a place only written with a capital ("Nice", not "have a nice day").
  const capitalised = new Set(p.raw.split(/[^\p{L}]+/u).filter((w) => /^\p{Lu}/u.test(w)).map((w) => normalizeText(w)));
  let candidates: PlaceFound | undefined;
  const free = tokens.map((t, i) => !skip.has(i) && !/^\d+$/.test(t) && (t.length > 2 || ['le', 'la', 'les', 'l', 'st', 'ste', 'de', 'du', 'd', 'en', 'sur', 'a'].includes(t)));
  for (let len = Math.min(MAX_SPAN, tokens.length); len >= 1; len--) {
    for (let i = 0; i + len <= tokens.length; i++) {
      if (!free.slice(i, i + len).every(Boolean)) continue;
      const span = tokens.slice(i, i + len);
      // « je garde », « on perd »: a lone word after a subject pronoun is a verb.
      if (len === 1 && PRONOUNS.has(tokens[i - 1] ?? '') && !capitalised.has(span[0]!)) continue;
      const commonEnds =
        span.every((t) => words.has(t) || ['le', 'la', 'les', 'l'].includes(t)) ||
        (words.has(span[0]!) && !['le', 'la', 'les', 'l', 'st', 'ste', 'saint', 'sainte'].includes(span[0]!)) || words.has(span[span.length - 1]!);
      // A name made of common words ("Fort-de-France") counts only written whole, in two words or more.
      if (commonEnds && !(len >= 2 && wholeNames().has(span.join(' ')))) continue;
      const result = resolvePlace(span.join(' '), ctx, EXACT);
      if (english && len === 1 && !capitalised.has(span[0]!)) continue;
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

/** The full territory place a place slot names (a slot keeps only type, code and label). */
export function placeOfSlot(slot: PlaceSlot): Place | undefined {
  if (slot.type === 'coords' || slot.type === 'postcode') {
    const found = resolvePlace(slot.code);
    return found.status === 'found' ? found.place : undefined;
  }
  return placeOfKey(loadTerritory(), `${slot.type}:${slot.code}`);
}
