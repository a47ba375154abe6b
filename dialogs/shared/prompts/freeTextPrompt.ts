import type { TurnContext } from 'botbuilder';
import { ChoiceFactory, type DialogInstance, type PromptOptions } from 'botbuilder-dialogs';
import { foldText } from '../../../knowledge/text/fold';
import { isConfused } from '../../../knowledge/understanding/smallTalk';
import type { Intent } from '../understanding';
import { AnswerPrompt } from './answerPrompt';

/** What a FreeTextPrompt is given in its options' `validations`. */
export interface FreeTextValidations {
  /** The labels of the buttons shown with the question (also read in typed answers). */
  offered?: string[];
}

const validationsOf = (options: PromptOptions) => (options.validations as FreeTextValidations | undefined) ?? {};

/**
 * A question whose answer is any text (a question for the FAQ, a phrase to search for), with
 * buttons as shortcuts. A button (or its label typed) is an answer outright; any other text is its
 * answer only when it does not ask, with confidence, for something else: the root's interruption
 * step sees it first (« des entreprises d'insertion au Lamentin » typed after an FAQ answer is a
 * search, not another question).
 */
export class FreeTextPrompt extends AnswerPrompt<string> {
  private readonly own: ReadonlySet<Intent>;

  /** `own`: the intents this question takes as its answer (the FAQ takes questions). */
  constructor(dialogId: string, own: readonly Intent[] = []) {
    super(dialogId);
    this.own = new Set(own);
  }

  read(context: TurnContext): string | undefined {
    const text = context.activity.text?.trim();
    // « je comprends pas » after an answer is no new question: the question explains itself (AnswerPrompt).
    return text && !isConfused(text) ? text : undefined;
  }

  override ownsIntent(intent: Intent): boolean {
    return this.own.has(intent);
  }

  override answerIn(context: TurnContext, instance: DialogInstance): 'firm' | 'loose' | undefined {
    const options = (instance.state as { options?: PromptOptions }).options ?? {};
    const text = foldText(context.activity.text ?? '');
    const offered = ChoiceFactory.toChoices(validationsOf(options).offered ?? []);
    return text && offered.some((c) => foldText(c.value) === text) ? 'firm' : undefined;
  }
}
