import type { TurnContext } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type PromptOptions, type WaterfallStepContext } from 'botbuilder-dialogs';
import { foldText } from '../../knowledge/text/fold';
import { recognizeYesNo } from '../../knowledge/understanding/yesNo';
import { findReference } from '../../knowledge/understanding/slots/reference';
import { AnswerPrompt } from '../shared/prompts/answerPrompt';
import { parseFollowUpCode, parseReference, subjectKeyOf } from '../../knowledge/requests';
import { FollowUpLockedError } from '../../stores/requests/errors';
import type { RequestRepository } from '../../stores/requests/requestRepository';
import { sessionOf } from '../shared/session';
import { rememberProven } from './keptRequests';
import { tr } from '../shared/turnLocale';
import { turnClientAddress } from '../shared/turnClient';
import type { FeatureOptions } from '../shared/understanding';

export const FOLLOW_UP_DIALOG = 'followUp';
const STEPS = 'followUp.steps';
const REFERENCE = 'followUp.reference';
const CODE = 'followUp.code';

/** Wrong reference/code pairs allowed in one conversation before the bot stops checking. */
export const MAX_FOLLOW_UP_ATTEMPTS = 5;

export interface FollowUpDeps {
  requests: RequestRepository;
  /** Secret of the pseudonymous subject key: the requests made from this conversation are shown again. */
  subjectSecret: string;
}

/**
 * `suivre ma demande`: the requests made from this conversation (same channel identity) are shown
 * again with their status, so a lost reference is not a dead end; otherwise the reference, then
 * the private code, then the status in plain words, and whom to contact when the number is lost.
 */
export class FollowUpDialog extends ComponentDialog {
  readonly helpKey = 'followUp:help';
  private readonly requests: RequestRepository;

  constructor(private readonly deps: FollowUpDeps) {
    super(FOLLOW_UP_DIALOG);
    this.requests = deps.requests;
    this.addDialog(new ParsedPrompt(REFERENCE, (text) => parseReference(text) ?? findReference(text)?.reference));
    this.addDialog(new ParsedPrompt(CODE, (text) => parseFollowUpCode(text) ?? codeIn(text)));
    this.addDialog(new WaterfallDialog(STEPS, [this.askReference.bind(this), this.askCode.bind(this), this.answer.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async askReference(step: WaterfallStepContext) {
    const t = tr(step.context);
    if ((sessionOf(step.context).followUpAttempts ?? 0) >= MAX_FOLLOW_UP_ATTEMPTS) {
      await step.context.sendActivity(t('followUp:tooMany'));
      return step.endDialog();
    }
    const given = (step.options as FeatureOptions | undefined)?.understood?.slots.reference;
    const reference = given ? parseReference(given) : undefined;
    if (reference) return step.next(reference);
    const own = await this.ownRequests(step);
    if (own.length > 0) {
      const list = own.map((r) => `${r.reference} (${t(`followUp:statuses.${r.status}`)})`).join(' ; ');
      await step.context.sendActivity(t('followUp:yours', { count: own.length, list }));
      return step.endDialog();
    }
    return step.prompt(REFERENCE, {
      prompt: t('followUp:askReference'),
      retryPrompt: `${t('followUp:referenceRetry')}\n${t('followUp:lost')}`,
      validations: { lost: t('followUp:lost') },
    });
  }

  /** The requests made from this channel identity (what « mes données » shows too); none if the store fails. */
  private async ownRequests(step: WaterfallStepContext) {
    const { channelId, from } = step.context.activity;
    try {
      return await this.requests.listBySubject(subjectKeyOf(channelId, from.id, this.deps.subjectSecret));
    } catch {
      return [];
    }
  }

  private async askCode(step: WaterfallStepContext) {
    const reference = step.result as string;
    (step.values as { reference?: string }).reference = reference;
    // The code typed with the reference (« GI-7K3P9Q code 123456 ») is not asked again.
    const given = codeIn(step.context.activity.text ?? '', reference);
    if (given) return step.next(given);
    const t = tr(step.context);
    return step.prompt(CODE, { prompt: t('followUp:askCode'), retryPrompt: t('followUp:codeRetry') });
  }

  private async answer(step: WaterfallStepContext) {
    const t = tr(step.context);
    const session = sessionOf(step.context);
    let view;
    try {
      view = await this.requests.verifyFollowUp((step.values as { reference?: string }).reference ?? '', step.result as string, {
        clientAddress: turnClientAddress(step.context),
      });
    } catch (error) {
      await step.context.sendActivity(error instanceof FollowUpLockedError ? lockedMessage(t, error.retryAfterSeconds) : t('common:errors.storeDown'));
      return step.endDialog();
    }
    if (!view) {
      session.followUpAttempts = (session.followUpAttempts ?? 0) + 1;
      await step.context.sendActivity(`${t('followUp:wrong')}\n${t('followUp:lost')}`);
      // « Vérifiez et réessayez »: the reference is asked again at once (until the conversation's tries run out).
      return step.replaceDialog(STEPS);
    }
    session.followUpAttempts = 0;
    rememberProven(session, view);
    const lines = [t('followUp:status', { reference: view.reference, status: t(`followUp:statuses.${view.status}`) })];
    if (view.pass) lines.push(t('followUp:pass', { number: view.pass.number, start: view.pass.startDate, end: view.pass.endDate }));
    await step.context.sendActivity(lines.join('\n'));
    return step.endDialog();
  }
}

/** « attendez 15 minutes » up to two hours, then in hours. */
function lockedMessage(t: (key: string, options?: Record<string, unknown>) => string, seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return minutes <= 120 ? t('followUp:locked', { count: minutes }) : t('followUp:lockedHours', { count: Math.ceil(minutes / 60) });
}

/** A reference or a code read from the answer; after three unreadable answers it stops asking (the answer step then finds nothing). */
class ParsedPrompt extends AnswerPrompt<string> {
  constructor(
    dialogId: string,
    private readonly parse: (text: string) => string | undefined,
  ) {
    super(dialogId);
  }

  read(context: TurnContext): string | undefined {
    return this.parse(context.activity.text ?? '') || undefined;
  }

  protected override fallback(): string {
    return '';
  }

  /** « je l'ai perdu », « je sais plus »: who to contact and a person, not « Ce numéro ne va pas ». */
  protected override explain(context: TurnContext, options: PromptOptions): string | undefined {
    const lost = (options.validations as { lost?: string } | undefined)?.lost;
    const text = context.activity.text;
    if (!lost) return undefined;
    return recognizeYesNo(text) === 'unknown' || LOST.test(foldText(text ?? '')) ? lost : undefined;
  }
}

/** The one 6-digit code in a message (« mon code c'est 123 456 »), the reference's own characters left out. */
function codeIn(text: string, reference?: string): string | undefined {
  const found = findReference(text);
  const rest = found && (!reference || found.reference === reference) ? text.replace(found.text, ' ') : text;
  const codes = [...rest.matchAll(/(?<![\p{L}\p{N}])(\d{3})[\s.-]?(\d{3})(?![\p{L}\p{N}])/gu)].map((m) => parseFollowUpCode(`${m[1]}${m[2]}`));
  return codes.length === 1 ? codes[0] : undefined;
}

/** Words of a person who no longer has their number. */
const LOST = /\b(perdu|perdue|paume|oublie|oubliee|plus le numero|pas le numero|pas de numero|n ai plus|lost|forgot|forgotten|don t have it|no longer have)\b/;
