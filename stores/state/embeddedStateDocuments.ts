import type Datastore from '@seald-io/nedb';
import type { StateDocument, StateDocuments } from './stateDocuments';

interface Row {
  _id: string;
  json: string;
  eTag: string;
  writtenAt: Date;
}

/** State documents in an embedded (NeDB) collection. */
export async function embeddedStateDocuments(collection: Datastore): Promise<StateDocuments> {
  await collection.ensureIndexAsync({ fieldName: 'writtenAt' });
  const row = (doc: StateDocument, now: Date): Row => ({ _id: doc.key, json: doc.json, eTag: doc.eTag, writtenAt: now });
  return {
    async find(keys) {
      const rows = await collection.findAsync<Row>({ _id: { $in: [...keys] } });
      return rows.map((r) => ({ key: r._id, json: r.json, eTag: r.eTag }));
    },
    async put(doc, now) {
      await collection.updateAsync({ _id: doc.key }, row(doc, now), { upsert: true });
    },
    async putIfMatch(doc, expectedETag, now) {
      // NeDB runs one operation at a time per datastore, so this update is atomic.
      const { numAffected } = await collection.updateAsync({ _id: doc.key, eTag: expectedETag }, row(doc, now), {});
      if (numAffected === 1) return true;
      try {
        await collection.insertAsync(row(doc, now));
        return true;
      } catch (error) {
        if ((error as { errorType?: string }).errorType === 'uniqueViolated') return false;
        throw error;
      }
    },
    async remove(keys) {
      await collection.removeAsync({ _id: { $in: [...keys] } }, { multi: true });
    },
    removeWrittenBefore(date) {
      return collection.removeAsync({ writtenAt: { $lt: date } }, { multi: true });
    },
  };
}
