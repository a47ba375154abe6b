import { randomBytes, randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import {
  activityId,
  DEFAULT_LIMITS,
  sequenceOf,
  type ActivityPage,
  type WebConversationLimits,
  type WebConversation as SharedWebConversation,
  type WebConversationStore,
} from '../../stores/directline/webConversations';

export { DEFAULT_LIMITS };
export type ConversationLogLimits = WebConversationLimits;

/** One web chat conversation as the in-memory log keeps it. */
export interface WebConversation extends SharedWebConversation {
  token: string;
  /**
   * Activities kept for polling, serialised (JSON): what they weigh in memory is their byte budget,
   * whatever their shape (a card of many small objects weighs several times its JSON as objects).
   * `offset` counts the ones dropped from the front.
   */
  activities: string[];
  /** Size in bytes of each kept activity, and their sum. */
  sizes: number[];
  bytes: number;
  offset: number;
  lastSeen: number;
}

/**
 * The activity stream of every open web chat conversation. Nothing here is written to disk: the
 * messages people type live only as long as the conversation is open, then disappear.
 * Memory is bounded by count and by bytes. When room is needed, conversations that were never
 * started go first, then idle ones; a live conversation is never evicted for a newcomer (the
 * newcomer is refused instead).
 */
export class ConversationLog {
  private readonly conversations = new Map<string, WebConversation>();
  private readonly idsByToken = new Map<string, string>();
  private pending = 0;
  private totalBytes = 0;
  readonly limits: ConversationLogLimits;
  /**
   * Called when a conversation is forgotten (expired or evicted): nobody can open it again, so
   * what the bot kept for it (its dialog state) can go too.
   */
  onForget?: (conversation: WebConversation) => void;

  constructor(
    limits: Partial<ConversationLogLimits> = {},
    private readonly now: () => number = Date.now,
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
  }

  /** Opens a conversation for a new anonymous web user; undefined when every place is taken by a live one. */
  open(locale?: string): WebConversation | undefined {
    this.evictExpired();
    if (this.pending >= this.limits.maxPending) this.evictFirst((c) => !c.started);
    if (this.conversations.size >= this.limits.maxConversations && !this.makeRoom()) return undefined;
    const conversation: WebConversation = {
      conversationId: randomUUID(),
      userId: `web-${randomUUID()}`,
      token: randomBytes(32).toString('base64url'),
      expiresAt: this.now() + this.limits.tokenTtlSeconds * 1000,
      started: false,
      ...(locale ? { locale } : {}),
      activities: [],
      sizes: [],
      bytes: 0,
      offset: 0,
      lastSeen: this.now(),
    };
    this.conversations.set(conversation.conversationId, conversation);
    this.idsByToken.set(conversation.token, conversation.conversationId);
    this.pending += 1;
    return conversation;
  }

  /** Marks the conversation started; true the first time. */
  start(conversation: WebConversation): boolean {
    if (conversation.started) return false;
    conversation.started = true;
    conversation.lastSeen = this.now();
    this.pending -= 1;
    return true;
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

  /**
   * Appends an activity and returns the id it got (`<conversationId>|<sequence>`); an empty id when
   * the conversation is gone (expired or evicted: nobody can read it any more).
   */
  append(conversationId: string, activity: Partial<Activity>): string {
    const conversation = this.conversations.get(conversationId);
    if (!conversation) return '';
    const sequence = conversation.offset + conversation.activities.length;
    const id = activityId(conversationId, sequence);
    const stored = serialise({ ...activity, id, timestamp: new Date(this.now()) });
    const size = Buffer.byteLength(stored, 'utf8');
    conversation.activities.push(stored);
    conversation.sizes.push(size);
    conversation.bytes += size;
    this.totalBytes += size;
    while (
      conversation.activities.length > 1 &&
      (conversation.activities.length > this.limits.maxActivitiesKept || conversation.bytes > this.limits.maxBytesPerConversation)
    ) {
      this.dropOldest(conversation);
    }
    this.keepWithinTotal(conversation);
    return id;
  }

  replace(conversationId: string, activity: Partial<Activity>): boolean {
    const conversation = this.conversations.get(conversationId);
    const index = conversation ? this.indexOf(conversation, activity.id) : -1;
    if (!conversation || index < 0) return false;
    this.setAt(conversation, index, { ...parse(conversation.activities[index]!), ...activity } as Activity);
    return true;
  }

  remove(conversationId: string, activityId: string): boolean {
    const conversation = this.conversations.get(conversationId);
    const index = conversation ? this.indexOf(conversation, activityId) : -1;
    if (!conversation || index < 0) return false;
    const { id, timestamp, from, recipient, conversation: ref, channelId } = parse(conversation.activities[index]!);
    this.setAt(conversation, index, { id, timestamp, from, recipient, conversation: ref, channelId, type: 'messageDelete' } as Activity);
    return true;
  }

  /** Forgets the kept activities up to and including that one; how many went. */
  forgetThrough(conversationId: string, activityId: string): number {
    const conversation = this.conversations.get(conversationId);
    const sequence = sequenceOf(conversationId, activityId);
    if (!conversation || sequence === undefined) return 0;
    let dropped = 0;
    while (conversation.activities.length > 0 && conversation.offset <= sequence) {
      this.dropOldest(conversation);
      dropped += 1;
    }
    return dropped;
  }

  /** Activities after a watermark, and the new watermark, as Direct Line 3.0 answers a poll. */
  since(conversation: WebConversation, watermark: number): { activities: Activity[]; watermark: string } {
    conversation.lastSeen = this.now();
    const from = Math.max(0, watermark - conversation.offset);
    const end = conversation.offset + conversation.activities.length;
    return { activities: conversation.activities.slice(from).map(parse), watermark: String(end) };
  }

  get size(): number {
    return this.conversations.size;
  }

  /** What the log holds now (tests and the soak report). */
  get usage(): { conversations: number; pending: number; bytes: number } {
    return { conversations: this.conversations.size, pending: this.pending, bytes: this.totalBytes };
  }

  private isLive(conversation: WebConversation): boolean {
    return conversation.expiresAt > this.now();
  }

  /** Someone is using it: started and polled or posted to recently. */
  private inUse(conversation: WebConversation): boolean {
    return conversation.started && this.now() - conversation.lastSeen < this.limits.liveSeconds * 1000;
  }

  private makeRoom(): boolean {
    return this.evictFirst((c) => !c.started) || this.evictFirst((c) => !this.inUse(c), true);
  }

  /** Evicts the first match in opening order (or the least recently seen one); true when one went. */
  private evictFirst(match: (c: WebConversation) => boolean, leastRecentlySeen = false): boolean {
    let chosen: WebConversation | undefined;
    for (const conversation of this.conversations.values()) {
      if (!match(conversation)) continue;
      if (!leastRecentlySeen) {
        chosen = conversation;
        break;
      }
      if (!chosen || conversation.lastSeen < chosen.lastSeen) chosen = conversation;
    }
    if (chosen) this.forget(chosen);
    return chosen !== undefined;
  }

  private evictExpired(): void {
    for (const conversation of this.conversations.values()) {
      if (!this.isLive(conversation)) this.forget(conversation);
    }
  }

  /** Over the total budget: idle conversations go, then the oldest activities of the largest ones. */
  private keepWithinTotal(current: WebConversation): void {
    while (this.totalBytes > this.limits.maxTotalBytes) {
      if (this.evictFirst((c) => c !== current && !this.inUse(c), true)) continue;
      let largest: WebConversation | undefined;
      for (const conversation of this.conversations.values()) {
        if (conversation.activities.length > 1 && (!largest || conversation.bytes > largest.bytes)) largest = conversation;
      }
      if (!largest) return;
      this.dropOldest(largest);
    }
  }

  private dropOldest(conversation: WebConversation): void {
    conversation.activities.shift();
    const size = conversation.sizes.shift() ?? 0;
    conversation.bytes -= size;
    this.totalBytes -= size;
    conversation.offset += 1;
  }

  /** Where the activity of that id is kept (ids carry their sequence number), or -1. */
  private indexOf(conversation: WebConversation, id: string | undefined): number {
    const sequence = sequenceOf(conversation.conversationId, id);
    const index = sequence === undefined ? -1 : sequence - conversation.offset;
    return index >= 0 && index < conversation.activities.length ? index : -1;
  }

  private setAt(conversation: WebConversation, index: number, activity: Activity): void {
    const stored = serialise(activity);
    const size = Buffer.byteLength(stored, 'utf8');
    const delta = size - (conversation.sizes[index] ?? 0);
    conversation.activities[index] = stored;
    conversation.sizes[index] = size;
    conversation.bytes += delta;
    this.totalBytes += delta;
  }

  private forget(conversation: WebConversation): void {
    this.conversations.delete(conversation.conversationId);
    this.idsByToken.delete(conversation.token);
    if (!conversation.started) this.pending -= 1;
    this.totalBytes -= conversation.bytes;
    if (conversation.started) this.onForget?.(conversation);
  }
}

/** An activity as kept: its JSON (one that cannot be serialised keeps only its id, type and time). */
function serialise(activity: Partial<Activity>): string {
  try {
    return JSON.stringify(activity);
  } catch {
    return JSON.stringify({ id: activity.id, type: activity.type, timestamp: activity.timestamp });
  }
}

const parse = (stored: string): Activity => JSON.parse(stored) as Activity;

/**
 * The in-memory log as the routes and the adapter use it (the same interface as the MongoDB store):
 * the right one for a single instance, and for the embedded store, which is single-process anyway.
 */
export class MemoryWebConversations implements WebConversationStore {
  readonly kind = 'memory' as const;

  constructor(readonly log: ConversationLog = new ConversationLog()) {}

  get limits(): WebConversationLimits {
    return this.log.limits;
  }

  get usage() {
    return this.log.usage;
  }

  async open(locale?: string) {
    return this.log.open(locale);
  }

  async byToken(token: string) {
    return this.log.byToken(token);
  }

  async isOpen(conversationId: string) {
    return this.log.get(conversationId) !== undefined;
  }

  async start(conversation: SharedWebConversation) {
    const kept = this.log.get(conversation.conversationId);
    return kept ? this.log.start(kept) : false;
  }

  async refresh(conversation: SharedWebConversation) {
    const kept = this.log.get(conversation.conversationId);
    if (kept) this.log.refresh(kept);
    return kept ?? conversation;
  }

  async append(conversationId: string, activity: Partial<Activity>) {
    return this.log.append(conversationId, activity);
  }

  async replace(conversationId: string, activity: Partial<Activity>) {
    return this.log.replace(conversationId, activity);
  }

  async remove(conversationId: string, activityIdToRemove: string) {
    return this.log.remove(conversationId, activityIdToRemove);
  }

  async forgetThrough(conversationId: string, activityIdToForget: string) {
    return this.log.forgetThrough(conversationId, activityIdToForget);
  }

  async since(conversation: SharedWebConversation, watermark: number): Promise<ActivityPage> {
    const kept = this.log.get(conversation.conversationId);
    return kept ? this.log.since(kept, watermark) : { activities: [], watermark: String(watermark) };
  }
}
