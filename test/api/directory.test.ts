import { registerDirectoryRoutes } from '../../bot/api/directoryRoutes';
import { DIECCTE_MARTINIQUE_2016 } from '../../knowledge/directory/demo';
import { foldText } from '../../knowledge/text/fold';
import type { OpenedStore } from '../../stores/appStore';
import type { DirectoryRepository } from '../../stores/directory';
import { startApp, type RunningApp } from '../support/appServer';
import { demoDirectory } from '../support/demoDirectory';

let store: OpenedStore;
let directory: DirectoryRepository;
let running: RunningApp;

beforeAll(async () => {
  ({ store, directory } = await demoDirectory());
  running = await startApp({ apiRoutes: [(server) => registerDirectoryRoutes(server, directory)] });
});
afterAll(async () => {
  await running.close();
  await store.close();
});

const get = async (path: string) => {
  const res = await fetch(`${running.baseUrl}${path}`);
  return { status: res.status, body: (await res.json()) as Record<string, any> };
};

describe('GET /api/v1/places', () => {
  it('finds a commune from what people type', async () => {
    const { status, body } = await get('/api/v1/places?q=le%20lamentin');
    expect(status).toBe(200);
    expect(body.status).toBe('found');
    expect(body.places[0]).toMatchObject({ type: 'commune', code: '97213', label: 'Le Lamentin', departement: '972' });
  });

  it('lists namesakes when ambiguous', async () => {
    const { body } = await get('/api/v1/places?q=Sainte-Luce');
    expect(body.status).toBe('ambiguous');
    expect(body.places.map((p: { departement: string }) => p.departement)).toEqual(expect.arrayContaining(['38', '972']));
  });

  it.each([
    ['/api/v1/places', 'q'],
    ['/api/v1/places?q=', 'q'],
    [`/api/v1/places?q=${'a'.repeat(500)}`, 'q'],
    ['/api/v1/places?q=x&extra=1', undefined],
  ])('400 for %s', async (path, field) => {
    const { status, body } = await get(path);
    expect(status).toBe(400);
    expect(body.error.code).toBeDefined();
    if (field) expect(body.error.field).toBe(field);
  });
});

