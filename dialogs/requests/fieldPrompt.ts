import type { TurnContext } from 'botbuilder';
import type { DialogInstance, PromptOptions } from 'botbuilder-dialogs';
import { foldText } from '../../knowledge/text/fold';
import { parseAgeOrBirthDate } from '../../knowledge/understanding/ageOrBirthDate';
import { isConfused } from '../../knowledge/understanding/smallTalk';
import { recognizeYesNo } from '../../knowledge/understanding/yesNo';
import { AnswerPrompt } from '../shared/prompts/answerPrompt';
import { sessionOf } from '../shared/session';
import type { UnderstoodSlots } from '../shared/understanding';
import { tr, turnLocale } from '../shared/turnLocale';
import type { Recalled } from '../shared/prompts/answerPrompt';
import { placeContext } from '../../knowledge/territory';
import { communeOf, readField, REQUEST_FIELDS, type FieldReading, type RequestDraftState, type RequestField } from './requestFields';

/** The request's draft as it stands (empty before the first answer). */
const draftOf = (context: TurnContext) => (sessionOf(context).requestDraft ?? {}) as RequestDraftState;

/** The field a request is waiting for: the first one still empty in the draft. */
export function currentField(context: TurnContext): RequestField {
  const draft = draftOf(context);
  return REQUEST_FIELDS.find((f) => draft[f] === undefined) ?? 'note';
}

/** A phone number or an e-mail address given before its question: kept for it, said so, and the question asked again. */
const CONTACT_EARLY = 'requests:contactNoted';
/** A message with this many digits, or an « @ », may be a way to reach the person (a date has 8 digits at most). */
const CONTACT_DIGITS = 10;

/** Answers that are no miss: what to do, then the question again, with a person offered (AnswerPrompt.explain). */
const EXPLAINED: ReadonlySet<string> = new Set(['requests:errors.noteYes', 'requests:errors.birthDateUnknown', 'requests:errors.birthDateNotAge', CONTACT_EARLY]);

type Reading = (FieldReading<unknown> | { ok: false; errorKey: typeof CONTACT_EARLY; contact: RequestDraftState['contact'] }) & { field: RequestField };

/** A name longer than this many words is rather a sentence (« je veux vérifier mon éligibilité »). */
const NAME_WORDS = 3;

/**
 * One field of a request (name, birth date, contact, commune, note), read with readField; its value
 * is the field's JSON (`null`: the note skipped). A wrong answer gets the field's own message, then
 * the question again. Like every question, a message that asks for something else interrupts it:
 * a date, a phone number or a commune read outright never does (except a person or erase), a
 * sentence given as a name may, the note takes any words.
 */
export class RequestFieldPrompt extends AnswerPrompt<string> {
  constructor(
    dialogId: string,
    private readonly today: () => string,
    /** The TERRITORY code the guichet serves: its communes win over their namesakes (« Sainte Marie »). */
    private readonly territory?: string,
  ) {
    super(dialogId);
  }

  private reading(context: TurnContext): Reading {
    const field = currentField(context);
    const text = context.activity.text ?? '';
    // « je comprends pas » is no name, date or note: the question explains itself (AnswerPrompt).
    if (isConfused(text)) return { ok: false, errorKey: 'conversation:prompt.confused', field };
    if (field === 'note' && foldText(text) === foldText(tr(context)('common:answers.skip'))) return { ok: true, value: null, field };
    // « non » / « non merci » to « Voulez-vous ajouter un petit mot ? » is « Passer »; « oui » alone is no note yet (explain).
    const short = foldText(text).split(' ').length <= 3;
    const yesNo = short ? recognizeYesNo(text) : undefined;
    if (field === 'note' && yesNo === 'no') return { ok: true, value: null, field };
    if (field === 'note' && yesNo === 'yes') return { ok: false, errorKey: 'requests:errors.noteYes', field };
    // « non », « oui », « je sais pas » are no name.
    if ((field === 'firstName' || field === 'lastName') && yesNo !== undefined && foldText(text).length > 2 && foldText(text) !== 'si') {
      return { ok: false, errorKey: 'requests:errors.nameNeeded', field };
    }
    // « je sais plus » at the birth date: why it is needed, where to find it, a person (explain, no miss).
    const unknown = (yesNo ?? (foldText(text).split(' ').length <= 6 ? recognizeYesNo(text) : undefined)) === 'unknown';
    if (field === 'birthDate' && unknown) return { ok: false, errorKey: 'requests:errors.birthDateUnknown', field };
    const read = readField(field, text, turnLocale(context), this.today(), placeContext({ departement: sessionOf(context).departement, territory: this.territory }));
    // « j'ai 35 ans »: an age is not the date the request needs; said so (no miss). Read only when no date was.
    if (!read.ok && field === 'birthDate' && parseAgeOrBirthDate(text, turnLocale(context), this.today())?.kind === 'age') return { ok: false, errorKey: 'requests:errors.birthDateNotAge', field };
    // « 0696 12 34 56 » at the birth date: the contact, given early; kept for its question, which is then not asked.
    if (!read.ok && field !== 'contact' && field !== 'note' && draftOf(context).contact === undefined && (text.includes('@') || text.replace(/\D/g, '').length >= CONTACT_DIGITS)) {
      const contact = readField('contact', text, turnLocale(context), this.today());
      if (contact.ok) return { ok: false, errorKey: CONTACT_EARLY, contact: contact.value as RequestDraftState['contact'], field };
    }
    return { ...read, field };
  }

  /** At the birth date, an age is no new fact but a wrong answer to this question (told so). */
  override asksFor(slot: keyof UnderstoodSlots, context?: TurnContext): boolean {
    return !!context && currentField(context) === 'birthDate' && (slot === 'age' || slot === 'birthDate');
  }

  read(context: TurnContext): string | undefined {
    if (!context.activity.text?.trim()) return undefined;
    const reading = this.reading(context);
    return reading.ok ? JSON.stringify(reading.value) : undefined;
  }

  override answerIn(context: TurnContext, _instance: DialogInstance): 'firm' | 'loose' | undefined {
    const reading = this.reading(context);
    if (!reading.ok) return undefined;
    if ((reading.field === 'firstName' || reading.field === 'lastName') && foldText(context.activity.text ?? '').split(' ').length > NAME_WORDS) return undefined;
    return 'firm';
  }

  /** « oui » to the note, « je sais plus » at the birth date: what to do, then the question again (no miss). */
  protected override explain(context: TurnContext): string | undefined {
    const reading = this.reading(context);
    if (reading.ok || !EXPLAINED.has(reading.errorKey)) return undefined;
    if ('contact' in reading && reading.contact) {
      const draft = (sessionOf(context).requestDraft ??= {}) as RequestDraftState;
      draft.contact ??= reading.contact;
      return tr(context)(CONTACT_EARLY, { contact: reading.contact.value });
    }
    return tr(context)(reading.errorKey);
  }

  /** The commune learned while the request was under way (« Le Lamentin » typed at another question): not asked, said so. */
  protected override recall(context: TurnContext): Recalled<string> | undefined {
    if (currentField(context) !== 'commune') return undefined;
    const place = sessionOf(context).place;
    const commune = place ? communeOf(place) : undefined;
    return commune ? { value: JSON.stringify(commune), facts: [commune.label] } : undefined;
  }

  protected override async onPrompt(context: TurnContext, state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    if (isRetry) {
      const reading = this.reading(context);
      if (!reading.ok && context.activity.text?.trim()) await context.sendActivity(tr(context)(reading.errorKey));
    }
    await super.onPrompt(context, state, { ...options, retryPrompt: options.prompt }, isRetry);
  }
}
