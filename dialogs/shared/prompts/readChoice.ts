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

/** Every way to say a choice: its value, its button title and its synonyms, folded. */
function phrasesOf(choice: Choice): Phrase[] {
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

/** Where a folded phrase occurs as whole words in the folded text (a final "s" optional on each word), or -1. */
function wordIndex(words: readonly string[], { folded: phrase, words: target }: Phrase): number {
  const same = (a: string, b: string) => a === b || a === `${b}s` || `${a}s` === b;
  for (let i = 0; i + target.length <= words.length; i++) {
    // « j'ai 23 ans » names no association intermédiaire.
    if (phrase === 'ai' && isVerbAi(words, i)) continue;
    if (target.every((w, j) => same(words[i + j]!, w))) return i;
  }
  return -1;
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
  for (const [index, choicePhrases] of phrasesByChoice.entries()) {
    const exact = choicePhrases.find((p) => p.folded === folded);
    if (exact) return found(index, exact.folded);
  }
  // "2" picks the second choice when no choice is itself a number.
  if (/^\d{1,2}$/.test(folded) && !phrasesByChoice.some((choicePhrases) => choicePhrases.some((p) => /^\d/.test(p.folded)))) {
    const index = Number(folded) - 1;
    if (index >= 0 && index < choices.length) return found(index, folded);
  }
  const words = folded.split(' ');
  let best: { index: number; phrase: string; length: number } | undefined;
  let tie = false;
  const refused = new Set<number>();
  for (const [index, choicePhrases] of phrasesByChoice.entries()) {
    for (const phrase of choicePhrases) {
      const length = phrase.contentLength;
      if (length === 0) continue;
      const at = wordIndex(words, phrase);
      if (at < 0) continue;
      if (words.slice(Math.max(0, at - 2), at).some((w) => NEGATIONS.has(w))) {
        refused.add(index);
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
  const contrast = [...refused].some((index) => index !== picked.index);
  return found(picked.index, picked.phrase, contrast ? 1 : 0.8);
}
