import { foldText } from '../knowledge/text/fold';
import type { Locale, Wording } from '../locales/i18n';

/** Commands that work at any point of any dialog. */
export type GlobalCommand =
  | { kind: 'help' }
  | { kind: 'menu' }
  | { kind: 'cancel' }
  | { kind: 'restart' }
  | { kind: 'language'; locale: Locale }
  | { kind: 'wording'; wording: Wording; locale?: Locale };

/** Whole messages (folded) that mean each command, in French and English, with common variants. */
const PHRASES: ReadonlyArray<[GlobalCommand, string[]]> = [
  [{ kind: 'help' }, ['aide', 'help', 'au secours', 'aidez moi', 'a l aide', 'comment ca marche', 'sos']],
  [{ kind: 'menu' }, ['menu', 'accueil', 'main menu', 'home', 'retour au menu', 'revenir au menu', 'menu principal']],
  [{ kind: 'cancel' }, ['annuler', 'annule', 'cancel', 'stop', 'arreter', 'arrete', 'quit', 'quitter']],
  [{ kind: 'restart' }, ['recommencer', 'recommence', 'restart', 'start over', 'reset', 'tout recommencer', 'reprendre au debut']],
  [{ kind: 'language', locale: 'en' }, ['english', 'anglais', 'en anglais', 'in english', 'speak english']],
  [{ kind: 'language', locale: 'fr' }, ['francais', 'french', 'en francais', 'in french', 'parler francais']],
  [{ kind: 'wording', wording: 'easy', locale: 'fr' }, ['francais facile', 'en francais facile', 'facile a lire et a comprendre', 'falc']],
  [{ kind: 'wording', wording: 'easy', locale: 'en' }, ['easy english', 'in easy english', 'easy read', 'plain english']],
  [{ kind: 'wording', wording: 'easy' }, ['facile', 'plus simple', 'parle plus simplement', 'des mots simples', 'mots simples', 'simple words', 'simpler', 'easy']],
  [{ kind: 'wording', wording: 'standard', locale: 'fr' }, ['francais normal', 'francais standard']],
  [{ kind: 'wording', wording: 'standard', locale: 'en' }, ['normal english', 'standard english']],
];

const BY_PHRASE = new Map<string, GlobalCommand>(
  PHRASES.flatMap(([command, phrases]) => phrases.map((phrase) => [phrase, command] as const)),
);

/** The global command a message is, if the whole message is one (extra politeness allowed). */
export function recognizeGlobalCommand(text: string | undefined): GlobalCommand | undefined {
  if (!text) return undefined;
  const folded = foldText(text).replace(/\b(s il vous plait|s il te plait|svp|stp|please|merci)\b/g, '').trim();
  return BY_PHRASE.get(folded.replace(/\s+/g, ' '));
}
