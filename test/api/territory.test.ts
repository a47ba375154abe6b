import type { Server } from 'restify';
import { registerDirectoryRoutes } from '../../bot/api/directoryRoutes';
import { registerUnderstandRoutes } from '../../bot/api/understandRoutes';
import { DIECCTE_MARTINIQUE_2016, DIECCTE_TOTALS } from '../../knowledge/directory/demo';
import { SIAE_KINDS } from '../../knowledge/directory/kinds';
import { loadTerritory } from '../../knowledge/territory';
import { understand, warmUnderstanding } from '../../knowledge/understanding/understand';
import type { OpenedStore } from '../../stores/appStore';
import { postJson, startApp, type RunningApp } from '../support/appServer';
import { demoDirectory } from '../support/demoDirectory';

/**
 * Issue 13 through HTTP: a guichet serving Martinique (TERRITORY=972) and one serving the whole
 * country, on the demo directory.
 */
let store: OpenedStore;
let martinique: RunningApp;
let national: RunningApp;

beforeAll(async () => {
  warmUnderstanding();
  const demo = await demoDirectory();
  store = demo.store;
  martinique = await startApp({
    apiRoutes: [(s: Server) => registerDirectoryRoutes(s, demo.directory, { territory: '972' }), (s: Server) => registerUnderstandRoutes(s, understand, { territory: '972' })],
  });
  national = await startApp({
    apiRoutes: [(s: Server) => registerDirectoryRoutes(s, demo.directory), (s: Server) => registerUnderstandRoutes(s, understand)],
  });
});
afterAll(async () => {
  await martinique.close();
  await national.close();
  await store.close();
});

const get = async (app: RunningApp, path: string) => {
  const res = await fetch(`${app.baseUrl}${path}`);
  return { status: res.status, body: (await res.json()) as Record<string, any> };
};
const q = encodeURIComponent;

describe('GET /api/v1/stats: SIAE, as the DIECCTE table counts them', () => {
  it('defaults to the served territory: Martinique, 61 SIAE and 1103 posts', async () => {
    const { status, body } = await get(martinique, '/api/v1/stats');
    expect(status).toBe(200);
    expect(body.territory).toMatchObject({ type: 'departement', code: '972', ref: 'departement:972' });
    expect(body.counted).toBe('siae');
    expect(body.total).toEqual(DIECCTE_TOTALS);
    expect(body.byKind.every((k: { kind: string }) => (SIAE_KINDS as readonly string[]).includes(k.kind))).toBe(true);
    expect(body.partners.length).toBeGreaterThan(0);
    expect(body.partners.map((k: { kind: string }) => k.kind)).toEqual(expect.arrayContaining(['FT', 'ML']));
  });

  it.each(DIECCTE_MARTINIQUE_2016.map((z) => [z.zone, z] as const))('%s equals the DIECCTE table, by its name, zone code and EPCI SIREN', async (_name, zone) => {
    const structures = Object.values(zone.kinds).reduce((n, c) => n + c!.structures, 0);
    const posts = Object.values(zone.kinds).reduce((n, c) => n + c!.posts, 0);
    const byKind = Object.entries(zone.kinds).map(([kind, cell]) => ({ kind, ...cell }));
    for (const territory of [zone.zone, zone.code, zone.epci]) {
      const { status, body } = await get(martinique, `/api/v1/stats?territory=${q(territory)}`);
      expect([territory, status]).toEqual([territory, 200]);
      expect(body.total).toEqual({ structures, posts });
      expect(body.byKind).toHaveLength(byKind.length);
      expect(body.byKind).toEqual(expect.arrayContaining(byKind));
    }
  });

  it('the issue figures: Nord 21 / 245, Centre 29 / 737, Sud 11 / 121', async () => {
    const totals = await Promise.all(['972-NORD', '972-CENTRE', '972-SUD'].map(async (code) => (await get(national, `/api/v1/stats?territory=${code}`)).body.total));
    expect(totals).toEqual([
      { structures: 21, posts: 245 },
      { structures: 29, posts: 737 },
      { structures: 11, posts: 121 },
    ]);
  });

  it('counts other kinds when asked, and lists the SIAE apart then', async () => {
    const { body } = await get(martinique, '/api/v1/stats?kind=FT,ML');
    expect(body.counted).toBe('kinds');
    expect(body.byKind.map((k: { kind: string }) => k.kind).sort()).toEqual(['FT', 'ML']);
    expect(body.partners.map((k: { kind: string }) => k.kind)).not.toContain('FT');
  });

  it('a national desk counts the whole country, and so does territory=FR', async () => {
    for (const [app, path] of [
      [national, '/api/v1/stats'],
      [martinique, '/api/v1/stats?territory=FR'],
    ] as const) {
      const { body } = await get(app, path);
      expect(body.territory).toMatchObject({ type: 'country', code: 'FR' });
      expect(body.total).toEqual(DIECCTE_TOTALS);
    }
  });
});

