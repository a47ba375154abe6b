import { asksWhatItIs } from '../understanding/definitionQuestion';

/** Words a yes/no answer opens with, per language (« Oui. », « Non, … », "Yes, …"). */
const YES_NO_OPENERS: Record<'fr' | 'en', readonly string[]> = { fr: ['Oui', 'Non'], en: ['Yes', 'No'] };

/**
 * The answer as it fits the question asked: an entry written for a yes/no question (« J'ai une
 * RQTH : est-ce que ça compte ? » → « Oui. … ») loses its « Oui. » when the person asked what
 * something is (« c'est quoi une RQTH ? »): a definition question is never answered yes or no.
 */
export function answerFitting(answer: string, asked: string | undefined, locale: 'fr' | 'en'): string {
  if (!asksWhatItIs(asked)) return answer;
  const opener = new RegExp(`^(?:${YES_NO_OPENERS[locale].join('|')})[.,!]\\s+(\\S)`, 'u');
  return answer.replace(opener, (_, first: string) => first.toLocaleUpperCase(locale));
}
