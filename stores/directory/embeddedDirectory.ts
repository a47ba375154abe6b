import type Datastore from '@seald-io/nedb';
import type { Structure } from '../../knowledge/directory/structure';
import { candidateOf, candidateProjection, type Candidate } from './candidates';
import type { DirectoryDocuments } from './directoryDocuments';
import type { DocumentFilter } from './filters';
import { buildSpatialIndex, type SpatialIndex } from './spatialIndex';
import { tallyByKind } from './stats';

type Row = Structure & { _id: string };

/** Fields the embedded store indexes (NeDB single-field indexes); positions are in the spatial index. */
const INDEXED_FIELDS = ['kind', 'territory.departement', 'territory.communeInsee', 'territory.region'];

/** Records reaching the adapter are already the directory's own canonical copies (see validateStructures). */
const toRow = (structure: Structure): Row => ({ ...structure, _id: structure.id });
/** NeDB's find already returns deep copies of its documents: the row is the caller's own. */
function fromRow(row: Row): Structure {
  const { _id, ...structure } = row;
  return structure;
}

/**
 * Directory records in an embedded (NeDB) collection, `_id` = id, as strict as MongoDB about copies:
 * records come in as the directory's own validated copies (and NeDB deep-copies on insert); records
 * going out are cloned. Counts by kind are tallied here, not in NeDB. Radius searches read a
 * spatial index of every record's position, built on the first search after a change.
 */
export async function embeddedDirectoryDocuments(collection: Datastore, options: { persistent: boolean }): Promise<DirectoryDocuments> {
  for (const fieldName of INDEXED_FIELDS) await collection.ensureIndexAsync({ fieldName });
  let spatial: Promise<SpatialIndex> | undefined;
  const spatialIndex = () =>
    (spatial ??= collection
      .findAsync<Parameters<typeof candidateOf>[0]>({}, candidateProjection(false))
      .then((rows) => buildSpatialIndex(rows.map((row) => candidateOf(row)))));
  const changed = () => {
    spatial = undefined;
  };
  return {
    capabilities: { persistent: options.persistent, statsOnServer: false },
    async findByIds(ids) {
      const rows = await collection.findAsync<Row>({ _id: { $in: [...ids] } });
      return rows.map(fromRow);
    },
    async write({ inserts, replacements }) {
      changed();
      if (inserts.length > 0) {
        try {
          // One atomic insert of the whole batch (NeDB rolls it back if one _id exists).
          await collection.insertAsync(inserts.map(toRow));
        } catch (error) {
          if ((error as { errorType?: string }).errorType !== 'uniqueViolated') throw error;
          replacements = [...replacements, ...inserts];
        }
      }
      for (const structure of replacements) await collection.updateAsync({ _id: structure.id }, toRow(structure), { upsert: true });
      changed();
    },
    async remove(ids) {
      changed();
      const removed = await collection.removeAsync({ _id: { $in: [...ids] } }, { multi: true });
      changed();
      return removed;
    },
    count() {
      return collection.countAsync({});
    },
    async candidates(filter: DocumentFilter, withText) {
      const rows = await collection.findAsync<Parameters<typeof candidateOf>[0]>(filter, candidateProjection(withText));
      return rows.map((row): Candidate => candidateOf(row));
    },
    async within(center, box, radiusKm, kinds, withText) {
      const near = (await spatialIndex()).within(center, box, radiusKm, kinds);
      if (!withText || near.length === 0) return near;
      const texts = new Map(
        (await collection.findAsync<Pick<Structure, 'id' | 'sectors' | 'description'>>({ _id: { $in: near.map((n) => n.candidate.id) } }, { id: 1, sectors: 1, description: 1 })).map((row) => [row.id, row]),
      );
      return near.flatMap(({ candidate: shared, distanceKm }) => {
        const text = texts.get(shared.id);
        if (!text) return [];
        // The index's candidates are shared by every search: the text goes on a copy.
        const candidate: Candidate = { ...shared };
        if (text.sectors) candidate.sectors = text.sectors;
        if (text.description !== undefined) candidate.description = text.description;
        return [{ candidate, distanceKm }];
      });
    },
    async kindTotals(filter) {
      return tallyByKind(await collection.findAsync<Pick<Structure, 'kind' | 'insertionPosts'>>(filter, { kind: 1, insertionPosts: 1 }));
    },
  };
}
