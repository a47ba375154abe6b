import { randomBytes, randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';

/** One web chat conversation as the Direct Line subset keeps it: in memory, for a bounded time. */
export interface WebConversation {
  readonly conversationId: string;
  readonly userId: string;
  token: string;
  expiresAt: number;
  started: boolean;
  /** Activities kept for polling; `offset` counts the ones dropped from the front. */
  activities: Activity[];
  offset: number;
  lastSeen: number;
}

export interface ConversationLogLimits {
  tokenTtlSeconds: number;
  maxConversations: number;
  maxActivitiesKept: number;
}

export const DEFAULT_LIMITS: ConversationLogLimits = {
  tokenTtlSeconds: 3600,
  maxConversations: 5000,
  maxActivitiesKept: 500,
};

/**
 * The activity stream of every open web chat conversation. Nothing here is written to disk: the
 * messages people type live only as long as the conversation is open, then disappear.
 */
export class ConversationLog {
  private readonly conversations = new Map<string, WebConversation>();
  private readonly idsByToken = new Map<string, string>();

  constructor(
    private readonly limits: ConversationLogLimits = DEFAULT_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Opens a conversation for a new anonymous web user and returns its bearer token. */
  open(): WebConversation {
    this.evictExpired();
    if (this.conversations.size >= this.limits.maxConversations) this.evictOldest();
    const conversation: WebConversation = {
      conversationId: randomUUID(),
      userId: `web-${randomUUID()}`,
      token: randomBytes(32).toString('base64url'),
      expiresAt: this.now() + this.limits.tokenTtlSeconds * 1000,
      started: false,
      activities: [],
      offset: 0,
      lastSeen: this.now(),
    };
    this.conversations.set(conversation.conversationId, conversation);
    this.idsByToken.set(conversation.token, conversation.conversationId);
    return conversation;
  }

  /** The conversation a bearer token opens, if the token is known and not expired. */
  byToken(token: string): WebConversation | undefined {
    const id = this.idsByToken.get(token);
    return id === undefined ? undefined : this.get(id);
  }

  get(conversationId: string): WebConversation | undefined {
    const conversation = this.conversations.get(conversationId);
    return conversation && this.isLive(conversation) ? conversation : undefined;
  }

  refresh(conversation: WebConversation): void {
    conversation.expiresAt = this.now() + this.limits.tokenTtlSeconds * 1000;
    conversation.lastSeen = this.now();
  }

  /** Appends an activity and returns the id it got (`<conversationId>|<sequence>`). */
  append(conversationId: string, activity: Partial<Activity>): string {
    const conversation = this.conversations.get(conversationId);
    if (!conversation) throw new Error(`append: unknown web conversation`);
    const sequence = conversation.offset + conversation.activities.length;
    const id = `${conversationId}|${String(sequence).padStart(7, '0')}`;
    conversation.activities.push({ ...activity, id, timestamp: new Date(this.now()) } as Activity);
    if (conversation.activities.length > this.limits.maxActivitiesKept) {
      conversation.activities.shift();
      conversation.offset += 1;
    }
    return id;
  }

  replace(conversationId: string, activity: Partial<Activity>): boolean {
    const conversation = this.conversations.get(conversationId);
    const index = conversation?.activities.findIndex((a) => a.id === activity.id) ?? -1;
    if (!conversation || index < 0) return false;
    conversation.activities[index] = { ...conversation.activities[index], ...activity } as Activity;
    return true;
  }

  remove(conversationId: string, activityId: string): boolean {
    const conversation = this.conversations.get(conversationId);
    const index = conversation?.activities.findIndex((a) => a.id === activityId) ?? -1;
    if (!conversation || index < 0) return false;
    conversation.activities[index] = { ...conversation.activities[index], type: 'messageDelete' } as Activity;
    return true;
  }

  /** Activities after a watermark, and the new watermark, as Direct Line 3.0 answers a poll. */
  since(conversation: WebConversation, watermark: number): { activities: Activity[]; watermark: string } {
    conversation.lastSeen = this.now();
    const from = Math.max(0, watermark - conversation.offset);
    const end = conversation.offset + conversation.activities.length;
    return { activities: conversation.activities.slice(from), watermark: String(end) };
  }

  get size(): number {
    return this.conversations.size;
  }

  private isLive(conversation: WebConversation): boolean {
    return conversation.expiresAt > this.now();
  }

  private evictExpired(): void {
    for (const [id, conversation] of this.conversations) {
      if (!this.isLive(conversation)) this.forget(conversation);
    }
  }

  private evictOldest(): void {
    let oldest: WebConversation | undefined;
    for (const conversation of this.conversations.values()) {
      if (!oldest || conversation.lastSeen < oldest.lastSeen) oldest = conversation;
    }
    if (oldest) this.forget(oldest);
  }

  private forget(conversation: WebConversation): void {
    this.conversations.delete(conversation.conversationId);
    this.idsByToken.delete(conversation.token);
  }
}
