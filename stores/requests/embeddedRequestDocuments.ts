import { open } from 'node:fs/promises';
import path from 'node:path';
import type Datastore from '@seald-io/nedb';
import type { EmbeddedDatabase } from '../embeddedDatabase';
import type { FollowUpGuardState } from './followUpGuard';
import type { RequestDocument, RequestDocuments, RequestLookup } from './requestDocuments';

/** Stored per reference in `<requests collection>Guards`. */
interface GuardDocument {
  _id: string;
  failures: number;
  lockedUntil?: Date;
  updatedAt: Date;
}

export const guardCollectionOf = (collectionName: string) => `${collectionName}Guards`;

const isUniqueViolation = (error: unknown) => (error as { errorType?: string } | null)?.errorType === 'uniqueViolated';

/**
 * Requests in an embedded (NeDB) collection. NeDB runs one operation at a time per datastore, so
 * the conditional replace is atomic and the unique indexes hold under concurrency. On disk, every
 * write is flushed with fsync before it resolves: a submission is acknowledged once durable.
 */
export async function embeddedRequestDocuments(database: EmbeddedDatabase, collectionName = 'requests'): Promise<RequestDocuments> {
  const collection: Datastore = await database.collection(collectionName);
  await collection.ensureIndexAsync({ fieldName: 'reference', unique: true });
  await collection.ensureIndexAsync({ fieldName: 'idempotencyKey', unique: true });
  await collection.ensureIndexAsync({ fieldName: 'organisationId' });
  await collection.ensureIndexAsync({ fieldName: 'subjectKey' });
  await collection.ensureIndexAsync({ fieldName: 'expiresAt' });
  const guards: Datastore = await database.collection(guardCollectionOf(collectionName));
  await guards.ensureIndexAsync({ fieldName: 'updatedAt' });
  // The file embeddedDatabase.ts gives this collection.
  const file = database.dir ? path.join(database.dir, `${collectionName}.db`) : null;

  async function flush(): Promise<void> {
    if (!file) return;
    const handle = await open(file, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  function filter(lookup: RequestLookup): Record<string, string> {
    switch (lookup.by) {
      case 'id':
        return { _id: lookup.id, ...(lookup.organisationId ? { organisationId: lookup.organisationId } : {}) };
      case 'reference':
        return { reference: lookup.reference, ...(lookup.organisationId ? { organisationId: lookup.organisationId } : {}) };
      case 'idempotencyKey':
        return { idempotencyKey: lookup.idempotencyKey };
    }
  }

  return {
    persistent: file !== null,
    async insert(doc) {
      try {
        await collection.insertAsync(doc);
      } catch (error) {
        if (isUniqueViolation(error)) return 'duplicate';
        throw error;
      }
      await flush();
      return 'inserted';
    },
    async findOne(lookup) {
      return (await collection.findOneAsync<RequestDocument>(filter(lookup))) ?? null;
    },
    async findBySubject(subjectKey) {
      return collection.findAsync<RequestDocument>({ subjectKey }).sort({ createdAt: -1, reference: -1 });
    },
    async listByOrganisation(organisationId, status, limit, offset) {
      const query = { organisationId, ...(status ? { status } : {}) };
      const [total, items] = await Promise.all([
        collection.countAsync(query),
        collection.findAsync<RequestDocument>(query).sort({ createdAt: -1, reference: -1 }).skip(offset).limit(limit),
      ]);
      return { total, items };
    },
    async replaceIfVersion(doc, expectedVersion) {
      const { numAffected } = await collection.updateAsync({ _id: doc._id, version: expectedVersion }, doc, {});
      if (numAffected === 1) await flush();
      return numAffected === 1;
    },
    async removeBySubject(subjectKey) {
      const removed = await collection.removeAsync({ subjectKey }, { multi: true });
      if (removed) await flush();
      return removed;
    },
    async removeByReference(reference) {
      const removed = await collection.removeAsync({ reference }, { multi: false });
      if (removed) await flush();
      return removed;
    },
    countExpired(status, now) {
      return collection.countAsync({ status, expiresAt: { $lte: now } });
    },
    async removeExpired(status, now) {
      const removed = await collection.removeAsync({ status, expiresAt: { $lte: now } }, { multi: true });
      if (removed) await flush();
      return removed;
    },
    async followUpGuard(reference) {
      const doc = await guards.findOneAsync<GuardDocument>({ _id: reference });
      return doc ? guardState(doc) : null;
    },
    async countFollowUpFailure(reference, now) {
      const { affectedDocuments } = await guards.updateAsync(
        { _id: reference },
        { $inc: { failures: 1 }, $set: { updatedAt: now } },
        { upsert: true, returnUpdatedDocs: true },
      );
      return (affectedDocuments as GuardDocument | null)?.failures ?? 1;
    },
    async lockFollowUp(reference, until) {
      await guards.updateAsync({ _id: reference }, { $max: { lockedUntil: until } }, {});
    },
    async clearFollowUpFailures(reference) {
      await guards.removeAsync({ _id: reference }, {});
    },
    removeFollowUpGuardsBefore(before) {
      return guards.removeAsync({ updatedAt: { $lt: before } }, { multi: true });
    },
  };
}

function guardState(doc: GuardDocument): FollowUpGuardState {
  return { failures: doc.failures, ...(doc.lockedUntil ? { lockedUntil: new Date(doc.lockedUntil) } : {}) };
}
