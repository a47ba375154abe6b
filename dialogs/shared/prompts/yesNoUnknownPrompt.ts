import type { TurnContext } from 'botbuilder';
import {
  Prompt,
  type PromptOptions,
  type PromptRecognizerResult,
  type PromptValidatorContext,
} from 'botbuilder-dialogs';
import { choicesMessage } from '../choices';
import { recognizeYesNo, type YesNoAnswer } from '../../../knowledge/understanding/yesNo';
import { tr } from '../turnLocale';

/** After this many answers it could not read, the prompt takes "I don't know" and moves on. */
export const MAX_YES_NO_ATTEMPTS = 3;

/**
 * Asks a yes / no / "I don't know" question with three buttons; free text is read too
 * ("ouais", "jsp", "oui je touche le RSA"). It never loops: after two unreadable answers the third
 * counts as "I don't know". With `{ unknown: false }` (a confirmation) it offers yes and no only,
 * asks again on "je ne sais pas", and the third unreadable answer counts as no.
 */
export class YesNoUnknownPrompt extends Prompt<YesNoAnswer> {
  private readonly withUnknown: boolean;

  constructor(dialogId: string, options: { unknown?: boolean } = {}) {
    const withUnknown = options.unknown ?? true;
    super(dialogId, async (prompt: PromptValidatorContext<YesNoAnswer>) => {
      if (prompt.recognized.succeeded && (withUnknown || prompt.recognized.value !== 'unknown')) return true;
      if (prompt.attemptCount >= MAX_YES_NO_ATTEMPTS) {
        prompt.recognized.succeeded = true;
        prompt.recognized.value = withUnknown ? 'unknown' : 'no';
        return true;
      }
      return false;
    });
    this.withUnknown = withUnknown;
  }

  protected async onPrompt(
    context: TurnContext,
    _state: object,
    options: PromptOptions,
    isRetry: boolean,
  ): Promise<void> {
    const t = tr(context);
    const message = isRetry && options.retryPrompt ? options.retryPrompt : options.prompt;
    const text = typeof message === 'string' ? message : (message?.text ?? '');
    const labels = [t('common:answers.yes'), t('common:answers.no'), ...(this.withUnknown ? [t('common:answers.unknown')] : [])];
    const retry = this.withUnknown ? t('common:answers.retry') : t('common:answers.retryYesNo');
    const intro = isRetry && !options.retryPrompt ? `${retry}\n\n${text}` : text;
    await context.sendActivity(choicesMessage(context, labels, intro));
  }

  protected async onRecognize(context: TurnContext): Promise<PromptRecognizerResult<YesNoAnswer>> {
    const value = recognizeYesNo(context.activity.text);
    return value ? { succeeded: true, value } : { succeeded: false };
  }
}
