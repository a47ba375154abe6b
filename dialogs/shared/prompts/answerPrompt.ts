import { ActionTypes, ActivityTypes, CardFactory, type Activity, type CardAction, type TurnContext } from 'botbuilder';
import {
  Dialog,
  Prompt,
  type Choice,
  type DialogContext,
  type DialogInstance,
  type DialogTurnResult,
  type PromptOptions,
  type PromptRecognizerResult,
  type PromptValidator,
} from 'botbuilder-dialogs';
import { isConfused, smallTalkOf } from '../../../knowledge/understanding/smallTalk';
import { choicesMessage } from '../choices';
import { sayReused } from '../memory';
import { tr } from '../turnLocale';
import type { Intent, UnderstoodSlots } from '../understanding';

/** The answers read this turn, by the options of the question they answer (AnswerPrompt.readOnce). */
const READS_KEY = Symbol('answerReads');

/** After this many unreadable answers in a row the prompt offers a way out (or takes its fallback). */
export const MAX_MISSES = 3;
/** From this many unreadable answers the retry also offers a person. */
export const PERSON_AFTER_MISSES = 2;
/** This many « ok », « merci » or explanations in a row are no miss; the next ones are. */
const MAX_ASIDES = 2;

interface AnswerPromptState {
  misses?: number;
  /** The question was explained (« je sais pas » to « Et maintenant ? »): its buttons now offer a person. */
  offerPerson?: boolean;
  /** Messages in a row that were no answer and no miss (« merci », « ok »): past MAX_ASIDES they count as misses (never a loop). */
  asides?: number;
  /** What the conversation knew of this question's answer when it was first asked ('' nothing): one learned since answers it. */
  recalledWhenAsked?: string;
}

/** An answer the conversation already knows, with the words that say it (« Je reprends : … »). */
export interface Recalled<T> {
  value: T;
  facts: string[];
}

const recalledKey = (recalled: Recalled<unknown> | undefined) => (recalled ? JSON.stringify(recalled.value) : '');

/**
 * The base of every question the assistant asks (the interruption pattern of the BotBuilder core-bot
 * sample, built once). A prompt:
 * - reads its own answer from free text (`read`): buttons are only a shortcut;
 * - says whether a message is its answer (`readsAnswer`), so that the root can let any other
 *   request (another feature, a question, a person, erase, language) interrupt it and come back;
 * - after two unreadable answers offers a person; after three it takes its fallback when the
 *   question can do without an answer, otherwise it offers a way out (menu, a person): never a loop.
 */
export abstract class AnswerPrompt<T> extends Prompt<T> {
  constructor(dialogId: string, validator?: PromptValidator<T>) {
    super(dialogId, validator);
  }

  /** This prompt's answer in the message, or undefined when the message is not one. */
  abstract read(context: TurnContext, options: PromptOptions): T | undefined;

  /** What an unanswerable question takes after MAX_MISSES ("I don't know", "skip"); undefined: keep asking with a way out. */
  protected fallback(_context: TurnContext, _options: PromptOptions): T | undefined {
    return undefined;
  }

  /** The buttons shown with the question. */
  protected buttons(_context: TurnContext, options: PromptOptions): Array<string | Choice> {
    return options.choices ?? [];
  }

  /**
   * What the question says to a message that is no answer but no miss either (« je sais pas » or
   * « oui » to a question whose buttons are not yes/no): a short explanation of its choices, after
   * which the question is asked again with a person offered. Undefined: the message is a miss.
   */
  protected explain(_context: TurnContext, _options: PromptOptions): string | undefined {
    return undefined;
  }

  /** The sentence that introduces a retry when the caller gave no retry prompt. */
  protected retryIntroKey = 'conversation:prompt.retry';

  /** Whether an answer was read loosely (a word inside a sentence) rather than given outright. */
  protected isLoose(_value: T): boolean {
    return false;
  }

  /**
   * This question's answer from what the conversation learned while it was interrupted (a place
   * given to find a person), said before it is used; undefined: ask again. None by default.
   */
  async fromMemory(context: TurnContext, instance: DialogInstance): Promise<T | undefined> {
    const { state, options } = instance.state as { state?: AnswerPromptState; options?: PromptOptions };
    const recalled = this.recall(context, options ?? {});
    const before = state?.recalledWhenAsked;
    if (!recalled || before === undefined || before === recalledKey(recalled)) return undefined;
    await sayReused(context, recalled.facts);
    return recalled.value;
  }