describe('namesakes: the served territory wins, overridable per call', () => {
  it.each([
    ['sainte marie', '97228'],
    ['Sainte-Anne', '97226'],
    ['st joseph', '97224'],
  ])('places?q=%s on the Martinique desk is found in Martinique', async (name, code) => {
    const { body } = await get(martinique, `/api/v1/places?q=${q(name)}`);
    expect(body.status).toBe('found');
    expect(body.places[0]).toMatchObject({ code, insideTerritory: true });
    expect(body.territory).toMatchObject({ code: '972' });
  });

  it('the same names are a choice on a national desk, and on a call for territory=FR', async () => {
    expect((await get(national, `/api/v1/places?q=${q('sainte marie')}`)).body.status).toBe('ambiguous');
    expect((await get(martinique, `/api/v1/places?q=${q('sainte marie')}&territory=FR`)).body).toMatchObject({ status: 'ambiguous', territory: null });
  });

  it('a call may serve another territory', async () => {
    const { body } = await get(martinique, `/api/v1/places?q=${q('sainte marie')}&territory=974`);
    expect(body.places[0]).toMatchObject({ code: '97418', insideTerritory: true });
  });

  it('« le sud » is the Martinique zone, not the CA du Sud of La Réunion', async () => {
    const { body } = await get(martinique, `/api/v1/structures?near=${q('le sud')}&limit=1`);
    expect(body.place).toMatchObject({ type: 'zone', code: '972-SUD' });
  });

  it('a search outside the territory says so', async () => {
    const inside = await get(martinique, `/api/v1/structures?near=${q('Sainte-Anne')}`);
    expect(inside.body).toMatchObject({ place: { code: '97226' }, insideTerritory: true });
    const outside = await get(martinique, `/api/v1/structures?near=${q('Sainte-Anne en Guadeloupe')}`);
    expect(outside.body).toMatchObject({ place: { code: '97128' }, insideTerritory: false, territory: { code: '972' } });
  });

  it.each([
    ['ETTI Lamentin', '97213', ['ETTI']],
    ['aci ste marie 15km', '97228', ['ACI']],
    ['EI à Sainte-Anne', '97226', ['EI']],
  ])('understand « %s » gives one place in Martinique', async (text, code, kinds) => {
    const res = await postJson(`${martinique.baseUrl}/api/v1/understand`, { text });
    const body = (await res.json()) as Record<string, any>;
    expect(body.slots.place).toMatchObject({ code });
    expect(body.slots.kinds).toEqual(kinds);
  });

  it.each([
    ['combien de structures dans le Nord ?', 'zone', '972-NORD'],
    ['chiffres du sud', 'zone', '972-SUD'],
    ['une aci dans le centre', 'zone', '972-CENTRE'],
  ])('understand « %s » reads the zone of Martinique', async (text, type, code) => {
    const res = await postJson(`${martinique.baseUrl}/api/v1/understand`, { text });
    expect(((await res.json()) as Record<string, any>).slots.place).toMatchObject({ type, code });
  });

  it('understand takes a territory per call, and refuses an unknown one', async () => {
    const res = await postJson(`${martinique.baseUrl}/api/v1/understand`, { text: 'EI à Sainte-Anne', territory: '971' });
    expect(((await res.json()) as Record<string, any>).slots.place).toMatchObject({ code: '97128' });
    const bad = await postJson(`${martinique.baseUrl}/api/v1/understand`, { text: 'EI à Sainte-Anne', territory: 'Atlantis' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Record<string, any>).error.field).toBe('territory');
  });
});

