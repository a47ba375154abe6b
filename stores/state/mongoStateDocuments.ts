import type { Collection, Db } from 'mongodb';
import { isDuplicateKeyError } from '../mongoConnection';
import type { StateDocuments } from './stateDocuments';

interface Row {
  _id: string;
  json: string;
  eTag: string;
  writtenAt: Date;
}

/** State documents in a MongoDB collection (plain CRUD and one index: portable to any server). */
export async function mongoStateDocuments(db: Db, collectionName = 'botState'): Promise<StateDocuments> {
  const collection: Collection<Row> = db.collection<Row>(collectionName);
  await collection.createIndex({ writtenAt: 1 }, { name: 'writtenAt' });
  return {
    async find(keys) {
      const rows = await collection.find({ _id: { $in: [...keys] } }).toArray();
      return rows.map((r) => ({ key: r._id, json: r.json, eTag: r.eTag }));
    },
    async put(doc, now) {
      await collection.replaceOne(
        { _id: doc.key },
        { json: doc.json, eTag: doc.eTag, writtenAt: now },
        { upsert: true },
      );
    },
    async putIfMatch(doc, expectedETag, now) {
      const replaced = await collection.replaceOne(
        { _id: doc.key, eTag: expectedETag },
        { json: doc.json, eTag: doc.eTag, writtenAt: now },
      );
      if (replaced.matchedCount === 1) return true;
      try {
        await collection.insertOne({ _id: doc.key, json: doc.json, eTag: doc.eTag, writtenAt: now });
        return true;
      } catch (error) {
        if (isDuplicateKeyError(error)) return false;
        throw error;
      }
    },
    async remove(keys) {
      await collection.deleteMany({ _id: { $in: [...keys] } });
    },
    async removeWrittenBefore(date) {
      const result = await collection.deleteMany({ writtenAt: { $lt: date } });
      return result.deletedCount;
    },
  };
}
