import { getTerritory } from '../../knowledge/territory/territory';
import { resolveCommuneByPostcode, resolveInsee, resolvePlace, warmUpTerritory } from '../../knowledge/territory/resolve';
import type { PlaceType, ResolveContext, ResolveResult } from '../../knowledge/territory/types';

beforeAll(() => {
  warmUpTerritory();
});

interface Row {
  q: string;
  ctx?: ResolveContext;
  status: ResolveResult['status'];
  /** Code of the found place, or of the first candidate. */
  code?: string;
  type?: PlaceType;
  /** Codes that must be among the candidates (or the place's communes). */
  includes?: string[];
}

const MQ: ResolveContext = { departement: '972' };

const rows: Row[] = [
  // Commune names: accents, case, hyphens, articles, saints.
  { q: 'fort de france', status: 'found', code: '97209', type: 'commune' },
  { q: 'Fort-de-France', status: 'found', code: '97209' },
  { q: 'FORT-DE-FRANCE', status: 'found', code: '97209' },
  { q: 'fortdefrance', status: 'found', code: '97209' },
  { q: 'Le Lamentin', status: 'found', code: '97213' },
  { q: 'le lamentin', status: 'found', code: '97213' },
  { q: 'lamentin', status: 'ambiguous', code: '97213', includes: ['97115'] },
  { q: 'lamentin', ctx: MQ, status: 'found', code: '97213' },
  { q: 'Lamentin', ctx: { departement: '971' }, status: 'found', code: '97115' },
  { q: 'Lamentin 971', status: 'found', code: '97115' },
  { q: 'lamentin guadeloupe', status: 'found', code: '97115' },
  { q: 'ste luce', status: 'ambiguous', code: '97227', includes: ['38414'] },
  { q: 'Saint-Luce', status: 'ambiguous', code: '97227', includes: ['38414'] },
  { q: 'Sainte-Luce', ctx: MQ, status: 'found', code: '97227' },
  { q: 'St Luce', ctx: MQ, status: 'found', code: '97227' },
  { q: 'saint luce', ctx: { departement: '38' }, status: 'found', code: '38414' },
  { q: 'sainte luce 972', status: 'found', code: '97227' },
  { q: 'schoelcher', status: 'found', code: '97229' },
  { q: 'Schœlcher', status: 'found', code: '97229' },
  { q: 'SCHŒLCHER', status: 'found', code: '97229' },
  { q: 'Les Trois-Îlets', status: 'found', code: '97231' },
  { q: 'trois ilets', status: 'found', code: '97231' },
  { q: '3 ilets', status: 'found', code: '97231' },
  { q: "L'Ajoupa-Bouillon", status: 'found', code: '97201' },
  { q: 'ajoupa bouillon', status: 'found', code: '97201' },
  { q: "Grand'Rivière", status: 'found', code: '97211' },
  { q: 'grand riviere', status: 'found', code: '97211' },
  { q: 'le françois', status: 'found', code: '97210' },
  { q: 'robert', status: 'found', code: '97222' },
  { q: 'Rivière-Pilote', status: 'found', code: '97220' },
  { q: 'st-esprit', status: 'found', code: '97223' },
  { q: 'vauclin', status: 'found', code: '97232' },
  { q: 'ste marie', status: 'ambiguous', includes: ['97228', '97418'] },
  { q: 'ste marie', ctx: MQ, status: 'found', code: '97228' },
  { q: 'Saint-Pierre', ctx: MQ, status: 'found', code: '97225' },
  { q: 'st pierre reunion', status: 'found', code: '97416' },
  { q: 'Bellefontaine', ctx: MQ, status: 'found', code: '97234' },
  // Namesakes: Saint-Denis.
  { q: 'Saint-Denis', status: 'ambiguous', code: '97411', includes: ['93066', '11339', '30247'] },
  { q: 'saint denis', ctx: { departement: '93' }, status: 'found', code: '93066' },
  { q: 'saint denis', ctx: { departement: '75' }, status: 'found', code: '93066' },
  { q: 'Saint-Denis', ctx: { departement: '974' }, status: 'found', code: '97411' },
  { q: 'Saint-Denis 93', status: 'found', code: '93066' },
  { q: 'Saint-Denis', ctx: MQ, status: 'ambiguous', code: '97411' },
  // Postal codes first; the Martinique traps.
  { q: '97232', status: 'found', code: '97213', type: 'commune' },
  { q: '97228', status: 'found', code: '97227' },
  { q: '97200', status: 'found', code: '97209' },
  { q: '97234', status: 'found', code: '97209' },
  { q: '97213', status: 'found', code: '97212' },
  { q: '97250', status: 'found', code: '97250', type: 'postcode', includes: ['97225', '97219', '97208'] },
  { q: '97218', status: 'found', code: '97218', type: 'postcode', includes: ['97203', '97211', '97215'] },
  { q: '97209', status: 'suggestions', code: '97209', type: 'commune' },
  { q: '97200 Fort-de-France', status: 'found', code: '97209' },
  { q: '97230 STE MARIE', status: 'found', code: '97228' },
  { q: 'Sainte-Luce 97228', status: 'found', code: '97227' },
  { q: '97232 Le Vauclin', status: 'found', code: '97232' },
  { q: '75015', status: 'found', code: '75115', type: 'arrondissement' },
  { q: '75116', status: 'found', code: '75116', type: 'arrondissement' },
  { q: '13001', status: 'found', code: '13201' },
  { q: '69003', status: 'found', code: '69383' },
  { q: '99999', status: 'not_found' },
  // Départements.
  { q: '972', status: 'found', code: '972', type: 'departement' },
  { q: 'le 972', status: 'found', code: '972' },
  { q: 'département 972', status: 'found', code: '972' },
  { q: '2A', status: 'found', code: '2A' },
  { q: '2b', status: 'found', code: '2B' },
  { q: '20', status: 'ambiguous', code: '2A', includes: ['2B'] },
  { q: '1', status: 'found', code: '01' },
  { q: '999', status: 'not_found' },
  { q: 'Martinique', status: 'found', code: '972', type: 'departement' },
  { q: 'la Martinique', status: 'found', code: '972' },
  { q: 'en Martinique', status: 'found', code: '972' },
  { q: 'Gironde', status: 'found', code: '33' },
  { q: 'la Gironde', status: 'found', code: '33' },
  { q: 'Guadeloupe', status: 'found', code: '971' },
  { q: 'Guyane', status: 'found', code: '973' },
  { q: 'La Réunion', status: 'found', code: '974' },
  { q: 'reunion', status: 'found', code: '974' },
  { q: 'Mayotte', status: 'found', code: '976' },
  { q: 'Vienne', status: 'found', code: '86', type: 'departement' },
  { q: 'Vienne', ctx: { departement: '38' }, status: 'found', code: '38544', type: 'commune' },
  { q: 'Nord', status: 'ambiguous', code: '59', includes: ['972-NORD'] },
  { q: 'nord', ctx: { departement: '59' }, status: 'found', code: '59' },
  // Régions.
  { q: 'Île-de-France', status: 'found', code: '11', type: 'region' },
  { q: 'ile de france', status: 'found', code: '11' },
  { q: 'idf', status: 'found', code: '11' },
  { q: 'Occitanie', status: 'found', code: '76' },
  { q: "Provence-Alpes-Côte d'Azur", status: 'found', code: '93' },
  { q: 'paca', status: 'found', code: '93' },
  { q: 'Corse', status: 'found', code: '94' },
  { q: 'Centre-Val de Loire', status: 'found', code: '24' },
  // Martinique zones and EPCI.
  { q: 'nord martinique', status: 'found', code: '972-NORD', type: 'zone' },
  { q: 'CAP Nord', status: 'found', code: '972-NORD' },
  { q: 'le nord de la Martinique', status: 'found', code: '972-NORD' },
  { q: 'CACEM', status: 'found', code: '972-CENTRE', includes: ['97209', '97213', '97229', '97224'] },
  { q: 'centre martinique', status: 'found', code: '972-CENTRE' },
  { q: 'Espace Sud', status: 'found', code: '972-SUD' },
  { q: 'sud martinique', status: 'found', code: '972-SUD' },
  { q: 'centre', ctx: MQ, status: 'found', code: '972-CENTRE' },
  { q: 'dans le nord', ctx: MQ, status: 'found', code: '972-NORD' },
  { q: 'le sud', ctx: MQ, status: 'found', code: '972-SUD' },
  { q: 'centre', status: 'ambiguous', includes: ['24', '972-CENTRE'] },
  { q: 'sud', status: 'ambiguous', includes: ['972-SUD', '249740085'] },
  { q: 'sud', ctx: { departement: '974' }, status: 'found', code: '249740085', type: 'epci' },
  { q: 'CA du Centre de la Martinique', status: 'found', code: '249720061', type: 'epci' },
  { q: 'CA du Pays Nord Martinique', status: 'found', code: '200041788' },
  { q: "CA de l'Espace Sud de la Martinique", status: 'found', code: '249720053' },
  { q: 'Bordeaux Métropole', status: 'found', code: '243300316' },
  { q: 'CIREST', status: 'found', code: '249740093' },
  { q: 'pays basque', status: 'found', code: '200067106' },
  // Country.
  { q: 'France', status: 'found', code: 'FR', type: 'country' },
  { q: 'toute la France', status: 'found', code: 'FR' },
  // Paris, Lyon, Marseille.
  { q: 'Paris', status: 'found', code: '75056', type: 'commune' },
  { q: 'Paris 15', status: 'found', code: '75115', type: 'arrondissement' },
  { q: 'paris 15e', status: 'found', code: '75115' },
  { q: 'Paris 1er', status: 'found', code: '75101' },
  { q: 'Marseille 13e', status: 'found', code: '13213' },
  { q: 'lyon 3eme', status: 'found', code: '69383' },
  { q: 'Lyon 3ème arrondissement', status: 'found', code: '69383' },
  { q: '15e arrondissement de Paris', status: 'found', code: '75115' },
  { q: 'paris 25', status: 'suggestions', code: '75056' },
  // Overseas.
  { q: 'Pointe-à-Pitre', status: 'found', code: '97120' },
  { q: 'les abymes', status: 'found', code: '97101' },
  { q: 'Cayenne', status: 'found', code: '97302' },
  { q: 'Mamoudzou', status: 'found', code: '97611' },
  { q: 'Papeete', status: 'found', code: '98735' },
  { q: 'Farino', status: 'found', code: '98806' },
  { q: 'Saint-Martin', status: 'ambiguous', code: '97801' },
  { q: 'Polynésie française', status: 'found', code: '987', type: 'departement' },
  { q: 'Nouvelle-Calédonie', status: 'found', code: '988' },
  // A shared position.
  { q: '14.6,-61.07', status: 'found', code: '14.60000,-61.07000', type: 'coords' },
  { q: '14.6, -61.07', status: 'found', code: '14.60000,-61.07000' },
  { q: '14,6 ; -61,07', status: 'found', code: '14.60000,-61.07000' },
  // Filler words.
  { q: 'près de Fort-de-France', status: 'found', code: '97209' },
  { q: 'à Schœlcher', status: 'found', code: '97229' },
  { q: 'vers le Lamentin', status: 'found', code: '97213' },
  { q: 'autour de Sainte-Luce', ctx: MQ, status: 'found', code: '97227' },
  { q: "j'habite au François", status: 'found', code: '97210' },
  { q: 'au Lamentin', status: 'found', code: '97213' },
  { q: 'aux Trois-Îlets', status: 'found', code: '97231' },
  { q: 'je suis à Fort-de-France svp', status: 'found', code: '97209' },
  // Typos: "did you mean".
  { q: 'fort de frans', status: 'suggestions', code: '97209' },
  { q: 'fort de frans', ctx: MQ, status: 'suggestions', code: '97209' },
  { q: 'lamantin', status: 'suggestions', code: '97213', includes: ['97115'] },
  { q: 'lamantin', ctx: { departement: '971' }, status: 'suggestions', code: '97115' },
  { q: 'schelcher', status: 'suggestions', code: '97229' },
  { q: 'martiniqe', status: 'suggestions', code: '972' },
  { q: 'bordaux', status: 'suggestions', code: '33063' },
  { q: 'marseile', status: 'suggestions', code: '13055' },
  { q: 'ste luse 972', status: 'suggestions', code: '97227' },
  { q: 'morne', status: 'suggestions', includes: ['97212', '97218', '97233'] },
  { q: 'morne', ctx: MQ, status: 'suggestions', code: '97212' },
  // Nonsense and hostile input.
  { q: 'azertyuiop', status: 'not_found' },
  { q: '', status: 'not_found' },
  { q: '   ', status: 'not_found' },
  { q: '$where', status: 'not_found' },
  { q: '(.*)+', status: 'not_found' },
  { q: '^(a+)+$', status: 'not_found' },
  { q: '{"$gt": ""}', status: 'not_found' },
  { q: '<script>alert(1)</script>', status: 'not_found' },
  { q: 'x'.repeat(300), status: 'not_found' },
  { q: 'fort de france '.repeat(8), status: 'not_found' },
  { q: 'à', status: 'not_found' },
  { q: 'bonjour', status: 'not_found' },
  { q: 'null', status: 'not_found' },
  { q: '91.0,10.0', status: 'not_found' },
];

