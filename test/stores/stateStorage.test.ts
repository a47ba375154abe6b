import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MemoryStorage } from 'botbuilder';
import { openStore, type OpenedStore } from '../../stores/appStore';
import { openEmbeddedDatabase, type EmbeddedDatabase } from '../../stores/embeddedDatabase';
import { DocumentStateStorage } from '../../stores/state/documentStateStorage';
import { embeddedStateDocuments } from '../../stores/state/embeddedStateDocuments';
import { mongoStateDocuments } from '../../stores/state/mongoStateDocuments';
import { describeWithMongo } from '../support/mongo';
import { storageContract } from './stateStorage.contract';

let counter = 0;
const nextName = () => `state${++counter}`;

describe('MemoryStorage (the reference)', () => {
  storageContract(async () => new MemoryStorage());
});

describe('embedded state storage, in memory', () => {
  const database = openEmbeddedDatabase(null);
  afterAll(() => database.close());
  storageContract(async () => new DocumentStateStorage(await embeddedStateDocuments(await database.collection(nextName()))));
});

describe('embedded state storage, on disk', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'guichet-state-'));
  const database = openEmbeddedDatabase(dir);
  afterAll(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });
  storageContract(async () => new DocumentStateStorage(await embeddedStateDocuments(await database.collection(nextName()))));

  it('keeps what was written after the store is closed and opened again', async () => {
    const first = await openStore({ dataDir: dir, mongodbDb: 'unused' });
    await first.stateStorage.write({ 'webchat/conversations/c1': { step: 3 } });
    await first.stateStorage.delete(['nothing-here']);
    await first.close();

    const again = await openStore({ dataDir: dir, mongodbDb: 'unused' });
    try {
      expect((await again.stateStorage.read(['webchat/conversations/c1']))['webchat/conversations/c1'].step).toBe(3);
      expect(await again.ping()).toBe(true);
    } finally {
      await again.close();
    }
  });

  it('says it is not ready when its folder cannot be written', async () => {
    const store = await openStore({ dataDir: path.join(dir, 'gone'), mongodbDb: 'unused' });
    try {
      rmSync(path.join(dir, 'gone'), { recursive: true, force: true });
      expect(await store.ping()).toBe(false);
    } finally {
      await store.close().catch(() => undefined);
    }
  });
});

/** Retention: items idle since before a date go; recent ones stay. */
function purgeContract(fresh: () => Promise<{ storage: DocumentStateStorage; setNow(date: Date): void }>): void {
  it('purges items last written before a date', async () => {
    const { storage, setNow } = await fresh();
    setNow(new Date('2026-01-01T00:00:00Z'));
    await storage.write({ old: { n: 1 }, touched: { n: 1 } });
    setNow(new Date('2026-03-01T00:00:00Z'));
    await storage.write({ touched: { n: 2 }, recent: { n: 1 } });
    expect(await storage.purgeWrittenBefore(new Date('2026-02-01T00:00:00Z'))).toBe(1);
    expect(Object.keys(await storage.read(['old', 'touched', 'recent'])).sort()).toEqual(['recent', 'touched']);
  });
}

describe('embedded state storage retention', () => {
  let database: EmbeddedDatabase;
  beforeAll(() => {
    database = openEmbeddedDatabase(null);
  });
  afterAll(() => database.close());
  purgeContract(async () => {
    let now = new Date();
    const storage = new DocumentStateStorage(await embeddedStateDocuments(await database.collection(nextName())), () => now);
    return { storage, setNow: (d) => (now = d) };
  });
});

describeWithMongo('MongoDB state storage', (connection) => {
  storageContract(async () => new DocumentStateStorage(await mongoStateDocuments(connection().db, nextName())));
  purgeContract(async () => {
    let now = new Date();
    const storage = new DocumentStateStorage(await mongoStateDocuments(connection().db, nextName()), () => now);
    return { storage, setNow: (d) => (now = d) };
  });

  it('is what openStore gives for a MongoDB URI, and it answers pings', async () => {
    let store: OpenedStore | undefined;
    try {
      store = await openStore({ mongodbUri: process.env.MONGODB_URI, mongodbDb: connection().db.databaseName, dataDir: null });
      expect(store.kind).toBe('mongodb');
      await store.stateStorage.write({ k: { v: 1 } });
      expect((await store.stateStorage.read(['k'])).k.v).toBe(1);
      expect(await store.ping()).toBe(true);
    } finally {
      await store?.close();
    }
  });
});

describe('openStore with an unreachable MongoDB', () => {
  it('fails with a message that names the host but not the password', async () => {
    const attempt = openStore({ mongodbUri: 'mongodb://user:s3cret@127.0.0.1:1/',
      mongodbDb: 'x',
      dataDir: null,
      mongodbTimeoutMs: 300,
     });
    await expect(attempt).rejects.toThrow(/MongoDB is not reachable at mongodb:\/\/\*\*\*@127\.0\.0\.1:1/);
    await expect(attempt).rejects.not.toThrow(/s3cret/);
  });
});
