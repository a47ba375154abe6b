import { MemoryStorage, TestAdapter, type Activity, type Storage } from 'botbuilder';
import { ConversationState, UserState } from 'botbuilder';
import type { Feature } from '../../dialogs/feature';
import type { Understand } from '../../dialogs/shared/understanding';
import { GuichetBot } from '../../bot/guichetBot';
import { installTurnErrorHandler } from '../../bot/channels/turnErrors';
import { createLogger } from '../../bot/logger';

/** What the bot sent back for one message, reduced to what a person sees. */
export interface Reply {
  text: string;
  /** Button titles: suggested actions and hero-card buttons. */
  buttons: string[];
  attachments: Partial<Activity>['attachments'];
}

function toReply(activity: Partial<Activity>): Reply {
  const suggested = activity.suggestedActions?.actions?.map((a) => a.title ?? String(a.value)) ?? [];
  const cardButtons = (activity.attachments ?? []).flatMap(
    (a) => ((a.content as { buttons?: Array<{ title?: string }> } | undefined)?.buttons ?? []).map((b) => b.title ?? ''),
  );
  // Hero cards (choices on Teams) carry their question in the card's text.
  const cardTexts = (activity.attachments ?? [])
    .filter((a) => a.contentType === 'application/vnd.microsoft.card.hero')
    .map((a) => (a.content as { text?: string } | undefined)?.text ?? '');
  const text = [activity.text ?? '', ...cardTexts].filter(Boolean).join('\n');
  return { text, buttons: [...suggested, ...cardButtons], attachments: activity.attachments };
}

/**
 * Drives the real bot (root dialog, features, state) through botbuilder's TestAdapter, one
 * message at a time, like a person in a chat window.
 */
export interface BotDriverOptions {
  features?: Feature[];
  locale?: string;
  channelId?: string;
  storage?: Storage;
  understand?: Understand;
  /** The territory the guichet serves (TERRITORY code). */
  territory?: string;
  /** A Teams identity (AAD object id and tenant), for adviser tests. */
  teamsIdentity?: { aadObjectId: string; tenantId: string };
  /** The person's channel id (another person, or the same one on another device); TestAdapter's 'user1' when absent. */
  userId?: string;
}

export class BotDriver {
  readonly adapter: TestAdapter;
  readonly storage: Storage;
  private readonly teamsIdentity?: { aadObjectId: string; tenantId: string };

  constructor(options: BotDriverOptions = {}) {
    this.teamsIdentity = options.teamsIdentity;
    this.storage = options.storage ?? new MemoryStorage();
    const conversationState = new ConversationState(this.storage);
    const userState = new UserState(this.storage);
    const bot = new GuichetBot({ conversationState, userState, features: options.features ?? [], understand: options.understand, territory: options.territory });
    this.adapter = new TestAdapter(async (context) => bot.run(context), {
      channelId: options.channelId ?? 'webchat',
      locale: options.locale ?? 'fr-FR',
      ...(options.userId ? { from: { id: options.userId, name: options.userId } } : {}),
    });
    installTurnErrorHandler(this.adapter, conversationState, createLogger('silent'));
  }

  /** Opens the conversation as a channel does when a person joins. */
  async join(): Promise<Reply[]> {
    return this.exchange({
      type: 'conversationUpdate',
      membersAdded: [{ id: 'user1', name: 'User1' }],
      recipient: { id: 'bot', name: 'Bot' },
    });
  }

  /** Sends a message (text, or a card submit value) and returns every reply of that turn. */
  async say(input: string | { value: unknown }): Promise<Reply[]> {
    return this.exchange(typeof input === 'string' ? { type: 'message', text: input } : { type: 'message', value: input.value });
  }

  private async exchange(activity: Partial<Activity>): Promise<Reply[]> {
    if (this.teamsIdentity) {
      activity.from = { id: 'user1', name: 'User1', aadObjectId: this.teamsIdentity.aadObjectId };
      activity.conversation = { id: 'Convo1', isGroup: false, name: 'Convo1', conversationType: 'personal', tenantId: this.teamsIdentity.tenantId };
    }
    this.adapter.activeQueue.splice(0);
    await this.adapter.receiveActivity(activity);
    return this.adapter.activeQueue.splice(0).filter((a) => a.type === 'message').map(toReply);
  }
}

/** All reply texts of a turn as one string, to search in. */
export const textOf = (replies: Reply[]) => replies.map((r) => r.text).join('\n');
export const buttonsOf = (replies: Reply[]) => replies.flatMap((r) => r.buttons);
