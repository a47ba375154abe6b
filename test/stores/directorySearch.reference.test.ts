import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SIAE_KINDS, STRUCTURE_KINDS, type StructureKind } from '../../knowledge/directory/kinds';
import type { Structure } from '../../knowledge/directory/structure';
import { foldText } from '../../knowledge/text/fold';
import { haversineKm } from '../../knowledge/territory/geometry';
import type { LatLng } from '../../knowledge/territory/types';
import { openDirectory, type DirectoryRepository } from '../../stores/directory';
import { openEmbeddedDatabase } from '../../stores/embeddedDatabase';
import { describeWithMongo } from '../support/mongo';
import { destination, generateStructures, pick, seededRandom } from '../support/structures';

/**
 * Every store against a brute-force reference over the same national data set: the same matches,
 * in the same order, with the same distances and totals, for many random centres, radii, kinds and
 * words. The reference is written here on purpose, independently of stores/directory.
 */

const DATASET = generateStructures({ count: 3000, seed: 20261122 });
const PAGE = 1000;

interface Search {
  center: LatLng;
  radiusKm: number;
  kinds?: StructureKind[];
  text?: string;
}

const byText = (text: string | undefined) => {
  const words = foldText(text ?? '').split(' ').filter(Boolean);
  return (s: Structure) => {
    const haystack = foldText([s.name, ...s.sectors, s.description ?? ''].join(' '));
    return words.every((w) => haystack.includes(w));
  };
};
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byName = (a: Structure, b: Structure) => cmp(foldText(a.name), foldText(b.name)) || cmp(a.name, b.name) || cmp(a.id, b.id);

function referenceSearch(q: Search): Array<{ id: string; distanceKm: number }> {
  const text = byText(q.text);
  return DATASET.filter((s) => !q.kinds?.length || q.kinds.includes(s.kind))
    .filter(text)
    .map((s) => ({ s, distanceKm: haversineKm(q.center, s.location) }))
    .filter((r) => r.distanceKm <= q.radiusKm)
    .sort((a, b) => a.distanceKm - b.distanceKm || byName(a.s, b.s))
    .map((r) => ({ id: r.s.id, distanceKm: r.distanceKm }));
}

/** Searches that cover towns, the countryside, overseas, big radii, kinds and words. */
function searches(): Search[] {
  const random = seededRandom(42);
  const words = ['bâtiment', 'espaces verts', 'ATELIER', 'maraichage', 'Saint', 'accompagnement', 'entreprise numérique', 'zzz'];
  const list: Search[] = [];
  for (let i = 0; i < 80; i++) {
    const anchor = pick(random, DATASET).location;
    const center = i % 4 === 0 ? anchor : destination(anchor, random() * 30, random() * 360);
    const kinds =
      random() < 0.5 ? undefined : [...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(random, random() < 0.7 ? SIAE_KINDS : STRUCTURE_KINDS)))];
    list.push({ center, radiusKm: pick(random, [0.5, 2, 5, 10, 25, 50, 100, 250]), kinds, text: random() < 0.3 ? pick(random, words) : undefined });
  }
  list.push({ center: { lat: 14.6, lng: -61.07 }, radiusKm: 30 }); // Martinique
  list.push({ center: { lat: -21.11, lng: 55.53 }, radiusKm: 80 }); // La Réunion
  list.push({ center: { lat: 46.6, lng: 2.4 }, radiusKm: 700, kinds: ['ACI'] }); // most of mainland France
  return list;
}

/**
 * The searches and what the reference finds for them: computed once for every store (the reference
 * is pure), in groups of a dozen, each group a test of its own, so that a loaded machine spreads the
 * work over several test budgets rather than one (every search of every store is still checked).
 */
const CASES = searches().map((q) => ({ q, expected: referenceSearch(q) }));
const GROUP = 12;
const GROUPS = Array.from({ length: Math.ceil(CASES.length / GROUP) }, (_, g) => ({
  name: `searches ${g * GROUP + 1}–${Math.min(CASES.length, (g + 1) * GROUP)} of ${CASES.length}`,
  cases: CASES.slice(g * GROUP, (g + 1) * GROUP),
}));

async function allPages(directory: DirectoryRepository, q: Search): Promise<{ totals: number[]; items: Array<{ id: string; distanceKm: number }> }> {
  const totals: number[] = [];
  const items: Array<{ id: string; distanceKm: number }> = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await directory.search({ ...q, limit: PAGE, offset });
    totals.push(page.total);
    items.push(...page.items.map((i) => ({ id: i.structure.id, distanceKm: i.distanceKm })));
    if (page.items.length < PAGE) break;
  }
  return { totals, items };
}

