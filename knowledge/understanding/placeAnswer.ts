import { normalizeText, resolvePlace, stripPlaceFillers, type ResolveContext, type ResolveResult } from '../territory';
import { extractPlace, placeOfSlot } from './slots/place';
import { readOrdinal } from './ordinal';
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

export interface PlaceAnswerOptions {
  /**
   * Only a place read outright matters (`found`): the whole text is never read with typos when it is
   * a sentence (its suggestions only answer when nothing else is read). Same `found` as without it.
   */
  foundOnly?: boolean;
}

/**
 * The place a person gives when asked where: the whole answer as a place (with typos: suggestions),
 * else the place said inside a sentence ("jhabite o lamantin", "je suis du côté de Schœlcher svp"),
 * else its last words read with typos. `not_found` when no place can be read.
 * A sentence (more than SHORT_ANSWER_WORDS words) is read with typos as a whole only last, when
 * nothing else was read: the typo search over a whole sentence is the costliest lookup of all.
 */
export function readPlaceAnswer(text: string, context?: ResolveContext, options: PlaceAnswerOptions = {}): ResolveResult {
  // « le premier », « le dernier » point at a list; their typos are villages (Le Prêcheur, Le Perrier).
  if (readOrdinal(text) !== undefined) return { status: 'not_found' };
  // « au Lamentin, non plutôt à Ducos »: the place said after the correction is the answer.
  const corrected = afterCorrection(text);
  if (corrected) {
    const again = readPlaceAnswer(corrected, context, { ...options, foundOnly: true });
    if (again.status === 'found' || again.status === 'ambiguous') return again;
  }
  return readWholeAnswer(text, context, options);
}

/**
 * Words that take back what was just said (« non plutôt », « pardon », « je veux dire », "I mean"),
 * folded; what follows the last of them is what the person means.
 */
const CORRECTION = /(?:^| )(?:non|nan|pardon|plutot|enfin|je veux dire|je voulais dire|ou plutot|euh non|i mean|sorry|actually|rather|no wait)(?= |$)/g;

/** The words after the last correction of an answer, when there are words before it and after it. */
function afterCorrection(text: string): string | undefined {
  const normalized = normalizeText(text);
  let end = -1;
  let start = -1;
  for (const match of normalized.matchAll(CORRECTION)) {
    start = match.index;
    end = match.index + match[0].length;
  }
  if (start <= 0 || end >= normalized.length) return undefined;
  return normalized.slice(end).trim() || undefined;
}

function readWholeAnswer(text: string, context: ResolveContext | undefined, options: PlaceAnswerOptions): ResolveResult {
  const normalized = normalizeText(text);
  const short = normalized.split(' ').length <= SHORT_ANSWER_WORDS;
  const whole = resolvePlace(text, context, { exact: !short });
  if (whole.status === 'found' || whole.status === 'ambiguous') return whole;
  if (whole.status === 'suggestions' && short) return whole;
  const words = normalized
    .split(' ')
    .flatMap((w) => (SMS.get(w) ?? w).split(' '))
    .filter(Boolean);
  const spelled = words.join(' ');
  if (spelled !== normalized) {
    // Typos never make a place `found` or `ambiguous`: exact lookups only.
    const again = resolvePlace(spelled, context, { exact: true });
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
  // The whole sentence with typos, now that nothing else was read (a short answer was read so at first).
  if (short || whole.status !== 'not_found' || options.foundOnly) return whole;
  return resolvePlace(text, context);
}