  /**
   * This question's answer from what the conversation knows (said earlier, or during an interruption
   * of it), or undefined. A question that recalls is never asked for what is known: it ends at once
   * with it, said so, and on the way back from an interruption it takes what was learned there.
   */
  protected recall(_context: TurnContext, _options: PromptOptions): Recalled<T> | undefined {
    return undefined;
  }

  override async beginDialog(dc: DialogContext, options?: PromptOptions): Promise<DialogTurnResult> {
    const recalled = this.recall(dc.context, options ?? {});
    if (recalled) {
      await sayReused(dc.context, recalled.facts);
      return dc.endDialog(recalled.value);
    }
    return super.beginDialog(dc, options ?? {});
  }

  /**
   * Whether the question has its own word for this message, which is no answer (« je l'ai perdu » at
   * the reference of a request: whom to contact): the root lets the question say it rather than read
   * the message as another request.
   */
  explains(context: TurnContext, instance: DialogInstance): boolean {
    const options = (instance.state as { options?: PromptOptions }).options;
    return options !== undefined && this.explain(context, options) !== undefined;
  }

  /** Whether this question asks for that fact (`age` at the age question): said with it, it is no new request. */
  asksFor(_slot: keyof UnderstoodSlots, _context?: TurnContext): boolean {
    return false;
  }

  /**
   * Whether a message understood with this intent is this prompt's own answer, never an interruption
   * (a question typed at the FAQ's « another question? »). None by default.
   */
  ownsIntent(_intent: Intent): boolean {
    return false;
  }

  /**
   * How the message answers this prompt: 'firm', 'loose' (read inside a longer sentence, which may
   * rather ask for something else), or undefined. The root asks before letting another request
   * interrupt the prompt.
   */
  answerIn(context: TurnContext, instance: DialogInstance): 'firm' | 'loose' | undefined {
    const options = (instance.state as { options?: PromptOptions }).options;
    const value = options ? this.readOnce(context, options) : this.read(context, {});
    if (value === undefined) return undefined;
    return this.isLoose(value) ? 'loose' : 'firm';
  }

  protected async onPrompt(context: TurnContext, state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    const t = tr(context);
    const misses = (state as AnswerPromptState).misses ?? 0;
    (state as AnswerPromptState).recalledWhenAsked ??= recalledKey(this.recall(context, options));
    const message = isRetry && options.retryPrompt ? options.retryPrompt : options.prompt;
    const person = (state as AnswerPromptState).offerPerson || (isRetry && misses >= PERSON_AFTER_MISSES);
    const extra = isRetry && misses >= MAX_MISSES ? [t('conversation:person.button'), t('common:menu.label')] : person ? [t('conversation:person.button')] : [];
    if (message !== undefined && typeof message !== 'string') {
      // A ready-made activity (text and buttons built by the caller): the way out joins its buttons.
      const ready = withButtons(context, message, extra);
      if (isRetry && misses >= MAX_MISSES) ready.text = `${t('conversation:prompt.wayOut')}\n\n${ready.text ?? ''}`;
      await context.sendActivity(ready);
      return;
    }
    let text = message ?? '';
    if (isRetry && !options.retryPrompt) text = `${t(this.retryIntroKey)}\n\n${text}`;
    const buttons = [...this.buttons(context, options), ...extra];
    if (isRetry && misses >= MAX_MISSES) text = `${t('conversation:prompt.wayOut')}\n\n${text}`;
    await context.sendActivity(buttons.length > 0 ? choicesMessage(context, buttons, text) : text);
  }

