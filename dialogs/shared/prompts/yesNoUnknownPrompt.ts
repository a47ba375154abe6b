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
 * counts as "I don't know".
 */
export class YesNoUnknownPrompt extends Prompt<YesNoAnswer> {
  constructor(dialogId: string) {
    super(dialogId, async (prompt: PromptValidatorContext<YesNoAnswer>) => {
      if (prompt.recognized.succeeded) return true;
      if (prompt.attemptCount >= MAX_YES_NO_ATTEMPTS) {
        prompt.recognized.succeeded = true;
        prompt.recognized.value = 'unknown';
        return true;
      }
      return false;
    });
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
    const labels = [t('common:answers.yes'), t('common:answers.no'), t('common:answers.unknown')];
    const intro = isRetry && !options.retryPrompt ? `${t('common:answers.retry')}\n\n${text}` : text;
    await context.sendActivity(choicesMessage(context, labels, intro));
  }

  protected async onRecognize(context: TurnContext): Promise<PromptRecognizerResult<YesNoAnswer>> {
    const value = recognizeYesNo(context.activity.text);
    return value ? { succeeded: true, value } : { succeeded: false };
  }
}
