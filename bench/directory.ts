import { randomBytes } from 'node:crypto';
import { SIAE_KINDS, type StructureKind } from '../knowledge/directory/kinds';
import type { Structure } from '../knowledge/directory/structure';
import type { LatLng } from '../knowledge/territory/types';
import { openDirectory, type DirectoryRepository } from '../stores/directory';
import { openEmbeddedDatabase } from '../stores/embeddedDatabase';
import { connectMongo } from '../stores/mongoConnection';
import { destination, generateStructures, pick, seededRandom } from '../test/support/structures';
import { memory, percentile, table } from './stats';

/**
 * Directory bench: 50,000 generated structures over France, loaded into the embedded store (in
 * memory) and into MongoDB when MONGODB_URI is set; radius searches of 5, 25 and 100 km around
 * many random centres, with and without a kind filter. Prints load time, memory and p50/p99.
 */

export interface DirectoryBenchOptions {
  structures: number;
  /** Centres per scenario (embedded store). */
  centers: number;
  /** Centres per scenario on MongoDB (a search there is a network round trip, ~100 times slower). */
  mongoCenters: number;
  mongodbUri?: string;
  log?: (line: string) => void;
}

interface Scenario {
  name: string;
  radiusKm: number;
  kinds?: StructureKind[];
}

const SCENARIOS: Scenario[] = [5, 25, 100].flatMap((radiusKm) => [
  { name: `${radiusKm} km, all kinds`, radiusKm },
  { name: `${radiusKm} km, SIAE kinds`, radiusKm, kinds: [...SIAE_KINDS] },
]);

/** Centres near where structures are (towns), a few km off, the same for every store. */
function centers(data: readonly Structure[], count: number): LatLng[] {
  const random = seededRandom(7);
  return Array.from({ length: count }, () => destination(pick(random, data).location, random() * 10, random() * 360));
}

export interface StoreResult {
  store: string;
  loadMs: number;
  memory?: { heapUsedMb: number; rssMb: number; heapDeltaMb: number };
  rows: Array<{ scenario: string; p50: number; p99: number; meanTotal: number }>;
}

async function measureStore(store: string, directory: DirectoryRepository, data: Structure[], points: LatLng[], trackMemory: boolean): Promise<StoreResult> {
  const before = memory();
  const started = performance.now();
  const counts = await directory.upsertMany(data);
  const loadMs = performance.now() - started;
  if (counts.inserted !== data.length) throw new Error(`${store}: expected ${data.length} inserts, got ${JSON.stringify(counts)}`);
  const after = memory();

  const rows: StoreResult['rows'] = [];
  for (const scenario of SCENARIOS) {
    // Warm-up (JIT, connection pool), not measured.
    for (const center of points.slice(0, 5)) await directory.search({ center, radiusKm: scenario.radiusKm, kinds: scenario.kinds, limit: 20, offset: 0 });
    const times: number[] = [];
    let totals = 0;
    for (const center of points) {
      const t0 = performance.now();
      const found = await directory.search({ center, radiusKm: scenario.radiusKm, kinds: scenario.kinds, limit: 20, offset: 0 });
      times.push(performance.now() - t0);
      totals += found.total;
    }
    times.sort((a, b) => a - b);
    rows.push({ scenario: scenario.name, p50: percentile(times, 50), p99: percentile(times, 99), meanTotal: totals / points.length });
  }
  return {
    store,
    loadMs,
    memory: trackMemory ? { heapUsedMb: after.heapUsedMb, rssMb: after.rssMb, heapDeltaMb: after.heapUsedMb - before.heapUsedMb } : undefined,
    rows,
  };
}

export interface DirectoryBenchResult {
  structures: number;
  centers: number;
  stores: StoreResult[];
}

export async function benchDirectory(options: DirectoryBenchOptions): Promise<DirectoryBenchResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const t0 = performance.now();
  const data = generateStructures({ count: options.structures, seed: 2026 });
  log(`Directory bench: ${data.length} structures generated in ${(performance.now() - t0).toFixed(0)} ms; ${options.centers} centres per scenario (MongoDB: the first ${Math.min(options.mongoCenters, options.centers)}), limit 20.`);
  const points = centers(data, options.centers);
  const results: StoreResult[] = [];

  const database = openEmbeddedDatabase(null);
  try {
    results.push(await measureStore('embedded (memory)', await openDirectory({ kind: 'embedded', database }), data, points, true));
  } finally {
    await database.close();
  }

  let mongoNote = 'MongoDB: not measured (MONGODB_URI is not set).';
  if (options.mongodbUri) {
    const connection = await connectMongo(options.mongodbUri, `bench_${randomBytes(4).toString('hex')}`);
    try {
      results.push(await measureStore('mongodb', await openDirectory({ kind: 'mongodb', connection }), data, points.slice(0, options.mongoCenters), false));
      mongoNote = 'MongoDB: measured on MONGODB_URI (server memory not shown; client side only).';
    } finally {
      await connection.db.dropDatabase().catch(() => undefined);
      await connection.close();
    }
  }

  log('');
  log(
    table(
      ['store', 'load (ms)', 'load (records/s)', 'heapUsed (MB)', 'heap delta (MB)', 'RSS (MB)'],
      results.map((r) => [
        r.store,
        Math.round(r.loadMs),
        Math.round(data.length / (r.loadMs / 1000)),
        r.memory ? r.memory.heapUsedMb : '–',
        r.memory ? r.memory.heapDeltaMb : '–',
        r.memory ? r.memory.rssMb : '–',
      ]),
    ),
  );
  log('');
  log(
    table(
      ['store', 'scenario', 'p50 (ms)', 'p99 (ms)', 'mean matches'],
      results.flatMap((r) => r.rows.map((row) => [r.store, row.scenario, row.p50, row.p99, Math.round(row.meanTotal)])),
    ),
  );
  log('');
  log(mongoNote);
  if (!(globalThis as { gc?: () => void }).gc) log('Memory without --expose-gc includes garbage not yet collected (node --expose-gc dist/bench/index.js for retained figures).');
  return { structures: data.length, centers: options.centers, stores: results };
}
