import { CardFactory, InputHints, MessageFactory, type Activity, type CardAction, type TurnContext } from 'botbuilder';
import {
  ChoiceFactory,
  ChoicePrompt,
  ListStyle,
  supportsCardActions,
  supportsSuggestedActions,
  type Choice,
  type PromptOptions,
} from 'botbuilder-dialogs';

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

/** A ChoicePrompt that keeps its buttons whatever the label lengths (see listStyleFor). */
export class ButtonsPrompt extends ChoicePrompt {
  protected override async onPrompt(context: TurnContext, state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    const count = options.choices?.length ?? 0;
    const style = options.style ?? listStyleFor(context, count);
    if (style !== ListStyle.heroCard) return super.onPrompt(context, state, { ...options, style }, isRetry);
    const message = isRetry && options.retryPrompt ? options.retryPrompt : options.prompt;
    const text = typeof message === 'string' ? message : (message?.text ?? '');
    await context.sendActivity(heroCardChoices(options.choices ?? [], text));
  }
}
