import { commandOf } from '../knowledge/understanding/commands';
import type { Locale, Wording } from '../locales/i18n';

/** Commands that work at any point of any dialog (phrases: knowledge/understanding/lexicons/commands.json). */
export type GlobalCommand =
  | { kind: 'help' }
  | { kind: 'menu' }
  /** « retour »: back to the question a feature interrupted, else the step before (StepsBack), else the menu. */
  | { kind: 'back' }
  | { kind: 'cancel' }
  | { kind: 'restart' }
  | { kind: 'person' }
  | { kind: 'language'; locale: Locale }
  | { kind: 'wording'; wording: Wording; locale?: Locale };

/** The global command a message is, if the whole message is one (extra politeness allowed). */
export function recognizeGlobalCommand(text: string | undefined): GlobalCommand | undefined {
  const name = commandOf(text);
  switch (name) {
    case undefined:
      return undefined;
    case 'english':
      return { kind: 'language', locale: 'en' };
    case 'french':
      return { kind: 'language', locale: 'fr' };
    case 'easyFrench':
      return { kind: 'wording', wording: 'easy', locale: 'fr' };
    case 'easyEnglish':
      return { kind: 'wording', wording: 'easy', locale: 'en' };
    case 'easy':
      return { kind: 'wording', wording: 'easy' };
    case 'standardFrench':
      return { kind: 'wording', wording: 'standard', locale: 'fr' };
    case 'standardEnglish':
      return { kind: 'wording', wording: 'standard', locale: 'en' };
    default:
      return { kind: name };
  }
}
