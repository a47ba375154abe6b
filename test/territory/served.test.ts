import { translator } from '../../locales/i18n';
import { isInside, liaisonOf, placeContext, refOf, resolvePlace, servedPlace, warmUpTerritory } from '../../knowledge/territory';
import type { ResolveContext, ResolveResult } from '../../knowledge/territory';
import { ofTerritory, outsideSentence } from '../../dialogs/shared/territory';

beforeAll(() => {
  warmUpTerritory();
});

/** "found type:code", "ambiguous", "suggestions" or "not_found": what a person would get. */
function answer(result: ResolveResult): string {
  return result.status === 'found' ? `${result.place.type}:${result.place.code}` : result.status;
}

const MARTINIQUE: ResolveContext = { territory: '972' };

describe('namesakes and the served territory (TERRITORY)', () => {
  it.each([
    // The cases, on the Martinique desk: the namesake inside wins outright.
    ['sainte marie', '972', 'commune:97228'],
    ['Sainte-Anne', '972', 'commune:97226'],
    ['st joseph', '972', 'commune:97224'],
    ['Lamentin', '972', 'commune:97213'],
    // The same words on other desks.
    ['sainte marie', '974', 'commune:97418'],
    ['Sainte-Anne', '971', 'commune:97128'],
    ['Lamentin', '971', 'commune:97115'],
    // A zone as the territory: its département ranks next (Sainte-Marie is in the Nord, not the Sud).
    ['sainte marie', '972-SUD', 'commune:97228'],
    ['sainte marie', '972-NORD', 'commune:97228'],
    // An EPCI (SIREN) and a région (typed reference) as the territory.
    ['sainte marie', '200041788', 'commune:97228'],
    ['Sainte-Anne', 'region:01', 'commune:97128'],
  ])('« %s » served by %s → %s', (q, territory, expected) => {
    expect(answer(resolvePlace(q, { territory }))).toBe(expected);
  });

  it.each(['sainte marie', 'Sainte-Anne', 'st joseph', 'Lamentin'])('« %s » without a territory is a choice', (q) => {
    const result = resolvePlace(q);
    expect(result.status).toBe('ambiguous');
  });

  it.each([
    // Outside the territory only when the person names it.
    ['Sainte-Anne en Guadeloupe', 'commune:97128'],
    ['sainte anne 971', 'commune:97128'],
    ['97180', 'commune:97128'],
    ['sainte marie la reunion', 'commune:97418'],
    ['Saint-Joseph 974', 'commune:97412'],
    // A name with no namesake inside is taken wherever it is.
    ['Lyon', 'commune:69123'],
    ['Guadeloupe', 'departement:971'],
  ])('« %s » on the Martinique desk → %s', (q, expected) => {
    expect(answer(resolvePlace(q, MARTINIQUE))).toBe(expected);
  });

  it('the territory wins over the département the conversation last visited', () => {
    expect(answer(resolvePlace('Sainte-Anne', { departement: '971', territory: '972' }))).toBe('commune:97226');
    expect(answer(resolvePlace('Sainte-Anne', { departement: '971' }))).toBe('commune:97128');
  });
});

describe('loose zone names resolve inside the territory first', () => {
  it.each([
    ['le sud', '972-SUD'],
    ['sud', '972-SUD'],
    ['nord', '972-NORD'],
    ['le nord', '972-NORD'],
    ['cap nord', '972-NORD'],
    ['centre', '972-CENTRE'],
    ['le centre', '972-CENTRE'],
    ['zone sud', '972-SUD'],
  ])('« %s » on the Martinique desk → zone %s', (q, zone) => {
    expect(answer(resolvePlace(q, MARTINIQUE))).toBe(`zone:${zone}`);
  });

  it.each(['le sud', 'nord', 'centre'])('« %s » on a national desk is a choice', (q) => {
    expect(resolvePlace(q).status).toBe('ambiguous');
  });

  it('« le sud » on the Réunion desk is the CA du Sud, « nord » the Nord département on a Lille desk', () => {
    expect(answer(resolvePlace('le sud', { territory: '974' }))).toBe('epci:249740085');
    expect(answer(resolvePlace('nord', { territory: '59' }))).toBe('departement:59');
  });
});

