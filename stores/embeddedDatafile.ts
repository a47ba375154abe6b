import { open, type FileHandle } from 'node:fs/promises';
import type Datastore from '@seald-io/nedb';

/** What of NeDB's (4.1) `Persistence` this file relies on. */
interface Persistence {
  inMemoryOnly: boolean;
  filename: string;
  modes: { fileMode: number };
  afterSerialization(line: string): Promise<string>;
  persistNewStateAsync(docs: readonly unknown[]): Promise<void>;
  persistCachedDatabaseAsync(): Promise<void>;
  dropDatabaseAsync(): Promise<void>;
}

// NeDB's own serialisation of a document into its datafile line (not in its public index).
const { serialize } = require('@seald-io/nedb/lib/model.js') as { serialize(doc: unknown): string };

/**
 * Appends NeDB's writes through one open file instead of `fs.appendFile` (open, write, close: on
 * every state write, that is on every turn, the open and the close cost as much CPU as the rest of
 * the write). The same lines, written the same way (O_APPEND, no fsync: in the operating system
 * before the write resolves, so before the reply, as before). NeDB runs one operation at a time per
 * datastore (its executor), so the file is never written by two operations at once; its compaction
 * (rewrite to `name.db~`, then rename over the datafile) and its drop close the file first, and the
 * next write opens the new one. Returns what closes the file (the database's close).
 */
export function appendThroughOpenFile(datastore: Datastore): () => Promise<void> {
  const persistence = (datastore as unknown as { persistence: Persistence }).persistence;
  if (persistence.inMemoryOnly) return async () => undefined;
  let file: Promise<FileHandle> | undefined;

  const close = async (): Promise<void> => {
    const current = file;
    file = undefined;
    const handle = await current?.catch(() => undefined);
    await handle?.close();
  };

  persistence.persistNewStateAsync = async (docs) => {
    let lines = '';
    for (const doc of docs) lines += `${await persistence.afterSerialization(serialize(doc))}\n`;
    if (lines.length === 0) return;
    file ??= open(persistence.filename, 'a', persistence.modes.fileMode);
    try {
      await (await file).appendFile(lines, 'utf8');
    } catch (error) {
      // A file that failed (full disk, a descriptor gone bad) is opened again by the next write.
      await close().catch(() => undefined);
      throw error;
    }
  };
  const compact = persistence.persistCachedDatabaseAsync.bind(persistence);
  persistence.persistCachedDatabaseAsync = async () => {
    await close();
    await compact();
  };
  const drop = persistence.dropDatabaseAsync.bind(persistence);
  persistence.dropDatabaseAsync = async () => {
    await close();
    await drop();
  };
  return close;
}
