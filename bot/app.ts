import type { TurnContext } from 'botbuilder';
import type { AppStore } from '../stores/appStore';
import type { Server } from 'restify';
import type { Feature } from '../dialogs/feature';
import type { Understand } from '../dialogs/shared/understanding';
import type { ProactiveSender } from './channels/applicantNotifier';
import { createCloudAdapter } from './channels/cloudAdapter';
import { createProactiveSender } from './channels/proactive';
import { DirectLineAdapter, WEB_CHANNEL_ID } from './channels/directLineAdapter';
import { teamsMiddleware } from './channels/teamsMiddleware';
import { installTurnErrorHandler } from './channels/turnErrors';
import { turnLogging } from './channels/turnLogging';
import type { Config } from './config';
import { MemoryWebConversations } from './directline/conversationLog';
import type { WebConversationStore } from '../stores/directline/webConversations';
import { memoryTurnOrder, type TurnOrder } from '../stores/turnOrder';
import { registerDirectLineRoutes } from './directline/routes';
import { GuichetBot } from './guichetBot';
import type { Logger } from './logger';
import { createServer } from './server';
import { Lifecycle } from './lifecycle';
import { createRateLimits, type RateLimits } from './rateLimits';
import { withTimeout } from '../stores/timeouts';
import { JsonChangeConversationState, JsonChangeUserState } from '../stores/state/jsonChangeState';

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
  /** Shared with the request repository's wrapper (limitedRequests); made from the config when absent. */
  rateLimits?: RateLimits;
  /**
   * What several instances must share (bot/sharedState.ts): the web chat conversations and the
   * order of turns. In this process when absent (one instance).
   */
  shared?: { conversations: WebConversationStore; turnOrder: TurnOrder };
}

export interface App {
  server: Server;
  bot: GuichetBot;
  conversationLog: WebConversationStore;
  lifecycle: Lifecycle;
}

/** Wires the bot: state, both channel adapters with the same middleware, and the HTTP server. */
export function createApp(deps: AppDeps): App {
  // A store that does not answer fails the turn quickly (the person is told), instead of hanging it.
  const storage = withTimeout(deps.store.stateStorage, deps.config.STORE_TIMEOUT_MS, 'state');
  // botbuilder's states, telling a changed state by its JSON rather than by SHA-256 hashes (stores/state/jsonChangeState.ts).
  const conversationState = new JsonChangeConversationState(storage);
  const userState = new JsonChangeUserState(storage);
  const rateLimits = deps.rateLimits ?? createRateLimits(deps.config);
  const lifecycle = new Lifecycle();
  const bot = new GuichetBot({ conversationState, userState, features: deps.features, understand: deps.understand, territory: deps.territory });
  const logic = (context: TurnContext) => bot.run(context);

  const cloudAdapter = createCloudAdapter(deps.config);
  const conversationLog = deps.shared?.conversations ?? new MemoryWebConversations();
  if (conversationLog instanceof MemoryWebConversations) {
    // A web chat conversation this process forgets can never be opened again (its token is gone):
    // its dialog state and its user's (one user per web conversation) go with it, so that the
    // state kept for the web chat is bounded by the log's own bound, not by the retention period.
    conversationLog.log.onForget = (conversation) => {
      const keys = [`${WEB_CHANNEL_ID}/conversations/${conversation.conversationId}/`, `${WEB_CHANNEL_ID}/users/${conversation.userId}/`];
      storage.delete(keys).catch((error: unknown) => deps.logger.warn({ event: 'web_state_forget_failed', error: error instanceof Error ? error.name : 'unknown' }));
    };
  }
  const turnOrder = deps.shared?.turnOrder ?? memoryTurnOrder();
  const directLineAdapter = new DirectLineAdapter(conversationLog);
  for (const adapter of [cloudAdapter, directLineAdapter]) {
    adapter.use(turnLogging(deps.logger));
    for (const middleware of teamsMiddleware) adapter.use(middleware);
    installTurnErrorHandler(adapter, conversationState, deps.logger);
  }

  deps.notifier?.attach(
    createProactiveSender({ cloudAdapter, directLineAdapter, conversationLog, appId: deps.config.MicrosoftAppId, authenticated: Boolean(deps.config.MicrosoftAppId) }),
  );

  const routes: Array<(server: Server) => void> = [...(deps.apiRoutes ?? [])];
  if (deps.config.WEBCHAT_ENABLED) {
    routes.push((server) => registerDirectLineRoutes(server, { log: conversationLog, turnOrder, adapter: directLineAdapter, logic, rateLimits, trustProxy: deps.config.TRUST_PROXY }));
  }
  const server = createServer({
    config: deps.config,
    logger: deps.logger,
    cloudAdapter,
    logic,
    storeReady: () => deps.store.ping(),
    storeKind: deps.store.kind,
    routes,
    rateLimits,
    lifecycle,
    turnOrder,
  });
  return { server, bot, conversationLog, lifecycle };
}
