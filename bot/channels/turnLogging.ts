import type { Middleware, TurnContext } from 'botbuilder';
import type { Logger } from '../logger';
import { pseudonym } from '../logger';

/** One log line per turn: channel, activity type, replies sent and latency. No text, no identity. */
export function turnLogging(logger: Logger): Middleware {
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      const started = process.hrtime.bigint();
      let replies = 0;
      context.onSendActivities(async (_ctx, activities, sendNext) => {
        replies += activities.length;
        return sendNext();
      });
      try {
        await next();
      } finally {
        logger.info({
          event: 'turn',
          channel: context.activity.channelId,
          activityType: context.activity.type,
          conversation: pseudonym(context.activity.conversation?.id),
          replies,
          latencyMs: Number(process.hrtime.bigint() - started) / 1e6,
        });
      }
    },
  };
}
