import { ConversationState, UserState, type TurnContext } from 'botbuilder';
import type { AppStore } from '../stores/appStore';
import type { Server } from 'restify';
import type { Feature } from '../dialogs/feature';
import type { Understand } from '../dialogs/shared/understanding';
import type { ProactiveSender } from './channels/applicantNotifier';
import { createCloudAdapter } from './channels/cloudAdapter';
import { createProactiveSender } from './channels/proactive';
import { DirectLineAdapter } from './channels/directLineAdapter';
import { teamsMentions } from './channels/teamsMentions';
import { installTurnErrorHandler } from './channels/turnErrors';
import { turnLogging } from './channels/turnLogging';
import type { Config } from './config';
import { ConversationLog } from './directline/conversationLog';
import { registerDirectLineRoutes } from './directline/routes';
import { GuichetBot } from './guichetBot';
import type { Logger } from './logger';
import { createServer } from './server';

export type { AppStore };

export interface AppDeps {
  config: Config;
  logger: Logger;
  store: AppStore;
  features: readonly Feature[];
  /** Reads free text (the understanding module); without it only menu labels and commands are read. */
  understand?: Understand;
  /** The territory the guichet serves (TERRITORY code); the welcome names it. */
  territory?: string;
  /** Gets the proactive sender once the channel adapters exist (applicant notices). */
  notifier?: { attach(sender: ProactiveSender): void };
  /** Route groups of the public API (eligibility, directory…). */
  apiRoutes?: ReadonlyArray<(server: Server) => void>;
}

export interface App {
  server: Server;
  bot: GuichetBot;
  conversationLog: ConversationLog;
}

/** Wires the bot: state, both channel adapters with the same middleware, and the HTTP server. */
export function createApp(deps: AppDeps): App {
  const conversationState = new ConversationState(deps.store.stateStorage);
  const userState = new UserState(deps.store.stateStorage);
  const bot = new GuichetBot({ conversationState, userState, features: deps.features, understand: deps.understand, territory: deps.territory });
  const logic = (context: TurnContext) => bot.run(context);

  const cloudAdapter = createCloudAdapter(deps.config);
  const conversationLog = new ConversationLog();
  const directLineAdapter = new DirectLineAdapter(conversationLog);
  for (const adapter of [cloudAdapter, directLineAdapter]) {
    adapter.use(turnLogging(deps.logger));
    adapter.use(teamsMentions);
    installTurnErrorHandler(adapter, conversationState, deps.logger);
  }

  deps.notifier?.attach(
    createProactiveSender({ cloudAdapter, directLineAdapter, conversationLog, appId: deps.config.MicrosoftAppId }),
  );

  const routes: Array<(server: Server) => void> = [...(deps.apiRoutes ?? [])];
  if (deps.config.WEBCHAT_ENABLED) {
    routes.push((server) => registerDirectLineRoutes(server, { log: conversationLog, adapter: directLineAdapter, logic }));
  }
  const server = createServer({
    config: deps.config,
    logger: deps.logger,
    cloudAdapter,
    logic,
    storeReady: () => deps.store.ping(),
    storeKind: deps.store.kind,
    routes,
  });
  return { server, bot, conversationLog };
}
