import type { BotAdapter, ConversationState, TurnContext } from 'botbuilder';
import { turnLocale } from '../../dialogs/shared/turnLocale';
import { translator } from '../../locales/i18n';
import type { Logger } from '../logger';
import { isStoreUnavailable } from '../../stores/timeouts';

/**
 * What happens when a turn throws: the error is logged (its name and code, never what the person
 * typed), the person gets one plain sentence, and the broken dialog state is dropped so the next
 * message starts clean. When the store is what failed, the state is kept: the person is told the
 * service is unavailable for a moment, and finds their conversation as it was once it is back.
 */
export function installTurnErrorHandler(adapter: BotAdapter, conversationState: ConversationState, logger: Logger): void {
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error(
      { event: 'turn_error', errorName: error?.name, errorCode: (error as { code?: unknown })?.code, frames: stackFrames(error) },
      'turn failed',
    );
    try {
      if (isStoreUnavailable(error)) {
        // The store is down or slow: say so at once and keep the conversation (a draft survives).
        await context.sendActivity(translator(turnLocale(context))('common:errors.unavailable'));
        return;
      }
      await context.sendActivity(translator(turnLocale(context))('common:errors.turn'));
      await conversationState.delete(context);
    } catch (secondary) {
      logger.error({ event: 'turn_error_recovery_failed', errorName: (secondary as Error)?.name }, 'recovery failed');
    }
  };
}

/** The stack without its first line: messages of third-party errors may quote stored values. */
export function stackFrames(error: unknown): string | undefined {
  const stack = (error as Error | undefined)?.stack;
  return stack?.split('\n').filter((line) => line.trimStart().startsWith('at ')).join('\n');
}
