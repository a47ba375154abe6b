import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import type { Feature } from './feature';
import { sendHelp } from './helpMessage';
import { sessionOf, welcomedThisTurn, type LastAnswer } from './shared/session';
import { tr, turnLocale } from './shared/turnLocale';
import { choicesMessage } from './shared/choices';
import { asRequest, CONFIDENT, PLAUSIBLE, type FeatureOptions, type Understand, type UnderstoodMessage } from './shared/understanding';
import { understoodFacts, understoodSummary } from './shared/understoodSummary';
import { rememberFacts } from './shared/memory';
import { foldText } from '../knowledge/text/fold';
import { asksWhatItIs } from '../knowledge/understanding/definitionQuestion';
import { recognizeYesNo } from '../knowledge/understanding/yesNo';
import { isConfused, smallTalkOf } from '../knowledge/understanding/smallTalk';
import { introducesOnly } from '../knowledge/understanding/writer';

export interface FreeTextRouterDeps {
  features: readonly Feature[];
  understand?: Understand;
}

/** « et au Lamentin ? », "what about Le Robert?": another place, and nothing else, for the same request. */
const ANOTHER_PLACE = /^(et|and|what about|how about|pareil pour|meme chose pour|idem pour)\b/;

function asksAgainFor(text: string, understood: UnderstoodMessage): boolean {
  const said = Object.entries(understood.slots).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)).map(([k]) => k);
  if (!ANOTHER_PLACE.test(foldText(text)) || said.length === 0 || !said.every((k) => k === 'place' || k === 'kinds')) return false;
  // « et les ACI ? »: another kind for the same place, when it asks for structures (not « et les ACI, c'est quoi ? »).
  return said.includes('place') || understood.intent === 'search' || understood.intent === 'stats';
}

/** What the router did with a message. `menu` = the caller shows the menu with this prompt key. */
export type Routed = { kind: 'started'; result: DialogTurnResult } | { kind: 'menu'; promptKey: string } | { kind: 'asked' } | { kind: 'answered' };

/**
 * Free text typed outside any question: understood, then sent to the feature that handles its
 * intent with what was understood, or answered on the spot (greeting, thanks, help, a person).
 * After two messages in a row it could not place, it offers the menu and a human contact
 * instead of asking again.
 */
