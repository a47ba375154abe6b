import { AttachmentLayoutTypes, MessageFactory, type Attachment } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type FoundChoice, type WaterfallStepContext } from 'botbuilder-dialogs';
import { ButtonsPrompt } from '../shared/prompts/buttonsPrompt';
import type { DirectoryReader } from '../../knowledge/directory/directoryPort';
import type { StructureKind } from '../../knowledge/directory/kinds';
import { needsSaidIn } from '../../knowledge/orientation/needsInText';
import { NEEDS, orient, type Need, type OrientationProfile } from '../../knowledge/orientation/orientationRules';
import { anchorOf, type Place } from '../../knowledge/territory';
import { placeOfSlot } from '../../knowledge/understanding/slots/place';
import { PLACE_QUESTION, PlaceQuestion, rememberPlace, type PlaceQuestionOptions } from '../shared/place/placeQuestion';
import type { YesNoAnswer } from '../../knowledge/understanding/yesNo';
import { structureCard } from '../search/structureCard';
import { AgeOrBirthDatePrompt, type AgeAnswer } from '../shared/prompts/ageOrBirthDatePrompt';
import { YesNoUnknownPrompt } from '../shared/prompts/yesNoUnknownPrompt';
import { nearestOf } from '../shared/nearest';
import { readerOptions, sessionOf, type PersonFacts } from '../shared/session';
import { isAdviserPhrasing } from '../eligibility/adviserPhrasing';
import { tr, turnLocale } from '../shared/turnLocale';
import type { FeatureOptions } from '../shared/understanding';
import { ageOn } from '../../knowledge/calendar';

export const ORIENTATION_DIALOG = 'orientation';
const STEPS = 'orientation.steps';
const NEED_PROMPT = 'orientation.need';
const AGE_PROMPT = 'orientation.age';
const YES_NO_PROMPT = 'orientation.yesNo';

const MINIMA = ['RSA', 'ASS', 'AAH'] as const;

export interface OrientationDialogDeps {
  directory: DirectoryReader;
  today: () => string;
  /** The territory the guichet serves (TERRITORY code): its namesakes win. */
  territory?: string;
}

interface Values {
  need?: Need;
}

/**
 * The guichet unique's reception: what the person needs most, then only the questions that change
 * who to contact (age, minima sociaux, RQTH), then the place; ends with the nearest partners
 * from the directory and, when it fits, IAE as the next step.
 */
export class OrientationDialog extends ComponentDialog {
  readonly helpKey = 'orientation:help';

  constructor(private readonly deps: OrientationDialogDeps) {
    super(ORIENTATION_DIALOG);
    this.addDialog(new ButtonsPrompt(NEED_PROMPT));
    this.addDialog(new AgeOrBirthDatePrompt(AGE_PROMPT, deps.today));
    this.addDialog(new YesNoUnknownPrompt(YES_NO_PROMPT));
    this.addDialog(new PlaceQuestion(deps.territory));
    this.addDialog(
      new WaterfallDialog(STEPS, [
        this.askNeed.bind(this),
        this.askAge.bind(this),
        this.askMinima.bind(this),
        this.askRqth.bind(this),
        this.askPlace.bind(this),
        this.answer.bind(this),
      ]),
    );
    this.initialDialogId = STEPS;
  }

  private async askNeed(step: WaterfallStepContext) {
    const t = tr(step.context);
    const understood = (step.options as FeatureOptions).understood;
    const session = sessionOf(step.context);
    if (isAdviserPhrasing((step.options as FeatureOptions).text)) session.forCandidate = true;
    session.situation ??= {};
    mergeUnderstood(session.situation, understood?.slots ?? {}, this.deps.today());
    const said = understood?.slots.place && placeOfSlot(understood.slots.place);
    if (said) rememberPlace(step.context, said);
    // "je cherche du travail": the one need the message names is not asked again.
    const needs = needsSaidIn((step.options as FeatureOptions).text ?? '');
    if (needs.length === 1) {
      await step.context.sendActivity(t('orientation:needUnderstood', { need: t(`orientation:needs.${needs[0]}`), ...readerOptions(step.context) }));
      return step.next({ value: needs[0] } satisfies Pick<FoundChoice, 'value'>);
    }
    return step.prompt(NEED_PROMPT, {
      prompt: t('orientation:askNeed', readerOptions(step.context)),
      choices: NEEDS.map((need) => ({ value: need, action: { type: 'imBack', title: t(`orientation:needs.${need}`), value: t(`orientation:needs.${need}`) } })),
    });
  }

  /** Its questions read the person's facts from the conversation at each step: a fact typed at one is kept and used (interruption.ts). */
  takesFactsMidway(): boolean {
    return true;
  }

