import { existsSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openEmbeddedDatabase } from '../../stores/embeddedDatabase';

/** The documents a datafile holds, read from the disk as NeDB would (last line of an _id wins). */
function onDisk(file: string): Map<string, unknown> {
  const docs = new Map<string, unknown>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    const doc = JSON.parse(line) as { _id?: string; $$deleted?: boolean };
    if (!doc._id) continue;
    if (doc.$$deleted) docs.delete(doc._id);
    else docs.set(doc._id, doc);
  }
  return docs;
}

describe('embedded datafile kept open between writes', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'guichet-datafile-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('has every write in the file when the write resolves, before and after a compaction, and reloads it all', async () => {
    const db = openEmbeddedDatabase(dir);
    const items = await db.collection('items');
    const file = path.join(dir, 'items.db');
    await items.insertAsync({ _id: 'a', n: 1 });
    expect(onDisk(file).get('a')).toEqual({ _id: 'a', n: 1 });
    await items.updateAsync({ _id: 'a' }, { $set: { n: 2 } });
    expect(onDisk(file).get('a')).toEqual({ _id: 'a', n: 2 });
    await items.compactDatafileAsync();
    // The compaction replaced the file: the next writes go to the new one.
    await items.insertAsync({ _id: 'b', n: 3 });
    await items.removeAsync({ _id: 'a' }, {});
    expect([...onDisk(file).keys()]).toEqual(['b']);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    await db.close();

    const again = openEmbeddedDatabase(dir);
    expect(await (await again.collection('items')).findAsync({})).toEqual([{ _id: 'b', n: 3 }]);
    await again.close();
  });

  /** How many descriptors of this process are open on `file` (Linux: /proc/self/fd). */
  const openOn = (file: string) =>
    readdirSync('/proc/self/fd').filter((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`) === file;
      } catch {
        return false;
      }
    }).length;

  (existsSync('/proc/self/fd') ? it : it.skip)('keeps one descriptor on the datafile across writes, and none after close', async () => {
    const db = openEmbeddedDatabase(dir);
    const items = await db.collection('items');
    const file = path.join(dir, 'items.db');
    for (let i = 0; i < 5; i++) {
      await items.updateAsync({ _id: 'a' }, { _id: 'a', n: i }, { upsert: true });
      expect(openOn(file)).toBe(1);
    }
    expect(onDisk(file).get('a')).toEqual({ _id: 'a', n: 4 });
    await db.close();
    expect(openOn(file)).toBe(0);
  });

  it('writes many concurrent operations whole, one line each', async () => {
    const db = openEmbeddedDatabase(dir);
    const items = await db.collection('items');
    await Promise.all(Array.from({ length: 200 }, (_, i) => items.insertAsync({ _id: `k${i}`, text: 'é'.repeat(i) })));
    const docs = onDisk(path.join(dir, 'items.db'));
    expect(docs.size).toBe(200);
    expect(docs.get('k199')).toEqual({ _id: 'k199', text: 'é'.repeat(199) });
    await db.close();
  });
});
