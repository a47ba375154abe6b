import { normalizeText, resolvePlace, stripPlaceFillers, type ResolveContext, type ResolveResult } from '../territory';
import { extractPlace, placeOfSlot } from './slots/place';
import { prepareText } from './slots/text';

/** SMS spellings of the words before a place ("o lamantin", "jhabite") that the place reader knows whole. */
const SMS = new Map([
  ['o', 'au'],
  ['jhabite', 'j habite'],
  ['chui', 'je suis'],
  ['jsuis', 'je suis'],
  ['jsui', 'je suis'],
]);
/** A trailing span this short is not tried with typos (too many villages are one typo away). */
const MIN_FUZZY_LETTERS = 4;
const MAX_TRAILING = 3;
/** An answer this short is a place name as typed: its typo suggestions come before any reading inside it. */
const SHORT_ANSWER_WORDS = 3;
/** Words after which the last words of a sentence are a place, typos included ("o lamantin", "près de Schelcher"). */
const BEFORE_PLACE = new Set(['a', 'au', 'aux', 'en', 'vers', 'pres', 'de', 'du', 'des', 'habite', 'sur', 'dans', 'cote', 'in', 'near', 'at']);

/**
 * The place a person gives when asked where: the whole answer as a place (with typos: suggestions),
 * else the place said inside a sentence ("jhabite o lamantin", "je suis du côté de Schœlcher svp"),
 * else its last words read with typos. `not_found` when no place can be read.
 */
export function readPlaceAnswer(text: string, context?: ResolveContext): ResolveResult {
  const whole = resolvePlace(text, context);
  if (whole.status === 'found' || whole.status === 'ambiguous') return whole;
  if (whole.status === 'suggestions' && normalizeText(text).split(' ').length <= SHORT_ANSWER_WORDS) return whole;
  const words = normalizeText(text)
    .split(' ')
    .flatMap((w) => (SMS.get(w) ?? w).split(' '))
    .filter(Boolean);
  const spelled = words.join(' ');
  if (spelled !== normalizeText(text)) {
    const again = resolvePlace(spelled, context);
    if (again.status === 'found' || again.status === 'ambiguous') return again;
  }
  const inSentence = extractPlace(prepareText(spelled), new Set(), context ?? {});
  if (inSentence.place) {
    const place = placeOfSlot(inSentence.place);
    if (place) return { status: 'found', place };
  }
  if (inSentence.placeCandidates && inSentence.placeCandidates.length > 0) return { status: 'ambiguous', candidates: inSentence.placeCandidates };
  for (let length = Math.min(MAX_TRAILING, words.length); length >= 1; length--) {
    const before = words[words.length - length - 1];
    if (before !== undefined && !BEFORE_PLACE.has(before)) continue;
    const span = stripPlaceFillers(words.slice(words.length - length).join(' '));
    if (span.replace(/[^a-z]/g, '').length < MIN_FUZZY_LETTERS) continue;
    const result = resolvePlace(span, context);
    if (result.status !== 'not_found') return result;
  }
  return whole;
}
