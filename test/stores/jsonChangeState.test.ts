import { ConversationState, MemoryStorage, TestAdapter, TurnContext, UserState, type BotState, type Storage, type StoreItems } from 'botbuilder';
import { openEmbeddedDatabase } from '../../stores/embeddedDatabase';
import { DocumentStateStorage, jsonReadOf } from '../../stores/state/documentStateStorage';
import { embeddedStateDocuments } from '../../stores/state/embeddedStateDocuments';
import { JsonChangeConversationState, JsonChangeUserState } from '../../stores/state/jsonChangeState';

/** A storage that counts the writes it passes on. */
class CountingStorage implements Storage {
  writes: StoreItems[] = [];
  constructor(private readonly inner: Storage) {}
  read(keys: string[]) {
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
