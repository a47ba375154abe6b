import { detectAll } from 'tinyld';
import type { Locale } from '../../locales/i18n';
import { foldText } from './fold';

/** A message shorter than this says too little about its language ("oui", "ok", "Le Lamentin"). */
const MIN_WORDS = 3;
/** tinyld's accuracy of the top language, and how far ahead of the other it must be. */
const MIN_ACCURACY = 0.15;
const MIN_LEAD = 3;

/** Words of one language only, that short requests are made of (folded): « I want to check my eligibility », « erase my data ». */
const ONLY_ENGLISH = new Set(['i', 'im', 'my', 'you', 'your', 'the', 'to', 'is', 'are', 'am', 'what', 'how', 'where', 'who', 'want', 'need', 'would', 'like', 'please', 'someone', 'somebody', 'with', 'and', 'not', 'yes', 'this', 'that', 'it', 'do', 'does', 'can', 'find', 'check', 'ask', 'talk', 'erase', 'delete', 'data', 'live', 'born', 'name', 'looking', 'for', 'of', 'in', 'get', 'help', 'work', 'eligibility']);
const ONLY_FRENCH = new Set(['je', 'j', 'tu', 'il', 'elle', 'nous', 'vous', 'mon', 'ma', 'mes', 'le', 'la', 'les', 'des', 'du', 'un', 'une', 'et', 'est', 'pas', 'pour', 'avec', 'dans', 'au', 'aux', 'quoi', 'qui', 'que', 'ca', 'suis', 'veux', 'voudrais', 'oui', 'non', 'merci', 'bonjour', 'svp', 'de', 'sur', 'chez', 'ou', 'comment', 'cherche', 'habite', 'parler', 'quelqu', 'effacer', 'donnees', 'eligibilite']);

/** Short messages tinyld cannot tell: two words or more of one language's own words, more than twice the other's (« I live in Le Lamentin »). */
function languageOfWords(words: string[]): Locale | undefined {
  const folded = words.flatMap((w) => foldText(w).split(' ')).filter(Boolean);
  const english = folded.filter((w) => ONLY_ENGLISH.has(w)).length;
  const french = folded.filter((w) => ONLY_FRENCH.has(w)).length;
  if (english >= 2 && english > 2 * french) return 'en';
  if (french >= 2 && french > 2 * english) return 'fr';
  return undefined;
}

/**
 * The tokens that can tell a language: words, not codes. A request reference (« GI-FXP57M »), a
 * postcode, an acronym (« RSA ») or an initial (« D. ») is the same in every language, and tinyld
 * reads random capitals as English now and then. A message all in capitals keeps its words.
 */
function wordsOf(text: string): string[] {
  const tokens = text.trim().split(/\s+/).filter((t) => /\p{L}/u.test(t) && !/\d/.test(t) && !/^\p{Lu}\.$/u.test(t));
  if (!tokens.some((t) => /\p{Ll}/u.test(t))) return tokens;
  return tokens.filter((t) => /\p{Ll}/u.test(t) || (t.match(/\p{L}/gu)?.length ?? 0) === 1);
}

/**
 * The language a message is written in, French or English, when it is clear (tinyld, restricted to
 * the two languages the assistant speaks, else the words only one of them uses); undefined for short
 * or mixed messages, which keep the conversation's language.
 */
export function writtenLanguage(text: string | undefined): Locale | undefined {
  if (!text) return undefined;
  const words = wordsOf(text);
  if (words.length < MIN_WORDS) return undefined;
  const [first, second] = detectAll(words.join(' '), { only: ['fr', 'en'] });
  if (!first || first.accuracy < MIN_ACCURACY || (second && first.accuracy < second.accuracy * MIN_LEAD)) return languageOfWords(words);
  return first.lang === 'en' ? 'en' : first.lang === 'fr' ? 'fr' : undefined;
}