describe('every code the API returns is accepted back (round trip)', () => {
  /** One place of each type, as a client would first find it. */
  const samples: Array<[string, string]> = [
    ['commune', 'Le Lamentin'],
    ['commune (INSEE code no postal code has)', 'Fort-de-France'],
    ['commune (INSEE code shared with a postal code)', 'Aix-en-Provence'],
    ['arrondissement', 'Marseille 1er'],
    ['postcode', '01090'],
    ['departement', 'Martinique'],
    ['region', 'region:02'],
    ['epci', 'CA du Pays Nord Martinique'],
    ['zone', 'Martinique Sud'],
    ['country', 'France'],
    ['coords', '14.6,-61.07'],
  ];

  it.each(samples)('%s (%s): its ref and its code through places, structures and stats', async (_type, typed) => {
    const first = await get(national, `/api/v1/places?q=${q(typed)}`);
    expect([typed, first.body.status]).toEqual([typed, 'found']);
    const place = first.body.places[0] as { type: string; code: string; ref: string };
    expect(place.ref).toBe(`${place.type}:${place.code}`);
    // The ref always; the bare code too, unless another place has it: an INSEE code that is also
    // another commune's postal code (read as the postal code), a région number (read as a département).
    const postcode = loadTerritory().postcodes.get(place.code);
    const shared = place.type === 'region' || (['commune', 'arrondissement'].includes(place.type) && postcode !== undefined && postcode.join() !== place.code);
    for (const sent of shared ? [place.ref] : [place.ref, place.code]) {
      const same = (p: { type: string; code: string }) => expect([sent, `${p.type}:${p.code}`]).toEqual([sent, place.ref]);
      for (const app of [national, martinique]) {
        const places = await get(app, `/api/v1/places?q=${q(sent)}`);
        expect([sent, places.body.status]).toEqual([sent, 'found']);
        same(places.body.places[0]);
        const structures = await get(app, `/api/v1/structures?near=${q(sent)}&limit=1`);
        expect([sent, structures.status]).toEqual([sent, 200]);
        same(structures.body.place);
      }
      if (place.type === 'coords') continue;
      const stats = await get(martinique, `/api/v1/stats?territory=${q(sent)}`);
      expect([sent, stats.status]).toEqual([sent, 200]);
      same(stats.body.territory);
      if (place.type === 'country') continue;
      const served = await get(national, `/api/v1/places?q=${q('sainte marie')}&territory=${q(sent)}`);
      expect([sent, served.status]).toEqual([sent, 200]);
      same(served.body.territory);
      const understood = await postJson(`${national.baseUrl}/api/v1/understand`, { text: 'une ACI', territory: sent });
      expect([sent, understood.status]).toEqual([sent, 200]);
    }
  });

  it('a shared code reads as the postal code (13001 is Marseille 1er), the ref as the commune', async () => {
    expect((await get(national, '/api/v1/places?q=13001')).body.places[0]).toMatchObject({ type: 'arrondissement', code: '13201' });
    expect((await get(national, '/api/v1/places?q=commune:13001')).body.places[0]).toMatchObject({ type: 'commune', label: 'Aix-en-Provence' });
    expect((await get(national, '/api/v1/places?q=02')).body.places[0]).toMatchObject({ type: 'departement', label: 'Aisne' });
  });

  it('the ambiguous_place advice is true: each candidate ref is accepted back', async () => {
    const { status, body } = await get(national, `/api/v1/structures?near=${q('Saint-Denis')}`);
    expect(status).toBe(400);
    expect(body.error.code).toBe('ambiguous_place');
    expect(body.error.message).toMatch(/ref/);
    for (const candidate of body.error.candidates as Array<{ ref: string; code: string }>) {
      const again = await get(national, `/api/v1/structures?near=${q(candidate.ref)}&limit=1`);
      expect([candidate.ref, again.status, again.body.place?.code]).toEqual([candidate.ref, 200, candidate.code]);
    }
  });
});
