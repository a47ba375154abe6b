import { chmodSync, closeSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import Datastore from '@seald-io/nedb';
import { appendThroughOpenFile } from './embeddedDatafile';

/**
 * The embedded store: one NeDB datastore (an append-only JSON lines file, compacted on a timer and
 * on close) per collection in a data folder, or in memory only when no folder is given.
 * NeDB serialises every operation of a datastore, so a conditional update is atomic within the
 * process. One process per data folder: two processes on one folder would overwrite each other's
 * files, so the folder is locked (`.lock`, the holder's pid) while open; a second process is refused
 * with StoreLockedError. Files are created readable by their owner only (0600, folder 0700): they
 * hold personal data.
 */
export interface EmbeddedDatabase {
  /** The folder files live in, or null when everything stays in memory. */
  readonly dir: string | null;
  collection(name: string): Promise<Datastore>;
  close(): Promise<void>;
}

const COMPACTION_INTERVAL_MS = 10 * 60 * 1000;
const COLLECTION_NAME = /^[a-zA-Z][a-zA-Z0-9_-]{0,63}$/;

const MODES = { fileMode: 0o600, dirMode: 0o700 };

/** Another process holds the embedded store. */
export class StoreLockedError extends Error {
  readonly code = 'STORE_LOCKED';
  constructor(readonly dir: string, readonly pid: number) {
    super(
      `the embedded store in ${dir} is in use by another process (pid ${pid}), most likely the running bot. ` +
        'Stop it first, or run the bot on MongoDB (MONGODB_URI) to change data while it runs.',
    );
    this.name = 'StoreLockedError';
  }
}

/** Folders this process has open, with how many times (the lock is released at the last close). */
const heldHere = new Map<string, number>();

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function acquireLock(dir: string): () => void {
  const key = path.resolve(dir);
  const lockFile = path.join(dir, '.lock');
  const release = () => {
    const count = (heldHere.get(key) ?? 1) - 1;
    if (count > 0) return void heldHere.set(key, count);
    heldHere.delete(key);
    rmSync(lockFile, { force: true });
  };
  if (heldHere.has(key)) {
    heldHere.set(key, heldHere.get(key)! + 1);
    return release;
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      heldHere.set(key, 1);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(readFileSync(lockFile, 'utf8'), 10);
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isRunning(holder)) throw new StoreLockedError(dir, holder);
      rmSync(lockFile, { force: true }); // left by a process that is gone
    }
  }
  throw new Error(`could not lock the embedded store in ${dir}`);
}

export function openEmbeddedDatabase(dir: string | null): EmbeddedDatabase {
  let release = () => undefined as void;
  if (dir) {
    mkdirSync(dir, { recursive: true, mode: MODES.dirMode });
    release = acquireLock(dir);
    // Files written by an older version were 0644: close them to others too.
    chmodSync(dir, MODES.dirMode);
    for (const name of readdirSync(dir)) if (name.endsWith('.db') || name.endsWith('.db~')) chmodSync(path.join(dir, name), MODES.fileMode);
  }
  const opened = new Map<string, Promise<Datastore>>();
  /** Closes each datastore's datafile (kept open between writes: appendThroughOpenFile). */
  const closeFiles: Array<() => Promise<void>> = [];

  async function load(name: string): Promise<Datastore> {
    const datastore = new Datastore(dir ? { filename: path.join(dir, `${name}.db`), modes: MODES } : { inMemoryOnly: true });
    closeFiles.push(appendThroughOpenFile(datastore));
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
      for (const closeFile of closeFiles.splice(0)) await closeFile();
      release();
      release = () => undefined;
    },
  };
}
