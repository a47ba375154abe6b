// Types only: the driver (and its BSON buffers, about 17 MB of RSS) is loaded by connectMongo, so a
// bot on the embedded store never loads it (test/stores/lazyDriver.test.ts).
import type { Db } from 'mongodb';

/** A connection to the production store. */
export interface MongoConnection {
  readonly db: Db;
  /** True when the server answers a ping within the driver's selection timeout. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface MongoConnectionOptions {
  /** How long to look for a server before failing an operation (ms). */
  serverSelectionTimeoutMS?: number;
}

/** Connects, checks the server answers, and fails with a plain message (no credentials) if not. */
export async function connectMongo(
  uri: string,
  dbName: string,
  options: MongoConnectionOptions = {},
): Promise<MongoConnection> {
  // A lazy require rather than `await import()`: with "module": "nodenext" this CommonJS build keeps
  // import() as a real ES import, which jest's CommonJS runtime cannot run; require() is the same
  // module instance (and the same MongoServerError class) for the repositories' checks.
  const { MongoClient } = require('mongodb') as typeof import('mongodb');
  const client = new MongoClient(uri, {
    appName: 'guichet-iae',
    serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? 5000,
  });
  try {
    await client.connect();
    await client.db(dbName).command({ ping: 1 });
  } catch (error) {
    await client.close().catch(() => undefined);
    const reason = error instanceof Error ? error.name : 'unknown error';
    throw new Error(`MongoDB is not reachable at ${redactUri(uri)} (${reason})`, { cause: error });
  }
  const db = client.db(dbName);
  return {
    db,
    async ping() {
      try {
        await db.command({ ping: 1 });
        return true;
      } catch {
        return false;
      }
    },
    close: () => client.close(),
  };
}

/** The URI without its user and password, for messages and logs. */
export function redactUri(uri: string): string {
  return uri.replace(/\/\/[^@/]*@/, '//***@');
}

/** True for a duplicate-key error (the server's code, never its message). */
export function isDuplicateKeyError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}
