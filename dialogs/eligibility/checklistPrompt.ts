import { CardFactory, MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import type { PromptOptions } from 'botbuilder-dialogs';
import { personWords, type Answers, type CriterionKey, type Relation } from '../../knowledge/eligibility';
import { AnswerPrompt } from '../shared/prompts/answerPrompt';
import { tr } from '../shared/turnLocale';
import { checklistCard, checklistText, readChecklistSubmit, readChecklistText, saysChecklistDone, showsCards } from './checklist';

/** What the checklist prompt needs: the open criteria, in catalogue order, and who is asked. */
export interface ChecklistValidations {
  keys: CriterionKey[];
  adviser: boolean;
  /** The relative asked for, named in the question (« votre fille »). */
  relation?: Relation;
}

/**
 * Asks every open criterion at once (see checklist.ts): a card with toggles where cards are shown,
 * a numbered list elsewhere; typed answers are read on every channel. Never loops: after
 * MAX_MISSES unreadable answers the open criteria count as « je ne sais pas ». Like
 * every question (AnswerPrompt), a message that asks for something else interrupts it.
 */
export class ChecklistPrompt extends AnswerPrompt<Answers> {
  read(context: TurnContext, options: PromptOptions): Answers | undefined {
    const { keys } = options.validations as ChecklistValidations;
    const { value, text } = context.activity;
    return (value !== undefined && value !== null ? readChecklistSubmit(value, keys) : undefined) ?? readChecklistText(text, keys);
  }

  /** « Valider » typed: how to send the ticks (the card's button) or what to write instead; no miss. */
  protected override explain(context: TurnContext): string | undefined {
    if (!saysChecklistDone(context.activity.text)) return undefined;
    return tr(context)(showsCards(context.activity.channelId) ? 'eligibilityDialog:checklist.typedDone' : 'eligibilityDialog:checklist.typedDoneText');
  }

  protected override fallback(_context: TurnContext, options: PromptOptions): Answers {
    const { keys } = options.validations as ChecklistValidations;
    return Object.fromEntries(keys.map((k) => [k, 'unknown']));
  }

  protected override async onPrompt(context: TurnContext, state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    const t = tr(context);
    const { keys, adviser, relation } = options.validations as ChecklistValidations;
    const cards = showsCards(context.activity.channelId);
    let message: Partial<Activity>;
    if (isRetry) {
      message = MessageFactory.text(cards ? t('eligibilityDialog:checklist.retry') : `${t('eligibilityDialog:checklist.retry')}\n\n${checklistText(t, keys, adviser, relation)}`);
    } else if (!cards) {
      message = MessageFactory.text(checklistText(t, keys, adviser, relation));
    } else {
      const hint = t(adviser ? 'eligibilityDialog:checklist.cardHintAdviser' : 'eligibilityDialog:checklist.cardHint', personWords(t, relation));
      message = MessageFactory.attachment(CardFactory.adaptiveCard(checklistCard(t, keys, adviser, relation)), hint);
    }
    await super.onPrompt(context, state, { ...options, prompt: message, retryPrompt: message }, isRetry);
  }
}
