import { ConversationState, MemoryStorage, TestAdapter, TurnContext, UserState, type BotState, type Storage, type StoreItems } from 'botbuilder';
import { openEmbeddedDatabase } from '../../stores/embeddedDatabase';
import { DocumentStateStorage, jsonReadOf } from '../../stores/state/documentStateStorage';
import { embeddedStateDocuments } from '../../stores/state/embeddedStateDocuments';
import { JsonChangeConversationState, JsonChangeUserState, loadTogether } from '../../stores/state/jsonChangeState';

/** A storage that counts the writes it passes on. */
class CountingStorage implements Storage {
  writes: StoreItems[] = [];
  reads: string[][] = [];
  constructor(private readonly inner: Storage) {}
  read(keys: string[]) {
    this.reads.push([...keys]);
    return this.inner.read(keys);
  }
  write(changes: StoreItems) {
    this.writes.push(JSON.parse(JSON.stringify(changes)) as StoreItems);
    return this.inner.write(changes);
  }
  delete(keys: string[]) {
    return this.inner.delete(keys);
  }
}

const adapter = new TestAdapter(async () => undefined);
const turn = (user = 'user1') =>
  new TurnContext(adapter, { type: 'message', text: 'x', channelId: 'test', conversation: { id: 'c1' }, from: { id: user }, recipient: { id: 'bot' }, serviceUrl: 'http://x' } as never);

type Step = (state: BotState, context: TurnContext) => Promise<void>;

/** Plays the same turns on botbuilder's state and on the JSON one, each on its own counting storage: what they write must match. */
async function writesOf(make: (storage: Storage) => BotState, turns: Step[][], storage: () => Promise<Storage>): Promise<StoreItems[]> {
  const counting = new CountingStorage(await storage());
  const state = make(counting);
  for (const steps of turns) {
    const context = turn();
    for (const step of steps) await step(state, context);
  }
  return counting.writes.map((w) => Object.fromEntries(Object.entries(w).map(([k, v]) => [k, { ...(v as object), eTag: undefined }])));
}

const set =
  (name: string, value: unknown): Step =>
  async (state, context) => {
    const property = state.createProperty<unknown>(name);
    await property.set(context, value);
  };
const get =
  (name: string): Step =>
  async (state, context) => {
    await state.createProperty<unknown>(name).get(context);
  };
const getDefault =
  (name: string, value: unknown): Step =>
  async (state, context) => {
    await state.createProperty<unknown>(name).get(context, value);
  };
const save =
  (force = false): Step =>
  (state, context) =>
    state.saveChanges(context, force);
const clear: Step = (state, context) => state.clear(context);
const remove: Step = (state, context) => state.delete(context);
const mutate: Step = async (state, context) => {
  const session = await state.createProperty<{ n: number }>('session').get(context, { n: 0 });
  session.n += 1;
};

const TURNS: Step[][] = [
  [get('profile'), save()], // read, nothing there, nothing changed: no write
  [set('profile', { locale: 'fr' }), save()], // changed: written
  [get('profile'), save()], // unchanged: no write
  [mutate, save()], // a property changed in place: written
  [mutate, mutate, save(), save()], // twice in one turn, saved twice: one write
  [getDefault('other', { a: [1, 2] }), save()], // a default set by get: written
  [get('profile'), save(true)], // forced: written though unchanged
  [clear, save()], // cleared: written (empty)
  [set('x', 1), save(), remove], // written, then deleted
  [save(true)], // forced with nothing loaded: an empty state written
  [get('x'), save()], // after the delete: nothing, no write
];

const storages: Array<[string, () => Promise<Storage>]> = [
  ['MemoryStorage', async () => new MemoryStorage()],
  [
    'DocumentStateStorage (embedded, in memory)',
    async () => {
      const database = openEmbeddedDatabase(null);
      return new DocumentStateStorage(await embeddedStateDocuments(await database.collection('state')));
    },
  ],
];

