import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { SIAE_KINDS, isSiaeKind, type SiaeKind } from '../../knowledge/directory/kinds';
import { DIECCTE_MARTINIQUE_2016, DIECCTE_TOTALS, MARTINIQUE_DEMO_FILE, generateMartiniqueDemo, loadMartiniqueDemo, renderMartiniqueDemo, splitPosts } from '../../knowledge/directory/demo';
import { structureSchema } from '../../knowledge/directory/structure';
import { getTerritory } from '../../knowledge/territory';

const generated = generateMartiniqueDemo();
const siae = generated.filter((s) => isSiaeKind(s.kind));

describe('Martinique demo dataset', () => {
  test('the committed file is exactly the generator output', () => {
    const text = renderMartiniqueDemo(generated);
    if (process.env.UPDATE_DEMO === '1' || !existsSync(MARTINIQUE_DEMO_FILE)) writeFileSync(MARTINIQUE_DEMO_FILE, text, 'utf8');
    expect(readFileSync(MARTINIQUE_DEMO_FILE, 'utf8')).toBe(text);
    expect(loadMartiniqueDemo()).toEqual(generated);
  });

  test('the generator is deterministic', () => {
    expect(renderMartiniqueDemo(generateMartiniqueDemo())).toBe(renderMartiniqueDemo(generated));
  });

  test('61 SIAE and 1103 posts in all', () => {
    expect(siae).toHaveLength(DIECCTE_TOTALS.structures);
    expect(siae.reduce((sum, s) => sum + (s.insertionPosts ?? 0), 0)).toBe(DIECCTE_TOTALS.posts);
  });

  const cells = DIECCTE_MARTINIQUE_2016.flatMap((zone) =>
    SIAE_KINDS.map((kind) => ({ zone: zone.zone, epci: zone.epci, kind, expected: zone.kinds[kind as SiaeKind] ?? { structures: 0, posts: 0 } })),
  );
  test.each(cells)('$zone $kind matches the DIECCTE table', ({ epci, kind, expected }) => {
    const inCell = siae.filter((s) => s.territory.epci === epci && s.kind === kind);
    expect(inCell).toHaveLength(expected.structures);
    expect(inCell.reduce((sum, s) => sum + (s.insertionPosts ?? 0), 0)).toBe(expected.posts);
    for (const s of inCell) expect(s.insertionPosts).toBeGreaterThan(0);
  });

  test('the table itself adds up to 61 structures and 1103 posts, Nord 245', () => {
    const all = DIECCTE_MARTINIQUE_2016.flatMap((z) => Object.values(z.kinds));
    expect(all.reduce((a, c) => a + c!.structures, 0)).toBe(61);
    expect(all.reduce((a, c) => a + c!.posts, 0)).toBe(1103);
    const nord = DIECCTE_MARTINIQUE_2016.find((z) => z.zone === 'Nord')!;
    expect(Object.values(nord.kinds).reduce((a, c) => a + c!.posts, 0)).toBe(245);
  });

  test('every record passes structureSchema, ids are unique and demo-shaped', () => {
    for (const s of generated) expect(structureSchema.parse(s)).toEqual(s);
    const ids = generated.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^demo:972-[a-z-]+-\d{2}$/);
    expect(ids).toContain('demo:972-aci-01');
  });

  test('every record is marked demo and reaches nobody: phones only in the fiction range 01 99 00, no website, e-mails only on .example', () => {
    for (const s of generated) {
      expect(s.source.kind).toBe('demo');
      expect(s.source.label).toMatch(/fictif/i);
      if (s.phone) expect(s.phone).toMatch(/^01 99 00 \d\d \d\d$/);
      expect(s.website).toBeUndefined();
      expect(s.address.line1).toBeUndefined();
      if (s.email) expect(s.email).toMatch(/@[a-z0-9.-]+\.example$/);
    }
  });

  test('every partner has an example phone and opening hours (the way to a person can be shown)', () => {
    const partners = generated.filter((s) => !isSiaeKind(s.kind));
    expect(partners.length).toBeGreaterThan(0);
    for (const s of partners) expect([s.id, Boolean(s.phone), Boolean(s.openingHours)]).toEqual([s.id, true, true]);
  });

  test('each record sits at its commune point, in a real commune of its zone', () => {
    const { data } = getTerritory();
    for (const s of generated) {
      const commune = data.communes.get(s.territory.communeInsee)!;
      expect(commune).toBeDefined();
      expect(commune.departement).toBe('972');
      expect(s.territory.epci).toBe(commune.epci?.code);
      expect(data.zones.get(DIECCTE_MARTINIQUE_2016.find((z) => z.epci === s.territory.epci)!.code)!.communes).toContain(commune.code);
      expect(s.address.communeName).toBe(commune.name);
      expect(commune.postcodes).toContain(s.address.postcode);
      expect(s.location).toEqual({ lat: commune.center!.lat, lng: commune.center!.lng, precision: 'commune' });
    }
  });

  test('SIAE are spread over several communes of each zone', () => {
    for (const zone of DIECCTE_MARTINIQUE_2016) {
      const communes = new Set(siae.filter((s) => s.territory.epci === zone.epci).map((s) => s.territory.communeInsee));
      expect(communes.size).toBeGreaterThanOrEqual(4);
    }
  });

  test('partners: France Travail in every zone, three Missions Locales, Cap Emploi, a PLIE, the Collectivité', () => {
    const partners = generated.filter((s) => !isSiaeKind(s.kind));
    const ft = partners.filter((s) => s.kind === 'FT');
    expect(new Set(ft.map((s) => s.territory.epci)).size).toBe(3);
    const ml = partners.filter((s) => s.kind === 'ML');
    expect(new Set(ml.map((s) => s.territory.epci))).toEqual(new Set(DIECCTE_MARTINIQUE_2016.map((z) => z.epci)));
    expect(partners.filter((s) => s.kind === 'CAP_EMPLOI')).toHaveLength(1);
    expect(partners.filter((s) => s.kind === 'PLIE')).toHaveLength(1);
    expect(partners.filter((s) => s.kind === 'DEPT').map((s) => s.name).join()).toMatch(/Collectivité Territoriale de Martinique/);
    for (const p of partners) expect(p.insertionPosts).toBeUndefined();
  });

  test.each([
    [27, 6],
    [13, 2],
    [352, 11],
    [60, 1],
    [5, 5],
    [100, 13],
  ])('splitPosts(%i, %i) adds up exactly with parts ≥ 1', (total, n) => {
    const parts = splitPosts(total, n);
    expect(parts).toHaveLength(n);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
    for (const p of parts) expect(p).toBeGreaterThanOrEqual(1);
  });
});
