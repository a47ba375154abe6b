import type { StructureInput } from '../../knowledge/directory/structure';
import { haversineKm } from '../../knowledge/territory/geometry';
import type { DirectoryRepository } from '../../stores/directory/directoryRepository';
import { InvalidDirectoryQueryError, InvalidStructureError } from '../../stores/directory/errors';
import { aStructure, destination } from '../support/structures';

/**
 * The DirectoryRepository contract every adapter runs (embedded in memory, on disk, MongoDB).
 * `fresh()` returns an empty directory for each test.
 */
export function directoryContract(fresh: () => Promise<DirectoryRepository>): void {
  let directory: DirectoryRepository;
  beforeEach(async () => {
    directory = await fresh();
  });

  const FDF = { lat: 14.60365, lng: -61.07418 };
  const ids = (items: Array<{ structure: { id: string } }>) => items.map((i) => i.structure.id);

  describe('upsertMany', () => {
    it('counts inserted, updated and unchanged records; an import run twice changes nothing', async () => {
      const a = aStructure({ id: 'test:a' });
      const b = aStructure({ id: 'test:b', name: 'Entreprise Bâtiment' });
      expect(await directory.upsertMany([a, b])).toEqual({ inserted: 2, updated: 0, unchanged: 0 });
      expect(await directory.upsertMany([a, b])).toEqual({ inserted: 0, updated: 0, unchanged: 2 });
      expect(await directory.upsertMany([{ ...a, insertionPosts: 13 }, b, aStructure({ id: 'test:c' })])).toEqual({ inserted: 1, updated: 1, unchanged: 1 });
      expect(await directory.count()).toBe(3);
      expect((await directory.get('test:a'))?.insertionPosts).toBe(13);
    });

    it('applies the schema defaults, so a record without them is unchanged when sent again', async () => {
      const { sectors, acceptsApplications, ...bare } = aStructure({ id: 'test:bare' });
      expect(sectors).toBeDefined();
      expect(acceptsApplications).toBe(true);
      const input: StructureInput = { ...bare, description: undefined };
      expect(await directory.upsertMany([input])).toEqual({ inserted: 1, updated: 0, unchanged: 0 });
      const stored = await directory.get('test:bare');
      expect(stored?.sectors).toEqual([]);
      expect(stored?.acceptsApplications).toBe(true);
      expect(stored && 'description' in stored).toBe(false);
      expect(await directory.upsertMany([input])).toEqual({ inserted: 0, updated: 0, unchanged: 1 });
      expect(await directory.upsertMany([stored!])).toEqual({ inserted: 0, updated: 0, unchanged: 1 });
    });

    it('counts a removed field as an update', async () => {
      await directory.upsertMany([aStructure({ id: 'test:a' })]);
      const { insertionPosts, ...without } = aStructure({ id: 'test:a' });
      expect(insertionPosts).toBe(12);
      expect(await directory.upsertMany([without])).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
      expect((await directory.get('test:a'))?.insertionPosts).toBeUndefined();
    });

    it('rejects an invalid record naming its id and the field, and writes nothing of the batch', async () => {
      const bad = aStructure({ id: 'test:bad', location: { lat: 123 } });
      const attempt = directory.upsertMany([aStructure({ id: 'test:ok' }), bad]);
      await expect(attempt).rejects.toThrow(InvalidStructureError);
      await expect(attempt).rejects.toMatchObject({ structureId: 'test:bad', field: 'location.lat', index: 1, code: 'INVALID_STRUCTURE' });
      await expect(attempt).rejects.toThrow(/test:bad.*location\.lat/);
      expect(await directory.count()).toBe(0);
    });

    it.each([
      ['an unknown kind', { kind: 'XYZ' }, 'kind'],
      ['an unknown field', { extra: 1 }, ''],
      ['a bad id', { id: 'no colon' }, 'id'],
      ['a nested operator', { territory: { $gt: '' } }, 'territory'],
      ['a field name with a dollar', { name: { $where: 'sleep(1)' } }, 'name'],
    ])('rejects %s', async (_label, patch, field) => {
      const record = { ...aStructure({ id: 'test:x' }), ...patch } as unknown as StructureInput;
      await expect(directory.upsertMany([record])).rejects.toMatchObject({ name: 'InvalidStructureError', field: expect.stringMatching(new RegExp(field ? `^${field}` : "^$")) });
      expect(await directory.count()).toBe(0);
    });

    it('rejects the same id twice in one batch', async () => {
      await expect(directory.upsertMany([aStructure({ id: 'test:a' }), aStructure({ id: 'test:a', name: 'Autre' })])).rejects.toMatchObject({
        name: 'InvalidStructureError',
        field: 'id',
        structureId: 'test:a',
      });
    });

    it('accepts an empty batch', async () => {
      expect(await directory.upsertMany([])).toEqual({ inserted: 0, updated: 0, unchanged: 0 });
    });

    it('handles a batch larger than one internal chunk', async () => {
      const many = Array.from({ length: 2500 }, (_, i) => aStructure({ id: `test:m${i}`, name: `Structure ${i}` }));
      expect(await directory.upsertMany(many)).toEqual({ inserted: 2500, updated: 0, unchanged: 0 });
      expect(await directory.upsertMany(many)).toEqual({ inserted: 0, updated: 0, unchanged: 2500 });
      expect(await directory.count()).toBe(2500);
    });
  });

  describe('get, count, removeByIds', () => {
    it('gets a record by id, undefined when unknown, and never matches an operator-like id', async () => {
      await directory.upsertMany([aStructure({ id: 'test:a' })]);
      expect((await directory.get('test:a'))?.name).toBe('Atelier Bâtiment Fort-de-France');
      expect(await directory.get('test:zzz')).toBeUndefined();
      expect(await directory.get('{"$gt":""}')).toBeUndefined();
      await expect(directory.get({ $gt: '' } as unknown as string)).rejects.toThrow(InvalidDirectoryQueryError);
    });

    it('removes by ids, ignoring unknown ones, and says how many went', async () => {
      await directory.upsertMany([aStructure({ id: 'test:a' }), aStructure({ id: 'test:b' }), aStructure({ id: 'test:c' })]);
      expect(await directory.removeByIds(['test:a', 'test:c', 'test:nope', 'test:a'])).toBe(2);
      expect(await directory.count()).toBe(1);
      expect(await directory.removeByIds([])).toBe(0);
      await expect(directory.removeByIds([{ $ne: null }] as unknown as string[])).rejects.toThrow(InvalidDirectoryQueryError);
      expect(await directory.count()).toBe(1);
    });
  });

  describe('copies', () => {
    it('keeps what was stored whatever the caller does to the values it passed or received', async () => {
      const input = aStructure({ id: 'test:a' });
      await directory.upsertMany([input]);
      input.name = 'changed after upsert';
      input.sectors.push('changed');
      input.location.lat = 0;

      const read = await directory.get('test:a');
      expect(read?.name).toBe('Atelier Bâtiment Fort-de-France');
      read!.sectors.push('mutated');
      read!.territory.departement = '971';
      const found = await directory.search({ center: FDF, radiusKm: 1, limit: 10, offset: 0 });
      found.items[0].structure.address.communeName = 'mutated';
      const area = await directory.inArea({ departement: '972', limit: 10, offset: 0 });
      area.items[0].structure.kind = 'EI';

      const again = await directory.get('test:a');
      expect(again).toEqual(aStructure({ id: 'test:a' }));
      expect(again).not.toBe(read);
    });
  });

  describe('search around a point', () => {
    it('includes a structure exactly at the radius and leaves out one just beyond', async () => {
      const edge = destination(FDF, 10, 37);
      const beyond = destination(FDF, 10.01, 200);
      await directory.upsertMany([
        aStructure({ id: 'test:center', location: FDF }),
        aStructure({ id: 'test:edge', location: edge }),
        aStructure({ id: 'test:beyond', location: beyond }),
      ]);
      const exact = haversineKm(FDF, { lat: edge.lat, lng: edge.lng });
      const found = await directory.search({ center: FDF, radiusKm: exact, limit: 10, offset: 0 });
      expect(ids(found.items)).toEqual(['test:center', 'test:edge']);
      expect(found.total).toBe(2);
      expect(found.items[0].distanceKm).toBe(0);
      expect(found.items[1].distanceKm).toBe(exact);
      const tighter = await directory.search({ center: FDF, radiusKm: exact - 1e-6, limit: 10, offset: 0 });
      expect(ids(tighter.items)).toEqual(['test:center']);
      const wider = await directory.search({ center: FDF, radiusKm: 10.02, limit: 10, offset: 0 });
      expect(ids(wider.items)).toEqual(['test:center', 'test:edge', 'test:beyond']);
    });

    it('finds points exactly at the radius due north, south, east and west (the box is not too tight)', async () => {
      const center = { lat: 45.75, lng: 4.85 };
      const points = [0, 90, 180, 270].map((bearing) => destination(center, 50, bearing));
      await directory.upsertMany(points.map((p, i) => aStructure({ id: `test:p${i}`, location: p })));
      const radius = Math.max(...points.map((p) => haversineKm(center, p)));
      expect((await directory.search({ center, radiusKm: radius, limit: 10, offset: 0 })).total).toBe(4);
    });

    it('radius 0 finds only what is at the very point', async () => {
      await directory.upsertMany([aStructure({ id: 'test:here', location: FDF }), aStructure({ id: 'test:near', location: destination(FDF, 0.05, 10) })]);
      expect(ids((await directory.search({ center: FDF, radiusKm: 0, limit: 10, offset: 0 })).items)).toEqual(['test:here']);
    });

    it('filters by kind', async () => {
      await directory.upsertMany([
        aStructure({ id: 'test:aci', kind: 'ACI' }),
        aStructure({ id: 'test:ei', kind: 'EI', location: destination(FDF, 1, 0) }),
        aStructure({ id: 'test:ml', kind: 'ML', location: destination(FDF, 2, 0) }),
      ]);
      const q = { center: FDF, radiusKm: 5, limit: 10, offset: 0 };
      expect(ids((await directory.search({ ...q, kinds: ['EI', 'ML'] })).items)).toEqual(['test:ei', 'test:ml']);
      expect(ids((await directory.search({ ...q, kinds: ['ACI', 'ACI'] })).items)).toEqual(['test:aci']);
      expect((await directory.search({ ...q, kinds: ['GEIQ'] })).total).toBe(0);
      expect((await directory.search({ ...q, kinds: [] })).total).toBe(3);
      await expect(directory.search({ ...q, kinds: ['XYZ' as 'EI'] })).rejects.toThrow(InvalidDirectoryQueryError);
      await expect(directory.search({ ...q, kinds: [{ $ne: null }] as unknown as ['EI'] })).rejects.toThrow(InvalidDirectoryQueryError);
    });

    it('sorts by distance, then name (accents and case folded), then id', async () => {
      const same = destination(FDF, 1, 90);
      await directory.upsertMany([
        aStructure({ id: 'test:far', name: 'Aaa', location: destination(FDF, 3, 90) }),
        aStructure({ id: 'test:z2', name: 'Zèbre', location: same }),
        aStructure({ id: 'test:e', name: 'école', location: same }),
        aStructure({ id: 'test:z1', name: 'Zèbre', location: same }),
        aStructure({ id: 'test:f', name: 'Éole', location: same }),
      ]);
      const found = await directory.search({ center: FDF, radiusKm: 5, limit: 10, offset: 0 });
      expect(ids(found.items)).toEqual(['test:e', 'test:f', 'test:z1', 'test:z2', 'test:far']);
    });

    it('pages with offset and limit in a stable order, total counting every match', async () => {
      await directory.upsertMany(
        Array.from({ length: 23 }, (_, i) => aStructure({ id: `test:p${String(i).padStart(2, '0')}`, name: `Structure ${i % 5}`, location: destination(FDF, (i % 7) * 0.5, i * 15) })),
      );
      const all = await directory.search({ center: FDF, radiusKm: 10, limit: 100, offset: 0 });
      expect(all.total).toBe(23);
      const pages: string[] = [];
      for (let offset = 0; offset < 30; offset += 5) {
        const page = await directory.search({ center: FDF, radiusKm: 10, limit: 5, offset });
        expect(page.total).toBe(23);
        pages.push(...ids(page.items));
      }
      expect(pages).toEqual(ids(all.items));
      const distances = all.items.map((i) => i.distanceKm);
      expect([...distances].sort((a, b) => a - b)).toEqual(distances);
      const none = await directory.search({ center: FDF, radiusKm: 10, limit: 0, offset: 0 });
      expect(none).toEqual({ total: 23, items: [] });
      const past = await directory.search({ center: FDF, radiusKm: 10, limit: 5, offset: 500 });
      expect(past).toEqual({ total: 23, items: [] });
    });

    it('refuses queries that do not fit the types, naming the field', async () => {
      const q = { center: FDF, radiusKm: 5, limit: 10, offset: 0 };
      for (const [bad, field] of [
        [{ ...q, radiusKm: -1 }, 'radiusKm'],
        [{ ...q, radiusKm: Number.NaN }, 'radiusKm'],
        [{ ...q, center: { lat: 91, lng: 0 } }, 'center.lat'],
        [{ ...q, center: { lat: { $gt: 0 }, lng: 0 } }, 'center.lat'],
        [{ ...q, limit: 1.5 }, 'limit'],
        [{ ...q, limit: 100000 }, 'limit'],
        [{ ...q, offset: -1 }, 'offset'],
        [{ ...q, text: { $regex: '.*' } }, 'text'],
        [{ ...q, $where: 'true' }, ''],
      ] as const) {
        await expect(directory.search(bad as never)).rejects.toMatchObject({ name: 'InvalidDirectoryQueryError', field });
      }
    });
  });

  describe('free text', () => {
    beforeEach(async () => {
      await directory.upsertMany([
        aStructure({ id: 'test:bat', name: 'Atelier Bâtiment', sectors: ['Second œuvre'], description: 'Rénovation de logements.' }),
        aStructure({ id: 'test:vert', name: 'Jardins du Lamentin', sectors: ['Espaces verts', 'Maraîchage'], description: undefined }),
        aStructure({ id: 'test:resto', name: 'Restaurant solidaire', sectors: [], description: 'Cuisine et service en salle. Accès : $where .* {"$gt":""} \\ 🌴' }),
      ]);
    });
    const q = { center: FDF, radiusKm: 5, limit: 10, offset: 0 };
    const found = async (text: string) => ids((await directory.search({ ...q, text })).items).sort();
    const inArea = async (text: string) => ids((await directory.inArea({ departement: '972', text, limit: 10, offset: 0 })).items).sort();

    it.each([
      ['batiment', ['test:bat']],
      ['BÂTIMENT', ['test:bat']],
      ['  bâti  ', ['test:bat']],
      ['maraichage', ['test:vert']],
      ['oeuvre', ['test:bat']],
      ['Œuvre', ['test:bat']],
      ['renovation logements', ['test:bat']],
      ['logements rénovation', ['test:bat']],
      ['renovation jardins', []],
      ['espaces verts lamentin', ['test:vert']],
      ['', ['test:bat', 'test:resto', 'test:vert']],
      ['   ', ['test:bat', 'test:resto', 'test:vert']],
    ])('"%s" finds %j (search and inArea)', async (text, expected) => {
      expect(await found(text)).toEqual(expected);
      expect(await inArea(text)).toEqual(expected);
    });

    it.each([
      ['.*', ['test:bat', 'test:resto', 'test:vert']],
      ['$where', ['test:resto']],
      ['{"$gt":""}', ['test:resto']],
      ['\\', ['test:bat', 'test:resto', 'test:vert']],
      ['^a(b', ['test:bat']],
      ['^zz(q\\', []],
      ['[', ['test:bat', 'test:resto', 'test:vert']],
      ['🌴', ['test:bat', 'test:resto', 'test:vert']],
      ['𝕏 ⓐ 中文', []],
      ['x'.repeat(100_000), []],
      ['bâtiment '.repeat(5_000), ['test:bat']],
      ['\u0000', ['test:bat', 'test:resto', 'test:vert']],
      ['constructor __proto__', []],
    ])('hostile text %j is data: %j, nothing thrown', async (text, expected) => {
      expect(await found(text)).toEqual(expected);
      expect(await inArea(text)).toEqual(expected);
    });
  });

  describe('across the antimeridian and near the poles', () => {
    it('finds structures on both sides of 180° (Wallis-et-Futuna, Fiji side)', async () => {
      const pacific = { departement: '986', region: '01', communeInsee: '98611', epci: undefined };
      await directory.upsertMany([
        aStructure({ id: 'test:east', location: { lat: -14.3, lng: 179.95 }, territory: pacific }),
        aStructure({ id: 'test:west', location: { lat: -14.3, lng: -179.95 }, territory: pacific }),
        aStructure({ id: 'test:minus180', location: { lat: -14.3, lng: -180 }, territory: pacific }),
        aStructure({ id: 'test:plus180', location: { lat: -14.3, lng: 180 }, territory: pacific }),
        aStructure({ id: 'test:alo', location: { lat: -14.31096, lng: -178.11094 }, territory: pacific }),
      ]);
      const east = await directory.search({ center: { lat: -14.3, lng: 179.99 }, radiusKm: 15, limit: 10, offset: 0 });
      expect(ids(east.items).sort()).toEqual(['test:east', 'test:minus180', 'test:plus180', 'test:west']);
      const west = await directory.search({ center: { lat: -14.3, lng: -179.99 }, radiusKm: 15, limit: 10, offset: 0 });
      expect(ids(west.items).sort()).toEqual(['test:east', 'test:minus180', 'test:plus180', 'test:west']);
      const onLine = await directory.search({ center: { lat: -14.3, lng: 180 }, radiusKm: 250, limit: 10, offset: 0 });
      expect(onLine.total).toBe(5);
      const alo = await directory.search({ center: { lat: -14.31096, lng: -178.11094 }, radiusKm: 150, limit: 10, offset: 0 });
      expect(ids(alo.items)[0]).toBe('test:alo');
      expect(alo.total).toBe(1);
    });

    it('finds structures across a pole, whatever their longitude', async () => {
      await directory.upsertMany([
        aStructure({ id: 'test:n0', location: { lat: 89.95, lng: 0 } }),
        aStructure({ id: 'test:n180', location: { lat: 89.95, lng: 180 } }),
        aStructure({ id: 'test:npole', location: { lat: 90, lng: -45 } }),
        aStructure({ id: 'test:s', location: { lat: -89.99, lng: 100 } }),
        aStructure({ id: 'test:far', location: { lat: 89, lng: 0 } }),
      ]);
      const north = await directory.search({ center: { lat: 89.95, lng: 90 }, radiusKm: 15, limit: 10, offset: 0 });
      expect(ids(north.items).sort()).toEqual(['test:n0', 'test:n180', 'test:npole']);
      const south = await directory.search({ center: { lat: -90, lng: 0 }, radiusKm: 5, limit: 10, offset: 0 });
      expect(ids(south.items)).toEqual(['test:s']);
      const world = await directory.search({ center: { lat: 0, lng: 0 }, radiusKm: 20_100, limit: 10, offset: 0 });
      expect(world.total).toBe(5);
    });
  });

  describe('inArea', () => {
    beforeEach(async () => {
      await directory.upsertMany([
        aStructure({ id: 'test:fdf', name: 'Zénith insertion', territory: { communeInsee: '97209' } }),
        aStructure({ id: 'test:lam', name: 'atelier du Lamentin', kind: 'EI', territory: { communeInsee: '97213' } }),
        aStructure({ id: 'test:luce', name: 'Entreprise Sainte-Luce', kind: 'EI', territory: { communeInsee: '97227', epci: '249720053' } }),
        aStructure({ id: 'test:gp', name: 'Atelier Pointe-à-Pitre', territory: { communeInsee: '97120', departement: '971', region: '01', epci: undefined } }),
        aStructure({ id: 'test:paris', name: 'Bâtir Paris', kind: 'ETTI', territory: { communeInsee: '75056', departement: '75', region: '11', epci: undefined } }),
      ]);
    });
    const page = { limit: 10, offset: 0 };

    it('by communes, département and région, sorted by name (accents and case folded)', async () => {
      expect(ids((await directory.inArea({ communes: ['97209', '97213'], ...page })).items)).toEqual(['test:lam', 'test:fdf']);
      expect(ids((await directory.inArea({ departement: '972', ...page })).items)).toEqual(['test:lam', 'test:luce', 'test:fdf']);
      expect(ids((await directory.inArea({ region: '01', ...page })).items)).toEqual(['test:gp']);
      expect(ids((await directory.inArea({ ...page })).items)).toEqual(['test:lam', 'test:gp', 'test:paris', 'test:luce', 'test:fdf']);
      expect((await directory.inArea({ communes: [], ...page })).total).toBe(0);
    });

    it('combines the area with kinds and text, and pages', async () => {
      expect(ids((await directory.inArea({ departement: '972', kinds: ['EI'], ...page })).items)).toEqual(['test:lam', 'test:luce']);
      expect(ids((await directory.inArea({ departement: '972', kinds: ['EI'], text: 'sainte', ...page })).items)).toEqual(['test:luce']);
      expect(ids((await directory.inArea({ departement: '972', region: '11', ...page })).items)).toEqual([]);
      const first = await directory.inArea({ limit: 2, offset: 0 });
      const second = await directory.inArea({ limit: 2, offset: 2 });
      const third = await directory.inArea({ limit: 2, offset: 4 });
      expect([first.total, second.total, third.total]).toEqual([5, 5, 5]);
      expect([...ids(first.items), ...ids(second.items), ...ids(third.items)]).toEqual(['test:lam', 'test:gp', 'test:paris', 'test:luce', 'test:fdf']);
    });

    it('refuses codes that are not codes', async () => {
      await expect(directory.inArea({ departement: { $ne: '' } as unknown as string, ...page })).rejects.toMatchObject({ field: 'departement' });
      await expect(directory.inArea({ communes: ['.*'], ...page })).rejects.toMatchObject({ field: 'communes.0' });
      await expect(directory.inArea({ region: '1; drop', ...page })).rejects.toThrow(InvalidDirectoryQueryError);
    });
  });

  describe('statsByKind', () => {
    beforeEach(async () => {
      await directory.upsertMany([
        aStructure({ id: 'test:1', kind: 'ACI', insertionPosts: 10, territory: { communeInsee: '97209' } }),
        aStructure({ id: 'test:2', kind: 'ACI', insertionPosts: 5, territory: { communeInsee: '97213' } }),
        aStructure({ id: 'test:3', kind: 'EI', insertionPosts: 7, territory: { communeInsee: '97213' } }),
        aStructure({ id: 'test:4', kind: 'ML', insertionPosts: undefined, territory: { communeInsee: '97209' } }),
        aStructure({ id: 'test:5', kind: 'AI', insertionPosts: 0, territory: { communeInsee: '97120', departement: '971', region: '01' } }),
        aStructure({ id: 'test:6', kind: 'EI', insertionPosts: 30, territory: { communeInsee: '75056', departement: '75', region: '11' } }),
      ]);
    });

    it('for a list of communes', async () => {
      expect(await directory.statsByKind({ communes: ['97213'] })).toEqual([
        { kind: 'EI', structures: 1, posts: 7 },
        { kind: 'ACI', structures: 1, posts: 5 },
      ]);
      expect(await directory.statsByKind({ communes: [] })).toEqual([]);
    });

    it('for a département, a région and everything (kinds in catalogue order, posts summed, none missing)', async () => {
      const martinique = [
        { kind: 'EI', structures: 1, posts: 7 },
        { kind: 'ACI', structures: 2, posts: 15 },
        { kind: 'ML', structures: 1, posts: 0 },
      ];
      expect(await directory.statsByKind({ departement: '972' })).toEqual(martinique);
      expect(await directory.statsByKind({ region: '02' })).toEqual(martinique);
      expect(await directory.statsByKind({ all: true })).toEqual([
        { kind: 'EI', structures: 2, posts: 37 },
        { kind: 'AI', structures: 1, posts: 0 },
        { kind: 'ACI', structures: 2, posts: 15 },
        { kind: 'ML', structures: 1, posts: 0 },
      ]);
      expect(await directory.statsByKind({ departement: '976' })).toEqual([]);
    });

    it('refuses an area that is not one', async () => {
      await expect(directory.statsByKind({ departement: { $gt: '' } } as unknown as { departement: string })).rejects.toThrow(InvalidDirectoryQueryError);
      await expect(directory.statsByKind({ all: false } as unknown as { all: true })).rejects.toThrow(InvalidDirectoryQueryError);
    });
  });
}
