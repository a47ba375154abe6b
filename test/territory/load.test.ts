import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COORDINATES_FILE, readCoordinates } from '../../knowledge/territory/coordinates';
import { loadTerritory, type TerritoryData } from '../../knowledge/territory/load';

/** sha256 given in shared/data/README.md for communes-coordinates.csv. */
const CSV_SHA256 = 'bd76c21a2bbb72e0e419bf9e6ff25c468b8e9a6aa17eadf560e54efdd32f8fd3';

let data: TerritoryData;
beforeAll(() => {
  data = loadTerritory();
});

describe('loading', () => {
  test('happens once per process', () => {
    expect(loadTerritory()).toBe(data);
  });

  test('counts match decoupage-administratif 6.0.0 and the coordinates README', () => {
    expect(data.stats.communes).toBe(34969);
    expect(data.stats.arrondissements).toBe(45);
    expect(data.communes.size).toBe(35014);
    expect(data.stats.withCoordinates).toBe(34972);
    expect(data.stats.withoutCoordinates).toHaveLength(42);
    expect(data.stats.withoutCoordinates.every((code) => /^9[789]/.test(code))).toBe(true);
    expect(data.stats.withoutCoordinates).toEqual(expect.arrayContaining(['97801', '98806', '98901', '98411']));
    expect(data.departements.size).toBe(109);
    expect(data.regions.size).toBe(26);
    expect(data.epcis.size).toBe(1255);
    expect(data.stats.loadMs).toBeGreaterThan(0);
  });

  test('every DROM commune and arrondissement has a point', () => {
    for (const c of data.communes.values()) {
      if (/^97[1-46]/.test(c.code) || c.kind === 'arrondissement') expect(c.center).toBeDefined();
    }
  });

  test('a commune carries INSEE code, postal codes, département, région, EPCI, population, point', () => {
    expect(data.communes.get('97209')).toEqual({
      code: '97209',
      name: 'Fort-de-France',
      kind: 'commune',
      postcodes: ['97200', '97234'],
      departement: '972',
      region: '02',
      epci: { code: '249720061', name: 'CA du Centre de la Martinique' },
      population: 75506,
      center: { lat: 14.64064, lng: -61.06902 },
    });
    expect(data.communes.get('75115')).toMatchObject({ kind: 'arrondissement', parent: '75056', epci: { code: '200054781' } });
    expect(data.communes.get('97801')?.center).toBeUndefined();
  });

  test('Martinique: 34 communes in three zones of 18, 4 and 12', () => {
    expect(data.departements.get('972')?.communes).toHaveLength(34);
    expect(data.zones.get('972-NORD')?.communes).toHaveLength(18);
    expect(data.zones.get('972-SUD')?.communes).toHaveLength(12);
    expect([...(data.zones.get('972-CENTRE')?.communes ?? [])].sort()).toEqual(['97209', '97213', '97224', '97229']);
    const all = [...data.zones.values()].flatMap((z) => z.communes);
    expect(new Set(all).size).toBe(34);
    expect(data.zones.get('972-CENTRE')?.source).toMatch(/DIECCTE/);
  });

  test('postal codes: an arrondissement replaces its city, shared codes list every commune', () => {
    expect(data.postcodes.get('75015')).toEqual(['75115']);
    expect(data.postcodes.get('97232')).toEqual(['97213']);
    expect([...(data.postcodes.get('97250') ?? [])].sort()).toEqual(['97208', '97219', '97225']);
  });

  test('former and delegated codes lead to the current commune', () => {
    expect(data.formerCodes.get('01340')).toBe('01015');
  });
});

describe('coordinates file', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'territory-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('is the shared file, byte for byte', () => {
    expect(createHash('sha256').update(readFileSync(COORDINATES_FILE)).digest('hex')).toBe(CSV_SHA256);
  });

  const write = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  test('reads a valid file', () => {
    const points = readCoordinates(write('ok.csv', 'insee,lat,lng\n97209,14.64064,-61.06902\n2A004,41.92,8.73\n'));
    expect(points.get('97209')).toEqual({ lat: 14.64064, lng: -61.06902 });
    expect(points.size).toBe(2);
  });

  test.each([
    ['a wrong header', 'code,lat,lng\n97209,14.6,-61.0\n', /header/],
    ['an empty cell', 'insee,lat,lng\n97209,,-61.0\n', /:2: invalid row/],
    ['text in a number', 'insee,lat,lng\n97209,14.6,-61.0\n97213,abc,-60.9\n', /:3: invalid row/],
    ['a bad code', 'insee,lat,lng\n9720,14.6,-61.0\n', /invalid row/],
    ['an extra column', 'insee,lat,lng\n97209,14.6,-61.0,1\n', /invalid row/],
    ['a latitude out of range', 'insee,lat,lng\n97209,95.0,-61.0\n', /out of range/],
    ['a duplicate code', 'insee,lat,lng\n97209,14.6,-61.0\n97209,14.6,-61.0\n', /duplicate/],
  ])('rejects %s', (_what, text, error) => {
    expect(() => readCoordinates(write('bad.csv', text))).toThrow(error);
  });
});
