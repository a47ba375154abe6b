import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Locale } from '../../locales/i18n';
import { foldText } from '../../knowledge/text/fold';
import { answerFitting } from '../../knowledge/faq/answerShape';
import { choicesMessage } from '../shared/choices';
import { FreeTextPrompt, type FreeTextValidations } from '../shared/prompts/freeTextPrompt';
import { tr, turnLocale } from '../shared/turnLocale';
import type { FeatureOptions } from '../shared/understanding';

export const FAQ_DIALOG = 'faq';
const STEPS = 'faq.steps';
const QUESTION = 'faq.question';
const FOLLOW = 'faq.follow';

/** What the dialog needs from the knowledge base (knowledge/faq satisfies it). */
export interface FaqEntryView {
  id: string;
  question: string;
  answer: string;
  related: string[];
}
export type FaqSearchResult =
  /** `score`: how sure; infinite when found by an entry's own question or keyword phrase, not by likeness. */
  | { status: 'answer'; entry: { id: string }; score?: number; also?: Array<{ id: string }> }
  | { status: 'choices'; entries: Array<{ id: string }> }
  | { status: 'none' };
export interface FaqKnowledge {
  searchFaq(text: string, locale: Locale): FaqSearchResult;
  getFaqEntry(id: string, locale: Locale): FaqEntryView | undefined;
}

export interface FaqOptions extends FeatureOptions {
  /** An entry to show directly (a related question, a button). */
  entryId?: string;
  /** The last answer and its related questions: a follow-up in doubt between entries, only one of them among these, is that one (« et il dure combien de temps ? » after the PASS IAE). */
  near?: string[];
}

interface Values {
  /** Button label → entry id, for the buttons offered with the last answer. */
  offered?: Record<string, string>;
  /** The entries the last answer showed. */
  answered?: string[];
}

/**
 * Questions about IAE ("c'est quoi un ACI ?", "combien de temps dure le PASS IAE ?") answered from
 * the knowledge base. A clear match is answered; a doubtful one gets the two or three closest
 * questions to choose from rather than a wrong answer; after an answer, related questions are
 * offered and any new question can be typed.
 */
export class FaqDialog extends ComponentDialog {
  readonly helpKey = 'faqDialog:help';

  constructor(private readonly faq: FaqKnowledge) {
    super(FAQ_DIALOG);
    // Any text is a question here, unless it confidently asks for something else (a search, a person…).
    this.addDialog(new FreeTextPrompt(QUESTION, ['question']));
    this.addDialog(new FreeTextPrompt(FOLLOW, ['question']));
    this.addDialog(new WaterfallDialog(STEPS, [this.askQuestion.bind(this), this.answer.bind(this), this.followUp.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async askQuestion(step: WaterfallStepContext) {
    const options = (step.options ?? {}) as FaqOptions;
    if (options.entryId) return step.next({ entryId: options.entryId });
    if (options.text) return step.next({ text: options.text });
    return step.prompt(QUESTION, { prompt: tr(step.context)('faqDialog:ask') });
  }

  private async answer(step: WaterfallStepContext) {
    const t = tr(step.context);
    const locale = turnLocale(step.context);
    const input = typeof step.result === 'string' ? { text: step.result } : (step.result as { text?: string; entryId?: string });
    // A question asked in the middle of another question: answered, then back to it (no follow-up here).
    const resumes = ((step.options ?? {}) as FaqOptions).resumes === true;
    const offered: Record<string, string> = {};
    (step.values as Values).offered = offered;

    let entryId = input.entryId;
    let also: string[] = [];
    if (!entryId) {
      const found = this.faq.searchFaq(input.text ?? '', locale);
      const near = found.status === 'choices' ? nearOne(found.entries, ((step.options ?? {}) as FaqOptions).near) : undefined;
      if (found.status === 'answer') {
        entryId = found.entry.id;
        also = (found.also ?? []).map((e) => e.id);
      } else if (near) {
        entryId = near;
      } else if (found.status === 'choices') {
        const entries = found.entries.map((e) => this.faq.getFaqEntry(e.id, locale)).filter((e): e is FaqEntryView => !!e);
        for (const e of entries) offered[e.question] = e.id;
        const labels = [...entries.map((e) => e.question), t('faqDialog:noneOfThese')];
        return step.prompt(FOLLOW, followUp(choicesMessage(step.context, labels, t('faqDialog:choices')), labels));
      } else {
        if (resumes) {
          await step.context.sendActivity(t('faqDialog:none'));
          return step.endDialog();
        }
        return step.prompt(FOLLOW, followUp(choicesMessage(step.context, [t('faqDialog:menu')], t('faqDialog:none')), [t('faqDialog:menu')]));
      }
    }
    const entry = entryId === undefined ? undefined : this.faq.getFaqEntry(entryId, locale);
    if (!entry) return step.endDialog();
    // A question about several entries (two kinds compared): each answer, one after the other.
    const answered = [entry, ...also.map((id) => this.faq.getFaqEntry(id, locale)).filter((e): e is FaqEntryView => !!e)];
    const shown = new Set(answered.map((e) => e.id));
    const related = [...new Set(answered.flatMap((e) => e.related))]
      .filter((id) => !shown.has(id))
      .map((id) => this.faq.getFaqEntry(id, locale))
      .filter((e): e is FaqEntryView => !!e)
      .slice(0, 3);
    for (const e of related) offered[e.question] = e.id;
    (step.values as Values).answered = [...shown];
    // Each answer as it fits the words asked: « c'est quoi une RQTH ? » gets no « Oui. » (answerShape.ts).
    await step.context.sendActivity(answered.map((e) => answerFitting(e.answer, input.text, locale)).join('\n\n'));
    if (resumes) return step.endDialog();
    const labels = [...related.map((e) => e.question), t('faqDialog:menu')];
    return step.prompt(FOLLOW, followUp(choicesMessage(step.context, labels, t('faqDialog:more')), labels));
  }

  private async followUp(step: WaterfallStepContext) {
    const t = tr(step.context);
    const text = String(step.result ?? '').trim();
    if (!text) return step.endDialog();
    const offered = (step.values as Values).offered ?? {};
    const folded = foldText(text);
    const picked = Object.entries(offered).find(([label]) => foldText(label) === folded);
    const resumes = ((step.options ?? {}) as FaqOptions).resumes;
    if (picked) return step.replaceDialog(FAQ_DIALOG, { entryId: picked[1], resumes } satisfies FaqOptions);
    if (folded === foldText(t('faqDialog:menu')) || folded === foldText(t('faqDialog:noneOfThese'))) {
      if (folded === foldText(t('faqDialog:noneOfThese'))) await step.context.sendActivity(t('faqDialog:rephrase'));
      return step.endDialog();
    }
    const near = [...((step.values as Values).answered ?? []), ...Object.values(offered)];
    return step.replaceDialog(FAQ_DIALOG, { text, near } satisfies FaqOptions);
  }
}

/** The one entry in doubt that is next to the last answer, if exactly one is. */
function nearOne(entries: ReadonlyArray<{ id: string }>, near: readonly string[] | undefined): string | undefined {
  const close = near ? entries.filter((e) => near.includes(e.id)) : [];
  return close.length === 1 ? close[0]!.id : undefined;
}

/** The follow-up question's options: its buttons are answers outright, any other text is read by the root first. */
function followUp(prompt: ReturnType<typeof choicesMessage>, labels: string[]) {
  return { prompt, validations: { offered: labels } satisfies FreeTextValidations };
}