  /** Counts unreadable answers in a row (recognition itself runs more than once a turn, so it counts nothing). */
  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const instance = dc.activeDialog;
    if (dc.context.activity.type !== ActivityTypes.Message || !instance) return super.continueDialog(dc);
    const { state, options } = instance.state as { state: AnswerPromptState; options: PromptOptions };
    if (this.readOnce(dc.context, options) !== undefined) {
      state.misses = 0;
      state.asides = 0;
      return super.continueDialog(dc);
    }
    if (await this.aside(dc.context, state, options)) return Dialog.EndOfTurn;
    state.misses = (state.misses ?? 0) + 1;
    if (state.misses >= MAX_MISSES) {
      const fallback = this.fallback(dc.context, options);
      if (fallback !== undefined) return dc.endDialog(fallback);
    }
    return super.continueDialog(dc);
  }

  /**
   * A message that is no answer and no miss: thanks (« Avec plaisir ! », then the question again),
   * a plain « ok » (the question again), goodbye (a goodbye, and the question waits for the person's
   * return), or what `explain` explains. True when it was handled.
   */
  private async aside(context: TurnContext, state: AnswerPromptState, options: PromptOptions): Promise<boolean> {
    const t = tr(context);
    const talk = smallTalkOf(context.activity.text);
    if (talk === 'goodbye') {
      await context.sendActivity(t('common:smallTalk.goodbyeInQuestion'));
      return true;
    }
    // « je comprends pas » to any question: its own explanation when it has one, else a short word; no miss, a person offered.
    const explained = talk ? undefined : (this.explain(context, options) ?? (isConfused(context.activity.text) ? t('conversation:prompt.confused') : undefined));
    if (!talk && !explained) return false;
    state.asides = (state.asides ?? 0) + 1;
    if (state.asides > MAX_ASIDES) return false;
    if (talk === 'thanks') await context.sendActivity(t('common:smallTalk.thanks'));
    if (explained) {
      await context.sendActivity(explained);
      state.offerPerson = true;
    }
    await this.onPrompt(context, state, options, false);
    return true;
  }

  protected async onRecognize(context: TurnContext, _state: object, options: PromptOptions): Promise<PromptRecognizerResult<T>> {
    const value = this.readOnce(context, options);
    return value === undefined ? { succeeded: false } : { succeeded: true, value };
  }

  /**
   * `read`, once a turn for one asked question (its options, as the turn loaded them) and one text:
   * the root (answerIn), the miss count and the recognition all ask within the same turn.
   */
  private readOnce(context: TurnContext, options: PromptOptions): T | undefined {
    let reads = context.turnState.get(READS_KEY) as WeakMap<object, { prompt: unknown; text: unknown; value: unknown }> | undefined;
    if (!reads) {
      reads = new WeakMap();
      context.turnState.set(READS_KEY, reads);
    }
    const text = context.activity.text;
    const known = reads.get(options);
    if (known && known.prompt === this && known.text === text) return known.value as T | undefined;
    const value = this.read(context, options);
    reads.set(options, { prompt: this, text, value });
    return value;
  }

}

/**
 * A copy of a ready-made question with more buttons, in the form the question already has: added to
 * its suggested actions (Web Chat), to its hero card's buttons (the form choices take on Teams), or,
 * under a card without buttons (the checklist) or a plain text, as buttons of their own.
 */
function withButtons(context: TurnContext, message: Partial<Activity>, extra: string[]): Partial<Activity> {
  if (extra.length === 0) return { ...message };
  const more = (shown: CardAction[]): CardAction[] =>
    extra.filter((title) => !shown.some((a) => a.title === title)).map((title) => ({ type: ActionTypes.ImBack, title, value: title }));
  const actions = message.suggestedActions?.actions;
  if (actions) return { ...message, suggestedActions: { to: message.suggestedActions?.to ?? [], actions: [...actions, ...more(actions)] } };
  const attachments = message.attachments ?? [];
  const hero = attachments.findIndex((a) => a.contentType === CardFactory.contentTypes.heroCard);
  if (hero >= 0) {
    const card = attachments[hero]!.content as { buttons?: CardAction[] };
    const buttons = card.buttons ?? [];
    const withMore = { ...attachments[hero]!, content: { ...card, buttons: [...buttons, ...more(buttons)] } };
    return { ...message, attachments: attachments.map((a, i) => (i === hero ? withMore : a)) };
  }
  if (attachments.length > 0) return { ...message, suggestedActions: { to: [], actions: more([]) } };
  return { ...message, ...choicesMessage(context, extra, message.text ?? '') };
}
