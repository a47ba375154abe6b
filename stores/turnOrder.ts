import type { Collection, Db } from 'mongodb';
import { isDuplicateKeyError } from './mongoConnection';

/**
 * Turns of one conversation run one after the other, in the order they arrived, never two at the
 * same time, whichever instance received them (two overlapping turns would both read the dialog
 * state and one would lose its write).
 */
export interface TurnOrder {
  /** Runs `work` once the turns of `key` that arrived before it are done. */
  run<T>(key: string, work: () => Promise<T>): Promise<T>;
}

/** One instance: a promise chain per conversation. */
export function memoryTurnOrder(): TurnOrder {
  const queues = new Map<string, Promise<unknown>>();
  return {
    run<T>(key: string, work: () => Promise<T>): Promise<T> {
      const previous = queues.get(key) ?? Promise.resolve();
      const next = previous.catch(() => undefined).then(work);
      queues.set(key, next);
      return next.finally(() => {
        if (queues.get(key) === next) queues.delete(key);
      });
    },
  };
}

export interface MongoTurnOrderOptions {
  /** A turn holding its conversation longer than this is taken to be lost (its instance died). */
  leaseMs?: number;
  /** Longest pause between two looks at whose turn it is. */
  maxPollMs?: number;
  /** A conversation's counters are kept this long after its last turn (TTL index). */
  keepSeconds?: number;
  /**
   * Longest wait for the database when taking a ticket. A database that does not answer does not
   * hold the turn: it runs at once (in order within this instance), and tells the person the
   * service is unavailable when it needs the store itself.
   */
  storeTimeoutMs?: number;
}

interface Row {
  _id: string;
  /** The next ticket to hand out. */
  ticket: number;
  /** The ticket whose turn runs (or may run) now. */
  serving: number;
  servingSince: Date;
  expiresAt: Date;
}

/**
 * Several instances: a ticket counter per conversation in MongoDB (a bakery queue). A turn takes
 * the next ticket (one atomic $inc), waits until `serving` reaches it, runs, then moves `serving`
 * on. Only single-document atomic updates: no transaction, no change stream (polling, with a short
 * back-off: turns of one conversation rarely overlap). A turn whose instance died is skipped after
 * `leaseMs`. Within one instance, turns of a conversation also chain in memory, so they do not poll
 * for each other.
 */
export async function mongoTurnOrder(db: Db, options: MongoTurnOrderOptions = {}, collectionName = 'turnOrder'): Promise<TurnOrder> {
  const leaseMs = options.leaseMs ?? 30_000;
  const maxPollMs = options.maxPollMs ?? 50;
  const keepMs = (options.keepSeconds ?? 24 * 3600) * 1000;
  const storeTimeoutMs = options.storeTimeoutMs ?? 1500;
  const collection: Collection<Row> = db.collection<Row>(collectionName);
  // Only housekeeping (a conversation's counters after its last turn): a server that refuses it
  // keeps small rows longer, nothing else changes.
  await collection.createIndex({ expiresAt: 1 }, { name: 'expiresAt_ttl', expireAfterSeconds: 0 }).catch(() => undefined);
  const local = memoryTurnOrder();

  /**
   * The next ticket, and whether it is already the one served: the counter as it was just before
   * the $inc says so (none yet, or `serving` at the ticket), which saves the first `waitFor` read
   * in the usual case of a conversation whose previous turn is over. `serving` only grows, so what
   * it was then still holds.
   */
  async function takeTicket(key: string): Promise<{ ticket: number; served: boolean }> {
    for (let attempt = 0; ; attempt++) {
      const now = new Date();
      try {
        const before = await collection.findOneAndUpdate(
          { _id: key },
          { $inc: { ticket: 1 }, $set: { expiresAt: new Date(now.getTime() + keepMs) }, $setOnInsert: { serving: 0, servingSince: now } },
          { upsert: true, returnDocument: 'before', projection: { ticket: 1, serving: 1 } },
        );
        if (!before) return { ticket: 0, served: true };
        return { ticket: before.ticket, served: before.serving >= before.ticket };
      } catch (error) {
        // Two instances inserted the counter at once: the other one won, take a ticket from it.
        if (isDuplicateKeyError(error) && attempt < 5) continue;
        throw error;
      }
    }
  }

  async function waitFor(key: string, ticket: number): Promise<void> {
    let pause = 2;
    for (;;) {
      const row = await collection.findOne({ _id: key }, { projection: { serving: 1, servingSince: 1 } });
      // Gone (expired or removed) or our turn: run.
      if (!row || row.serving >= ticket) return;
      if (Date.now() - row.servingSince.getTime() > leaseMs) {
        // The turn being served has held the conversation too long: its instance is gone. Skip it.
        await collection.updateOne({ _id: key, serving: row.serving }, { $set: { serving: row.serving + 1, servingSince: new Date() } });
        continue;
      }
      await new Promise((resolve) => setTimeout(resolve, pause));
      pause = Math.min(maxPollMs, pause * 2);
    }
  }

  async function done(key: string, ticket: number): Promise<void> {
    await collection.updateOne({ _id: key, serving: ticket }, { $set: { serving: ticket + 1, servingSince: new Date() } });
  }

  return {
    run<T>(key: string, work: () => Promise<T>): Promise<T> {
      return local.run(key, async () => {
        let ticket: number;
        let served: boolean;
        const taking = takeTicket(key);
        try {
          ({ ticket, served } = await within(taking, storeTimeoutMs));
        } catch {
          // A ticket taken too late is handed back as soon as its turn comes, so that the turns
          // after it do not wait for a lease.
          void taking.then(({ ticket: late }) => waitFor(key, late).then(() => done(key, late))).catch(() => undefined);
          return work();
        }
        // Waiting is bounded by the lease: a store that stops answering meanwhile lets the turn run.
        if (!served) await waitFor(key, ticket).catch(() => undefined);
        try {
          return await work();
        } finally {
          await done(key, ticket).catch(() => undefined);
        }
      });
    },
  };
}

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
