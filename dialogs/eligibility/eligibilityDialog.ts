import type { TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  WaterfallDialog,
  type DialogContext,
  type FoundChoice,
  type PromptOptions,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { foldText } from '../../knowledge/text/fold';
import { AnswerPrompt, type Recalled } from '../shared/prompts/answerPrompt';
import { choicesMessage } from '../shared/choices';
import { ButtonsPrompt, type HiddenChoices } from '../shared/prompts/buttonsPrompt';
import { isSiaeKind, type SiaeKind } from '../../knowledge/directory/kinds';
import {
  ageCriterion,
  criteriaDecidedBy,
  audienceOptions,
  criteriaFromAnswers,
  criterionTextKey,
  describeEligibility,
  personWords,
  type PersonWords,
  evaluateEligibility,
  isCriterionKey,
  nextGroupedQuestion,
  type Answer,
  type Answers,
  type CriterionKey,
} from '../../knowledge/eligibility';
import { recognizeYesNo } from '../../knowledge/understanding/yesNo';
import { parseRegistrationMonths } from '../../knowledge/understanding/registrationDuration';
import { ageOn } from '../../knowledge/calendar';
import { handoff } from '../shared/handoff';
import { AgeOrBirthDatePrompt, type AgeAnswer } from '../shared/prompts/ageOrBirthDatePrompt';
import { sessionOf, type PersonFacts } from '../shared/session';
import { tr, turnLocale } from '../shared/turnLocale';
import type { FeatureOptions } from '../shared/understanding';
import { readAsker } from './adviserPhrasing';
import type { EligibilityCheckState as CheckState } from './checkState';
import { ChecklistPrompt, type ChecklistValidations } from './checklistPrompt';
import { minimaLabels, readMinima } from './minima';
import { printableMessage } from '../shared/printable';

export const ELIGIBILITY_DIALOG = 'eligibility';
const MAIN = 'eligibility.main';
const LOOP = 'eligibility.loop';
const MINIMA_PROMPT = 'eligibility.minima';
const CHECKLIST = 'eligibility.checklist';
const AGE = 'eligibility.age';
const REGISTRATION = 'eligibility.registration';
const NEXT = 'eligibility.next';

const MINIMA: readonly CriterionKey[] = ['RSA', 'ASS', 'AAH'];
/** Buttons of the registration question: months they stand for ('unknown': don't know). */
const REGISTRATION_CHOICES = [
  ['none', 0],
  ['underYear', 6],
  ['oneToTwo', 12],
  ['twoPlus', 24],
] as const;

export interface EligibilityOptions extends FeatureOptions {
  /** An adviser checking for a candidate: questions in the third person. */
  adviser?: boolean;
  targetKind?: SiaeKind;
}

export interface EligibilityDialogDeps {
  today: () => string;
  /** Dialogs the result can hand over to, when they exist. */
  searchDialogId?: string;
  requestDialogId?: string;
}

/** What the check keeps in the conversation session. */
interface StepValues {
  actions?: NextAction[];
}

type NextAction = 'search' | 'request' | 'menu';

/**
 * The guided eligibility pre-check in few turns: only the questions that can still change the
 * answer, never what is already known — the minima sociaux as one question (one yes settles every
 * kind), the age, the registration length, then every other open criterion as one checklist (a
 * card with toggles, or a numbered list). At most four questions. Ends with the result per kind,
 * what counted, who can confirm it and the documents to bring, and offers to find a structure or to
 * start a request with what is now known.
 */
export class EligibilityDialog extends ComponentDialog {
  readonly helpKey = 'eligibilityDialog:help';

  constructor(private readonly deps: EligibilityDialogDeps) {
    super(ELIGIBILITY_DIALOG);
    this.addDialog(new MinimaPrompt(MINIMA_PROMPT));
    this.addDialog(new ChecklistPrompt(CHECKLIST));
    this.addDialog(new AgeOrBirthDatePrompt(AGE, deps.today));
    this.addDialog(new RegistrationPrompt(REGISTRATION));
    this.addDialog(new ButtonsPrompt(NEXT));
    this.addDialog(new WaterfallDialog(MAIN, [this.start.bind(this), this.showResult.bind(this), this.onNext.bind(this)]));
    this.addDialog(new WaterfallDialog(LOOP, [this.ask.bind(this), this.record.bind(this)]));
    this.initialDialogId = MAIN;
  }

  /** Between two questions of the check, a fact typed is kept and the check goes on (interruption.ts). */
  takesFactsMidway(featureDc: DialogContext): boolean {
    return featureDc.stack.some((instance) => instance.id === LOOP);
  }

  private check(step: WaterfallStepContext): CheckState {
    const session = sessionOf(step.context);
    return (session.eligibilityCheck ??= { adviser: false, answers: {} });
  }

  private async start(step: WaterfallStepContext) {
    const options = (step.options ?? {}) as EligibilityOptions;
    const session = sessionOf(step.context);
    // Still the same candidate when an adviser adds a fact (« il est inscrit depuis 8 mois »), unless they speak of themselves.
    const addsFacts = Object.values(options.understood?.slots ?? {}).some((v) => v !== undefined && !(Array.isArray(v) && v.length === 0));
    const asker = readAsker(options.text);
    const sameCandidate = session.forCandidate === true && addsFacts && !asker.self;
    const adviser = options.adviser ?? (asker.forSomeoneElse || sameCandidate);
    // An adviser checks for someone else: nothing of their own session applies (what they said of the candidate does).
    if (adviser && !sameCandidate) session.situation = {};
    // The search or the orientation that follows speaks of the candidate too.
    session.forCandidate = adviser;
    session.situation ??= {};
    // A relative asking (« ma fille a 22 ans… »): questions and result about the person, without the adviser's « votre diagnostic ».
    const relative = sameCandidate ? session.eligibilityCheck?.relative === true : adviser && asker.relative && !asker.professional;
    // Named in the answers when known (« votre fille »), otherwise « la personne ».
    const relation = !relative ? undefined : sameCandidate ? session.eligibilityCheck?.relation : asker.relation;
    // « critères EI pour un BRSA de 55 ans », « éligible ETTI ? »: one kind named, the check is for that kind.
    const named = (options.understood?.slots.kinds ?? []).filter(isSiaeKind);
    const targetKind = options.targetKind ?? (named.length === 1 ? named[0] : undefined);
    const check: CheckState = { adviser, relative, ...(relation ? { relation } : {}), targetKind, answers: answersFrom(session.situation) };
    session.eligibilityCheck = check;
    const slots = options.understood?.slots;
    if (slots) absorb(session.situation, check.answers, slots, this.deps.today());
    await step.context.sendActivity(tr(step.context)(adviser && !relative ? 'eligibilityDialog:introAdviser' : 'eligibilityDialog:intro'));
    return step.beginDialog(LOOP);
  }

  private async ask(step: WaterfallStepContext) {
    const check = this.check(step);
    const situation = sessionOf(step.context).situation ?? {};
    // What was noted between two questions (« il a pas de diplome ») counts, never asked again.
    for (const [key, answer] of Object.entries(answersFrom(situation)) as Array<[CriterionKey, Answer]>) check.answers[key] ??= answer;
    const question = nextGroupedQuestion(check.answers, facts(situation), this.deps.today(), check.targetKind);
    check.question = question;
    const t = tr(step.context);
    const adviser = check.adviser;
    const about: Partial<PersonWords> = adviser ? personWords(t, check.relation) : {};
    switch (question.type) {
      case 'done':
        return step.endDialog();
      case 'age':
        return step.prompt(AGE, { prompt: t(adviser ? 'eligibility:questions.ageAdviser' : 'eligibility:questions.age', about) });
      case 'registration':
      {
        const labels = [...REGISTRATION_CHOICES.map(([key]) => t(`eligibilityDialog:registrationChoices.${key}`)), t('common:answers.unknown')];
        const question = t(adviser ? 'eligibilityDialog:registrationAdviser' : 'eligibilityDialog:registration', about);
        return step.prompt(REGISTRATION, {
          prompt: choicesMessage(step.context, labels, question),
          retryPrompt: choicesMessage(step.context, labels, t('eligibilityDialog:registrationRetry')),
        });
      }
      case 'minima': {
        const labels = minimaLabels(t, question.keys);
        const benefits = new Intl.ListFormat(turnLocale(step.context), { type: 'disjunction' }).format(question.keys.map((k) => t(`eligibilityDialog:minima.benefit.${k}`)));
        // « Oui » to orientation's « Touchez-vous le RSA, l'ASS ou l'AAH ? » said that, not which one.
        const saidYes = sessionOf(step.context).situation?.minima === 'yes';
        const key = saidYes
          ? adviser ? 'eligibilityDialog:minima.whichAdviser' : 'eligibilityDialog:minima.which'
          : adviser ? 'eligibilityDialog:minima.questionAdviser' : 'eligibilityDialog:minima.question';
        const text = t(key, { ...about, benefits });
        return step.prompt(MINIMA_PROMPT, {
          prompt: choicesMessage(step.context, labels, text),
          retryPrompt: choicesMessage(step.context, labels, t('eligibilityDialog:minima.retry')),
          validations: question.keys,
        });
      }
      case 'checklist':
        return step.prompt(CHECKLIST, { validations: { keys: question.keys, adviser, relation: check.relation } satisfies ChecklistValidations });
    }
  }

  private async record(step: WaterfallStepContext) {
    const check = this.check(step);
    const session = sessionOf(step.context);
    const situation = (session.situation ??= {});
    const question = check.question!;
    const t = tr(step.context);
    if (question.type === 'age') {
      const answer = step.result as AgeAnswer;
      if (answer.kind === 'age') situation.age = answer.years;
      else if (answer.kind === 'birthDate') {
        situation.birthDate = answer.date;
        situation.age = ageOn(answer.date, this.deps.today());
      } else {
        check.answers.JEUNE = 'unknown';
        check.answers.SENIOR = 'unknown';
      }
    } else if (question.type === 'registration') {
      const months = step.result as number | null;
      if (months === null) {
        check.answers.DELD = 'unknown';
        check.answers.DETLD = 'unknown';
      } else situation.registrationMonths = months;
    } else if (question.type === 'minima' || question.type === 'checklist') {
      const answers = step.result as Answers;
      Object.assign(check.answers, answers);
      situation.criteria = { ...situation.criteria, ...answers };
      // A benefit the person is not sure of: one sentence on what it is (the checklist labels say it already).
      const unsure = question.type === 'minima' ? question.keys.filter((k) => answers[k] === 'unknown') : [];
      if (unsure.length) await step.context.sendActivity(unsure.map((k) => t(criterionTextKey(k, 'explain'))).join('\n'));
    }
    return step.replaceDialog(LOOP);
  }

  private async showResult(step: WaterfallStepContext) {
    const check = this.check(step);
    const session = sessionOf(step.context);
    const situation = session.situation ?? {};
    const t = tr(step.context);
    const today = this.deps.today();
    const criteria = new Set(criteriaFromAnswers(check.answers));
    // The age and the registration length decide their criteria (a word said before them never contradicts them).
    for (const key of criteriaDecidedBy(situation)) criteria.delete(key);
    // Only the age is known (no birth date): its criterion is given directly.
    if (!situation.birthDate && situation.age !== undefined) {
      const byAge = ageCriterion(situation.age);
      if (byAge) criteria.add(byAge);
    }
    const result = evaluateEligibility(
      { criteria: [...criteria], birthDate: situation.birthDate, registrationMonths: situation.registrationMonths, kind: check.targetKind },
      today,
    );
    const audience = check.adviser ? 'adviser' : 'person';
    const described = describeEligibility(result, turnLocale(step.context), audience, check.relation);
    const as = audienceOptions(audience, t, check.relation);
    const eligible = described.results.filter((r) => r.eligible).map((r) => r.kind);
    session.eligibility = { asOf: result.asOf, rulesVersion: result.rulesVersion, counted: result.counted, eligibleKinds: eligible };

    // Eligible everywhere: one plain sentence rather than five alike.
    const lines =
      eligible.length === described.results.length && described.results.length > 1
        ? [t('eligibilityDialog:resultIntro'), t('eligibilityDialog:allEligible', as)]
        : [t(described.results.length === 1 ? 'eligibilityDialog:resultIntroOne' : 'eligibilityDialog:resultIntro'), ...described.results.map((r) => `- ${r.explanation}`)];
    if (described.counted.length > 0) {
      lines.push('', t('eligibilityDialog:counted', { ...as, criteria: described.counted.map((k) => t(criterionTextKey(k, 'label'))).join(', ') }));
    }
    lines.push('', described.prescriber.explanation);
    if (eligible.length < described.results.length) lines.push(t('eligibilityDialog:orienteur', as));
    lines.push(t('eligibilityDialog:siaeOwnDiagnosis', as));
    await step.context.sendActivity(printableMessage(lines.join('\n'), { kind: 'eligibility' }));
    if (described.proofs.length > 0) {
      const proofs = described.proofs.map((p) => `- ${p.text} ${p.maxAgeText}`);
      await step.context.sendActivity([t('eligibilityDialog:proofs'), ...proofs].join('\n'));
    }

    const actions: NextAction[] = [];
    if (this.deps.searchDialogId) actions.push('search');
    // A relative may ask a prescriber for the person; an adviser has their own way.
    if (this.deps.requestDialogId && (!check.adviser || check.relative)) actions.push('request');
    actions.push('menu');
    (step.values as StepValues).actions = actions;
    // « je sais pas », « oui » or « je comprends pas » here get what each choice does, then a person is offered; « non » is the menu.
    const explain = [
      t('eligibilityDialog:next.explainIntro'),
      ...actions.map((a) => `- ${t(`eligibilityDialog:next.explain.${a}`, { ...as, label: t(`eligibilityDialog:next.${a}`) })}`),
    ].join('\n');
    return step.prompt(NEXT, {
      prompt: t('eligibilityDialog:next.prompt'),
      choices: actions.map((a) => t(`eligibilityDialog:next.${a}`)),
      validations: { explain, noIndex: actions.indexOf('menu') } satisfies HiddenChoices,
    });
  }

  private async onNext(step: WaterfallStepContext) {
    const actions = (step.values as StepValues).actions ?? [];
    const action = actions[(step.result as FoundChoice).index];
    const eligibleKinds = sessionOf(step.context).eligibility?.eligibleKinds ?? [];
    if (action === 'search' && this.deps.searchDialogId) {
      // All kinds open (or none): search them all; else only where the person can be hired.
      const kinds = eligibleKinds.length === 0 || eligibleKinds.length === 5 ? [] : eligibleKinds;
      return step.endDialog(handoff(this.deps.searchDialogId, { kinds, place: sessionOf(step.context).place }));
    }
    if (action === 'request' && this.deps.requestDialogId) return step.endDialog(handoff(this.deps.requestDialogId, {}));
    return step.endDialog();
  }
}

/** Answers already given in this conversation (another dialog, an earlier check). */
function answersFrom(situation: PersonFacts): Answers {
  const answers: Answers = {};
  for (const [key, answer] of Object.entries(situation.criteria ?? {})) if (isCriterionKey(key)) answers[key] = answer as Answer;
  if (situation.minima === 'no') for (const key of MINIMA) answers[key] ??= 'no';
  return answers;
}

function facts(situation: PersonFacts) {
  return { birthDate: situation.birthDate, age: situation.age, registrationMonths: situation.registrationMonths };
}

/** What the first message already said ("je touche le RSA", "j'ai 54 ans"). */
function absorb(situation: PersonFacts, answers: Answers, slots: NonNullable<FeatureOptions['understood']>['slots'], today: string): void {
  // A new age or registration length (« et s'il a 52 ans ? ») replaces what the old one gave: never JEUNE and SENIOR at once.
  const replaced = criteriaDecidedBy(slots);
  if (replaced.length > 0) {
    const criteria = { ...situation.criteria };
    for (const key of replaced) {
      delete answers[key];
      delete criteria[key];
    }
    situation.criteria = criteria;
    if (!slots.birthDate && slots.age !== undefined && situation.birthDate && ageOn(situation.birthDate, today) !== slots.age) delete situation.birthDate;
  }
  for (const key of slots.criteria ?? []) {
    if (!isCriterionKey(key)) continue;
    answers[key] = 'yes';
    situation.criteria = { ...situation.criteria, [key]: 'yes' };
  }
  if (slots.birthDate) {
    situation.birthDate = slots.birthDate;
    situation.age = ageOn(slots.birthDate, today);
  } else if (slots.age !== undefined) situation.age = slots.age;
  if (slots.registrationMonths !== undefined) situation.registrationMonths = slots.registrationMonths;
}

/** The minima question (minima.ts); after three unreadable answers, « je ne sais pas » for each. */
class MinimaPrompt extends AnswerPrompt<Answers> {
  read(context: TurnContext, options: PromptOptions): Answers | undefined {
    return readMinima(tr(context), context.activity.text, options.validations as CriterionKey[]);
  }

  protected override fallback(_context: TurnContext, options: PromptOptions): Answers {
    return Object.fromEntries((options.validations as CriterionKey[]).map((k) => [k, 'unknown']));
  }

  /** « oui » says that, not which one: asked which, not « Je n'ai pas compris ». */
  protected override explain(context: TurnContext): string | undefined {
    return recognizeYesNo(context.activity.text) === 'yes' ? tr(context)('eligibilityDialog:minima.yes') : undefined;
  }

  /** A benefit the person said they receive (« je touche le RSA »), or none of them, answers the question. */
  protected override recall(context: TurnContext, options: PromptOptions): Recalled<Answers> | undefined {
    const keys = (options.validations as CriterionKey[] | undefined) ?? [];
    const situation = sessionOf(context).situation ?? {};
    const criteria = situation.criteria ?? {};
    const t = tr(context);
    const received = keys.filter((k) => criteria[k] === 'yes');
    if (received.length > 0) return { value: Object.fromEntries(received.map((k) => [k, 'yes'])), facts: received.map((k) => t(`eligibilityDialog:minima.benefit.${k}`)) };
    if (keys.length > 0 && (situation.minima === 'no' || keys.every((k) => criteria[k] === 'no'))) {
      return { value: Object.fromEntries(keys.map((k) => [k, 'no'])), facts: [t('conversation:memory.noMinima')] };
    }
    return undefined;
  }
}

/**
 * The registration length: a button, a duration ("18 mois", "2 ans"), « non » (not registered), or
 * "I don't know" (null, also after three unreadable answers).
 */
class RegistrationPrompt extends AnswerPrompt<number | null> {
  read(context: TurnContext): number | null | undefined {
    const text = context.activity.text ?? '';
    const t = tr(context);
    const folded = foldText(text);
    if (!folded) return undefined;
    const button = REGISTRATION_CHOICES.find(([key]) => foldText(t(`eligibilityDialog:registrationChoices.${key}`)) === folded);
    if (button) return button[1];
    if (folded === foldText(t('common:answers.unknown'))) return null;
    const months = parseRegistrationMonths(text);
    if (months !== undefined) return months > 600 ? undefined : months;
    // « non » to « Inscrit ? Depuis combien de temps ? »: not registered; « je sais plus » (the don't-know phrases of yesNo): unknown.
    const yesNo = recognizeYesNo(text);
    if (yesNo === 'unknown') return null;
    return yesNo === 'no' ? 0 : undefined;
  }

  protected override fallback(): null {
    return null;
  }

  /** A registration length the conversation learned (« inscrit depuis 18 mois ») answers the question. */
  protected override recall(context: TurnContext): Recalled<number | null> | undefined {
    const months = sessionOf(context).situation?.registrationMonths;
    if (months === undefined) return undefined;
    const t = tr(context);
    return { value: months, facts: [months === 0 ? t('conversation:memory.notRegistered') : t('conversation:memory.registration', { count: months })] };
  }
}
