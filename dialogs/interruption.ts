import type { TurnContext } from 'botbuilder';
import { Dialog, DialogTurnStatus, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { Feature } from './feature';
import { resolvePlace } from '../knowledge/territory';
import { foldText } from '../knowledge/text/fold';
import { asksWhatItIs } from '../knowledge/understanding/definitionQuestion';
import { tellsFactsOnly } from '../knowledge/understanding/factStatement';
import { isConfused } from '../knowledge/understanding/smallTalk';
import { recognizeYesNo } from '../knowledge/understanding/yesNo';
import { sendHelp } from './helpMessage';
import { MENU_DIALOG } from './menuDialog';
import { isHandoff } from './shared/handoff';
import { rememberFacts } from './shared/memory';
import { AnswerPrompt } from './shared/prompts/answerPrompt';
import { sessionOf } from './shared/session';
import { tr, turnLocale } from './shared/turnLocale';
import { asRequest, CONFIDENT, type FeatureOptions, type Intent, type Understand, type UnderstoodMessage } from './shared/understanding';
import { understoodFacts, understoodSummary } from './shared/understoodSummary';

export const RESUME_DIALOG = 'resume';

/** Intents that may interrupt any question, even one that takes any text (a name, a note). */
const ALWAYS_INTERRUPT: ReadonlySet<Intent> = new Set(['human', 'erase']);
/** Intents that never interrupt a question: small talk and what was not understood. */
const NEVER_INTERRUPT: ReadonlySet<Intent> = new Set(['greeting', 'thanks', 'offtopic']);

interface ResumeOptions {
  dialogId: string;
  options?: object;
}

/**
 * Sits on the stack under a feature that interrupted another one; when that feature ends it says
 * where the conversation goes back to and ends, so the interrupted question is asked again with
 * everything it knew. A hand-over (eligibility → search) is followed first.
 */
export class ResumeDialog extends Dialog<ResumeOptions> {
  constructor() {
    super(RESUME_DIALOG);
  }

  override async beginDialog(dc: DialogContext, options?: ResumeOptions): Promise<DialogTurnResult> {
    if (!options) return dc.endDialog();
    return dc.beginDialog(options.dialogId, options.options);
  }

  override async resumeDialog(dc: DialogContext, _reason: unknown, result?: unknown): Promise<DialogTurnResult> {
    if (isHandoff(result)) return dc.beginDialog(result.handoff.dialogId, result.handoff.options);
    await dc.context.sendActivity(tr(dc.context)('conversation:resume'));
    if (dc.stack.length < 2) return dc.endDialog();
    // Leave the stack without resuming the interrupted feature yet (nothing to clean: no state, no end step).
    dc.stack.pop();
    const answered = await answerFromMemory(dc);
    if (answered) return answered;
    await dc.repromptDialog();
    return Dialog.EndOfTurn;
  }
}

/**
 * The interrupted question, when what the interruption taught answers it (a place given to find a
 * person answers « Où cherchez-vous ? »): the question ends with that answer and its dialogs go on,
 * rather than asking again. Undefined when the question still has to be asked.
 */
async function answerFromMemory(rootDc: DialogContext): Promise<DialogTurnResult | undefined> {
  const chain: DialogContext[] = [rootDc];
  for (let child = rootDc.child; child; child = child.child) chain.push(child);
  const inner = chain[chain.length - 1]!;
  const instance = inner.activeDialog;
  const prompt = instance ? inner.findDialog(instance.id) : undefined;
  if (!instance || !(prompt instanceof AnswerPrompt)) return undefined;
  const value = await prompt.fromMemory(inner.context, instance);
  if (value === undefined) return undefined;
  // End the question with it, then every container that completes with it (a child context does not end its container by itself).
  let result = await inner.endDialog(value);
  for (let i = chain.length - 2; i >= 0 && result.status === DialogTurnStatus.complete; i--) result = await chain[i]!.endDialog(result.result);
  return result.status === DialogTurnStatus.complete ? result : Dialog.EndOfTurn;
}

/** The innermost running dialog and its instance (a prompt, usually). */
function innermost(dc: DialogContext): { dialog: Dialog | undefined; dc: DialogContext } {
  let current = dc;
  while (current.child) current = current.child;
  return { dialog: current.activeDialog ? current.findDialog(current.activeDialog.id) : undefined, dc: current };
}

/** A feature that reads the person's facts as it goes (between two questions of the eligibility check). */
export interface TakesFactsMidway {
  takesFactsMidway?(featureDc: DialogContext): boolean;
}

export interface InterruptionDeps {
  features: readonly Feature[];
  understand?: Understand;
}

/**
 * The turn pipeline's middle step, between the global commands and the running dialog: a message
 * that is not the answer of the question asked, but asks for something else the assistant can do
 * (another feature, a question, a person, erase), is done first; the interrupted feature then asks
 * its question again (ResumeDialog). The same feature asked again with new facts starts over with
 * them ("chantier d'insertion lamentin" at the results). Undefined: the running dialog handles it.
 */
export async function interruption(rootDc: DialogContext, deps: InterruptionDeps): Promise<DialogTurnResult | undefined> {
  const text = rootDc.context.activity.text?.trim();
  const top = rootDc.activeDialog;
  if (!text || !deps.understand || !top || top.id === MENU_DIALOG) return undefined;
  const inner = innermost(rootDc);
  const readsAnswers = inner.dialog instanceof AnswerPrompt;
  const answer = inner.dialog instanceof AnswerPrompt && inner.dc.activeDialog ? inner.dialog.answerIn(rootDc.context, inner.dc.activeDialog) : undefined;
  const session = sessionOf(rootDc.context);
  const understood = asRequest(deps.understand(text, turnLocale(rootDc.context), { departement: session.departement }), text);
  if (understood.confidence < CONFIDENT || NEVER_INTERRUPT.has(understood.intent)) {
    // « 40 ans » typed at « Touchez-vous le RSA ? »: not its answer, no request either, but a fact to keep.
    if (answer === undefined && inner.dialog instanceof AnswerPrompt && carriesFacts(understood, inner.dialog, rootDc.context)) return noted(rootDc, understood);
    return undefined;
  }
  // « lamentin » or « j'ai 40 ans » at another question of a feature: facts for it, not a new request.
  if (answer === undefined && inner.dialog instanceof AnswerPrompt && onlyFacts(text, understood, session.departement)) {
    if (carriesFacts(understood, inner.dialog, rootDc.context)) return noted(rootDc, understood);
    // « j'ai 35 ans » at the birth date: what the question asks for, in a form it does not take; it says what it needs.
    return undefined;
  }
  // « je comprends pas », « c'est quoi ? » at a question: the question explains itself (AnswerPrompt), whatever the intent.
  if (readsAnswers && isConfused(text) && !ALWAYS_INTERRUPT.has(understood.intent)) return undefined;
  // « je l'ai perdu » at the reference of a request: a short message the question has its own word for (whom to contact), not a request.
  if (answer === undefined && readsAnswers && inner.dc.activeDialog && !ALWAYS_INTERRUPT.has(understood.intent) && foldText(text).split(' ').length <= SHORT_ASIDE_WORDS) {
    // « non, je veux l'orientation » is a no and a request: the request wins.
    const yesNo = recognizeYesNo(text);
    const asks = yesNo === 'yes' || yesNo === 'no';
    if (!asks && !carriesFacts(understood) && (inner.dialog as AnswerPrompt<unknown>).explains(rootDc.context, inner.dc.activeDialog)) return undefined;
  }
  // « c'est quoi l'ASS ? » at « Touchez-vous le RSA, l'ASS ou l'AAH ? » names a choice but asks what it is:
  // the question is answered first, then the question comes back (its choice is not taken).
  const definition = understood.intent === 'question' && asksWhatItIs(text);
  // A person and erase are always heard, whatever the question (« non, je veux parler à quelqu'un »).
  if (!ALWAYS_INTERRUPT.has(understood.intent)) {
    if ((answer === 'firm' && !definition) || !readsAnswers) return undefined;
    // What the question itself takes (a question typed at the FAQ's « another question? »).
    if (inner.dialog instanceof AnswerPrompt && inner.dialog.ownsIntent(understood.intent)) return undefined;
    // A word of the answer inside a sentence that asks, with new facts, for a feature: the request wins
    // (« chantier d'insertion schoelcher » at the results is a new search, not just « chantier »).
    if (answer === 'loose' && !definition && !carriesFacts(understood, inner.dialog instanceof AnswerPrompt ? inner.dialog : undefined, rootDc.context)) return undefined;
  }
  if (understood.intent === 'help') {
    await sendHelp(rootDc.context, deps.features);
    await rootDc.repromptDialog();
    return Dialog.EndOfTurn;
  }
  const feature = deps.features.find((f) => f.intents?.includes(understood.intent));
  if (!feature) return undefined;
  const sameFeature = top.id === feature.dialog.id;
  // « j'ai 52 ans et je suis au RSA » at the orientation's age question: the answer, and facts the
  // feature under way reads as it goes (kept, said back), not a request for the eligibility check,
  // which a question asks (« …, je peux avoir le pass ? »).
  const running = rootDc.findDialog(top.id) as (Dialog & TakesFactsMidway) | undefined;
  if (!sameFeature && answer === 'loose' && understood.intent === 'eligibility' && !text.includes('?') && rootDc.child && running?.takesFactsMidway?.(rootDc.child)) {
    await keepFacts(rootDc.context, understood);
    return undefined;
  }
  // « je touche le RSA » or « j'ai une RQTH » at a question of another feature that reads facts as it
  // goes (the orientation's RQTH question, a search's kind): kept and said back, the question goes on;
  // a question (« je touche le RSA, j'ai droit ? ») still starts the check.
  if (!sameFeature && answer === undefined && understood.intent === 'eligibility' && tellsFactsOnly(text) && rootDc.child && running?.takesFactsMidway?.(rootDc.child)) {
    if (inner.dialog instanceof AnswerPrompt && carriesFacts(understood, inner.dialog, rootDc.context)) return noted(rootDc, understood);
  }
  if (sameFeature) {
    // « il a pas de diplome » at a question of the check under way: a fact it reads as it goes, kept
    // and said back (« C'est noté »); the question goes on, the check is not started again.
    if (answer === undefined && rootDc.child && inner.dialog instanceof AnswerPrompt && running?.takesFactsMidway?.(rootDc.child) && carriesFacts(understood, inner.dialog, rootDc.context)) {
      return noted(rootDc, understood);
    }
    // Starting over is worth it only with new facts, and never twice for the same message (no loop).
    if (!carriesFacts(understood) || session.lastRestart === text) return undefined;
    session.lastRestart = text;
  }
  // What « c'est quoi l'ASS ? » names is what it asks about, not a fact about the person.
  const facts = definition ? { ...understood, slots: { ...understood.slots, criteria: undefined, kinds: undefined } } : understood;
  return start(rootDc, feature, facts, text, sameFeature);
}

/** A message this short that a question explains itself is no request (longer ones may ask for something: « non, je cherche un chantier au Lamentin »). */
const SHORT_ASIDE_WORDS = 5;

/** An age said alone (« 40 ans », « j'ai 40 ans », "I'm 40"). */
const AGE_ALONE = /^(j ai |j en ai |i m |im |i am |age |aged )?\d{1,2}( ans| an| years old| years| yo)?$/;

/**
 * Whether a message is nothing but facts: a place alone (« lamentin », « j'habite au Lamentin ») or
 * an age alone; such a message asks for no feature, whatever the intent it was given.
 */
function onlyFacts(text: string, understood: UnderstoodMessage, departement: string | undefined): boolean {
  const said = Object.entries(understood.slots).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)).map(([k]) => k);
  if (said.length === 1 && said[0] === 'place') return ['found', 'ambiguous'].includes(resolvePlace(text, departement ? { departement } : undefined).status);
  if (said.every((k) => k === 'age' || k === 'criteria') && understood.slots.age !== undefined) return AGE_ALONE.test(foldText(text));
  return false;
}

