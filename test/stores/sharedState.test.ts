import type { Activity } from 'botbuilder';
import { loadConfig } from '../../bot/config';
import { MemoryWebConversations, ConversationLog } from '../../bot/directline/conversationLog';
import { createRateLimits, take } from '../../bot/rateLimits';
import { mongoWebConversations } from '../../stores/directline/mongoWebConversations';
import type { WebConversationLimits, WebConversationStore } from '../../stores/directline/webConversations';
import { memoryTurnOrder, mongoTurnOrder, type TurnOrder } from '../../stores/turnOrder';
import { describeWithMongo } from '../support/mongo';

/**
 * What instances behind a load balancer share: the web chat conversations, the order of turns and
 * the rate limits. Each MongoDB case opens two independent stores on one database (two instances:
 * nothing shared in memory) and alternates between them.
 */
const message = (text: string): Partial<Activity> => ({ type: 'message', text });
const texts = (page: { activities: Activity[] }) => page.activities.map((a) => a.text);

type Pair = (limits?: Partial<WebConversationLimits>) => Promise<[WebConversationStore, WebConversationStore]>;

function conversationContract(name: string, pair: Pair): void {
  describe(`${name}: web chat conversations`, () => {
    it('a token from one instance opens the conversation on the other; watermarks and ids follow whoever appends', async () => {
      const [a, b] = await pair();
      const opened = (await a.open('fr-FR'))!;
      const seen = (await b.byToken(opened.token))!;
      expect(seen).toMatchObject({ conversationId: opened.conversationId, userId: opened.userId, locale: 'fr-FR', started: false });
      expect(await b.byToken(`${opened.token}x`)).toBeUndefined();
      expect(await a.start(seen)).toBe(true);
      expect(await b.start(seen)).toBe(false); // welcomed once, whichever instance is asked again

      const ids = [];
      for (let i = 0; i < 6; i++) ids.push(await (i % 2 ? a : b).append(opened.conversationId, message(`m${i}`)));
      expect(ids).toEqual(ids.map((_, i) => `${opened.conversationId}|${String(i).padStart(7, '0')}`));
      const first = await a.since(seen, 0);
      expect(texts(first)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5']);
      expect(first.watermark).toBe('6');
      await b.append(opened.conversationId, message('m6'));
      expect(texts(await b.since(seen, 6))).toEqual(['m6']);

      expect(await b.replace(opened.conversationId, { id: ids[1], text: 'changed' })).toBe(true);
      expect(await a.remove(opened.conversationId, ids[2]!)).toBe(true);
      const after = (await a.since(seen, 0)).activities;
      expect(after[1]!.text).toBe('changed');
      expect(after[2]!.type).toBe('messageDelete');
      expect(await a.isOpen(opened.conversationId)).toBe(true);
      expect(await b.isOpen('gone')).toBe(false);
      expect(await a.append('gone', message('x'))).toBe('');
    });

    it('forgets the activities up to an erased message, on any instance; later ones and watermarks stay', async () => {
      const [a, b] = await pair();
      const opened = (await a.open())!;
      const ids = [];
      for (let i = 0; i < 5; i++) ids.push(await (i % 2 ? a : b).append(opened.conversationId, message(`e${i}`)));
      expect(await b.forgetThrough(opened.conversationId, ids[2]!)).toBe(3);
      expect(texts(await a.since(opened, 0))).toEqual(['e3', 'e4']);
      expect((await a.since(opened, 0)).watermark).toBe('5');
      expect(await a.forgetThrough(opened.conversationId, ids[2]!)).toBe(0); // already gone
      expect(await a.forgetThrough(opened.conversationId, 'another|0000001')).toBe(0);
      expect(await a.forgetThrough('gone', ids[4]!)).toBe(0);
      expect(await a.append(opened.conversationId, message('e5'))).toBe(`${opened.conversationId}|0000005`);
      expect(texts(await b.since(opened, 5))).toEqual(['e5']);
    });

    it('appends from both instances at once get every sequence number once, none lost', async () => {
      const [a, b] = await pair();
      const opened = (await a.open())!;
      const ids = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).append(opened.conversationId, message(`c${i}`))));
      expect(new Set(ids).size).toBe(40);
      const page = await b.since(opened, 0);
      expect(page.watermark).toBe('40');
      expect(new Set(texts(page))).toEqual(new Set(Array.from({ length: 40 }, (_, i) => `c${i}`)));
    });

    it('keeps each conversation within its byte budget, and evicts never-started conversations first', async () => {
      const [a, b] = await pair({ maxBytesPerConversation: 5_000, maxPending: 3 });
      const opened = (await a.open())!;
      await a.start(opened);
      for (let i = 0; i < 20; i++) await (i % 2 ? a : b).append(opened.conversationId, message('x'.repeat(1000)));
      const page = await b.since(opened, 0);
      expect(page.watermark).toBe('20');
      expect(page.activities.length).toBeLessThan(6);
      expect(page.activities.map((x) => x.id).at(-1)).toBe(`${opened.conversationId}|0000019`);

      const pending = [];
      for (let i = 0; i < 6; i++) pending.push((await (i % 2 ? a : b).open())!);
      expect(await a.byToken(pending[0]!.token)).toBeUndefined(); // the oldest never-started ones went
      expect(await b.byToken(pending[5]!.token)).toBeDefined();
      expect(await b.byToken(opened.token)).toBeDefined(); // a started one stays
    });

    it('a token flood never evicts a live conversation; newcomers are refused when every place is live', async () => {
      const [a, b] = await pair({ maxConversations: 3, maxPending: 3 });
      const people = [(await a.open())!, (await b.open())!, (await a.open())!];
      for (const p of people) await b.start(p);
      expect(await a.open()).toBeUndefined();
      expect(await b.open()).toBeUndefined();
      for (const p of people) expect(await a.byToken(p.token)).toBeDefined();
    });
  });
}

