import type { Activity } from 'botbuilder';

/**
 * The web chat conversations of the bot's own Direct Line (tokens, activities, watermarks), as
 * every instance sees them. In memory for one instance (bot/directline/conversationLog.ts), in
 * MongoDB for several behind a load balancer (mongoWebConversations.ts): a token given by one
 * instance opens the conversation on any other.
 */
export interface WebConversation {
  readonly conversationId: string;
  readonly userId: string;
  /** The bearer token (given back by `open` and `byToken`; stored only as a hash in MongoDB). */
  readonly token: string;
  expiresAt: number;
  started: boolean;
  /** The language the page asked for when it got its token (used by the welcome). */
  locale?: string;
}

export interface WebConversationLimits {
  tokenTtlSeconds: number;
  /** Conversations kept at once, started or not. */
  maxConversations: number;
  /** Conversations given a token but never started; the oldest goes first when there are more. */
  maxPending: number;
  maxActivitiesKept: number;
  /** Bytes of activities kept per conversation; the oldest (already polled) go first. */
  maxBytesPerConversation: number;
  /** Bytes of activities kept for all conversations together. */
  maxTotalBytes: number;
  /** A started conversation polled within this time is live: a newcomer never evicts it. */
  liveSeconds: number;
}

export const DEFAULT_LIMITS: WebConversationLimits = {
  tokenTtlSeconds: 3600,
  maxConversations: 5000,
  maxPending: 1000,
  maxActivitiesKept: 500,
  maxBytesPerConversation: 256 * 1024,
  maxTotalBytes: 64 * 1024 * 1024,
  liveSeconds: 15 * 60,
};

export interface ActivityPage {
  activities: Activity[];
  watermark: string;
}

export interface WebConversationStore {
  readonly kind: 'memory' | 'mongodb';
  readonly limits: WebConversationLimits;
  /** Opens a conversation for a new anonymous web user; undefined when every place is taken by a live one. */
  open(locale?: string): Promise<WebConversation | undefined>;
  /** The conversation a bearer token opens, if the token is known and not expired. */
  byToken(token: string): Promise<WebConversation | undefined>;
  /** True while the conversation is open (not expired, not evicted). */
  isOpen(conversationId: string): Promise<boolean>;
  /** Marks the conversation started; true the first time only, whichever instance asks. */
  start(conversation: WebConversation): Promise<boolean>;
  /** Extends the token's life; the conversation with its new expiry. */
  refresh(conversation: WebConversation): Promise<WebConversation>;
  /**
   * Appends an activity and returns the id it got (`<conversationId>|<sequence>`); an empty id when
   * the conversation is gone (expired or evicted: nobody can read it any more).
   */
  append(conversationId: string, activity: Partial<Activity>): Promise<string>;
  replace(conversationId: string, activity: Partial<Activity>): Promise<boolean>;
  remove(conversationId: string, activityId: string): Promise<boolean>;
  /**
   * Forgets the activities up to and including that one (a person erased what they said): they are
   * no longer kept nor served; the ones after it and the watermarks stay. How many went.
   */
  forgetThrough(conversationId: string, activityId: string): Promise<number>;
  /** Activities after a watermark, and the new watermark, as Direct Line 3.0 answers a poll. */
  since(conversation: WebConversation, watermark: number): Promise<ActivityPage>;
  /** What is kept now, as this instance last saw it (tests and the soak report). */
  readonly usage: { conversations: number; pending: number; bytes: number };
}

/** The activity id of a sequence number: sorts as the sequence does. */
export function activityId(conversationId: string, sequence: number): string {
  return `${conversationId}|${String(sequence).padStart(7, '0')}`;
}

/** The sequence number of an activity id of that conversation, or undefined when it is none. */
export function sequenceOf(conversationId: string, id: string | undefined): number | undefined {
  if (!id?.startsWith(`${conversationId}|`)) return undefined;
  const sequence = Number(id.slice(conversationId.length + 1));
  return Number.isInteger(sequence) && sequence >= 0 && activityId(conversationId, sequence) === id ? sequence : undefined;
}

/** Serialised size of an activity (0 when it cannot be serialised). */
export function sizeOf(activity: unknown): number {
  try {
    return Buffer.byteLength(JSON.stringify(activity) ?? '', 'utf8');
  } catch {
    return 0;
  }
}
