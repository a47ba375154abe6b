import type Datastore from '@seald-io/nedb';
import type { Collection, Db, WriteConcernSettings } from 'mongodb';
import type { EmbeddedDatabase } from '../embeddedDatabase';
import { isDuplicateKeyError } from '../mongoConnection';
import type { AdviserDocument, AdviserDocuments } from './adviserRegistry';

/** Advisers in an embedded (NeDB) collection, keyed by `_id` = tenant:object id. */
export async function embeddedAdviserDocuments(database: EmbeddedDatabase, collectionName = 'advisers'): Promise<AdviserDocuments> {
  const collection: Datastore = await database.collection(collectionName);
  await collection.ensureIndexAsync({ fieldName: 'organisationId' });
  return {
    async insert(doc) {
      try {
        await collection.insertAsync(doc);
        return 'inserted';
      } catch (error) {
        if ((error as { errorType?: string } | null)?.errorType === 'uniqueViolated') return 'duplicate';
        throw error;
      }
    },
    async update(id, organisationId, name, now) {
      const change = name
        ? { $set: { organisationId, name, updatedAt: now } }
        : { $set: { organisationId, updatedAt: now }, $unset: { name: true } };
      await collection.updateAsync({ _id: id }, change, {});
      return (await collection.findOneAsync<AdviserDocument>({ _id: id })) ?? null;
    },
    async remove(id) {
      return (await collection.removeAsync({ _id: id }, {})) === 1;
    },
    async list(organisationId) {
      return collection.findAsync<AdviserDocument>(organisationId ? { organisationId } : {});
    },
    async find(id) {
      return (await collection.findOneAsync<AdviserDocument>({ _id: id })) ?? null;
    },
  };
}

/** Advisers in a MongoDB collection. */
export async function mongoAdviserDocuments(
  db: Db,
  options: { collectionName?: string; writeConcern?: WriteConcernSettings } = {},
): Promise<AdviserDocuments> {
  const collection: Collection<AdviserDocument> = db.collection<AdviserDocument>(options.collectionName ?? 'advisers', {
    writeConcern: options.writeConcern ?? { w: 'majority' },
  });
  await collection.createIndex({ organisationId: 1 }, { name: 'organisationId' });
  return {
    async insert(doc) {
      try {
        await collection.insertOne(doc);
        return 'inserted';
      } catch (error) {
        if (isDuplicateKeyError(error)) return 'duplicate';
        throw error;
      }
    },
    async update(id, organisationId, name, now) {
      const change = name
        ? { $set: { organisationId, name, updatedAt: now } }
        : { $set: { organisationId, updatedAt: now }, $unset: { name: '' as const } };
      await collection.updateOne({ _id: id }, change);
      return collection.findOne({ _id: id });
    },
    async remove(id) {
      return (await collection.deleteOne({ _id: id })).deletedCount === 1;
    },
    list(organisationId) {
      return collection.find(organisationId ? { organisationId } : {}).toArray();
    },
    find(id) {
      return collection.findOne({ _id: id });
    },
  };
}
