import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Datastore from '@seald-io/nedb';

/**
 * The embedded store: one NeDB datastore (an append-only JSON lines file, compacted on a timer and
 * on close) per collection in a data folder, or in memory only when no folder is given.
 * NeDB serialises every operation of a datastore, so a conditional update is atomic within the
 * process. One process per data folder: two bots on one folder would overwrite each other's files.
 */
export interface EmbeddedDatabase {
  /** The folder files live in, or null when everything stays in memory. */
  readonly dir: string | null;
  collection(name: string): Promise<Datastore>;
  close(): Promise<void>;
}

const COMPACTION_INTERVAL_MS = 10 * 60 * 1000;
const COLLECTION_NAME = /^[a-zA-Z][a-zA-Z0-9_-]{0,63}$/;

export function openEmbeddedDatabase(dir: string | null): EmbeddedDatabase {
  if (dir) mkdirSync(dir, { recursive: true });
  const opened = new Map<string, Promise<Datastore>>();

  async function load(name: string): Promise<Datastore> {
    const datastore = new Datastore(dir ? { filename: path.join(dir, `${name}.db`) } : { inMemoryOnly: true });
    await datastore.loadDatabaseAsync();
    if (dir) datastore.setAutocompactionInterval(COMPACTION_INTERVAL_MS);
    return datastore;
  }

  return {
    dir,
    collection(name) {
      if (!COLLECTION_NAME.test(name)) throw new Error(`Invalid collection name: ${name}`);
      let datastore = opened.get(name);
      if (!datastore) {
        datastore = load(name);
        datastore.catch(() => opened.delete(name));
        opened.set(name, datastore);
      }
      return datastore;
    },
    async close() {
      const all = await Promise.allSettled(opened.values());
      opened.clear();
      for (const result of all) {
        if (result.status !== 'fulfilled') continue;
        result.value.stopAutocompaction();
        if (dir) await result.value.compactDatafileAsync();
      }
    },
  };
}
