import { access, constants } from 'node:fs/promises';
import type { Storage } from 'botbuilder';
import { openEmbeddedDatabase, type EmbeddedDatabase } from './embeddedDatabase';
import { connectMongo, type MongoConnection } from './mongoConnection';
import { DocumentStateStorage } from './state/documentStateStorage';
import { embeddedStateDocuments } from './state/embeddedStateDocuments';
import { mongoStateDocuments } from './state/mongoStateDocuments';

/** What the bot needs from its store, whichever adapter backs it. */
export interface AppStore {
  readonly kind: 'embedded' | 'mongodb' | 'memory';
  readonly stateStorage: Storage;
  /** True when the store can serve requests (drives /readyz). */
  ping(): Promise<boolean>;
}

/** The database behind a store, for the repositories built on it (directory, requests…). */
export type StoreBackend =
  | { readonly kind: 'embedded'; readonly database: EmbeddedDatabase }
  | { readonly kind: 'mongodb'; readonly connection: MongoConnection };

export interface OpenedStore extends AppStore {
  readonly kind: 'embedded' | 'mongodb';
  readonly backend: StoreBackend;
  readonly stateStorage: DocumentStateStorage;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** MongoDB connection string; when absent, the embedded store is used. */
  mongodbUri?: string;
  mongodbDb: string;
  /** Folder of the embedded store; null keeps it in memory (tests). */
  dataDir: string | null;
  /** How long to look for a MongoDB server before giving up (ms). */
  mongodbTimeoutMs?: number;
}

export const STATE_COLLECTION = 'botState';

/** Opens MongoDB when a URI is given, else the embedded store in `dataDir`. */
export async function openStore(options: StoreOptions): Promise<OpenedStore> {
  if (options.mongodbUri) {
    const connection = await connectMongo(options.mongodbUri, options.mongodbDb, {
      serverSelectionTimeoutMS: options.mongodbTimeoutMs,
    });
    const stateStorage = new DocumentStateStorage(await mongoStateDocuments(connection.db, STATE_COLLECTION));
    return {
      kind: 'mongodb',
      backend: { kind: 'mongodb', connection },
      stateStorage,
      ping: () => connection.ping(),
      close: () => connection.close(),
    };
  }
  const database = openEmbeddedDatabase(options.dataDir);
  const stateStorage = new DocumentStateStorage(await embeddedStateDocuments(await database.collection(STATE_COLLECTION)));
  const dir = options.dataDir;
  return {
    kind: 'embedded',
    backend: { kind: 'embedded', database },
    stateStorage,
    ping: async () => {
      if (!dir) return true;
      return access(dir, constants.W_OK).then(
        () => true,
        () => false,
      );
    },
    close: () => database.close(),
  };
}
