import type { TurnContext } from 'botbuilder';
import {
  Prompt,
  type PromptOptions,
  type PromptRecognizerResult,
  type PromptValidatorContext,
} from 'botbuilder-dialogs';
import { choicesMessage } from '../choices';
import { parseAgeOrBirthDate, type AgeOrBirthDate } from '../../../knowledge/understanding/ageOrBirthDate';
import { recognizeYesNo } from '../../../knowledge/understanding/yesNo';
import { ageOn } from '../../../knowledge/calendar';
import { tr, turnLocale } from '../turnLocale';

/** An age or birth date, or 'skipped' when the person would rather not say. */
export type AgeAnswer = AgeOrBirthDate | { kind: 'skipped' };

export const MAX_AGE_ATTEMPTS = 3;
/** A person in IAE is over 16 and under 100 (eligibility-rules.md). */
const MIN_AGE = 16;
const MAX_AGE = 99;

/**
 * Asks for an age or a birth date, read with the French (or English) recognizers: "32 ans",
 * "née le 3 mars 1990", "03/03/1990". A "skip" button lets the person not answer; after two
 * unreadable answers the third counts as skipped.
 */
export class AgeOrBirthDatePrompt extends Prompt<AgeAnswer> {
  constructor(
    dialogId: string,
    private readonly today: () => string,
  ) {
    super(dialogId, async (prompt: PromptValidatorContext<AgeAnswer>) => {
      if (prompt.recognized.succeeded) return true;
      if (prompt.attemptCount >= MAX_AGE_ATTEMPTS) {
        prompt.recognized.succeeded = true;
        prompt.recognized.value = { kind: 'skipped' };
        return true;
      }
      return false;
    });
  }

  protected async onPrompt(context: TurnContext, _state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    const t = tr(context);
    const message = isRetry && options.retryPrompt ? options.retryPrompt : options.prompt;
    const text = typeof message === 'string' ? message : (message?.text ?? '');
    await context.sendActivity(choicesMessage(context, [t('common:answers.skip')], text));
  }

  protected async onRecognize(context: TurnContext): Promise<PromptRecognizerResult<AgeAnswer>> {
    const text = context.activity.text ?? '';
    const t = tr(context);
    if (recognizeYesNo(text) === 'unknown' || text.trim().toLowerCase() === t('common:answers.skip').toLowerCase()) {
      return { succeeded: true, value: { kind: 'skipped' } };
    }
    const today = this.today();
    const parsed = parseAgeOrBirthDate(text, turnLocale(context), today);
    if (!parsed) return { succeeded: false };
    const age = parsed.kind === 'age' ? parsed.years : ageOn(parsed.date, today);
    if (age < MIN_AGE || age > MAX_AGE) return { succeeded: false };
    return { succeeded: true, value: parsed };
  }
}
