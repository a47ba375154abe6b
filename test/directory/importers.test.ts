import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { STRUCTURE_KINDS } from '../../knowledge/directory/kinds';
import { structureSchema } from '../../knowledge/directory/structure';
import {
  detectFormat,
  parseAspCsv,
  parseDataInclusionJson,
  parseEmploisJson,
  territoryCommuneResolver,
  type ImportResult,
} from '../../knowledge/directory/import';

const fixture = (...parts: string[]) => readFileSync(join(__dirname, 'fixtures', ...parts), 'utf8');
const options = { today: '2026-11-23' };
const byId = (result: ImportResult, id: string) => result.structures.find((s) => s.id === id);

function expectAllValid(result: ImportResult): void {
  for (const s of result.structures) expect(structureSchema.parse(s)).toEqual(s);
  const ids = result.structures.map((s) => s.id);
  expect(new Set(ids).size).toBe(ids.length);
}

describe('parseAspCsv (ASP "Liste des SIAE")', () => {
  const result = parseAspCsv(fixture('asp-siae.csv'), territoryCommuneResolver, options);

  test('keeps the good rows, every record valid', () => {
    expectAllValid(result);
    expect(result.structures.map((s) => s.id).sort()).toEqual(
      ['asp:12345678900011-aci', 'asp:12345678900011-ei', 'asp:12345678900029', 'asp:12345678900037', 'asp:12345678900045', 'asp:12345678900078', 'asp:12345678900086'].sort(),
    );
  });

  test('maps MESURE codes, long forms and prison variants to kinds', () => {
    expect(byId(result, 'asp:12345678900011-aci')!.kind).toBe('ACI');
    expect(byId(result, 'asp:12345678900029')!.kind).toBe('EI');
    expect(byId(result, 'asp:12345678900037')!.kind).toBe('AI');
    expect(byId(result, 'asp:12345678900045')!.kind).toBe('ETTI');
    expect(byId(result, 'asp:12345678900078')!.kind).toBe('ACI');
    expect(byId(result, 'asp:12345678900086')!.kind).toBe('ACI');
  });

  test('resolves La Poste names, CEDEX codes, the 97232 trap, a lost leading zero and arrondissements', () => {
    expect(byId(result, 'asp:12345678900011-aci')!.territory).toEqual({ communeInsee: '97228', departement: '972', region: '02', epci: '200041788' });
    expect(byId(result, 'asp:12345678900037')!.territory.communeInsee).toBe('97213'); // postal 97232 = Le Lamentin
    expect(byId(result, 'asp:12345678900045')!.territory.communeInsee).toBe('97209'); // CEDEX
    expect(byId(result, 'asp:12345678900078')!.address.postcode).toBe('01000');
    expect(byId(result, 'asp:12345678900078')!.territory.departement).toBe('01');
    expect(byId(result, 'asp:12345678900086')!.territory.communeInsee).toBe('75115');
    for (const s of result.structures) expect(s.location.precision).toBe('commune');
  });

  test('reads quoted fields with doubled quotes and delimiters, builds the street line', () => {
    expect(byId(result, 'asp:12345678900029')!.name).toBe('BATI "EXEMPLE" SARL');
    expect(byId(result, 'asp:12345678900037')!.address.line1).toBe('3 ZONE EXEMPLE; BAT B');
    expect(byId(result, 'asp:12345678900011-aci')!.address).toEqual({ line1: "12 RUE DE L'EXEMPLE", postcode: '97230', communeName: 'Sainte-Marie' });
  });

  test('normalises phones and e-mails, drops bad ones with a warning', () => {
    const aci = byId(result, 'asp:12345678900011-aci')!;
    expect(aci.phone).toBe('01 99 00 00 01');
    expect(aci.email).toBe('contact@atelier-vert.demo.example');
    const ei = byId(result, 'asp:12345678900029')!;
    expect(ei.phone).toBe('+33199000002');
    expect(ei.email).toBeUndefined();
    expect(result.warnings).toContainEqual({ line: 3, field: 'MAIL_SIAE', message: expect.stringMatching(/e-mail/) });
    const ai = byId(result, 'asp:12345678900037')!;
    expect(ai.phone).toBeUndefined();
    expect(ai.email).toBe('AI@services.demo.example');
    expect(result.warnings).toContainEqual({ line: 4, field: 'TELEPHONE', message: expect.stringMatching(/phone/) });
  });

  test('rejects rows with line numbers and the field in the reason', () => {
    expect(result.rejected).toEqual([
      { line: 6, reason: 'MESURE: unknown kind "XYZ"' },
      { line: 7, reason: 'SIRET: must be 14 digits' },
      { line: 8, reason: 'CODE_POSTAL/COMMUNE: commune not found' },
      { line: 10, reason: 'SIRET: same SIRET and MESURE as line 2' },
    ]);
  });

  test('is idempotent: same text, same records', () => {
    expect(parseAspCsv(fixture('asp-siae.csv'), territoryCommuneResolver, options)).toEqual(result);
  });

  test('line numbers count lines inside quoted fields', () => {
    const text = 'MESURE;SIRET;DENOMINATION_SOCIALE;CODE_POSTAL;COMMUNE\r\nACI;12345678900011;"DEUX\r\nLIGNES";97200;FORT DE FRANCE\r\nZZZ;12345678900029;X;97200;FORT DE FRANCE\r\n';
    const r = parseAspCsv(text, territoryCommuneResolver, options);
    expect(r.structures[0]!.name).toBe('DEUX LIGNES');
    expect(r.rejected).toEqual([{ line: 4, reason: 'MESURE: unknown kind "ZZZ"' }]);
  });
});

