import type { Structure, StructureInput } from '../../knowledge/directory/structure';
import { sameJson } from './canonical';
import type { Candidate } from './candidates';
import type { DirectoryDocuments } from './directoryDocuments';
import type { AreaQuery, KindStats, RadiusQuery, StatsArea } from '../../knowledge/directory/directoryPort';
import type { DirectoryRepository, UpsertCounts } from './directoryRepository';
import { withinRadius } from './distance';
import { areaFilter, boxFilter } from './filters';
import { firstByDistance, sortByName } from './ordering';
import { searchBox } from './searchBox';
import { inKindOrder } from './stats';
import { textMatcher } from './textMatch';
import { parseAreaQuery, parseId, parseIds, parseRadiusQuery, parseStatsArea, validateStructures } from './validation';

/** How many records an import reads and writes at a time. */
const BATCH = 1000;

/** The directory over any `DirectoryDocuments` adapter: validation, distances, text, order and pages. */
export class DocumentDirectory implements DirectoryRepository {
  constructor(private readonly documents: DirectoryDocuments) {}

  get capabilities() {
    return this.documents.capabilities;
  }

  async upsertMany(structures: readonly StructureInput[]): Promise<UpsertCounts> {
    const records = validateStructures(structures);
    const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 };
    for (let start = 0; start < records.length; start += BATCH) {
      const batch = records.slice(start, start + BATCH);
      const stored = new Map((await this.documents.findByIds(batch.map((s) => s.id))).map((s) => [s.id, s]));
      const inserts: Structure[] = [];
      const replacements: Structure[] = [];
      for (const record of batch) {
        const before = stored.get(record.id);
        if (!before) inserts.push(record);
        else if (sameJson(before, record)) counts.unchanged += 1;
        else replacements.push(record);
      }
      if (inserts.length + replacements.length > 0) await this.documents.write({ inserts, replacements });
      counts.inserted += inserts.length;
      counts.updated += replacements.length;
    }
    return counts;
  }

  async get(id: string): Promise<Structure | undefined> {
    const [found] = await this.documents.findByIds([parseId('get', id)]);
    return found;
  }

  count(): Promise<number> {
    return this.documents.count();
  }

  async removeByIds(ids: readonly string[]): Promise<number> {
    const list = [...new Set(parseIds('removeByIds', ids))];
    let removed = 0;
    for (let start = 0; start < list.length; start += BATCH) removed += await this.documents.remove(list.slice(start, start + BATCH));
    return removed;
  }

  async search(input: RadiusQuery): Promise<{ total: number; items: Array<{ structure: Structure; distanceKm: number }> }> {
    const query = parseRadiusQuery(input);
    const matches = textMatcher(query.text);
    const box = searchBox(query.center, query.radiusKm);
    const found = this.documents.within
      ? await this.documents.within(query.center, box, query.radiusKm, query.kinds, matches !== undefined)
      : withinRadius(await this.documents.candidates(boxFilter(box, query.kinds), matches !== undefined), query.center, query.radiusKm);
    const near = matches ? found.filter((row) => matches(row.candidate)) : found;
    const page = firstByDistance(near, query.offset + query.limit).slice(query.offset);
    const records = await this.load(page.map((row) => row.candidate));
    const items = page.flatMap((row) => {
      const structure = records.get(row.candidate.id);
      return structure ? [{ structure, distanceKm: row.distanceKm }] : [];
    });
    return { total: near.length, items };
  }

  async inArea(input: AreaQuery): Promise<{ total: number; items: Array<{ structure: Structure }> }> {
    const query = parseAreaQuery(input);
    const matches = textMatcher(query.text);
    const candidates = await this.documents.candidates(areaFilter(query, query.kinds), matches !== undefined);
    const sorted = sortByName(matches ? candidates.filter(matches) : candidates);
    const page = sorted.slice(query.offset, query.offset + query.limit);
    const records = await this.load(page);
    const items = page.flatMap((candidate) => {
      const structure = records.get(candidate.id);
      return structure ? [{ structure }] : [];
    });
    return { total: sorted.length, items };
  }

  async statsByKind(input: StatsArea): Promise<KindStats[]> {
    const area = parseStatsArea(input);
    const filter = 'all' in area ? {} : areaFilter(area);
    return inKindOrder(await this.documents.kindTotals(filter));
  }

  /** The full records of a page (a record removed since the candidates were read is left out). */
  private async load(page: readonly Candidate[]): Promise<Map<string, Structure>> {
    if (page.length === 0) return new Map();
    return new Map((await this.documents.findByIds(page.map((c) => c.id))).map((s) => [s.id, s]));
  }
}
