import type { Choice, FoundChoice } from 'botbuilder-dialogs';
import { foldText } from '../../../knowledge/text/fold';

/** Words that never pick a choice on their own ("un", "de"…), so "tu es un robot ?" is not « Un emploi ». */
const FILLERS = new Set([
  'a', 'au', 'aux', 'c', 'ce', 'd', 'de', 'des', 'du', 'en', 'et', 'j', 'je', 'l', 'la', 'le', 'les', 'ma', 'me', 'mes', 'mon',
  'un', 'une', 'the', 'an', 'of', 'my', 'i', 'to', 'for', 'and', 'est', 'es', 'ca', 'sa', 'ou', 'y', 'veux', 'voudrais', 'want',
]);
/** A phrase right after one of these is what the person does not want ("pas des chantiers"). */
const NEGATIONS = new Set(['pas', 'pa', 'ni', 'not', 'jamais', 'never', 'nor']);
const POLITENESS = /\b(s il vous plait|s il te plait|svp|stp|please|merci|thanks)\b/g;

/** The words before « ai » that make it the verb avoir (« j'ai », « n'ai », « y ai », « en ai », « qu'ai-je »), never the code AI. */
const AVOIR_BEFORE = new Set(['j', 'n', 'y', 'l', 'm', 't', 's', 'en', 'qu', 'qui', 'que']);

/** Whether the word at `at` is « ai » the verb (after an elided pronoun, or before « je »: « ai-je droit »). */
function isVerbAi(words: readonly string[], at: number): boolean {
  if (words[at] !== 'ai') return false;
  return AVOIR_BEFORE.has(words[at - 1] ?? '') || words[at + 1] === 'je';
}

const contentWords = (folded: string) => folded.split(' ').filter((w) => w && !FILLERS.has(w));

/** A choice's phrase as it is compared: folded, its words, how many of them are not fillers. */
interface Phrase {
  folded: string;
  words: string[];
  contentLength: number;
}

/**
 * Phrases read before, by their text: choices are labels and synonyms from a few fixed lists (kinds,
 * lexicons, buttons), read again at every answer (a prompt reads its answer several times a turn);
 * folding them each time was most of the reading. Bounded: cleared when full.
 */
const PHRASES_REMEMBERED = 5000;
const phrases = new Map<string, Phrase>();

function phraseOf(text: string): Phrase {
  let phrase = phrases.get(text);
  if (!phrase) {
    const folded = foldText(text);
    phrase = { folded, words: folded.split(' '), contentLength: contentWords(folded).length };
    if (phrases.size >= PHRASES_REMEMBERED) phrases.clear();
    phrases.set(text, phrase);
  }
  return phrase;
}

/** The phrases of frozen choices (made once and read at every answer: kindChoices), which cannot change. */
const frozenChoicePhrases = new WeakMap<Choice, Phrase[]>();

/** Every way to say a choice: its value, its button title and its synonyms, folded. */
function phrasesOf(choice: Choice): Phrase[] {
  const known = frozenChoicePhrases.get(choice);
  if (known) return known;
  const out = choicePhrases(choice);
  if (Object.isFrozen(choice) && (choice.synonyms === undefined || Object.isFrozen(choice.synonyms)) && (choice.action === undefined || Object.isFrozen(choice.action))) frozenChoicePhrases.set(choice, out);
  return out;
}

function choicePhrases(choice: Choice): Phrase[] {
  const all = [choice.value, choice.action?.title, ...(choice.synonyms ?? [])].filter((p): p is string => typeof p === 'string');
  const seen = new Set<string>();
  const out: Phrase[] = [];
  for (const text of all) {
    const phrase = phraseOf(text);
    if (phrase.folded && !seen.has(phrase.folded)) {
      seen.add(phrase.folded);
      out.push(phrase);
    }
  }
  return out;
}

/** Two folded words are the same word, a final "s" optional on either (compared in place: this runs for every phrase at every word). */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length === b.length + 1) return a.endsWith('s') && a.startsWith(b);
  if (b.length === a.length + 1) return b.endsWith('s') && b.startsWith(a);
  return false;
}

/**
 * Where a folded phrase occurs as whole words in the folded text (a final "s" optional on each word), or -1.
 * Plain loops: it runs for every phrase of every choice (the kinds' synonyms are dozens) at every word,
 * several times a turn, and callbacks here made most of a turn's garbage at the search results.
 */
function wordIndex(words: readonly string[], { folded: phrase, words: target }: Phrase): number {
  positions: for (let i = 0; i + target.length <= words.length; i++) {
    // « j'ai 23 ans » names no association intermédiaire.
    if (phrase === 'ai' && isVerbAi(words, i)) continue;
    for (let j = 0; j < target.length; j++) if (!sameWord(words[i + j]!, target[j]!)) continue positions;
    return i;
  }
  return -1;
}

/** One of the two words before `at` is a negation (« pas des chantiers »). */
function negatedAt(words: readonly string[], at: number): boolean {
  for (let i = Math.max(0, at - 2); i < at; i++) if (NEGATIONS.has(words[i]!)) return true;
  return false;
}

/**
 * The choice a message picks: the whole message is one of its phrases (value, button title,
 * synonym), or the message names exactly one choice inside a sentence ("c pa des chantier ça c des
 * entreprise" picks the entreprise: a phrase after a negation does not count; said against another
 * choice like that, it is read outright, score 1, otherwise loosely, 0.8). A phrase made only
 * of filler words ("un") never picks a choice from inside a sentence. Undefined when nothing or
 * several choices fit.
 */
export function readChoice(text: string | undefined, choices: readonly Choice[]): FoundChoice | undefined {
  if (!text) return undefined;
  const folded = foldText(text).replace(POLITENESS, ' ').replace(/\s+/g, ' ').trim();
  if (!folded) return undefined;
  const found = (index: number, synonym: string, score = 1): FoundChoice => ({ value: choices[index]!.value, index, score, synonym });
  const phrasesByChoice = choices.map(phrasesOf);
  for (let index = 0; index < phrasesByChoice.length; index++) {
    for (const phrase of phrasesByChoice[index]!) if (phrase.folded === folded) return found(index, phrase.folded);
  }
  // "2" picks the second choice when no choice is itself a number.
  if (/^\d{1,2}$/.test(folded) && !phrasesByChoice.some((choicePhrases) => choicePhrases.some((p) => /^\d/.test(p.folded)))) {
    const index = Number(folded) - 1;
    if (index >= 0 && index < choices.length) return found(index, folded);
  }
  const words = folded.split(' ');
  let best: { index: number; phrase: string; length: number } | undefined;
  let tie = false;
  let refused: Set<number> | undefined;
  for (let index = 0; index < phrasesByChoice.length; index++) {
    for (const phrase of phrasesByChoice[index]!) {
      const length = phrase.contentLength;
      if (length === 0) continue;
      const at = wordIndex(words, phrase);
      if (at < 0) continue;
      if (negatedAt(words, at)) {
        (refused ??= new Set()).add(index);
        continue;
      }
      if (!best || length > best.length) {
        tie = false;
        best = { index, phrase: phrase.folded, length };
      } else if (length === best.length && index !== best.index) tie = true;
    }
  }
  const picked = best;
  if (!picked || tie) return undefined;
  // A choice said against another one (« pas des chantiers, des entreprises ») is a correction: an
  // answer outright, whatever else the sentence looks like.
  const contrast = refused !== undefined && [...refused].some((index) => index !== picked.index);
  return found(picked.index, picked.phrase, contrast ? 1 : 0.8);
}
