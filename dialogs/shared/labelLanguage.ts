import { foldText } from '../../knowledge/text/fold';
import { getI18n, LOCALES, type Locale } from '../../locales/i18n';

/**
 * A button label is a few words: « Find a structure », « Understand IAE », « Talk to someone ». One
 * word is no evidence: the FAQ's keywords hold single words people type in either language
 * (« contact », « stats », « email »).
 */
const MIN_LABEL_WORDS = 2;
const MAX_LABEL_WORDS = 5;

let labels: Map<string, Set<Locale>> | undefined;

/** Every short text of the assistant (buttons, menu entries, answers), folded, with the languages it is written in. */
function shortTexts(): Map<string, Set<Locale>> {
  if (labels) return labels;
  const found = new Map<string, Set<Locale>>();
  const data = getI18n().store.data;
  const walk = (value: unknown, locale: Locale): void => {
    if (typeof value === 'string') {
      const folded = foldText(value);
      const words = folded.split(' ').length;
      if (!folded || value.includes('{{') || words < MIN_LABEL_WORDS || words > MAX_LABEL_WORDS) return;
      const languages = found.get(folded) ?? new Set<Locale>();
      languages.add(locale);
      found.set(folded, languages);
    } else if (value && typeof value === 'object') {
      for (const inner of Object.values(value)) walk(inner, locale);
    }
  };
  for (const locale of LOCALES) walk(data[locale], locale);
  labels = found;
  return found;
}

/**
 * The language of a message that is one of the assistant's own labels in one language only: a
 * button pressed (« Find a structure » on a French phone is English), too short for detection.
 */
export function labelLanguage(text: string | undefined): Locale | undefined {
  if (!text) return undefined;
  const languages = shortTexts().get(foldText(text));
  return languages?.size === 1 ? [...languages][0] : undefined;
}