const title = (r: Row) => `${JSON.stringify(r.q.length > 40 ? `${r.q.slice(0, 40)}…` : r.q)}${r.ctx ? ` (context ${r.ctx.departement})` : ''} → ${r.status} ${r.code ?? ''}`;

describe('resolvePlace', () => {
  test('the table has at least 80 typed places', () => {
    expect(rows.length).toBeGreaterThanOrEqual(80);
  });

  test.each(rows.map((r) => [title(r), r] as const))('%s', (_title, row) => {
    const result = resolvePlace(row.q, row.ctx);
    expect(result.status).toBe(row.status);
    if (result.status === 'not_found') return;
    if (result.status === 'found') {
      if (row.code) expect(result.place.code).toBe(row.code);
      if (row.type) expect(result.place.type).toBe(row.type);
      if (row.includes) expect(result.place.communes).toEqual(expect.arrayContaining(row.includes));
      return;
    }
    expect(result.candidates.length).toBeGreaterThan(0);
    expect(result.candidates.length).toBeLessThanOrEqual(5);
    if (row.code) expect(result.candidates[0]!.code).toBe(row.code);
    if (row.type) expect(result.candidates[0]!.type).toBe(row.type);
    if (row.includes) expect(result.candidates.map((p) => p.code)).toEqual(expect.arrayContaining(row.includes));
  });
});

