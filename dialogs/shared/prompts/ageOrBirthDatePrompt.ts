import type { TurnContext } from 'botbuilder';
import type { Choice } from 'botbuilder-dialogs';
import { parseAgeOrBirthDate, type AgeOrBirthDate } from '../../../knowledge/understanding/ageOrBirthDate';
import { recognizeYesNo } from '../../../knowledge/understanding/yesNo';
import { ageOn } from '../../../knowledge/calendar';
import { foldText } from '../../../knowledge/text/fold';
import { tr, turnLocale } from '../turnLocale';
import { AnswerPrompt } from './answerPrompt';

/** An age or birth date, or 'skipped' when the person would rather not say. */
export type AgeAnswer = AgeOrBirthDate | { kind: 'skipped' };

/** A person in IAE is over 16 and under 100 (eligibility-rules.md). */
const MIN_AGE = 16;
const MAX_AGE = 99;

/**
 * Asks for an age or a birth date, read with the French (or English) recognizers: "32 ans",
 * "née le 3 mars 1990", "03/03/1990", "12 mars 92". A "skip" button lets the person not answer;
 * after two unreadable answers the third counts as skipped.
 */
export class AgeOrBirthDatePrompt extends AnswerPrompt<AgeAnswer> {
  constructor(
    dialogId: string,
    private readonly today: () => string,
  ) {
    super(dialogId);
  }

  read(context: TurnContext): AgeAnswer | undefined {
    const text = context.activity.text ?? '';
    const t = tr(context);
    if (recognizeYesNo(text) === 'unknown' || foldText(text) === foldText(t('common:answers.skip'))) return { kind: 'skipped' };
    const today = this.today();
    const parsed = parseAgeOrBirthDate(text, turnLocale(context), today);
    if (!parsed) return undefined;
    const age = parsed.kind === 'age' ? parsed.years : ageOn(parsed.date, today);
    return age < MIN_AGE || age > MAX_AGE ? undefined : parsed;
  }

  protected override fallback(): AgeAnswer {
    return { kind: 'skipped' };
  }

  protected override buttons(context: TurnContext): Array<string | Choice> {
    return [tr(context)('common:answers.skip')];
  }
}
