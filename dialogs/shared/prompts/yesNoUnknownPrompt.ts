import type { TurnContext } from 'botbuilder';
import type { Choice, PromptOptions } from 'botbuilder-dialogs';
import { recognizeYesNo, type YesNoAnswer } from '../../../knowledge/understanding/yesNo';
import { tr } from '../turnLocale';
import { AnswerPrompt } from './answerPrompt';

/**
 * Asks a yes / no / "I don't know" question with three buttons; free text is read too
 * ("ouais", "jsp", "oui je touche le RSA"). It never loops: after two unreadable answers the third
 * counts as "I don't know". With `{ unknown: false }` (a confirmation) it offers yes and no only,
 * asks again on "je ne sais pas", and the third unreadable answer counts as no.
 */
export class YesNoUnknownPrompt extends AnswerPrompt<YesNoAnswer> {
  private readonly withUnknown: boolean;

  constructor(dialogId: string, options: { unknown?: boolean } = {}) {
    super(dialogId);
    this.withUnknown = options.unknown ?? true;
    this.retryIntroKey = this.withUnknown ? 'common:answers.retry' : 'common:answers.retryYesNo';
  }

  read(context: TurnContext): YesNoAnswer | undefined {
    const text = context.activity.text;
    const answer = recognizeYesNo(text);
    return answer === 'unknown' && !this.withUnknown ? undefined : answer;
  }

  protected override fallback(): YesNoAnswer {
    return this.withUnknown ? 'unknown' : 'no';
  }

  protected override buttons(context: TurnContext, _options: PromptOptions): Array<string | Choice> {
    const t = tr(context);
    return [t('common:answers.yes'), t('common:answers.no'), ...(this.withUnknown ? [t('common:answers.unknown')] : [])];
  }
}
