import { detectAll } from 'tinyld';
import type { Locale } from '../../locales/i18n';

/** A message shorter than this says too little about its language ("oui", "ok", "Le Lamentin"). */
const MIN_WORDS = 3;
/** tinyld's accuracy of the top language, and how far ahead of the other it must be. */
const MIN_ACCURACY = 0.15;
const MIN_LEAD = 3;

/**
 * The language a message is written in, French or English, when it is clear (tinyld, restricted to
 * the two languages the assistant speaks); undefined for short or mixed messages, which keep the
 * conversation's language.
 */
export function writtenLanguage(text: string | undefined): Locale | undefined {
  if (!text) return undefined;
  const words = text.trim().split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length < MIN_WORDS) return undefined;
  const [first, second] = detectAll(text, { only: ['fr', 'en'] });
  if (!first || first.accuracy < MIN_ACCURACY) return undefined;
  if (second && first.accuracy < second.accuracy * MIN_LEAD) return undefined;
  return first.lang === 'en' ? 'en' : first.lang === 'fr' ? 'fr' : undefined;
}
