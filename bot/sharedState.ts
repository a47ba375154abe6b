import type { StoreBackend } from '../stores/appStore';
import type { WebConversationStore } from '../stores/directline/webConversations';
import { mongoWebConversations } from '../stores/directline/mongoWebConversations';
import { withTimeout } from '../stores/timeouts';
import { memoryTurnOrder, mongoTurnOrder, type TurnOrder } from '../stores/turnOrder';
import type { Config } from './config';
import { MemoryWebConversations } from './directline/conversationLog';
import { createRateLimits, type RateLimits } from './rateLimits';

/** What every instance must see the same way when several serve one bot. */
export interface SharedState {
  /** Web chat (Direct Line) tokens, conversations, activities and watermarks. */
  conversations: WebConversationStore;
  /** Turns of one conversation one at a time, in arrival order. */
  turnOrder: TurnOrder;
  /** Rate limits, counted once for all instances. */
  rateLimits: RateLimits;
}

/**
 * On MongoDB, everything an instance would otherwise keep to itself goes to the database, so that
 * any instance can serve any call (a load balancer needs no sticky sessions). On the embedded
 * store, which one process holds (locked), it stays in memory.
 * (Dialog state, requests, the follow-up guard's failure counts and the applicants' conversation
 * references are already in the store.)
 */
export async function openSharedState(backend: StoreBackend, config: Config): Promise<SharedState> {
  if (backend.kind === 'mongodb') {
    const db = backend.connection.db;
    return {
      conversations: withTimeout(await mongoWebConversations(db), config.STORE_TIMEOUT_MS, 'webConversations'),
      turnOrder: await mongoTurnOrder(db, { storeTimeoutMs: config.STORE_TIMEOUT_MS }),
      rateLimits: createRateLimits(config, db),
    };
  }
  return { conversations: new MemoryWebConversations(), turnOrder: memoryTurnOrder(), rateLimits: createRateLimits(config) };
}
