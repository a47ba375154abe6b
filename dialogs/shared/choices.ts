import { CardFactory, InputHints, MessageFactory, type Activity, type CardAction, type TurnContext } from 'botbuilder';
import {
  ChoiceFactory,
  ListStyle,
  supportsCardActions,
  supportsSuggestedActions,
  type Choice,
} from 'botbuilder-dialogs';
import { foldText } from '../../knowledge/text/fold';

/**
 * How to show buttons on this channel. botbuilder's own choice falls back to a numbered text list
 * as soon as one label is longer than 20 characters, which plain-words labels often are
 * ("Vérifier mon éligibilité"): buttons are easier to use, so keep them — suggested actions
 * where the channel has them (Web Chat, Direct Line), a hero card elsewhere (Teams).
 */
export function listStyleFor(context: TurnContext, count: number): ListStyle {
  const channelId = context.activity.channelId;
  if (supportsSuggestedActions(channelId, count)) return ListStyle.suggestedAction;
  if (supportsCardActions(channelId, count)) return ListStyle.heroCard;
  return ListStyle.list;
}

/** A message with a text and buttons, in the channel's best form (see listStyleFor). */
export function choicesMessage(context: TurnContext, choices: Array<string | Choice>, text: string): Partial<Activity> {
  switch (listStyleFor(context, choices.length)) {
    case ListStyle.suggestedAction:
      return ChoiceFactory.suggestedAction(choices, text);
    case ListStyle.heroCard:
      return heroCardChoices(choices, text);
    default:
      return ChoiceFactory.list(choices, text);
  }
}

/**
 * Choices as hero-card buttons showing each choice's action title (botbuilder's own hero card shows
 * the raw value, e.g. "ACI" instead of "Chantier d'insertion").
 */
export function heroCardChoices(choices: Array<string | Choice>, text: string): Partial<Activity> {
  const buttons: CardAction[] = ChoiceFactory.toChoices(choices).map(
    (choice) => choice.action ?? { type: 'imBack', title: choice.value, value: choice.value },
  );
  return MessageFactory.attachment(CardFactory.heroCard('', text, undefined, buttons), undefined, undefined, InputHints.ExpectingInput);
}

/**
 * A reply that may pick a button by its position (« 2 », « le deuxième », « numéro 3 », « the
 * second one »): a few words, each a number, an ordinal or a filler around them (French and
 * English, folded). Anything else (« 32 ans », « je touche le RSA depuis 2 ans ») is not a position,
 * so the number and ordinal recognizers (the costliest part of a turn: milliseconds of large regular
 * expressions) are not run on it, and the sentence is not misread as the second button.
 */
const POSITION_WORD =
  /^(\d+(er|re|e|eme|st|nd|rd|th)?|zero|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingts?|trente|quarante|cinquante|soixante|cent|premier|premiere|second|seconde|deuxieme|troisieme|quatrieme|cinquieme|sixieme|septieme|huitieme|neuvieme|dixieme|dernier|derniere|one|two|three|four|five|seven|eight|nine|ten|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last)$/;
const FILLER = /^(le|la|l|les|numero|num|n|no|nr|choix|option|reponse|bouton|je|j|prends|prend|veux|voudrais|choisis|c|est|svp|stp|merci|the|one|number|please|i|take|want|choose|pick|it|s|option)$/;

export function mayNamePosition(text: string): boolean {
  const words = foldText(text).split(' ').filter(Boolean);
  return words.length > 0 && words.length <= 5 && words.some((w) => POSITION_WORD.test(w)) && words.every((w) => POSITION_WORD.test(w) || FILLER.test(w));
}
