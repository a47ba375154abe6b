import type { TurnContext } from 'botbuilder';
import { ChoiceFactory, recognizeChoices, type Choice, type FoundChoice, type PromptOptions } from 'botbuilder-dialogs';
import { mayNamePosition } from '../choices';
import { AnswerPrompt } from './answerPrompt';
import { readChoice } from './readChoice';

/** Choices a ButtonsPrompt reads in typed answers without showing them as buttons (`validations` of its options). */
export interface HiddenChoices {
  hiddenChoices: Choice[];
}

/**
 * A question with buttons whose answer is one of the choices: a button, its label typed, a synonym,
 * or a sentence that names exactly one choice (see readChoice). Buttons keep their form whatever
 * the label lengths (see listStyleFor).
 */
export class ButtonsPrompt extends AnswerPrompt<FoundChoice> {
  read(context: TurnContext, options: PromptOptions): FoundChoice | undefined {
    const hidden = (options.validations as HiddenChoices | undefined)?.hiddenChoices ?? [];
    const text = context.activity.text ?? '';
    const shown = ChoiceFactory.toChoices(options.choices ?? []);
    const read = readChoice(text, [...shown, ...hidden]);
    if (read || !mayNamePosition(text)) return read;
    // « le deuxième », "the second one": the ordinal recognizers, run only on a reply that may name a position.
    return recognizeChoices(text, shown, { locale: context.activity.locale ?? 'fr-fr' })[0]?.resolution;
  }

  protected override isLoose(value: FoundChoice): boolean {
    return value.score < 1;
  }

  protected override retryIntroKey = 'conversation:prompt.retryChoice';
}
