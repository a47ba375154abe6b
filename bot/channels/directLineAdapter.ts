import {
  BotAdapter,
  TurnContext,
  type Activity,
  type ConversationReference,
  type ResourceResponse,
} from 'botbuilder';
import { markTranscriptKept, transcriptErasureAsked } from '../../dialogs/shared/transcriptErasure';
import type { WebConversationStore } from '../../stores/directline/webConversations';

export const WEB_CHANNEL_ID = 'webchat';

/**
 * The adapter of the bot's own web chat: replies go straight into the conversation's activity log
 * (in memory, or in MongoDB shared by every instance), which the page polls through the Direct
 * Line subset. No Azure, no callback URL.
 */
export class DirectLineAdapter extends BotAdapter {
  constructor(private readonly log: WebConversationStore) {
    super();
  }

  async sendActivities(_context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      if (activity.type === 'delay') {
        await new Promise((resolve) => setTimeout(resolve, Math.min(Number(activity.value) || 0, 5000)));
        responses.push({ id: '' });
      } else if (activity.type === 'invokeResponse' || activity.type === 'trace') {
        responses.push({ id: '' });
      } else {
        responses.push({ id: await this.log.append(activity.conversation?.id ?? '', activity) });
      }
    }
    return responses;
  }

  async updateActivity(_context: TurnContext, activity: Partial<Activity>): Promise<ResourceResponse | void> {
    await this.log.replace(activity.conversation?.id ?? '', activity);
    return { id: activity.id ?? '' };
  }

  async deleteActivity(_context: TurnContext, reference: Partial<ConversationReference>): Promise<void> {
    await this.log.remove(reference.conversation?.id ?? '', reference.activityId ?? '');
  }

  async continueConversation(
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    const activity = TurnContext.applyConversationReference(
      { type: 'event', name: 'continueConversation' },
      reference,
      true,
    );
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }

  /**
   * Runs one incoming activity through the middleware and the bot. The dialogs know that this
   * conversation's messages are kept here; when the person erased their data, the kept messages go
   * too, this one included (the replies of the turn stay).
   */
  async processActivity(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const context = new TurnContext(this, activity);
    markTranscriptKept(context);
    await this.runMiddleware(context, logic);
    if (transcriptErasureAsked(context) && activity.id) await this.log.forgetThrough(activity.conversation?.id ?? '', activity.id);
  }
}
