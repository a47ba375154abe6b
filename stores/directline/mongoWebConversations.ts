import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import type { Collection, Db } from 'mongodb';
import {
  activityId,
  DEFAULT_LIMITS,
  sequenceOf,
  type ActivityPage,
  type WebConversation,
  type WebConversationLimits,
  type WebConversationStore,
} from './webConversations';

/** One kept activity: the JSON text (any key a client sends, `$` or `.` included, is safe) and its size. */
interface KeptActivity {
  seq: number;
  json: string;
  size: number;
}

interface Row {
  _id: string;
  userId: string;
  /** SHA-256 of the token: the database never holds a usable token. */
  tokenHash: string;
  expiresAt: Date;
  started: boolean;
  locale?: string;
  openedAt: Date;
  lastSeen: Date;
  activities: KeptActivity[];
  /** Sequence of the first kept activity (the ones before were dropped). */
  offset: number;
  bytes: number;
  /** Bumped by every change of `activities`: the optimistic lock of append, replace and remove. */
  version: number;
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('base64url');
/** Everything but the activities: what token checks and starts read. */
const HEADER = { activities: 0 } as const;
/** An optimistic update that lost this many times in a row gives up (never seen in practice). */
const MAX_ATTEMPTS = 50;
/** lastSeen is written at most this often per conversation (a poll is otherwise a read only). */
const SEEN_EVERY_MS = 10_000;
/** How often an instance adds up the bytes kept by every conversation. */
const TOTAL_CHECK_EVERY_MS = 5_000;

export interface MongoWebConversationOptions {
  limits?: Partial<WebConversationLimits>;
  now?: () => number;
  collectionName?: string;
}

/**
 * The web chat conversations in MongoDB, shared by every instance. One document per conversation
 * holds its activities (bounded by count and bytes, like the in-memory log), so that an append is
 * one atomic compare-and-set on that document: sequence numbers have no gap and no duplicate,
 * whichever instance appends. Tokens are stored hashed. Expiry: a TTL index removes expired
 * conversations (queries ignore them before that), and eviction, when places run out, follows
 * the in-memory rules: never started first, then idle, never a live one.
 */
export async function mongoWebConversations(db: Db, options: MongoWebConversationOptions = {}): Promise<WebConversationStore> {
  const limits: WebConversationLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const now = options.now ?? Date.now;
  const collection: Collection<Row> = db.collection<Row>(options.collectionName ?? 'webConversations');
  await Promise.all([
    collection.createIndex({ tokenHash: 1 }, { name: 'tokenHash', unique: true }),
    // Expiry never depends on it (queries skip expired rows, `open` deletes them): a server that
    // refuses a TTL index on this field (Cosmos DB for MongoDB, RU) only keeps them a little longer.
    collection.createIndex({ expiresAt: 1 }, { name: 'expiresAt_ttl', expireAfterSeconds: 0 }).catch(() => 'expiresAt_ttl'),
    collection.createIndex({ started: 1, openedAt: 1 }, { name: 'started_openedAt' }),
    collection.createIndex({ lastSeen: 1 }, { name: 'lastSeen' }),
  ]);
  const usage = { conversations: 0, pending: 0, bytes: 0 };
  let totalCheckedAt = 0;

  const live = () => ({ expiresAt: { $gt: new Date(now()) } });
  const toConversation = (row: Omit<Row, 'activities'>, token: string): WebConversation => ({
    conversationId: row._id,
    userId: row.userId,
    token,
    expiresAt: row.expiresAt.getTime(),
    started: row.started,
    ...(row.locale ? { locale: row.locale } : {}),
  });

  /** Removes the first conversation matching, in opening order or least recently seen first; true when one went. */
  async function evictFirst(filter: Record<string, unknown>, leastRecentlySeen = false): Promise<boolean> {
    const sort: Record<string, 1> = leastRecentlySeen ? { lastSeen: 1 } : { openedAt: 1 };
    const victim = await collection.findOne(filter, { sort, projection: { _id: 1 } });
    if (!victim) return false;
    await collection.deleteOne({ _id: victim._id });
    return true;
  }

  const notInUse = () => ({ $or: [{ started: false }, { lastSeen: { $lt: new Date(now() - limits.liveSeconds * 1000) } }] });

  /**
   * Over the total byte budget: idle conversations go, least recently seen first. Checked at most
   * every few seconds per instance (an aggregate over every conversation).
   */
  async function keepWithinTotal(current: string): Promise<void> {
    if (now() - totalCheckedAt < TOTAL_CHECK_EVERY_MS) return;
    totalCheckedAt = now();
    const [sum] = await collection.aggregate<{ bytes: number }>([{ $group: { _id: null, bytes: { $sum: '$bytes' } } }]).toArray();
    let bytes = sum?.bytes ?? 0;
    usage.bytes = bytes;
    while (bytes > limits.maxTotalBytes) {
      const victim = await collection.findOne({ _id: { $ne: current }, ...notInUse() }, { sort: { lastSeen: 1 }, projection: { _id: 1, bytes: 1 } });
      if (!victim) return;
      await collection.deleteOne({ _id: victim._id });
      bytes -= victim.bytes;
      usage.bytes = bytes;
    }
  }

  /**
   * Changes the activities of a conversation with an optimistic lock: read, change in memory,
   * write if nobody wrote in between, else again. `change` returns false to write nothing.
   */
  async function update<T>(conversationId: string, change: (row: Row) => { result: T; write: boolean }, missing: T): Promise<T> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const row = await collection.findOne({ _id: conversationId, ...live() });
      if (!row) return missing;
      const { result, write } = change(row);
      if (!write) return result;
      const written = await collection.updateOne(
        { _id: conversationId, version: row.version },
        { $set: { activities: row.activities, offset: row.offset, bytes: row.bytes, version: row.version + 1 } },
      );
      if (written.matchedCount === 1) return result;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * (attempt + 1)));
    }
    throw Object.assign(new Error(`web conversation ${conversationId} kept changing`), { name: 'WebConversationContentionError' });
  }

  const dropOldest = (row: Row) => {
    const dropped = row.activities.shift();
    row.bytes -= dropped?.size ?? 0;
    row.offset += 1;
  };

  const setAt = (row: Row, index: number, activity: Activity) => {
    const json = JSON.stringify(activity);
    const size = Buffer.byteLength(json, 'utf8');
    row.bytes += size - row.activities[index]!.size;
    row.activities[index] = { seq: row.activities[index]!.seq, json, size };
  };

  const indexOf = (row: Row, id: string | undefined) => row.activities.findIndex((a) => activityId(row._id, a.seq) === id);

  return {
    kind: 'mongodb',
    limits,
    get usage() {
      return { ...usage };
    },

    async open(locale) {
      const at = now();
      await collection.deleteMany({ expiresAt: { $lte: new Date(at) } });
      usage.pending = await collection.countDocuments({ started: false });
      if (usage.pending >= limits.maxPending) await evictFirst({ started: false });
      usage.conversations = await collection.countDocuments({});
      if (usage.conversations >= limits.maxConversations) {
        const made = (await evictFirst({ started: false })) || (await evictFirst(notInUse(), true));
        if (!made) return undefined;
      }
      const token = randomBytes(32).toString('base64url');
      const row: Row = {
        _id: randomUUID(),
        userId: `web-${randomUUID()}`,
        tokenHash: hashOf(token),
        expiresAt: new Date(at + limits.tokenTtlSeconds * 1000),
        started: false,
        ...(locale ? { locale } : {}),
        openedAt: new Date(at),
        lastSeen: new Date(at),
        activities: [],
        offset: 0,
        bytes: 0,
        version: 0,
      };
      await collection.insertOne(row);
      return toConversation(row, token);
    },

    async byToken(token) {
      const row = await collection.findOne({ tokenHash: hashOf(token), ...live() }, { projection: HEADER });
      return row ? toConversation(row, token) : undefined;
    },

    async isOpen(conversationId) {
      return (await collection.countDocuments({ _id: conversationId, ...live() }, { limit: 1 })) > 0;
    },

    async start(conversation) {
      const { modifiedCount } = await collection.updateOne(
        { _id: conversation.conversationId, started: false, ...live() },
        { $set: { started: true, lastSeen: new Date(now()) } },
      );
      if (modifiedCount === 1) conversation.started = true;
      return modifiedCount === 1;
    },

    async refresh(conversation) {
      const expiresAt = now() + limits.tokenTtlSeconds * 1000;
      await collection.updateOne({ _id: conversation.conversationId, ...live() }, { $set: { expiresAt: new Date(expiresAt), lastSeen: new Date(now()) } });
      return { ...conversation, expiresAt };
    },

    async append(conversationId, activity) {
      const id = await update(
        conversationId,
        (row) => {
          const seq = row.offset + row.activities.length;
          const id = activityId(conversationId, seq);
          const json = JSON.stringify({ ...activity, id, timestamp: new Date(now()) });
          const size = Buffer.byteLength(json, 'utf8');
          row.activities.push({ seq, json, size });
          row.bytes += size;
          while (row.activities.length > 1 && (row.activities.length > limits.maxActivitiesKept || row.bytes > limits.maxBytesPerConversation)) dropOldest(row);
          return { result: id, write: true };
        },
        '',
      );
      if (id) await keepWithinTotal(conversationId);
      return id;
    },

    replace(conversationId, activity) {
      return update(
        conversationId,
        (row) => {
          const index = indexOf(row, activity.id);
          if (index < 0) return { result: false, write: false };
          setAt(row, index, { ...(JSON.parse(row.activities[index]!.json) as Activity), ...activity } as Activity);
          return { result: true, write: true };
        },
        false,
      );
    },

    remove(conversationId, activityIdToRemove) {
      return update(
        conversationId,
        (row) => {
          const index = indexOf(row, activityIdToRemove);
          if (index < 0) return { result: false, write: false };
          const { id, timestamp, from, recipient, conversation, channelId } = JSON.parse(row.activities[index]!.json) as Activity;
          setAt(row, index, { id, timestamp, from, recipient, conversation, channelId, type: 'messageDelete' } as Activity);
          return { result: true, write: true };
        },
        false,
      );
    },

    forgetThrough(conversationId, activityIdToForget) {
      const sequence = sequenceOf(conversationId, activityIdToForget);
      if (sequence === undefined) return Promise.resolve(0);
      return update(
        conversationId,
        (row) => {
          let dropped = 0;
          while (row.activities.length > 0 && row.activities[0]!.seq <= sequence) {
            dropOldest(row);
            dropped += 1;
          }
          return { result: dropped, write: dropped > 0 };
        },
        0,
      );
    },

    async since(conversation, watermark): Promise<ActivityPage> {
      const at = now();
      const row = await collection.findOne({ _id: conversation.conversationId, ...live() }, { projection: { activities: 1, offset: 1, lastSeen: 1 } });
      if (!row) return { activities: [], watermark: String(watermark) };
      if (at - row.lastSeen.getTime() > SEEN_EVERY_MS) {
        await collection.updateOne({ _id: row._id }, { $set: { lastSeen: new Date(at) } });
      }
      const activities = row.activities.filter((a) => a.seq >= watermark).map((a) => JSON.parse(a.json) as Activity);
      return { activities, watermark: String(row.offset + row.activities.length) };
    },
  };
}