function referenceContract(open: () => Promise<DirectoryRepository>): void {
  let directory: DirectoryRepository;
  // 3,000 structures written in batches of 1,000 (one bulk write each on MongoDB): a few seconds,
  // more on a loaded machine, and a hook's budget is a test's (30 s) unless given its own.
  beforeAll(async () => {
    directory = await open();
    expect(await directory.upsertMany(DATASET)).toEqual({ inserted: DATASET.length, updated: 0, unchanged: 0 });
  }, 120_000);

  it.each(GROUPS)('radius searches match the brute-force reference (ids, order, distances, totals): $name', async ({ cases }) => {
    for (const { q, expected } of cases) {
      const got = await allPages(directory, q);
      expect({ q, ids: got.items.map((i) => i.id) }).toEqual({ q, ids: expected.map((i) => i.id) });
      expect(got.items.map((i) => i.distanceKm)).toEqual(expected.map((i) => i.distanceKm));
      expect(new Set(got.totals)).toEqual(new Set([expected.length]));
    }
  });

  it('a middle page is the same slice of the reference', async () => {
    const q = { center: DATASET[7].location, radiusKm: 100 };
    const expected = referenceSearch(q).map((r) => r.id);
    expect(expected.length).toBeGreaterThan(30);
    const page = await directory.search({ ...q, limit: 10, offset: 20 });
    expect(page.items.map((i) => i.structure.id)).toEqual(expected.slice(20, 30));
    expect(page.items[0].structure).toEqual(DATASET.find((s) => s.id === expected[20]));
  });

  it('area searches and stats match the reference for départements, régions and communes', async () => {
    const departements = [...new Set(DATASET.map((s) => s.territory.departement))].slice(0, 12);
    for (const departement of departements) {
      const inDept = DATASET.filter((s) => s.territory.departement === departement);
      const got = await directory.inArea({ departement, limit: PAGE, offset: 0 });
      expect(got.total).toBe(inDept.length);
      expect(got.items.map((i) => i.structure.id)).toEqual([...inDept].sort(byName).map((s) => s.id));
      expect(await directory.statsByKind({ departement })).toEqual(referenceStats(inDept));
    }
    const region = DATASET[0].territory.region;
    expect(await directory.statsByKind({ region })).toEqual(referenceStats(DATASET.filter((s) => s.territory.region === region)));
    const communes = [...new Set(DATASET.slice(0, 50).map((s) => s.territory.communeInsee))];
    expect(await directory.statsByKind({ communes })).toEqual(referenceStats(DATASET.filter((s) => communes.includes(s.territory.communeInsee))));
    expect(await directory.statsByKind({ all: true })).toEqual(referenceStats(DATASET));
  });
}

function referenceStats(rows: Structure[]): Array<{ kind: StructureKind; structures: number; posts: number }> {
  return STRUCTURE_KINDS.map((kind) => {
    const ofKind = rows.filter((s) => s.kind === kind);
    return { kind, structures: ofKind.length, posts: ofKind.reduce((n, s) => n + (s.insertionPosts ?? 0), 0) };
  }).filter((r) => r.structures > 0);
}

describe('the generated national data set', () => {
  it('is deterministic, valid, spread over France including overseas', () => {
    expect(generateStructures({ count: 50, seed: 20261122 })).toEqual(DATASET.slice(0, 50));
    expect(new Set(DATASET.map((s) => s.id)).size).toBe(DATASET.length);
    expect(new Set(DATASET.map((s) => s.territory.departement)).size).toBeGreaterThan(80);
    expect(DATASET.some((s) => s.territory.region === '04')).toBe(true);
  });

  it('gives the radius searches something to find: more than 40 of them have results', () => {
    expect(CASES.filter((c) => c.expected.length > 0).length).toBeGreaterThan(40);
    expect(GROUPS.flatMap((g) => g.cases)).toHaveLength(CASES.length);
  });
});

describe('reference: embedded directory, in memory', () => {
  const database = openEmbeddedDatabase(null);
  afterAll(() => database.close());
  referenceContract(() => openDirectory({ kind: 'embedded', database }));
});

describe('reference: embedded directory, on disk', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'guichet-directory-ref-'));
  const database = openEmbeddedDatabase(dir);
  afterAll(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });
  referenceContract(() => openDirectory({ kind: 'embedded', database }));
});

describeWithMongo('reference: MongoDB directory', (connection) => {
  referenceContract(() => openDirectory({ kind: 'mongodb', connection: connection() }));
});