describe('codes the API returns are read back', () => {
  it.each([
    ['13001', 'arrondissement:13201'], // Marseille 1er's postal code, not Aix-en-Provence's INSEE code
    ['75015', 'arrondissement:75115'],
    ['69003', 'arrondissement:69383'],
    ['Marseille', 'commune:13055'],
    ['200041788', 'epci:200041788'],
    ['972-NORD', 'zone:972-NORD'],
    ['972-nord', 'zone:972-NORD'],
    ['region:02', 'region:02'],
    ['departement:2a', 'departement:2A'],
    ['commune:13001', 'commune:13001'],
    ['arrondissement:13201', 'arrondissement:13201'],
    ['postcode:97200', 'commune:97209'],
    ['country:FR', 'country:FR'],
    ['FR', 'country:FR'],
    ['coords:14.6,-61.07', 'coords:14.60000,-61.07000'],
  ])('%s → %s', (q, expected) => {
    expect(answer(resolvePlace(q))).toBe(expected);
  });

  it('an INSEE code that is no postal code is found for clients, suggested to people', () => {
    expect(answer(resolvePlace('97209', undefined, { codes: true }))).toBe('commune:97209');
    expect(answer(resolvePlace('13201', undefined, { codes: true }))).toBe('arrondissement:13201');
    expect(answer(resolvePlace('97209'))).toBe('suggestions');
  });

  it.each(['region:99', 'commune:00000', 'zone:972-EST', 'epci:123', 'planet:earth', '000000000'])('%s is no place', (q) => {
    expect(resolvePlace(q).status).toBe('not_found');
  });

  it('refOf gives what resolvePlace reads back, for every type', () => {
    for (const q of ['Le Lamentin', 'Paris 15', '97200', '97290', '972', 'Martinique', 'CA du Pays Nord Martinique', 'Martinique Sud', 'France', '14.6,-61.07']) {
      const found = resolvePlace(q, MARTINIQUE);
      if (found.status !== 'found') throw new Error(`${q}: ${found.status}`);
      const back = resolvePlace(refOf(found.place));
      expect([q, answer(back)]).toEqual([q, `${found.place.type}:${found.place.code}`]);
    }
  });
});

describe('servedPlace and placeContext', () => {
  it.each([
    ['972', 'departement:972'],
    ['2A', 'departement:2A'],
    ['1', 'departement:01'],
    ['200041788', 'epci:200041788'],
    ['972-SUD', 'zone:972-SUD'],
    ['region:04', 'region:04'],
    ['FR', 'country:FR'],
  ])('%s → %s', (code, expected) => {
    const place = servedPlace(code);
    expect(place && `${place.type}:${place.code}`).toBe(expected);
  });

  it.each(['', 'Martinique', '999', '12345678', 'zone:NOPE'])('%j is not a territory code', (code) => {
    expect(servedPlace(code)).toBeUndefined();
  });

  it("gives the territory's département when the conversation has none, and drops the whole country", () => {
    expect(placeContext({ territory: '972-NORD' })).toEqual({ departement: '972', territory: '972-NORD' });
    expect(placeContext({ departement: '971', territory: '972' })).toEqual({ departement: '971', territory: '972' });
    expect(placeContext({ territory: 'FR' })).toEqual({});
    expect(placeContext({})).toEqual({});
  });

  it('isInside: communes, areas and positions against a territory', () => {
    const nord = servedPlace('972-NORD')!;
    const place = (q: string) => {
      const r = resolvePlace(q, { territory: '972' });
      if (r.status !== 'found') throw new Error(q);
      return r.place;
    };
    expect(isInside(place('Sainte-Marie'), nord)).toBe(true);
    expect(isInside(place('Sainte-Anne'), nord)).toBe(false);
    expect(isInside(place('Martinique'), nord)).toBe(true);
    expect(isInside(place('14.78,-60.99'), servedPlace('972')!)).toBe(true);
    expect(isInside(place('Lyon'), servedPlace('972')!)).toBe(false);
    expect(isInside(place('Paris 15'), servedPlace('75')!)).toBe(true);
  });
});

describe('the territory in a sentence (French elision and contraction)', () => {
  const fr = translator('fr');
  const en = translator('en');
  it.each([
    ['972', 'de_la', 'de la Martinique'],
    ['974', 'de', 'de La Réunion'],
    ['976', 'de', 'de Mayotte'],
    ['59', 'du', 'du Nord'],
    ['01', 'de_l', "de l'Ain"],
    ['13', 'des', 'des Bouches-du-Rhône'],
    ['28', 'd', "d'Eure-et-Loir"],
    ['region:11', 'd', "d'Île-de-France"],
    ['200041788', 'de_la', 'de la CA du Pays Nord Martinique'],
    ['972-SUD', 'zone', 'de la zone Martinique Sud (Espace Sud)'],
  ])('%s: %s → « %s »', (code, liaison, said) => {
    const served = servedPlace(code)!;
    expect(liaisonOf(served)).toBe(liaison);
    expect(ofTerritory(fr, served)).toBe(said);
  });

  it('says a search is outside, in one sentence, only when it is', () => {
    const r = resolvePlace('Sainte-Anne en Guadeloupe', MARTINIQUE);
    if (r.status !== 'found') throw new Error('not found');
    expect(outsideSentence(fr, r.place, '972', true)).toBe('Cette commune est hors de la Martinique ; voici les structures les plus proches.');
    expect(outsideSentence(fr, r.place, '972', false)).toBe('Cette commune est hors de la Martinique.');
    expect(outsideSentence(en, r.place, '972', true)).toBe('This town is outside Martinique; here are the nearest structures.');
    expect(outsideSentence(fr, r.place, '974', true)).toBe('Cette commune est hors de La Réunion ; voici les structures les plus proches.');
    expect(outsideSentence(fr, r.place, '971', true)).toBeUndefined();
    expect(outsideSentence(fr, r.place, undefined, true)).toBeUndefined();
    const guadeloupe = resolvePlace('Guadeloupe');
    if (guadeloupe.status !== 'found') throw new Error('not found');
    expect(outsideSentence(fr, guadeloupe.place, '59', true)).toBe('Ce territoire est hors du Nord ; voici ses structures.');
  });
});
