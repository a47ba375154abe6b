import type { TurnContext } from 'botbuilder';
import { ChoiceFactory, recognizeChoices, type Choice, type FoundChoice, type PromptOptions, type PromptValidator } from 'botbuilder-dialogs';
import { mayNamePosition } from '../choices';
import { AnswerPrompt } from './answerPrompt';
import { readChoice } from './readChoice';
import { recognizeYesNo } from '../../../knowledge/understanding/yesNo';
import { isConfused } from '../../../knowledge/understanding/smallTalk';
import { foldText } from '../../../knowledge/text/fold';
import { tr } from '../turnLocale';

/** The position of the « Je ne sais pas » button among the choices, if there is one. */
function unknownIndex(context: TurnContext, choices: readonly Choice[]): number | undefined {
  const label = foldText(tr(context)('common:answers.unknown'));
  const index = choices.findIndex((c) => foldText(c.action?.title ?? c.value) === label);
  return index >= 0 ? index : undefined;
}

/**
 * What a ButtonsPrompt reads in typed answers besides its buttons (`validations` of its options,
 * kept in the dialog state while the question waits: keep it small).
 */
export interface HiddenChoices {
  /** The button a plain yes picks, and the one a plain no picks (« oui » to « Envoyer / Corriger / Annuler »). */
  yesIndex?: number;
  noIndex?: number;
  /** What each choice does, said to « oui », « je sais pas » or « je comprends pas » when no button takes them. */
  explain?: string;
}

/**
 * A question with buttons whose answer is one of the choices: a button, its label typed, a synonym,
 * or a sentence that names exactly one choice (see readChoice). Buttons keep their form whatever
 * the label lengths (see listStyleFor).
 */
export class ButtonsPrompt extends AnswerPrompt<FoundChoice> {
  /**
   * `hidden`: choices read in typed answers without being shown as buttons, made when an answer is
   * read rather than passed in the options, so that they are not stored in every waiting
   * conversation's state (a list of kinds with their synonyms is 4 KB).
   */
  constructor(
    dialogId: string,
    validator?: PromptValidator<FoundChoice>,
    private readonly hidden?: (context: TurnContext) => readonly Choice[],
  ) {
    super(dialogId, validator);
  }

  read(context: TurnContext, options: PromptOptions): FoundChoice | undefined {
    const validations = (options.validations as HiddenChoices | undefined) ?? {};
    const hidden = this.hidden?.(context) ?? [];
    const text = context.activity.text ?? '';
    const shown = ChoiceFactory.toChoices(options.choices ?? []);
    const read = readChoice(text, [...shown, ...hidden]);
    if (read) return read;
    const yesNo = recognizeYesNo(text);
    // « je sais pas trop », "dunno": the « Je ne sais pas » button, when the question has one.
    const index = yesNo === 'yes' ? validations.yesIndex : yesNo === 'no' ? validations.noIndex : yesNo === 'unknown' ? unknownIndex(context, shown) : undefined;
    if (index !== undefined && shown[index]) return { value: shown[index].value, index, score: 1, synonym: text };
    if (!mayNamePosition(text)) return undefined;
    // « le deuxième », "the second one": the ordinal recognizers, run only on a reply that may name a position.
    return recognizeChoices(text, shown, { locale: context.activity.locale ?? 'fr-fr' })[0]?.resolution;
  }

  /** « oui », « je sais pas », « je comprends pas » that no button takes: what each choice does, when the caller said it. */
  protected override explain(context: TurnContext, options: PromptOptions): string | undefined {
    const text = context.activity.text;
    const answer = recognizeYesNo(text);
    // « non » to a question no button of which says no (« De quoi avez-vous le plus besoin ? »): no miss; how to go on, and a person.
    if (answer === 'no' && (options.validations as HiddenChoices | undefined)?.noIndex === undefined) return tr(context)('conversation:prompt.noChoice');
    const explain = (options.validations as HiddenChoices | undefined)?.explain;
    if (!explain) return undefined;
    return answer === 'yes' || answer === 'unknown' || isConfused(text) ? explain : undefined;
  }

  protected override isLoose(value: FoundChoice): boolean {
    return value.score < 1;
  }

  protected override retryIntroKey = 'conversation:prompt.retryChoice';
}
