import type { TurnContext } from 'botbuilder';
import type { Dialog, DialogContext } from 'botbuilder-dialogs';
import type { Audience } from './shared/audience';
import type { Intent } from './shared/understanding';

/**
 * One capability of the assistant, as the menu and the help see it. Each later capability
 * (eligibility, search, requests…) adds one Feature; the menu lists only the ones that exist.
 */
export interface Feature {
  /** Stable id. */
  readonly id: string;
  /** i18n key of the menu button label. */
  readonly menuLabelKey: string;
  /** i18n key of the one-line description shown by the help. */
  readonly helpKey: string;
  /** The dialog the menu starts. */
  readonly dialog: Dialog;
  /** Folded words or phrases that also pick this feature in the menu (both languages). */
  readonly synonyms?: readonly string[];
  /** Not a menu button (reached by typing its label or synonyms, or by intent); still in the help. */
  readonly hidden?: boolean;
  /** Intents of free text that start this feature (its dialog then gets `FeatureOptions`). */
  readonly intents?: readonly Intent[];
  /** Whether this person can use it on this channel (the help lists only those); always, when absent. */
  readonly availableTo?: (context: TurnContext) => Promise<boolean>;
  /** The people this feature is made for (advisers): they get their own welcome and menu. */
  readonly audience?: Audience;
  /** Whether it answers this message for sure, whatever intent the understanding read (the FAQ: a term one entry names). */
  readonly answersForSure?: (text: string, locale: 'fr' | 'en') => boolean;
}

/** A feature dialog with a step before the one shown (« retour »): the options it starts again with and the sentence saying so. */
export interface StepsBack {
  stepBack?(featureDc: DialogContext): { options: object; said: string } | undefined;
}