describe('places returned', () => {
  test('a commune carries its département, région, point and population', () => {
    expect(resolvePlace('Le Lamentin')).toEqual({
      status: 'found',
      place: { type: 'commune', code: '97213', label: 'Le Lamentin', departement: '972', region: '02', center: { lat: 14.62467, lng: -60.99356 }, population: 39400 },
    });
  });

  test('a postal code found commune says which postal code', () => {
    expect(resolvePlace('97232')).toMatchObject({ status: 'found', place: { code: '97213', postcode: '97232' } });
  });

  test('a COM commune without a licensed point has no centre (answered honestly)', () => {
    const r = resolvePlace('Farino');
    expect(r.status === 'found' && r.place.center).toBeUndefined();
    expect(r).toMatchObject({ status: 'found', place: { departement: '988', region: '988' } });
  });

  test('a shared position gets the territory of the nearest commune', () => {
    expect(resolvePlace('14.6,-61.07')).toMatchObject({ status: 'found', place: { type: 'coords', center: { lat: 14.6, lng: -61.07 }, departement: '972' } });
    expect(resolvePlace('0.5,-30.2')).toEqual({ status: 'found', place: { type: 'coords', code: '0.50000,-30.20000', label: '0.50000, -30.20000', center: { lat: 0.5, lng: -30.2 } } });
  });

  test('places are small and serialisable (no commune list for large areas)', () => {
    const r = resolvePlace('France');
    expect(r.status === 'found' && r.place.communes).toBeUndefined();
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  test('a non-string input is not_found', () => {
    expect(resolvePlace(undefined as unknown as string)).toEqual({ status: 'not_found' });
  });
});

describe('resolveInsee', () => {
  test.each([
    ['97232', 'Le Vauclin'],
    ['97228', 'Sainte-Marie'],
    ['97234', 'Bellefontaine'],
    ['97209', 'Fort-de-France'],
    ['75115', 'Paris 15e Arrondissement'],
    ['2A004', 'Ajaccio'],
    ['01340', 'Arboys en Bugey'],
  ])('%s → %s', (code, label) => {
    expect(resolveInsee(code)?.label).toBe(label);
  });

  test.each(['97200', '', 'abc', '99999'])('%j → undefined', (code) => expect(resolveInsee(code)).toBeUndefined());
});

describe('resolveCommuneByPostcode (postal addresses)', () => {
  test.each([
    ['97230', 'STE MARIE', '97228'],
    ['97250', 'ST PIERRE', '97225'],
    ['97250', 'LE PRECHEUR', '97219'],
    ['97218', 'GRAND RIVIERE', '97211'],
    ['97200', 'FORT DE FRANCE CEDEX', '97209'],
    ['97232', 'LE LAMENTIN', '97213'],
    ['97250', 'FONDS ST DENIS', '97208'],
  ])('%s %s → %s', (postcode, name, code) => {
    expect(resolveCommuneByPostcode(postcode, name)?.code).toBe(code);
  });

  test('a postal code of one commune decides when the name is unknown', () => {
    expect(resolveCommuneByPostcode('97232', 'PLACE D ARMES')?.code).toBe('97213');
  });

  test('a name that is none of the communes of a shared postal code gives nothing', () => {
    expect(resolveCommuneByPostcode('97250', 'SCHOELCHER')).toBeUndefined();
    expect(resolveCommuneByPostcode('00000', 'PARIS')).toBeUndefined();
  });
});

describe('lookup times', () => {
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const time = (q: string, ctx?: ResolveContext) => {
    const runs: number[] = [];
    for (let i = 0; i < 15; i++) {
      const started = performance.now();
      resolvePlace(q, ctx);
      runs.push(performance.now() - started);
    }
    return median(runs);
  };

  test('exact lookups take well under a millisecond, typos a few tens', () => {
    expect(getTerritory().data.stats.loadMs).toBeGreaterThan(0);
    for (const q of ['Fort-de-France', 'lamentin', '97232', 'Paris 15', '972', 'CACEM']) expect(time(q)).toBeLessThan(5);
    for (const q of ['fort de frans', 'schelcher', 'azertyuiop']) expect(time(q, MQ)).toBeLessThan(250);
  });
});

describe('exact lookups only', () => {
  test('a typo gives suggestions, or nothing when only exact answers are asked for', () => {
    expect(resolvePlace('Lamentinn', { departement: '972' }).status).toBe('suggestions');
    expect(resolvePlace('Lamentinn', { departement: '972' }, { exact: true }).status).toBe('not_found');
    expect(resolvePlace('Le Lamentin', { departement: '972' }, { exact: true })).toMatchObject({ status: 'found', place: { code: '97213' } });
  });

  test('everyday short names of communes', () => {
    expect(resolvePlace('FDF')).toMatchObject({ status: 'found', place: { code: '97209' } });
    expect(resolvePlace('Foyal')).toMatchObject({ status: 'found', place: { code: '97209' } });
  });
});