describe('GET /api/v1/structures', () => {
  it('finds ACI around Le Lamentin (postal code 97232), nearest first, with distances', async () => {
    const { status, body } = await get('/api/v1/structures?near=97232&kind=ACI&radiusKm=15');
    expect(status).toBe(200);
    // Postal code 97232 is Le Lamentin's (INSEE 97213), not Le Vauclin's INSEE code 97232.
    expect(body.place).toMatchObject({ code: '97213', label: 'Le Lamentin' });
    expect(body.mode).toBe('radius');
    expect(body.radiusKm).toBe(15);
    const expected = await directory.search({ center: body.place.center ?? { lat: 0, lng: 0 }, radiusKm: 15, kinds: ['ACI'], limit: 100, offset: 0 });
    expect(body.total).toBeGreaterThan(0);
    expect(body.items.every((i: { kind: string }) => i.kind === 'ACI')).toBe(true);
    const distances = body.items.map((i: { distanceKm: number }) => i.distanceKm);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    expect(distances.every((d: number) => d <= 15)).toBe(true);
    expect(body.total).toBe(expected.total);
  });

  it('searches inside an area (zone Sud) by name', async () => {
    const { body } = await get('/api/v1/structures?near=espace%20sud&kind=EI,AI,ACI,ETTI&limit=100');
    expect(body.mode).toBe('area');
    expect(body.total).toBe(11);
  });

  it('pages with a stable total and caps the limit', async () => {
    const first = await get('/api/v1/structures?near=972&limit=10&offset=0');
    const second = await get('/api/v1/structures?near=972&limit=10&offset=10');
    expect(first.body.total).toBe(second.body.total);
    expect(first.body.items.map((i: { id: string }) => i.id)).not.toEqual(second.body.items.map((i: { id: string }) => i.id));
    const capped = await get('/api/v1/structures?near=972&limit=5000');
    expect(capped.body.limit).toBe(100);
  });

  it('defaults to 5 km when only prescribers are asked', async () => {
    const { body } = await get('/api/v1/structures?near=fort-de-france&kind=FT,ML');
    expect(body.radiusKm).toBe(5);
  });

  it('treats hostile text as plain words: no operator, no regular expression', async () => {
    const everything = (await get('/api/v1/structures?near=972&limit=100')).body.items as Array<{ name: string; sectors: string[]; description?: string }>;
    for (const q of ['.*', '\\', '{"$gt":""}', '$where', '$ne', 'é'.repeat(100), "'; DROP TABLE", '[a-z]+']) {
      const { status, body } = await get(`/api/v1/structures?near=972&limit=100&q=${encodeURIComponent(q)}`);
      expect(status).toBe(200);
      // The reference: every folded word of q appears in the folded name, sectors or description.
      const words = foldText(q).split(' ').filter(Boolean);
      const expected = everything.filter((s) => {
        const haystack = foldText([s.name, ...s.sectors, s.description ?? ''].join(' '));
        return words.every((w) => haystack.includes(w));
      });
      expect([q, body.total]).toEqual([q, expected.length]);
    }
  });

  it.each([
    ['', 'near'],
    ['?near=', 'near'],
    ['?near=972&radiusKm=0', 'radiusKm'],
    ['?near=972&radiusKm=abc', 'radiusKm'],
    ['?near=972&radiusKm=500', 'radiusKm'],
    ['?near=972&kind=XYZ', 'kind'],
    ['?near=972&limit=0', 'limit'],
    ['?near=972&offset=-1', 'offset'],
    ['?near=972&offset=1.5', 'offset'],
    ['?near=zzzzqqq', 'near'],
    ['?near=Saint-Denis', 'near'],
  ])('400 for %s naming %s', async (query, field) => {
    const { status, body } = await get(`/api/v1/structures${query}`);
    expect(status).toBe(400);
    expect(body.error.field.split('.')[0]).toBe(field);
  });

  it('gives candidates when the place is ambiguous', async () => {
    const { body } = await get('/api/v1/structures?near=Saint-Denis');
    expect(body.error.code).toBe('ambiguous_place');
    expect(body.error.candidates.length).toBeGreaterThan(1);
  });
});

describe('GET /api/v1/stats', () => {
  it.each(DIECCTE_MARTINIQUE_2016.map((z) => [z.zone, z] as const))('zone %s equals the DIECCTE table', async (_name, zone) => {
    const { status, body } = await get(`/api/v1/stats?territory=${encodeURIComponent(zone.zone)}%20martinique`);
    expect(status).toBe(200);
    for (const [kind, cell] of Object.entries(zone.kinds)) {
      expect(body.byKind).toContainEqual({ kind, structures: cell!.structures, posts: cell!.posts });
    }
  });

  it('Martinique totals 1103 insertion posts', async () => {
    const { body } = await get('/api/v1/stats?territory=Martinique');
    expect(body.territory).toMatchObject({ type: 'departement', code: '972' });
    expect(body.total.posts).toBe(1103);
    const siae = body.byKind.filter((k: { kind: string }) => ['EI', 'AI', 'ACI', 'ETTI', 'EITI'].includes(k.kind));
    expect(siae.reduce((n: number, k: { structures: number }) => n + k.structures, 0)).toBe(61);
  });

  it.each(['?territory=', '?territory=14.6,-61.0', '?territory=qqqzzz', '?territory=972&x=1', '?kind=XYZ'])('400 for %s', async (query) => {
    const { status, body } = await get(`/api/v1/stats${query}`);
    expect(status).toBe(400);
    expect(body.error.code).toBeDefined();
  });
});