describe.each(storages)('JSON change detection on %s', (_name, storage) => {
  it('writes exactly what botbuilder ConversationState writes, turn after turn', async () => {
    const theirs = await writesOf((s) => new ConversationState(s), TURNS, storage);
    const ours = await writesOf((s) => new JsonChangeConversationState(s), TURNS, storage);
    expect(ours).toEqual(theirs);
    expect(theirs.length).toBe(8);
  });

  it('writes exactly what botbuilder UserState writes, turn after turn', async () => {
    const theirs = await writesOf((s) => new UserState(s), TURNS, storage);
    const ours = await writesOf((s) => new JsonChangeUserState(s), TURNS, storage);
    expect(ours).toEqual(theirs);
  });
});

describe.each(storages)('loadTogether on %s', (_name, storage) => {
  it('reads the conversation state and the user state in one read; the turn then reads and writes as with their own loads', async () => {
    const counting = new CountingStorage(await storage());
    const conversation = new JsonChangeConversationState(counting);
    const user = new JsonChangeUserState(counting);
    const first = turn();
    await loadTogether(first, [conversation, user]);
    expect(counting.reads).toEqual([['test/conversations/c1/', 'test/users/user1/']]);
    // Nothing stored yet: both empty, read once; a change is written, an unchanged state is not.
    await conversation.createProperty<{ n: number }>('session').set(first, { n: 1 });
    expect(await user.createProperty('profile').get(first)).toBeUndefined();
    await conversation.saveChanges(first);
    await user.saveChanges(first);
    expect(counting.reads).toHaveLength(1);
    expect(counting.writes).toEqual([{ 'test/conversations/c1/': expect.objectContaining({ session: { n: 1 } }) }]);

    const second = turn();
    await user.createProperty('profile').set(second, { locale: 'en' });
    // The user state loaded already: only the conversation state is read, as its own load would.
    await loadTogether(second, [conversation, user]);
    expect(counting.reads.slice(1)).toEqual([['test/users/user1/'], ['test/conversations/c1/']]);
    expect(await conversation.createProperty('session').get(second)).toEqual({ n: 1 });
    await conversation.saveChanges(second);
    await user.saveChanges(second);
    expect(counting.writes.slice(1)).toEqual([{ 'test/users/user1/': expect.objectContaining({ profile: { locale: 'en' } }) }]);

    const third = turn();
    await loadTogether(third, [conversation, user]);
    expect(counting.reads.slice(3)).toEqual([['test/conversations/c1/', 'test/users/user1/']]);
    expect(await user.createProperty('profile').get(third)).toEqual({ locale: 'en' });
    expect(await conversation.createProperty('session').get(third)).toEqual({ n: 1 });
    await conversation.saveChanges(third);
    await user.saveChanges(third);
    expect(counting.reads).toHaveLength(4);
    expect(counting.writes).toHaveLength(2);
  });

  it("loads botbuilder's own states one by one", async () => {
    const counting = new CountingStorage(await storage());
    const context = turn();
    await loadTogether(context, [new ConversationState(counting), new UserState(counting)]);
    expect(counting.reads).toEqual([['test/conversations/c1/'], ['test/users/user1/']]);
  });
});

describe('DocumentStateStorage read JSON', () => {
  it('is the text the item stringifies to, eTag aside (so a state read and left unchanged is not written)', async () => {
    const database = openEmbeddedDatabase(null);
    const storage = new DocumentStateStorage(await embeddedStateDocuments(await database.collection('state')));
    const value = { b: { list: [1, 'é', null], n: 1e21, nested: { '2': true, '1': false } }, a: 'x' };
    await storage.write({ k: { ...value, eTag: '*' } });
    const item = (await storage.read(['k'])).k as Record<string, unknown>;
    const { eTag, ...rest } = item;
    expect(typeof eTag).toBe('string');
    expect(jsonReadOf(item)).toBe(JSON.stringify(rest));
    expect(jsonReadOf({ ...item })).toBeUndefined();
    await database.close();
  });
});
