import { MemoryStorage, TestAdapter, type Activity, type Storage } from 'botbuilder';
import { JsonChangeConversationState, JsonChangeUserState } from '../../stores/state/jsonChangeState';
import type { Feature } from '../../dialogs/feature';
import type { Understand } from '../../dialogs/shared/understanding';
import { GuichetBot } from '../../bot/guichetBot';
import { installTurnErrorHandler } from '../../bot/channels/turnErrors';
import { teamsMiddleware } from '../../bot/channels/teamsMiddleware';
import { createLogger } from '../../bot/logger';

/** What the bot sent back for one message, reduced to what a person sees. */
export interface Reply {
  text: string;
  /** Button titles: suggested actions, hero-card buttons and Teams' Adaptive Card imBack buttons. */
  buttons: string[];
  attachments: Partial<Activity>['attachments'];
  /** What a page may print of this message (dialogs/shared/printable.ts), when the bot marked it. */
  printable?: unknown;
}

function toReply(activity: Partial<Activity>): Reply {
  const suggested = activity.suggestedActions?.actions?.map((a) => a.title ?? String(a.value)) ?? [];
  const cardButtons = (activity.attachments ?? []).flatMap(
    (a) => ((a.content as { buttons?: Array<{ title?: string }> } | undefined)?.buttons ?? []).map((b) => b.title ?? ''),
  );
  // Choices rewritten for Teams as an Adaptive Card: buttons that send their text back (imBack).
  type AdaptiveAction = { title?: string; data?: { msteams?: { type?: string } } };
  type AdaptiveItem = { type?: string; actions?: AdaptiveAction[] };
  const imBackButtons = (activity.attachments ?? [])
    .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
    .flatMap((a) => {
      const card = a.content as { body?: AdaptiveItem[]; actions?: AdaptiveAction[] };
      return [...(card.body ?? []).flatMap((item) => item.actions ?? []), ...(card.actions ?? [])];
    })
    .filter((action) => action.data?.msteams?.type === 'imBack')
    .map((action) => action.title ?? '');
  // Hero cards (choices on Teams) carry their question in the card's text.
  const cardTexts = (activity.attachments ?? [])
    .filter((a) => a.contentType === 'application/vnd.microsoft.card.hero')
    .map((a) => (a.content as { text?: string } | undefined)?.text ?? '');
  const text = [activity.text ?? '', ...cardTexts].filter(Boolean).join('\n');
  const printable = (activity.channelData as { printable?: unknown } | undefined)?.printable;
  return { text, buttons: [...suggested, ...cardButtons, ...imBackButtons], attachments: activity.attachments, ...(printable ? { printable } : {}) };
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
  /** A Teams identity (AAD object id and tenant) and the kind of conversation (personal by default). */
  teamsIdentity?: TeamsIdentity;
  /** The person's channel id (another person, or the same one on another device); TestAdapter's 'user1' when absent. */
  userId?: string;
}

export class BotDriver {
  readonly adapter: TestAdapter;
  readonly storage: Storage;
  /** The messages of the last turn as the channel got them (after the channel middleware). */
  lastActivities: Array<Partial<Activity>> = [];
  private readonly teamsIdentity?: TeamsIdentity;

  constructor(options: BotDriverOptions = {}) {
    this.teamsIdentity = options.teamsIdentity;
    this.storage = options.storage ?? new MemoryStorage();
    // The app's state classes (bot/app.ts).
    const conversationState = new JsonChangeConversationState(this.storage);
    const userState = new JsonChangeUserState(this.storage);
    const bot = new GuichetBot({ conversationState, userState, features: options.features ?? [], understand: options.understand, territory: options.territory });
    this.adapter = new TestAdapter(async (context) => bot.run(context), {
      channelId: options.channelId ?? 'webchat',
      locale: options.locale ?? 'fr-FR',
      ...(options.userId ? { from: { id: options.userId, name: options.userId } } : {}),
    });
    // The same channel middleware as the app's adapters (Teams mentions and rendering).
    for (const middleware of teamsMiddleware) this.adapter.use(middleware);
    installTurnErrorHandler(this.adapter, conversationState, createLogger('silent'));
  }

  /**
   * Opens the conversation as the channel does: a person joins (Web Chat), or, in Teams, the app is
   * installed and the bot itself is the member added.
   */
  async join(): Promise<Reply[]> {
    const teams = this.adapter.template.channelId === 'msteams';
    return this.exchange({
      type: 'conversationUpdate',
      membersAdded: [teams ? { id: 'bot', name: 'Bot' } : { id: 'user1', name: 'User1' }],
      recipient: { id: 'bot', name: 'Bot' },
    });
  }

  /** Sends any activity (a Teams install, a message with an @mention…) and returns every reply. */
  async send(activity: Partial<Activity>): Promise<Reply[]> {
    return this.exchange(activity);
  }

  /** Sends a message (text, or a card submit value) and returns every reply of that turn. */
  async say(input: string | { value: unknown }): Promise<Reply[]> {
    return this.exchange(typeof input === 'string' ? { type: 'message', text: input } : { type: 'message', value: input.value });
  }

  private async exchange(activity: Partial<Activity>): Promise<Reply[]> {
    const teamsIdentity = this.teamsIdentity ?? (this.adapter.template.channelId === 'msteams' ? ANY_TEAMS_USER : undefined);
    if (teamsIdentity) {
      const { aadObjectId, tenantId, conversationType = 'personal' } = teamsIdentity;
      activity.from = { id: 'user1', name: 'User1', aadObjectId };
      activity.conversation = { id: 'Convo1', isGroup: conversationType !== 'personal', name: 'Convo1', conversationType, tenantId };
      activity.channelData = {
        tenant: { id: tenantId },
        ...(conversationType === 'channel' ? { team: { id: '19:team@thread.tacv2' }, channel: { id: '19:channel@thread.tacv2' } } : {}),
        ...(activity.channelData as object | undefined),
      };
    }
    this.adapter.activeQueue.splice(0);
    await this.adapter.receiveActivity(activity);
    this.lastActivities = this.adapter.activeQueue.splice(0).filter((a) => a.type === 'message');
    return this.lastActivities.map(toReply);
  }
}

/** Who speaks in a Teams test: their Entra ID (tenant, object id) and where (personal chat by default). */
export interface TeamsIdentity {
  aadObjectId: string;
  tenantId: string;
  conversationType?: 'personal' | 'groupChat' | 'channel';
}

/** Someone in a personal chat in Teams, not in the adviser registry. */
const ANY_TEAMS_USER: TeamsIdentity = { aadObjectId: '99999999-0000-0000-0000-000000000009', tenantId: '99999999-9999-9999-9999-999999999999' };

/** All reply texts of a turn as one string, to search in. */
export const textOf = (replies: Reply[]) => replies.map((r) => r.text).join('\n');
export const buttonsOf = (replies: Reply[]) => replies.flatMap((r) => r.buttons);
