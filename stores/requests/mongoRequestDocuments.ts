import type { Collection, Db, Filter, WriteConcernSettings } from 'mongodb';
import { isDuplicateKeyError } from '../mongoConnection';
import type { RequestDocument, RequestDocuments, RequestLookup } from './requestDocuments';

/** Wrong follow-up codes of one reference, in `<requests collection>Guards`. */
interface GuardDocument {
  _id: string;
  failures: number;
  lockedUntil?: Date;
  updatedAt: Date;
}

export interface MongoRequestOptions {
  collectionName?: string;
  /** Acknowledge writes once a majority of the replica set has them (journaled by the server's default). */
  writeConcern?: WriteConcernSettings;
}

/** The default: a submission is acknowledged only once durably stored. */
export const REQUESTS_WRITE_CONCERN: WriteConcernSettings = { w: 'majority' };

/**
 * Requests in a MongoDB collection: plain CRUD, unique indexes on `reference` and `idempotencyKey`
 * (no transactions, no partial or TTL index: portable to Atlas, Cosmos DB and test servers).
 */
export async function mongoRequestDocuments(db: Db, options: MongoRequestOptions = {}): Promise<RequestDocuments> {
  const collection: Collection<RequestDocument> = db.collection<RequestDocument>(options.collectionName ?? 'requests', {
    writeConcern: options.writeConcern ?? REQUESTS_WRITE_CONCERN,
  });
  await collection.createIndex({ reference: 1 }, { name: 'reference_unique', unique: true });
  await collection.createIndex({ idempotencyKey: 1 }, { name: 'idempotencyKey_unique', unique: true });
  await collection.createIndex({ organisationId: 1, status: 1, createdAt: -1 }, { name: 'organisation_status_createdAt' });
  await collection.createIndex({ organisationId: 1, createdAt: -1 }, { name: 'organisation_createdAt' });
  await collection.createIndex({ subjectKey: 1 }, { name: 'subjectKey' });
  await collection.createIndex({ status: 1, expiresAt: 1 }, { name: 'status_expiresAt' });
  const guards: Collection<GuardDocument> = db.collection<GuardDocument>(`${options.collectionName ?? 'requests'}Guards`, {
    writeConcern: options.writeConcern ?? REQUESTS_WRITE_CONCERN,
  });
  await guards.createIndex({ updatedAt: 1 }, { name: 'updatedAt' });

  function filter(lookup: RequestLookup): Filter<RequestDocument> {
    switch (lookup.by) {
      case 'id':
        return { _id: lookup.id, ...(lookup.organisationId ? { organisationId: lookup.organisationId } : {}) };
      case 'reference':
        return { reference: lookup.reference, ...(lookup.organisationId ? { organisationId: lookup.organisationId } : {}) };
      case 'idempotencyKey':
        return { idempotencyKey: lookup.idempotencyKey };
    }
  }
  const newestFirst = { createdAt: -1, reference: -1 } as const;

  return {
    persistent: true,
    async insert(doc) {
      try {
        await collection.insertOne(doc);
        return 'inserted';
      } catch (error) {
        if (isDuplicateKeyError(error)) return 'duplicate';
        throw error;
      }
    },
    findOne(lookup) {
      return collection.findOne(filter(lookup));
    },
    findBySubject(subjectKey) {
      return collection.find({ subjectKey }).sort(newestFirst).toArray();
    },
    async listByOrganisation(organisationId, status, limit, offset) {
      const query: Filter<RequestDocument> = { organisationId, ...(status ? { status } : {}) };
      const [total, items] = await Promise.all([
        collection.countDocuments(query),
        collection.find(query).sort(newestFirst).skip(offset).limit(limit).toArray(),
      ]);
      return { total, items };
    },
    async replaceIfVersion(doc, expectedVersion) {
      const { _id, ...rest } = doc;
      const result = await collection.replaceOne({ _id, version: expectedVersion }, rest);
      return result.matchedCount === 1;
    },
    async removeBySubject(subjectKey) {
      return (await collection.deleteMany({ subjectKey })).deletedCount;
    },
    async removeByReference(reference) {
      return (await collection.deleteOne({ reference })).deletedCount;
    },
    countExpired(status, now) {
      return collection.countDocuments({ status, expiresAt: { $lte: now } });
    },
    async removeExpired(status, now) {
      return (await collection.deleteMany({ status, expiresAt: { $lte: now } })).deletedCount;
    },
    async followUpGuard(reference) {
      const doc = await guards.findOne({ _id: reference });
      return doc ? { failures: doc.failures, ...(doc.lockedUntil ? { lockedUntil: doc.lockedUntil } : {}) } : null;
    },
    async countFollowUpFailure(reference, now) {
      const doc = await guards.findOneAndUpdate(
        { _id: reference },
        { $inc: { failures: 1 }, $set: { updatedAt: now } },
        { upsert: true, returnDocument: 'after' },
      );
      return doc?.failures ?? 1;
    },
    async lockFollowUp(reference, until) {
      await guards.updateOne({ _id: reference }, { $max: { lockedUntil: until } });
    },
    async clearFollowUpFailures(reference) {
      await guards.deleteOne({ _id: reference });
    },
    async removeFollowUpGuardsBefore(before) {
      return (await guards.deleteMany({ updatedAt: { $lt: before } })).deletedCount;
    },
  };
}
