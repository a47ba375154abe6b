import type { Activity, TurnContext } from 'botbuilder';
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
      return ChoiceFactory.heroCard(choices, text);
    default:
      return ChoiceFactory.list(choices, text);
  }
}

/** A ChoicePrompt that keeps its buttons whatever the label lengths (see listStyleFor). */
export class ButtonsPrompt extends ChoicePrompt {
  protected override async onPrompt(context: TurnContext, state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    const count = options.choices?.length ?? 0;
    return super.onPrompt(context, state, { ...options, style: options.style ?? listStyleFor(context, count) }, isRetry);
  }
}
