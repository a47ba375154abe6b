import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStore } from '../../stores/appStore';
import { openDirectory } from '../../stores/directory';
import { openEmbeddedDatabase } from '../../stores/embeddedDatabase';
import { describeWithMongo } from '../support/mongo';
import { aStructure } from '../support/structures';
import { directoryContract } from './directory.contract';

let counter = 0;
const nextName = () => `structures${++counter}`;

describe('embedded directory, in memory', () => {
  const database = openEmbeddedDatabase(null);
  afterAll(() => database.close());
  directoryContract(() => openDirectory({ kind: 'embedded', database }, nextName()));

  it('declares that it does not persist and tallies stats itself', async () => {
    expect((await openDirectory({ kind: 'embedded', database }, nextName())).capabilities).toEqual({ persistent: false, statsOnServer: false });
  });
});

describe('embedded directory, on disk', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'guichet-directory-'));
  const database = openEmbeddedDatabase(dir);
  afterAll(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });
  directoryContract(() => openDirectory({ kind: 'embedded', database }, nextName()));

  it('keeps its records after the store is closed and opened again', async () => {
    const storeDir = path.join(dir, 'reopen');
    const first = await openStore({ dataDir: storeDir, mongodbDb: 'unused' });
    const directory = await openDirectory(first.backend);
    expect(directory.capabilities.persistent).toBe(true);
    await directory.upsertMany([aStructure({ id: 'test:a' }), aStructure({ id: 'test:b', kind: 'EI' })]);
    await directory.upsertMany([aStructure({ id: 'test:a', insertionPosts: 99 })]);
    await directory.removeByIds(['test:b']);
    await first.close();

    const again = await openStore({ dataDir: storeDir, mongodbDb: 'unused' });
    try {
      const reopened = await openDirectory(again.backend);
      expect(await reopened.count()).toBe(1);
      expect(await reopened.get('test:a')).toEqual(aStructure({ id: 'test:a', insertionPosts: 99 }));
      expect(await reopened.upsertMany([aStructure({ id: 'test:a', insertionPosts: 99 })])).toEqual({ inserted: 0, updated: 0, unchanged: 1 });
      expect((await reopened.search({ center: { lat: 14.6, lng: -61.07 }, radiusKm: 5, limit: 5, offset: 0 })).total).toBe(1);
    } finally {
      await again.close();
    }
  });
});

describeWithMongo('MongoDB directory', (connection) => {
  const backend = () => ({ kind: 'mongodb' as const, connection: connection() });
  directoryContract(() => openDirectory(backend(), nextName()));

  it('declares that it persists and counts by kind on the server', async () => {
    expect((await openDirectory(backend(), nextName())).capabilities).toEqual({ persistent: true, statsOnServer: true });
  });

  it('creates its indexes (location, kind and the territory codes) and uses the id as _id', async () => {
    const name = nextName();
    const directory = await openDirectory(backend(), name);
    await directory.upsertMany([aStructure({ id: 'test:a' })]);
    const indexes = await connection().db.collection(name).indexes();
    expect(indexes.map((i) => i.key)).toEqual(
      expect.arrayContaining([
        { 'location.lat': 1, 'location.lng': 1 },
        { kind: 1 },
        { 'territory.departement': 1 },
        { 'territory.communeInsee': 1 },
        { 'territory.epci': 1 },
        { 'territory.region': 1 },
      ]),
    );
    expect(await connection().db.collection(name).findOne({ _id: 'test:a' as never })).toMatchObject({ id: 'test:a' });
  });
});