describe('parseEmploisJson (Les emplois /api/v1/siaes/)', () => {
  const page1 = fixture('emplois', 'page1.json');
  const result = parseEmploisJson(page1, territoryCommuneResolver, options);

  test('maps a full record', () => {
    expectAllValid(result);
    expect(byId(result, 'emplois:101')).toEqual({
      id: 'emplois:101',
      siret: '12345678900011',
      name: 'Atelier Vert Exemple',
      kind: 'ACI',
      address: { line1: "12 rue de l'Exemple", postcode: '97230', communeName: 'Sainte-Marie' },
      territory: { communeInsee: '97228', departement: '972', region: '02', epci: '200041788' },
      location: { lat: expect.any(Number), lng: expect.any(Number), precision: 'commune' },
      phone: '01 99 00 00 01',
      email: 'contact@atelier-vert.demo.example',
      website: 'https://www.atelier-vert.demo.example',
      description: "Chantier d'insertion en espaces verts.",
      sectors: ['A1203 - Aménagement et entretien des espaces verts'],
      acceptsApplications: true,
      source: { kind: 'emplois', label: "Les emplois de l'inclusion" },
      updatedAt: '2024-05-02T08:30:00+02:00',
    });
  });

  test('name falls back to raison_sociale; blocked applications; bad optional fields dropped with warnings', () => {
    const ei = byId(result, 'emplois:102')!;
    expect(ei.name).toBe('BATI EXEMPLE');
    expect(ei.acceptsApplications).toBe(false);
    expect(ei.siret).toBeUndefined();
    expect(ei.phone).toBeUndefined();
    expect(ei.website).toBeUndefined();
    expect(ei.territory.communeInsee).toBe('97213');
    const fields = result.warnings.filter((w) => w.line === 2).map((w) => w.field);
    expect(fields).toEqual(expect.arrayContaining(['siret', 'telephone', 'site_web']));
  });

  test('unknown type is rejected with its record number', () => {
    const r = parseEmploisJson(fixture('emplois', 'page2.json'), territoryCommuneResolver, options);
    expect(r.structures).toEqual([]);
    expect(r.rejected).toEqual([{ line: 1, reason: 'type: unknown kind "SEP"' }]);
  });

  test('accepts a bare array and an already parsed value; idempotent', () => {
    const results = (JSON.parse(page1) as { results: unknown[] }).results;
    expect(parseEmploisJson(results, territoryCommuneResolver, options)).toEqual(result);
    expect(parseEmploisJson(JSON.stringify(results), territoryCommuneResolver, options)).toEqual(result);
  });

  test('duplicate ids and missing fields are rejected', () => {
    const base = (JSON.parse(page1) as { results: Record<string, unknown>[] }).results[0]!;
    const r = parseEmploisJson([base, base, { ...base, id: undefined }, { ...base, id: 7, raison_sociale: ' ', enseigne: '' }, { ...base, id: 8, code_postal: '', ville: '' }], territoryCommuneResolver, options);
    expect(r.structures).toHaveLength(1);
    expect(r.rejected).toEqual([
      { line: 2, reason: 'id: same id as record 1' },
      { line: 3, reason: 'id: missing' },
      { line: 4, reason: 'raison_sociale: empty' },
      { line: 5, reason: 'code_postal/ville: commune not found' },
    ]);
  });
});

