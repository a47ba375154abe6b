import type { Storage } from 'botbuilder';

/**
 * The botbuilder `Storage` contract, as MemoryStorage honours it and as botbuilder's shared storage
 * tests check it (unknown key, null keys, empty batch, create, crazy keys, update with eTags,
 * wildcard, delete, delete unknown, batch of 3), plus copies and concurrent writers.
 * `fresh()` returns an empty storage for each test.
 */
export function storageContract(fresh: () => Promise<Storage>): void {
  let storage: Storage;
  beforeEach(async () => {
    storage = await fresh();
  });

  it('returns nothing for an unknown key', async () => {
    expect(await storage.read(['unknown'])).toEqual({});
  });

  it('rejects null keys when reading and null changes when writing', async () => {
    await expect(storage.read(null as unknown as string[])).rejects.toThrow(ReferenceError);
    await expect(storage.write(null as unknown as Record<string, unknown>)).rejects.toThrow(ReferenceError);
  });

  it('accepts an empty batch', async () => {
    await expect(storage.write({})).resolves.toBeUndefined();
    await expect(storage.read([])).resolves.toEqual({});
    await expect(storage.delete([])).resolves.toBeUndefined();
  });

  it('creates items and gives each an eTag', async () => {
    await storage.write({ createPoco: { id: 1 }, createPocoStoreItem: { id: 2 } });
    const read = await storage.read(['createPoco', 'createPocoStoreItem']);
    expect(read.createPoco.id).toBe(1);
    expect(read.createPocoStoreItem.id).toBe(2);
    expect(typeof read.createPoco.eTag).toBe('string');
    expect(read.createPoco.eTag).not.toBe(read.createPocoStoreItem.eTag);
  });

  it('creates an item written with the * eTag', async () => {
    await storage.write({ star: { id: 3, eTag: '*' } });
    expect((await storage.read(['star'])).star.id).toBe(3);
  });

  it('handles keys with any characters', async () => {
    const key = '!@#$%^&*()~/\\><,.?\';"`~';
    await storage.write({ [key]: { id: 1 } });
    expect((await storage.read([key]))[key].id).toBe(1);
  });

  it('keeps field names MongoDB would refuse, nested values, unicode and dates as JSON', async () => {
    const item = { 'a.b': 1, $c: { d: [1, 'é', null] }, text: 'Fort-de-France 🌴', at: '2026-01-02T03:04:05.000Z' };
    await storage.write({ odd: item });
    const { eTag, ...read } = (await storage.read(['odd'])).odd;
    expect(read).toEqual(item);
    expect(eTag).toEqual(expect.any(String));
  });

  it('updates with eTags: fresh eTag on each write, stale eTag rejected, * overwrites', async () => {
    await storage.write({ pocoItem: { id: 1, count: 1 }, pocoStoreItem: { id: 1, count: 1 } });
    const loaded = await storage.read(['pocoItem', 'pocoStoreItem']);
    const pocoItem = loaded.pocoItem;
    delete pocoItem.eTag;
    const pocoStoreItem = loaded.pocoStoreItem;
    const firstETag = pocoStoreItem.eTag;

    pocoItem.count++;
    pocoStoreItem.count++;
    await storage.write(loaded);
    const reloaded = await storage.read(['pocoItem', 'pocoStoreItem']);
    expect(reloaded.pocoItem.count).toBe(2);
    expect(reloaded.pocoStoreItem.count).toBe(2);
    expect(reloaded.pocoStoreItem.eTag).not.toBe(firstETag);

    // No eTag: last writer wins.
    pocoItem.count = 123;
    await expect(storage.write({ pocoItem })).resolves.toBeUndefined();
    // The eTag read before the second write is stale now.
    pocoStoreItem.count = 123;
    await expect(storage.write({ pocoStoreItem })).rejects.toThrow(/eTag/);

    const after = await storage.read(['pocoItem', 'pocoStoreItem']);
    expect(after.pocoItem.count).toBe(123);
    expect(after.pocoStoreItem.count).toBe(2);

    await storage.write({
      pocoItem: { ...after.pocoItem, count: 100 },
      pocoStoreItem: { ...after.pocoStoreItem, count: 100, eTag: '*' },
    });
    const final = await storage.read(['pocoItem', 'pocoStoreItem']);
    expect(final.pocoItem.count).toBe(100);
    expect(final.pocoStoreItem.count).toBe(100);
  });

  it('accepts the current eTag and writes', async () => {
    await storage.write({ item: { n: 1 } });
    const { item } = await storage.read(['item']);
    await storage.write({ item: { ...item, n: 2 } });
    expect((await storage.read(['item'])).item.n).toBe(2);
  });

  it('lets exactly one of two writers holding the same eTag win', async () => {
    await storage.write({ race: { winner: 'none' } });
    const { race } = await storage.read(['race']);
    const outcomes = await Promise.allSettled(
      ['a', 'b', 'c', 'd'].map((winner) => storage.write({ race: { ...race, winner } })),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const stored = (await storage.read(['race'])).race.winner;
    const index = outcomes.findIndex((o) => o.status === 'fulfilled');
    expect(stored).toBe(['a', 'b', 'c', 'd'][index]);
  });

  it('returns copies: changing what was read or written changes nothing stored', async () => {
    const written = { list: [1, 2], nested: { x: 1 } };
    await storage.write({ copy: written });
    written.list.push(3);
    const first = (await storage.read(['copy'])).copy;
    first.nested.x = 99;
    const second = (await storage.read(['copy'])).copy;
    expect(second.list).toEqual([1, 2]);
    expect(second.nested.x).toBe(1);
  });

  it('deletes an item, and deleting an unknown key is fine', async () => {
    await storage.write({ delete1: { id: 1, count: 1 } });
    expect((await storage.read(['delete1'])).delete1.count).toBe(1);
    await storage.delete(['delete1']);
    expect(await storage.read(['delete1'])).toEqual({});
    await expect(storage.delete(['unknown_key'])).resolves.toBeUndefined();
  });

  it('writes, reads and deletes a batch of three', async () => {
    await storage.write({ batch1: { count: 10 }, batch2: { count: 20 }, batch3: { count: 30 } });
    const read = await storage.read(['batch1', 'batch2', 'batch3', 'missing']);
    expect(Object.keys(read).sort()).toEqual(['batch1', 'batch2', 'batch3']);
    expect(read.batch2.count).toBe(20);
    await storage.delete(['batch1', 'batch2', 'batch3']);
    expect(await storage.read(['batch1', 'batch2', 'batch3'])).toEqual({});
  });
}