conversationContract('in memory (one instance)', async (limits) => {
  const one = new MemoryWebConversations(new ConversationLog(limits));
  return [one, one];
});

let collections = 0;
describeWithMongo('shared state on MongoDB (two instances)', (connection) => {
  conversationContract('MongoDB', async (limits) => {
    const collectionName = `webConversations_${++collections}`;
    return [await mongoWebConversations(connection().db, { limits, collectionName }), await mongoWebConversations(connection().db, { limits, collectionName })];
  });

  it('stores tokens hashed: the database holds no usable token', async () => {
    const store = await mongoWebConversations(connection().db, { collectionName: 'webConversations_tokens' });
    const opened = (await store.open())!;
    const raw = JSON.stringify(await connection().db.collection('webConversations_tokens').find({}).toArray());
    expect(raw).not.toContain(opened.token);
  });

  it('creates the TTL indexes expiry relies on', async () => {
    await mongoWebConversations(connection().db, { collectionName: 'webConversations_indexes' });
    await mongoTurnOrder(connection().db, {}, 'turnOrder_indexes');
    const ttl = async (name: string) => (await connection().db.collection(name).indexes()).filter((i) => i.expireAfterSeconds === 0).map((i) => Object.keys(i.key));
    expect(await ttl('webConversations_indexes')).toEqual([['expiresAt']]);
    expect(await ttl('turnOrder_indexes')).toEqual([['expiresAt']]);
  });

  it('runs the turns of one conversation one at a time, across instances', async () => {
    const orders = [await mongoTurnOrder(connection().db, {}, 'turnOrder_a'), await mongoTurnOrder(connection().db, {}, 'turnOrder_a')];
    const ran: number[] = [];
    let running = 0;
    let overlapped = false;
    const done = Array.from({ length: 12 }, (_, i) =>
      orders[i % 2]!.run('webchat:one', async () => {
        running += 1;
        if (running > 1) overlapped = true;
        await new Promise((resolve) => setTimeout(resolve, 3));
        ran.push(i);
        running -= 1;
        return i;
      }),
    );
    expect(await Promise.all(done)).toEqual(Array.from({ length: 12 }, (_, i) => i));
    expect(overlapped).toBe(false);
    expect(ran.filter((i) => i % 2 === 0)).toEqual([0, 2, 4, 6, 8, 10]); // each instance keeps its own order
    expect(ran.filter((i) => i % 2 === 1)).toEqual([1, 3, 5, 7, 9, 11]);
  });

  it('a turn whose ticket is served at once does not read the counter again (one round trip to take it, one to move it on)', async () => {
    const calls: string[] = [];
    const db = connection().db;
    // The database as the turn order sees it, counting what it asks of its collection.
    const counted = new Proxy(db, {
      get(target, property, receiver) {
        if (property !== 'collection') return Reflect.get(target, property, receiver) as unknown;
        return (name: string) =>
          new Proxy(target.collection(name), {
            get(collection, method, r) {
              const value = Reflect.get(collection, method, r) as unknown;
              if (typeof value !== 'function') return value;
              return (...args: unknown[]) => {
                calls.push(String(method));
                return (value as (...a: unknown[]) => unknown).apply(collection, args);
              };
            },
          });
      },
    });
    const order = await mongoTurnOrder(counted, {}, 'turnOrder_trips');
    calls.length = 0;
    for (let i = 0; i < 3; i++) expect(await order.run('webchat:trips', async () => i)).toBe(i);
    expect(calls).toEqual(['findOneAndUpdate', 'updateOne', 'findOneAndUpdate', 'updateOne', 'findOneAndUpdate', 'updateOne']);
  });

  it('runs them in the order they arrived, whichever instance got them', async () => {
    const db = connection().db;
    const [a, b] = [await mongoTurnOrder(db, {}, 'turnOrder_b'), await mongoTurnOrder(db, {}, 'turnOrder_b')];
    const ticketsTaken = async (n: number) => {
      while (((await db.collection('turnOrder_b').findOne({ _id: 'k' as never }))?.ticket ?? 0) < n) await new Promise((r) => setTimeout(r, 5));
    };
    const ran: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = a.run('k', async () => { await held; ran.push('a1'); });
    await ticketsTaken(1);
    const second = b.run('k', async () => { ran.push('b1'); });
    await ticketsTaken(2);
    // Queued behind a1 on its own instance: takes its ticket once a1 is done, after b1's.
    const third = a.run('k', async () => { ran.push('a2'); });
    release();
    await Promise.all([first, second, third]);
    expect(ran).toEqual(['a1', 'b1', 'a2']);
  });

  it('a turn whose instance died does not hold the conversation past its lease', async () => {
    const db = connection().db;
    const order = await mongoTurnOrder(db, { leaseMs: 200 }, 'turnOrder_lease');
    // An instance took ticket 0 and died before finishing.
    await db.collection('turnOrder_lease').insertOne({ _id: 'webchat:lost' as never, ticket: 1, serving: 0, servingSince: new Date(), expiresAt: new Date(Date.now() + 60_000) });
    expect(await order.run('webchat:lost', async () => 'ran')).toBe('ran');
    const row = await db.collection('turnOrder_lease').findOne({ _id: 'webchat:lost' as never });
    expect(row).toMatchObject({ ticket: 2, serving: 2 });
  });

  it('counts rate limits once for every instance (429 after the limit, not after N times the limit)', async () => {
    const config = loadConfig({ RATE_LIMIT_TOKENS_PER_MINUTE: '4', STORE_TIMEOUT_MS: '3000' });
    const instances = [createRateLimits(config, connection().db), createRateLimits(config, connection().db)];
    const waits = [];
    for (let i = 0; i < 6; i++) waits.push(await take(instances[i % 2]!.tokens, '203.0.113.7'));
    expect(waits.slice(0, 4)).toEqual([0, 0, 0, 0]);
    expect(waits[4]).toBeGreaterThan(0);
    expect(waits[5]).toBeGreaterThan(0);
    expect(await take(instances[1]!.tokens, '203.0.113.8')).toBe(0); // another address is not affected
    expect(await connection().db.collection('rateLimits').countDocuments({ key: 'tokens:203.0.113.7' })).toBe(1);
  });
});

describe('turn order in memory', () => {
  it('chains the turns of one conversation', async () => {
    const order = memoryTurnOrder();
    const ran: number[] = [];
    await Promise.all([3, 1, 2].map((ms, i) => order.run('k', async () => { await new Promise((r) => setTimeout(r, ms)); ran.push(i); })));
    expect(ran).toEqual([0, 1, 2]);
  });
});