/**
 * Keeps the facts of a message that answers no question and asks for nothing (« 40 ans » at another
 * question), says so, and asks the question again, or ends it when those facts answer it: nothing
 * said is asked twice, and it counts as no miss.
 */
async function noted(rootDc: DialogContext, understood: UnderstoodMessage): Promise<DialogTurnResult> {
  await keepFacts(rootDc.context, understood);
  const answered = await answerFromMemory(rootDc);
  if (answered) return answered;
  await rootDc.repromptDialog();
  return Dialog.EndOfTurn;
}

/** Keeps the facts of a message in the conversation and says them back (« C'est noté : … »). */
async function keepFacts(context: TurnContext, understood: UnderstoodMessage): Promise<void> {
  rememberFacts(context, understood.slots, understood.intent);
  const t = tr(context);
  const facts = understoodFacts(understood, t);
  if (facts.length > 0) await context.sendActivity(t('conversation:memory.noted', { facts: facts.join(', ') }));
}

/** Whether the message gives facts for a request (besides those the question asks for, when a question is asked). */
function carriesFacts(understood: UnderstoodMessage, question?: AnswerPrompt<unknown>, context?: TurnContext): boolean {
  const { slots } = understood;
  const said = (slot: keyof UnderstoodMessage['slots'], present: boolean) => present && !question?.asksFor(slot, context);
  return (
    said('kinds', Boolean(slots.kinds?.length)) ||
    said('place', Boolean(slots.place)) ||
    said('criteria', Boolean(slots.criteria?.length)) ||
    said('age', slots.age !== undefined) ||
    said('birthDate', Boolean(slots.birthDate)) ||
    said('registrationMonths', slots.registrationMonths !== undefined) ||
    said('radiusKm', Boolean(slots.radiusKm))
  );
}

async function start(rootDc: DialogContext, feature: Feature, understood: UnderstoodMessage, text: string, sameFeature: boolean): Promise<DialogTurnResult> {
  const summary = understoodSummary(understood, tr(rootDc.context));
  if (summary) await rootDc.context.sendActivity(summary);
  rememberFacts(rootDc.context, understood.slots, understood.intent);
  const options: FeatureOptions = { understood, text };
  // Erasing ends what was under way: nothing to come back to.
  if (feature.intents?.includes('erase')) {
    await rootDc.cancelAllDialogs();
    return rootDc.beginDialog(feature.dialog.id, options);
  }
  // The same feature with new facts: it starts over with them (what the conversation knows is kept in the session).
  if (sameFeature) return rootDc.replaceDialog(feature.dialog.id, options);
  return rootDc.beginDialog(RESUME_DIALOG, { dialogId: feature.dialog.id, options: { ...options, resumes: true } } satisfies ResumeOptions);
}
