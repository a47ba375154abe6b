import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { Prompt, type PromptOptions, type PromptRecognizerResult, type PromptValidatorContext } from 'botbuilder-dialogs';
import type { Answers, CriterionKey } from '../../knowledge/eligibility';
import { tr } from '../shared/turnLocale';
import { checklistCard, checklistText, readChecklistSubmit, readChecklistText, showsCards } from './checklist';

/** After this many unreadable answers, the open criteria count as « je ne sais pas » and the result comes. */
export const MAX_CHECKLIST_ATTEMPTS = 3;

/** What the checklist prompt needs: the open criteria, in catalogue order, and who is asked. */
export interface ChecklistValidations {
  keys: CriterionKey[];
  adviser: boolean;
}

/**
 * Asks every open criterion at once (see checklist.ts): a card with toggles where cards are shown,
 * a numbered list elsewhere; typed answers are read on every channel. Never loops.
 */
export class ChecklistPrompt extends Prompt<Answers> {
  constructor(dialogId: string) {
    super(dialogId, async (prompt: PromptValidatorContext<Answers>) => {
      if (prompt.recognized.succeeded) return true;
      if (prompt.attemptCount < MAX_CHECKLIST_ATTEMPTS) return false;
      const { keys } = prompt.options.validations as ChecklistValidations;
      prompt.recognized.succeeded = true;
      prompt.recognized.value = Object.fromEntries(keys.map((k) => [k, 'unknown']));
      return true;
    });
  }

  protected async onPrompt(context: TurnContext, _state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    const t = tr(context);
    const { keys, adviser } = options.validations as ChecklistValidations;
    const cards = showsCards(context.activity.channelId);
    if (isRetry) {
      await context.sendActivity(cards ? t('eligibilityDialog:checklist.retry') : `${t('eligibilityDialog:checklist.retry')}\n\n${checklistText(t, keys, adviser)}`);
      return;
    }
    if (!cards) {
      await context.sendActivity(checklistText(t, keys, adviser));
      return;
    }
    const hint = t(adviser ? 'eligibilityDialog:checklist.cardHintAdviser' : 'eligibilityDialog:checklist.cardHint');
    await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(checklistCard(t, keys, adviser)), hint));
  }

  protected async onRecognize(context: TurnContext, _state: object, options: PromptOptions): Promise<PromptRecognizerResult<Answers>> {
    const { keys } = options.validations as ChecklistValidations;
    const { value, text } = context.activity;
    const answers = (value !== undefined && value !== null ? readChecklistSubmit(value, keys) : undefined) ?? readChecklistText(text, keys);
    return answers ? { succeeded: true, value: answers } : { succeeded: false };
  }
}
