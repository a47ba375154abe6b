import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildTerritory } from '../../knowledge/territory/load';
import { packTerritorySources, readTerritorySources, shippedTerritorySources, unpackTerritorySources, type PackedTerritorySources } from '../../knowledge/territory/sources';
import { buildNameIndex, packNameIndex, shippedNameIndex, unpackNameIndex, type PackedNameIndex } from '../../knowledge/territory/name-index';
import { writePackedNameIndex, writePackedTerritorySources } from '../../scripts/packTerritory';

/**
 * The build packs the territory sources once (scripts/packTerritory.ts writes
 * dist/knowledge/territory/territory-sources.json) and the bot loads the territory from that file:
 * it must be exactly a fresh packing of the sources, and give exactly the territory the sources give.
 */

jest.setTimeout(120_000);

test('the build step writes exactly a fresh packing, and the territory loaded from it equals the one loaded from the sources', () => {
  const dir = mkdtempSync(join(tmpdir(), 'territory-'));
  try {
    const file = join(dir, 'territory-sources.json');
    writePackedTerritorySources(file);
    const shipped = readFileSync(file, 'utf8');
    const sources = readTerritorySources();
    expect(shipped).toBe(JSON.stringify(packTerritorySources(sources)));

    const fromFile = buildTerritory(() => shippedTerritorySources(file));
    const fromSources = buildTerritory(() => sources);
    const withoutTimes = (t: typeof fromFile) => ({ ...t, stats: { ...t.stats, loadMs: 0 } });
    expect(withoutTimes(fromFile)).toEqual(withoutTimes(fromSources));
    // Same keys in the same order too (Maps are compared by content above).
    expect([...fromFile.communes.keys()]).toEqual([...fromSources.communes.keys()]);
    expect(JSON.stringify([...fromFile.communes.values()])).toBe(JSON.stringify([...fromSources.communes.values()]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('packing keeps every field the loading reads, absent ones stay absent, a population of 0 stays 0', () => {
  const sources = readTerritorySources();
  const round = unpackTerritorySources(JSON.parse(JSON.stringify(packTerritorySources(sources))) as PackedTerritorySources);
  expect(round.points).toEqual(sources.points);
  expect(round.communes).toEqual(sources.communes.map(({ code, nom, type, departement, region, codesPostaux, population, commune, chefLieu, anciensCodes }) =>
    JSON.parse(JSON.stringify({ code, nom, type, departement, region, codesPostaux, population, commune, chefLieu, anciensCodes })),
  ));
  expect(round.epcis).toEqual(sources.epcis.map((e) => ({ code: e.code, nom: e.nom, type: e.type, populationTotale: e.populationTotale, membres: e.membres.map((m) => ({ code: m.code })) })));
  const zero = unpackTerritorySources(packTerritorySources({ ...sources, communes: [{ code: '00001', nom: 'Test', type: 'commune-actuelle', departement: '01', region: '84', population: 0 }] }));
  expect(zero.communes).toEqual([{ code: '00001', nom: 'Test', type: 'commune-actuelle', departement: '01', region: '84', population: 0 }]);
});

test('the build step writes exactly a fresh packing of the name tables, and they load as the tables built now', () => {
  const dir = mkdtempSync(join(tmpdir(), 'territory-'));
  try {
    const file = join(dir, 'name-index.json');
    writePackedNameIndex(file);
    const built = buildNameIndex(buildTerritory(() => readTerritorySources()));
    expect(readFileSync(file, 'utf8')).toBe(JSON.stringify(packNameIndex(built)));
    const loaded = shippedNameIndex(buildTerritory(() => readTerritorySources()), file);
    expect(loaded.byName).toEqual(built.byName);
    expect(loaded.byCompact).toEqual(built.byCompact);
    // Same names in the same order (the fuzzy index numbers them in this order).
    expect([...loaded.byName.keys()]).toEqual([...built.byName.keys()]);
    expect([...loaded.byCompact.keys()]).toEqual([...built.byCompact.keys()]);
    expect(built.byName.size).toBeGreaterThan(30_000);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('packed name tables of another format are refused', () => {
  expect(() => unpackNameIndex({ format: 0 } as unknown as PackedNameIndex)).toThrow(/format/);
});

test('packed sources of another format are refused', () => {
  expect(() => unpackTerritorySources({ format: 0 } as unknown as PackedTerritorySources)).toThrow(/format/);
});
