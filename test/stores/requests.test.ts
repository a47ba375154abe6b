import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { MongoClient } from 'mongodb';
import path from 'node:path';
import { openStore } from '../../stores/appStore';
import { openEmbeddedDatabase, type EmbeddedDatabase } from '../../stores/embeddedDatabase';
import { embeddedAdviserDocuments, mongoAdviserDocuments } from '../../stores/requests/adviserDocuments';
import { documentAdviserRegistry } from '../../stores/requests/adviserRegistry';
import { DocumentRequestRepository } from '../../stores/requests/documentRequestRepository';
import { embeddedRequestDocuments } from '../../stores/requests/embeddedRequestDocuments';
import { ReferenceExhaustedError } from '../../stores/requests/errors';
import { mongoRequestDocuments } from '../../stores/requests/mongoRequestDocuments';
import { openRequestStores } from '../../stores/requests/openRequests';
import type { RequestDocuments } from '../../stores/requests/requestDocuments';
import { aDraft, NOW, ORG_A } from '../requests/builders';
import { describeWithMongo } from '../support/mongo';
import { requestsContract, type RequestFixture } from './requests.contract';

let counter = 0;
const nextName = (base: string) => `${base}${++counter}`;

function fixture(documents: RequestDocuments, advisers: Parameters<typeof documentAdviserRegistry>[0]): RequestFixture {
  let now = NOW;
  const clock = () => now;
  return {
    requests: new DocumentRequestRepository(documents, { clock }),
    advisers: documentAdviserRegistry(advisers, clock),
    setNow: (date) => (now = date),
    sameStore: (options = {}) => new DocumentRequestRepository(documents, { clock, ...options }),
  };
}

/** Reference collisions are retried; a generator that only repeats itself ends with a named error. */
function collisionTests(documents: () => Promise<RequestDocuments>): void {
  it('retries a reference already taken, and gives up after the allowed attempts', async () => {
    const docs = await documents();
    const drawn = ['GI-AAAAAA', 'GI-AAAAAA', 'GI-AAAAAA', 'GI-BBBBBB'];
    const repo = new DocumentRequestRepository(docs, { clock: () => NOW, newReference: () => drawn.shift() ?? 'GI-AAAAAA', maxReferenceAttempts: 3 });
    const first = await repo.submit(aDraft(), 'collide-key-1');
    expect(first.request.reference).toBe('GI-AAAAAA');
    const second = await repo.submit(aDraft(), 'collide-key-2');
    expect(second.request.reference).toBe('GI-BBBBBB');
    await expect(repo.submit(aDraft(), 'collide-key-3')).rejects.toThrow(ReferenceExhaustedError);
    expect((await repo.listForOrganisation(ORG_A, { limit: 10, offset: 0 })).total).toBe(2);
  });
}

describe('request store, embedded in memory', () => {
  const databases: EmbeddedDatabase[] = [];
  afterAll(async () => {
    await Promise.all(databases.map((d) => d.close()));
  });
  const fresh = async () => {
    const database = openEmbeddedDatabase(null);
    databases.push(database);
    return database;
  };
  requestsContract(async () => {
    const database = await fresh();
    return fixture(await embeddedRequestDocuments(database), await embeddedAdviserDocuments(database));
  });
  collisionTests(async () => embeddedRequestDocuments(await fresh()));
  it('says it is not persistent', async () => {
    const docs = await embeddedRequestDocuments(await fresh());
    expect(new DocumentRequestRepository(docs).capabilities.persistent).toBe(false);
  });
});

describe('request store, embedded on disk', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'guichet-requests-'));
  const databases: EmbeddedDatabase[] = [];
  afterAll(async () => {
    await Promise.all(databases.map((d) => d.close()));
    rmSync(root, { recursive: true, force: true });
  });
  const fresh = async () => {
    const database = openEmbeddedDatabase(path.join(root, nextName('db')));
    databases.push(database);
    return database;
  };
  requestsContract(async () => {
    const database = await fresh();
    return fixture(await embeddedRequestDocuments(database), await embeddedAdviserDocuments(database));
  });
  collisionTests(async () => embeddedRequestDocuments(await fresh()));

  it('keeps requests, their unique keys and advisers after the store is closed and opened again', async () => {
    const dir = path.join(root, 'reopen');
    const first = await openStore({ dataDir: dir, mongodbDb: 'unused' });
    const stores = await openRequestStores(first.backend, { clock: () => NOW });
    expect(stores.requests.capabilities.persistent).toBe(true);
    const { request, followUpCode } = await stores.requests.submit(aDraft(), 'reopen-key-1');
    await stores.advisers.add({ tenantId: '11111111-1111-4111-8111-111111111111', aadObjectId: '22222222-2222-4222-8222-222222222222', organisationId: ORG_A });
    await first.close();

    const again = await openStore({ dataDir: dir, mongodbDb: 'unused' });
    try {
      const reopened = await openRequestStores(again.backend, { clock: () => NOW });
      expect(await reopened.requests.get(request.id, ORG_A)).toEqual(request);
      expect((await reopened.requests.submit(aDraft(), 'reopen-key-1')).created).toBe(false);
      expect((await reopened.requests.verifyFollowUp(request.reference, followUpCode!))?.status).toBe('received');
      expect(await reopened.advisers.list()).toHaveLength(1);
    } finally {
      await again.close();
    }
  });
});

describeWithMongo('request store, MongoDB', (connection) => {
  requestsContract(async () =>
    fixture(
      await mongoRequestDocuments(connection().db, { collectionName: nextName('requests') }),
      await mongoAdviserDocuments(connection().db, { collectionName: nextName('advisers') }),
    ),
  );
  collisionTests(() => mongoRequestDocuments(connection().db, { collectionName: nextName('requests') }));

  it('declares its unique indexes on reference and idempotency key', async () => {
    const name = nextName('requests');
    await mongoRequestDocuments(connection().db, { collectionName: name });
    const indexes = await connection().db.collection(name).indexes();
    const unique = indexes.filter((i) => i.unique).map((i) => Object.keys(i.key).join(','));
    expect(unique.sort()).toEqual(['idempotencyKey', 'reference']);
  });

  it('sends every write of a request with write concern majority', async () => {
    // A second client that records the commands it sends, on the same database.
    const watcher = new MongoClient(process.env.MONGODB_URI!, { monitorCommands: true });
    const writes: Array<{ name: string; w: unknown }> = [];
    watcher.on('commandStarted', (event) => {
      if (['insert', 'update', 'delete', 'findAndModify'].includes(event.commandName)) {
        writes.push({ name: event.commandName, w: (event.command.writeConcern as { w?: unknown } | undefined)?.w });
      }
    });
    try {
      await watcher.connect();
      const docs = await mongoRequestDocuments(watcher.db(connection().db.databaseName), { collectionName: nextName('requests') });
      const repo = new DocumentRequestRepository(docs, { clock: () => NOW });
      expect((await repo.submit(aDraft(), 'majority-key-1')).created).toBe(true);
      expect(writes.length).toBeGreaterThan(0);
      expect(writes.every((w) => w.w === 'majority')).toBe(true);
    } finally {
      await watcher.close();
    }
  });

  it('is what openRequestStores gives on a MongoDB backend', async () => {
    const stores = await openRequestStores({ kind: 'mongodb', connection: connection() }, { clock: () => NOW });
    const { request } = await stores.requests.submit(aDraft(), `open-mongo-${Date.now()}`);
    expect((await stores.requests.get(request.id, ORG_A))?.reference).toBe(request.reference);
  });
});
