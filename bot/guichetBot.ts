import { ActivityHandler, type ConversationState, type TurnContext, type UserState } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { Feature } from '../dialogs/feature';
import { RootDialog } from '../dialogs/rootDialog';
import { isPersonalConversation } from '../dialogs/shared/conversationScope';
import { sessionAccessor } from '../dialogs/shared/session';
import { setTurnLocale, setTurnWording } from '../dialogs/shared/turnLocale';
import type { Understand } from '../dialogs/shared/understanding';
import { userProfileAccessor } from '../dialogs/shared/userProfile';
import { DEFAULT_LOCALE, toLocale } from '../locales/i18n';
import { loadTogether } from '../stores/state/jsonChangeState';

export interface GuichetBotDeps {
  conversationState: ConversationState;
  userState: UserState;
  features: readonly Feature[];
  /** Reads free text (intent and slots); without it, only menu labels and commands are understood. */
  understand?: Understand;
  /** The territory the guichet serves (TERRITORY code); the welcome names it. */
  territory?: string;
}

/**
 * The bot: decides the turn's language, hands messages and new members to the root dialog, and
 * saves the state once at the end of the turn.
 */
export class GuichetBot extends ActivityHandler {
  private readonly root: RootDialog;
  private readonly profile;
  private readonly session;

  constructor(private readonly deps: GuichetBotDeps) {
    super();
    this.profile = userProfileAccessor(deps.userState);
    this.session = sessionAccessor(deps.conversationState);
    this.root = new RootDialog({
      features: deps.features,
      understand: deps.understand,
      territory: deps.territory,
      dialogState: deps.conversationState.createProperty<DialogState>('dialogState'),
      session: this.session,
      profile: this.profile,
    });

    this.onMessage(async (context, next) => {
      if (context.activity.text !== undefined || context.activity.value !== undefined) await this.root.run(context);
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      if (context.activity.channelId === 'msteams') {
        if (isTeamsPersonalInstall(context)) await this.welcomeOnce(context);
      } else {
        const botId = context.activity.recipient?.id;
        const people = (context.activity.membersAdded ?? []).filter((m) => m.id !== botId);
        if (people.length > 0) await this.root.run(context);
      }
      await next();
    });

    // Teams sends both a conversationUpdate and an installationUpdate when the app is installed.
    this.onInstallationUpdateAdd(async (context, next) => {
      if (context.activity.channelId === 'msteams' && isPersonalConversation(context.activity)) await this.welcomeOnce(context);
      await next();
    });
  }

  /** The welcome of a new conversation, once, whichever install event comes first. */
  private async welcomeOnce(context: TurnContext): Promise<void> {
    const session = await this.session.get(context, {});
    if (!session.welcomed) await this.root.run(context);
  }

  override async run(context: TurnContext): Promise<void> {
    if (isEndOfPerson(context)) {
      // The kiosk's « Nouvelle personne » or idle reset: forget this conversation and its user.
      await this.deps.conversationState.delete(context);
      await this.deps.userState.delete(context);
      return;
    }
    // The conversation's state and its user's in one read of the store (the dialogs read the first, the profile the second).
    await loadTogether(context, [this.deps.conversationState, this.deps.userState]);
    // Read without a default: a person who never chose a language or wording gets no user document.
    const profile = (await this.profile.get(context)) ?? {};
    setTurnLocale(context, profile.locale ?? toLocale(context.activity.locale) ?? DEFAULT_LOCALE);
    setTurnWording(context, profile.wording ?? 'standard');
    await super.run(context);
    await this.deps.conversationState.saveChanges(context, false);
    await this.deps.userState.saveChanges(context, false);
  }
}

/** The event the kiosk page sends when a person leaves (web chat only: it names its own conversation). */
export const END_OF_PERSON_EVENT = 'guichet.end';

function isEndOfPerson(context: TurnContext): boolean {
  return context.activity.type === 'event' && context.activity.name === END_OF_PERSON_EVENT;
}

/**
 * Teams: the bot itself added to a personal chat is the app being installed by a person. Members
 * joining a team are not greeted in its channels.
 */
function isTeamsPersonalInstall(context: TurnContext): boolean {
  const botId = context.activity.recipient?.id;
  return isPersonalConversation(context.activity) && (context.activity.membersAdded ?? []).some((m) => m.id === botId);
}
