import type { AnyBulkWriteOperation, Collection, Db } from 'mongodb';
import type { StructureKind } from '../../knowledge/directory/kinds';
import type { Structure } from '../../knowledge/directory/structure';
import { isDuplicateKeyError } from '../mongoConnection';
import { candidateOf, candidateProjection } from './candidates';
import type { DirectoryDocuments } from './directoryDocuments';

type Row = Structure & { _id: string };

/** Indexes of the directory collection: plain single-field and compound ones, portable to any server. */
const INDEXES: Array<{ key: Record<string, 1>; name: string }> = [
  { key: { 'location.lat': 1, 'location.lng': 1 }, name: 'location' },
  { key: { kind: 1 }, name: 'kind' },
  { key: { 'territory.departement': 1 }, name: 'departement' },
  { key: { 'territory.communeInsee': 1 }, name: 'commune' },
  { key: { 'territory.epci': 1 }, name: 'epci' },
  { key: { 'territory.region': 1 }, name: 'region' },
];

/** Records reaching the adapter are already the directory's own canonical copies (see validateStructures). */
const toRow = (structure: Structure): Row => ({ ...structure, _id: structure.id });
function fromRow(row: Row): Structure {
  const { _id, ...structure } = row;
  return structure as Structure;
}

/**
 * Directory records in a MongoDB collection, `_id` = id. Only CRUD, range/$in queries and one
 * `$group` (no geo operators, no $text, no transactions): runs on MongoDB, Atlas, Cosmos DB and the
 * test server alike.
 */
export async function mongoDirectoryDocuments(db: Db, collectionName = 'structures'): Promise<DirectoryDocuments> {
  const collection: Collection<Row> = db.collection<Row>(collectionName);
  await collection.createIndexes(INDEXES);

  async function upsert(records: readonly Structure[]): Promise<void> {
    const operations: AnyBulkWriteOperation<Row>[] = records.map((structure) => ({
      replaceOne: { filter: { _id: structure.id }, replacement: toRow(structure), upsert: true },
    }));
    try {
      await collection.bulkWrite(operations, { ordered: false });
    } catch (error) {
      // Two upserts of a new id at once: one loses with E11000; the record exists now, so replace again.
      if (!isDuplicateKeyError(error)) throw error;
      await collection.bulkWrite(operations, { ordered: false });
    }
  }

  return {
    capabilities: { persistent: true, statsOnServer: true },
    async findByIds(ids) {
      return (await collection.find({ _id: { $in: [...ids] } }).toArray()).map(fromRow);
    },
    async write({ inserts, replacements }) {
      const all = [...inserts, ...replacements];
      if (all.length > 0) await upsert(all);
    },
    async remove(ids) {
      return (await collection.deleteMany({ _id: { $in: [...ids] } })).deletedCount;
    },
    count() {
      return collection.countDocuments({});
    },
    async candidates(filter, withText) {
      const rows = await collection.find(filter, { projection: { _id: 0, ...candidateProjection(withText) } }).toArray();
      return rows.map((row) => candidateOf(row as unknown as Parameters<typeof candidateOf>[0]));
    },
    async kindTotals(filter) {
      const rows = await collection
        .aggregate<{ _id: StructureKind; structures: number; posts: number }>([
          { $match: filter },
          { $group: { _id: '$kind', structures: { $sum: 1 }, posts: { $sum: '$insertionPosts' } } },
        ])
        .toArray();
      return rows.map((row) => ({ kind: row._id, structures: row.structures, posts: row.posts ?? 0 }));
    },
  };
}
