import type { CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import type { ProactiveSender } from './applicantNotifier';
import type { WebConversationStore } from '../../stores/directline/webConversations';
import type { DirectLineAdapter } from './directLineAdapter';
import { isLoopbackUrl } from '../clientAddress';

/**
 * Sends into an existing conversation through the adapter of its channel: the bot's own Direct
 * Line for the web chat page (only while that conversation is still open), the Bot Framework
 * connector (CloudAdapter) for Teams and other channels.
 */
export function createProactiveSender(deps: {
  cloudAdapter: CloudAdapter;
  directLineAdapter: DirectLineAdapter;
  /** The web chat conversations (shared by every instance on MongoDB: a notice reaches the page whichever instance serves it). */
  conversationLog: WebConversationStore;
  appId?: string;
  /** Without channel authentication, the bot calls back only a loopback serviceUrl. */
  authenticated?: boolean;
}): ProactiveSender {
  return {
    async send(reference: Partial<ConversationReference>, text: string): Promise<boolean> {
      const logic = async (context: TurnContext) => {
        await context.sendActivity(text);
      };
      try {
        const id = reference.conversation?.id;
        if (id && (await deps.conversationLog.isOpen(id))) {
          await deps.directLineAdapter.continueConversation(reference, logic);
          return true;
        }
        // A conversation of the bot's own page that has closed cannot be reached any more.
        if (!reference.serviceUrl || reference.channelId === 'webchat' && !/^https:\/\//.test(reference.serviceUrl)) return false;
        if (!deps.authenticated && !isLoopbackUrl(reference.serviceUrl)) return false;
        await deps.cloudAdapter.continueConversationAsync(deps.appId ?? '', reference, logic);
        return true;
      } catch {
        return false;
      }
    },
  };
}