describe('parseDataInclusionJson (data·inclusion structures)', () => {
  const result = parseDataInclusionJson(fixture('data-inclusion.json'), territoryCommuneResolver, options);

  test('maps networks and typologies to kinds; rejects unknown kinds and non-objects', () => {
    expectAllValid(result);
    expect(result.structures.map((s) => [s.id, s.kind])).toEqual([
      ['data-inclusion:exemple--s-001', 'ML'],
      ['data-inclusion:exemple--s-002', 'ACI'],
      ['data-inclusion:exemple--s-004', 'EI'],
    ]);
    expect(result.rejected).toEqual([
      { line: 3, reason: 'typologie/reseaux_porteurs: unknown kind "BIB"' },
      { line: 5, reason: 'record: not an object' },
    ]);
  });

  test('code_insee and coordinates give an address point', () => {
    const ml = result.structures[0]!;
    expect(ml.territory.communeInsee).toBe('97213');
    expect(ml.location).toEqual({ lat: 14.62, lng: -60.99, precision: 'address' });
    expect(ml.phone).toBe('+33199000003');
    expect(ml.openingHours).toBe('Mo-Fr 08:30-12:00,13:30-17:00');
    expect(ml.description).toBe('Accueil des jeunes de 16 à 25 ans.');
  });

  test('without code_insee the commune is resolved; a far point falls back to the commune', () => {
    const aci = result.structures[1]!;
    expect(aci.territory.communeInsee).toBe('97232');
    expect(aci.location.precision).toBe('commune');
    expect(aci.description).toBe("Chantier d'insertion.");
    const far = result.structures[2]!;
    expect(far.territory.communeInsee).toBe('97209');
    expect(far.location.precision).toBe('commune');
    expect(result.warnings).toContainEqual({ line: 4, field: 'latitude/longitude', message: expect.stringMatching(/km/) });
  });

  test('accepts an API page with items; idempotent', () => {
    const items = JSON.parse(fixture('data-inclusion.json'));
    expect(parseDataInclusionJson({ items, total: 5, page: 1, size: 5 }, territoryCommuneResolver, options)).toEqual(result);
  });
});

describe('territoryCommuneResolver', () => {
  test.each([
    ['97230', 'STE MARIE', undefined, '97228'],
    ['97200', 'FORT DE FRANCE', undefined, '97209'],
    ['97234', 'FORT-DE-FRANCE', undefined, '97209'],
    ['97262', 'FORT DE FRANCE CEDEX', undefined, '97209'],
    ['97232', 'LE LAMENTIN', undefined, '97213'],
    ['97232', 'LE VAUCLIN', undefined, '97232'], // the name decides
    ['97228', 'STE LUCE', undefined, '97227'],
    ['97233', 'SCHOELCHER', undefined, '97229'],
    ['75015', 'PARIS', undefined, '75115'],
    ['13008', 'MARSEILLE 08', undefined, '13208'],
    [undefined, undefined, '97213', '97213'],
    ['97200', 'FORT DE FRANCE', '97229', '97229'], // INSEE wins
  ])('%s %s (%s) → %s', (postcode, name, insee, expected) => {
    expect(territoryCommuneResolver(postcode, name, insee)?.insee).toBe(expected);
  });

  test('gives territory codes and a point', () => {
    expect(territoryCommuneResolver('97230', 'STE MARIE')).toEqual({
      insee: '97228',
      name: 'Sainte-Marie',
      departement: '972',
      region: '02',
      epci: '200041788',
      lat: expect.any(Number),
      lng: expect.any(Number),
    });
  });

  test('unknown places give undefined', () => {
    expect(territoryCommuneResolver('99999', 'NULLE PART')).toBeUndefined();
    expect(territoryCommuneResolver(undefined, undefined)).toBeUndefined();
    expect(territoryCommuneResolver('', '')).toBeUndefined();
  });
});

describe('detectFormat', () => {
  test.each([
    ['siae.csv', 'asp-siae.csv', 'asp'],
    ['page.json', 'emplois/page1.json', 'emplois'],
    ['export.json', 'data-inclusion.json', 'data-inclusion'],
    ['export', 'data-inclusion.json', 'data-inclusion'],
    ['siae.csv', 'emplois/page1.json', undefined],
    ['x.json', 'asp-siae.csv', undefined],
    ['x.csv', '=a,b,c\n1,2,3', undefined],
    ['x.json', '={"broken":', undefined],
    ['x.json', '=[]', undefined],
    ['x.txt', '=', undefined],
  ])('%s with %s → %s', (name, text, expected) => {
    const content = text.startsWith('=') ? text.slice(1) : fixture(...text.split('/'));
    expect(detectFormat(name, content)).toBe(expected);
  });
});

test('every kind the importers can produce is a known kind', () => {
  expect(STRUCTURE_KINDS).toEqual(expect.arrayContaining(['ACI', 'EI', 'AI', 'ETTI', 'EITI', 'GEIQ', 'EA', 'EATT', 'OPCS', 'FT', 'ML', 'CAP_EMPLOI']));
});