  private async askAge(step: WaterfallStepContext) {
    (step.values as Values).need = (step.result as FoundChoice).value as Need;
    const situation = sessionOf(step.context).situation!;
    if (situation.age !== undefined || !this.matters(step, { age: 20 }, { age: 40 })) return step.next();
    return step.prompt(AGE_PROMPT, { prompt: tr(step.context)('orientation:askAge', readerOptions(step.context)) });
  }

  private async askMinima(step: WaterfallStepContext) {
    const situation = sessionOf(step.context).situation!;
    const answer = step.result as AgeAnswer | undefined;
    if (answer && answer.kind !== 'skipped') {
      if (answer.kind === 'age') situation.age = answer.years;
      else {
        situation.birthDate = answer.date;
        situation.age = ageOn(answer.date, this.deps.today());
      }
    }
    if (situation.minima !== undefined || MINIMA.some((k) => situation.criteria?.[k] !== undefined) || !this.matters(step, { minima: true }, { minima: false })) {
      return step.next();
    }
    return step.prompt(YES_NO_PROMPT, { prompt: tr(step.context)('orientation:askMinima', readerOptions(step.context)) });
  }

  private async askRqth(step: WaterfallStepContext) {
    const situation = sessionOf(step.context).situation!;
    const minima = step.result as YesNoAnswer | undefined;
    if (minima) situation.minima = minima;
    if (situation.criteria?.TH !== undefined || !this.matters(step, { rqth: true }, { rqth: false })) return step.next();
    return step.prompt(YES_NO_PROMPT, { prompt: tr(step.context)('orientation:askRqth', readerOptions(step.context)) });
  }

  private async askPlace(step: WaterfallStepContext) {
    const session = sessionOf(step.context);
    const rqth = step.result as YesNoAnswer | undefined;
    if (rqth) session.situation!.criteria = { ...session.situation!.criteria, TH: rqth };
    return step.beginDialog(PLACE_QUESTION, { promptKey: 'orientation:askPlace' } satisfies PlaceQuestionOptions);
  }

  private async answer(step: WaterfallStepContext) {
    const t = tr(step.context);
    const place = step.result as Place | undefined;
    if (!place) return step.endDialog();
    const orientation = orient(this.profile(step));
    const anchor = anchorOf(place);
    const cards: Attachment[] = [];
    const missing: StructureKind[] = [];
    for (const kind of orientation.partners) {
      const nearest = anchor ? await nearestOf(this.deps.directory, anchor.center, kind) : undefined;
      if (nearest) cards.push(structureCard(nearest.structure, nearest.distanceKm, t, turnLocale(step.context)));
      else missing.push(kind);
    }
    const who = orientation.partners.map((k) => t(`search:kindPlural.${k}`));
    await step.context.sendActivity(t('orientation:result', { who: who.join(', '), ...readerOptions(step.context) }));
    if (cards.length > 0) {
      const message = MessageFactory.carousel(cards);
      message.attachmentLayout = AttachmentLayoutTypes.Carousel;
      await step.context.sendActivity(message);
    }
    if (missing.length > 0) {
      await step.context.sendActivity(t('orientation:notInDirectory', { who: missing.map((k) => t(`search:kindPlural.${k}`)).join(', '), ...readerOptions(step.context) }));
    }
    if (orientation.suggestIae) await step.context.sendActivity(t('orientation:iaeNext', readerOptions(step.context)));
    return step.endDialog();
  }

  /** The person's profile as known so far. */
  private profile(step: WaterfallStepContext, extra: Partial<OrientationProfile> = {}): OrientationProfile {
    const situation: PersonFacts = sessionOf(step.context).situation ?? {};
    const minimaAnswers = MINIMA.map((k) => situation.criteria?.[k]);
    return {
      need: (step.values as Values).need!,
      age: situation.age,
      minima: minimaAnswers.includes('yes') || situation.minima === 'yes' ? true : undefined,
      rqth: situation.criteria?.TH === 'yes' ? true : undefined,
      ...extra,
    };
  }

  /** Whether a fact would change who to contact (if not, it is not asked). */
  private matters(step: WaterfallStepContext, a: Partial<OrientationProfile>, b: Partial<OrientationProfile>): boolean {
    return JSON.stringify(orient(this.profile(step, a))) !== JSON.stringify(orient(this.profile(step, b)));
  }
}

/** Facts said in the message that started the dialog. */
function mergeUnderstood(situation: PersonFacts, slots: NonNullable<FeatureOptions['understood']>['slots'], today: string): void {
  if (slots.age !== undefined) situation.age = slots.age;
  if (slots.birthDate) {
    situation.birthDate = slots.birthDate;
    situation.age = ageOn(slots.birthDate, today);
  }
  for (const key of slots.criteria ?? []) situation.criteria = { ...situation.criteria, [key]: 'yes' };
  if (slots.registrationMonths !== undefined) situation.registrationMonths = slots.registrationMonths;
}