export async function routeFreeText(dc: DialogContext, text: string, deps: FreeTextRouterDeps, after?: LastAnswer): Promise<Routed> {
  const { context } = dc;
  const t = tr(context);
  const session = sessionOf(context);
  // Goodbye gets a goodbye; a plain « ok », « d'accord » needs no « I did not understand ».
  const talk = smallTalkOf(text);
  if (talk === 'goodbye' || talk === 'ack') {
    session.misunderstandings = 0;
    await context.sendActivity(t(talk === 'goodbye' ? 'common:smallTalk.goodbye' : 'common:smallTalk.closing'));
    return { kind: 'answered' };
  }
  // « je comprends pas », « hein ? » at « Que voulez-vous faire ? »: two short sentences, not the whole
  // help (« aide » gives it): what the assistant does, the buttons, and how to reach a person.
  if (isConfused(text)) {
    session.misunderstandings = 0;
    await context.sendActivity(t('common:help.short'));
    return { kind: 'menu', promptKey: 'common:menu.prompt' };
  }
  // « Bonjour, je suis conseillère France Travail », nothing asked yet: said back, and what follows speaks of « la personne ».
  if (introducesOnly(text)) {
    session.misunderstandings = 0;
    session.forCandidate = true;
    await context.sendActivity(t('conversation:professional.noted'));
    return { kind: 'menu', promptKey: 'common:menu.prompt' };
  }
  const heard = deps.understand?.(text, turnLocale(context), { departement: session.departement });
  const request = heard && asRequest(heard, text);
  // « et au Lamentin ? » right after the figures of a territory: the figures for that place, not a search.
  const again = !!(request && after && asksAgainFor(text, request));
  const understood = request && again && after ? { ...request, intent: after, confidence: 1 } : request;
  if (understood && understood.confidence >= CONFIDENT) {
    const feature = deps.features.find((f) => f.intents?.includes(understood.intent));
    if (feature) {
      session.misunderstandings = 0;
      const summary = understoodSummary(understood, t);
      if (summary) await context.sendActivity(summary);
      rememberFacts(context, understood.slots, understood.intent);
      const options: FeatureOptions = { understood, text, ...(again ? { again } : {}) };
      return { kind: 'started', result: await dc.beginDialog(feature.dialog.id, options) };
    }
    switch (understood.intent) {
      case 'greeting':
        session.misunderstandings = 0;
        // « bonjour » as the first message: the welcome just said hello; the menu's question follows it.
        if (!welcomedThisTurn(context)) await context.sendActivity(t('common:smallTalk.greeting'));
        return { kind: 'menu', promptKey: 'common:menu.prompt' };
      case 'thanks':
        session.misunderstandings = 0;
        await context.sendActivity(t('common:smallTalk.thanks'));
        return { kind: 'menu', promptKey: 'common:menu.again' };
      case 'help':
        // Asked in words (« c'est quoi ce truc ») the short help; the command « aide » gives it all.
        session.misunderstandings = 0;
        await context.sendActivity(t('common:help.short'));
        return { kind: 'menu', promptKey: 'common:menu.prompt' };
      case 'human':
        // Only without the person feature (which the intent starts when it exists).
        session.misunderstandings = 0;
        await context.sendActivity(t('common:human.contact'));
        return { kind: 'menu', promptKey: 'common:menu.again' };
    }
  }
  // « c'est quoi les minima sociaux ? »: a definition question of a term the FAQ names is the FAQ's,
  // even when the model found its words off-topic (words no example uses).
  if (understood?.intent === 'offtopic' && asksWhatItIs(text)) {
    const faq = deps.features.find((f) => f.intents?.includes('question') && f.answersForSure?.(text, turnLocale(context)));
    if (faq) {
      session.misunderstandings = 0;
      const options: FeatureOptions = { understood: { ...understood, intent: 'question', confidence: understood.confidence }, text };
      return { kind: 'started', result: await dc.beginDialog(faq.dialog.id, options) };
    }
  }
  // Unsure: one short question with the likely features as buttons, never a guess.
  if (understood && understood.confidence >= PLAUSIBLE) {
    const candidates = [understood, ...(understood.alternatives ?? [])]
      .filter((c) => c.confidence >= PLAUSIBLE)
      .map((c) => deps.features.find((f) => f.intents?.includes(c.intent)))
      .filter((f, i, all): f is Feature => !!f && all.indexOf(f) === i)
      .slice(0, 2);
    if (candidates.length > 0) {
      session.pendingUnderstood = { understood, text };
      await context.sendActivity(choicesMessage(context, [...candidates.map((f) => t(f.menuLabelKey)), t('common:menu.label')], t('common:clarify')));
      return { kind: 'asked' };
    }
  }
  // « je suis née le 12 mars 1992 et j'habite au Lamentin »: no request, but facts about the person.
  // They are kept for whatever comes next and said back, never met with « I did not understand ».
  if (understood && tellsAboutThemselves(understood)) {
    session.misunderstandings = 0;
    rememberFacts(context, understood.slots, understood.intent);
    await context.sendActivity(t('conversation:memory.noted', { facts: understoodFacts(understood, t).join(', ') }));
    return { kind: 'menu', promptKey: 'common:menu.prompt' };
  }
  // "non merci", "no thanks" at the menu: the person is done; no "I did not understand".
  const yesNo = text.trim().split(/\s+/).length <= 4 ? recognizeYesNo(text) : undefined;
  if (yesNo === 'no') {
    session.misunderstandings = 0;
    await context.sendActivity(t('common:smallTalk.closing'));
    return { kind: 'answered' };
  }
  // « oui » to « Voulez-vous faire autre chose ? »: the question that follows, no « I did not understand ».
  if (yesNo === 'yes') {
    session.misunderstandings = 0;
    return { kind: 'menu', promptKey: 'common:menu.prompt' };
  }
  // « je sais pas » at « Que voulez-vous faire ? »: what each choice does, then the menu.
  if (yesNo === 'unknown') {
    session.misunderstandings = 0;
    await sendHelp(context, deps.features);
    return { kind: 'menu', promptKey: 'common:menu.prompt' };
  }
  session.misunderstandings = (session.misunderstandings ?? 0) + 1;
  if (session.misunderstandings >= 2) {
    session.misunderstandings = 0;
    await context.sendActivity(t('common:human.stuck'));
    return { kind: 'menu', promptKey: 'common:menu.prompt' };
  }
  return { kind: 'menu', promptKey: 'common:menu.notUnderstood' };
}

/** Whether a message says something of the person's situation: age or birth date, benefits, registration. */
function tellsAboutThemselves(understood: UnderstoodMessage): boolean {
  const { slots } = understood;
  return slots.age !== undefined || Boolean(slots.birthDate) || Boolean(slots.criteria?.length) || slots.registrationMonths !== undefined;
}
