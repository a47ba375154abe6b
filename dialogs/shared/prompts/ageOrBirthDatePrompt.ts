import type { TurnContext } from 'botbuilder';
import type { Choice, DialogInstance, PromptOptions } from 'botbuilder-dialogs';
import { parseAgeOrBirthDate, type AgeOrBirthDate } from '../../../knowledge/understanding/ageOrBirthDate';
import { recognizeYesNo } from '../../../knowledge/understanding/yesNo';
import { ageOn } from '../../../knowledge/calendar';
import { foldText } from '../../../knowledge/text/fold';
import { tr, turnLocale } from '../turnLocale';
import { AnswerPrompt } from './answerPrompt';
import { sayReused } from '../memory';
import { sessionOf, type PersonFacts } from '../session';
import type { UnderstoodSlots } from '../understanding';

/** An age or birth date, or 'skipped' when the person would rather not say. */
export type AgeAnswer = AgeOrBirthDate | { kind: 'skipped' };

/** Words of an answer that is only an age or a date (« je suis née le 12 mars 1992 » has 6). */
const SHORT_ANSWER_WORDS = 6;

interface AgeState {
  knew?: string;
}
const known = (situation: PersonFacts) => `${situation.age ?? ''}|${situation.birthDate ?? ''}`;

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
    // « je sais pas », « non » (rather not say) or « Passer »: skipped.
    const yesNo = recognizeYesNo(text);
    if (yesNo === 'unknown' || yesNo === 'no' || foldText(text) === foldText(t('common:answers.skip'))) return { kind: 'skipped' };
    const today = this.today();
    const parsed = parseAgeOrBirthDate(text, turnLocale(context), today);
    if (!parsed) return undefined;
    const age = parsed.kind === 'age' ? parsed.years : ageOn(parsed.date, today);
    return age < MIN_AGE || age > MAX_AGE ? undefined : parsed;
  }

  override asksFor(slot: keyof UnderstoodSlots): boolean {
    return slot === 'age' || slot === 'birthDate';
  }

  /** A date or an age in a few words is an answer outright; inside a longer sentence it may come with another request (« j'ai 58 ans, un chantier au Lamentin »). */
  override answerIn(context: TurnContext, instance: DialogInstance): 'firm' | 'loose' | undefined {
    const answer = super.answerIn(context, instance);
    return answer === 'firm' && foldText(context.activity.text ?? '').split(' ').length > SHORT_ANSWER_WORDS ? 'loose' : answer;
  }

  /** An age or birth date the conversation learned while this question was interrupted (« j'ai 58 ans, un chantier… »), said so. */
  override async fromMemory(context: TurnContext, instance: DialogInstance): Promise<AgeAnswer | undefined> {
    const situation = sessionOf(context).situation ?? {};
    const knew = (instance.state as { state?: AgeState }).state?.knew;
    if (situation.age === undefined || knew === undefined || knew === known(situation)) return undefined;
    await sayReused(context, [tr(context)('conversation:memory.age', { age: situation.age })]);
    return situation.birthDate ? { kind: 'birthDate', date: situation.birthDate } : { kind: 'age', years: situation.age };
  }

  /** Keeps what the conversation knew of the age when the question was first asked. */
  protected override async onPrompt(context: TurnContext, state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    (state as AgeState).knew ??= known(sessionOf(context).situation ?? {});
    await super.onPrompt(context, state, options, isRetry);
  }

  protected override fallback(): AgeAnswer {
    return { kind: 'skipped' };
  }

  protected override buttons(context: TurnContext): Array<string | Choice> {
    return [tr(context)('common:answers.skip')];
  }
}
