import { normalizeText, stripArticle } from '../../knowledge/territory/normalize';
import { stripPlaceFillers } from '../../knowledge/territory/fillers';
import { editDistance } from '../../knowledge/territory/fuzzy';
import { parseArrondissement, parseCoordinates, parseDepartementCode } from '../../knowledge/territory/patterns';

describe('normalizeText', () => {
  test.each([
    ['Schœlcher', 'schoelcher'],
    ['SCHŒLCHER', 'schoelcher'],
    ['schoelcher', 'schoelcher'],
    ['Lætitia', 'laetitia'],
    ['Fort-de-France', 'fort de france'],
    ["L'Ajoupa-Bouillon", 'l ajoupa bouillon'],
    ["Grand'Rivière", 'grand riviere'],
    ['Les Trois-Îlets', 'les trois ilets'],
    ['Sainte-Luce', 'st luce'],
    ['Saint-Luce', 'st luce'],
    ['ste luce', 'st luce'],
    ['St. Luce', 'st luce'],
    ['ST-LUCE', 'st luce'],
    ['  Le   Lamentin  ', 'le lamentin'],
    ['Pointe-à-Pitre', 'pointe a pitre'],
    ['Provence-Alpes-Côte d’Azur', 'provence alpes cote d azur'],
    ['(.*)+', ''],
    ['$where', 'where'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  test('is idempotent', () => {
    for (const text of ['Schœlcher', 'Sainte-Luce', "L'Ajoupa", 'Marseille 13e']) {
      expect(normalizeText(normalizeText(text))).toBe(normalizeText(text));
    }
  });

  test('tolerates a non-string at run time', () => {
    expect(normalizeText(undefined as unknown as string)).toBe('');
  });
});

describe('stripArticle', () => {
  test.each([
    ['le lamentin', 'lamentin'],
    ['l ajoupa bouillon', 'ajoupa bouillon'],
    ['les trois ilets', 'trois ilets'],
    ['lamentin', 'lamentin'],
    ['le', 'le'],
  ])('%j → %j', (input, expected) => expect(stripArticle(input)).toBe(expected));
});

describe('stripPlaceFillers', () => {
  test.each([
    ['près de Fort-de-France', 'fort de france'],
    ['à Schœlcher', 'schoelcher'],
    ['vers le Lamentin', 'le lamentin'],
    ['autour de Sainte-Luce', 'st luce'],
    ['au Lamentin', 'le lamentin'],
    ['aux Trois-Îlets', 'les trois ilets'],
    ['près du Robert', 'le robert'],
    ["j'habite au François", 'le francois'],
    ['je suis à Fort-de-France svp', 'fort de france'],
    ['dans le département 972', '972'],
    ['du côté de la Trinité', 'la trinite'],
    ['Ducos et environs', 'ducos'],
    ['à', ''],
    ['près de', ''],
  ])('%j → %j', (input, expected) => expect(stripPlaceFillers(input)).toBe(expected));
});

describe('editDistance', () => {
  test.each([
    ['lamantin', 'lamentin', 1],
    ['schelcher', 'schoelcher', 1],
    ['fort de frans', 'fort de france', 2],
    ['ab', 'ba', 1],
    ['', 'abc', 3],
  ])('%j ↔ %j = %i', (a, b, d) => expect(editDistance(a, b)).toBe(d));

  test('stops above the limit', () => {
    expect(editDistance('azertyuiop', 'fort de france', 2)).toBe(3);
  });
});

describe('patterns', () => {
  test.each([
    ['14.6,-61.07', { lat: 14.6, lng: -61.07 }],
    ['14.6, -61.07', { lat: 14.6, lng: -61.07 }],
    ['(14.64064; -61.06902)', { lat: 14.64064, lng: -61.06902 }],
    ['14,6 ; -61,07', { lat: 14.6, lng: -61.07 }],
    ['48.85661 2.3428', { lat: 48.85661, lng: 2.3428 }],
  ])('coordinates %j', (input, expected) => expect(parseCoordinates(input)).toEqual(expected));

  test.each(['14,6', '97200', '91.0,10.0', '14.6,-190.5', 'abc', '1.2.3,4.5'])('not coordinates: %j', (input) => {
    expect(parseCoordinates(input)).toBeUndefined();
  });

  test.each([
    ['972', ['972']],
    ['2a', ['2A']],
    ['1', ['01']],
    ['20', ['2A', '2B']],
    ['9721', undefined],
    ['abc', undefined],
  ])('département code %j', (input, expected) => expect(parseDepartementCode(input)).toEqual(expected));

  test.each([
    ['paris 15', '75115'],
    ['paris 15e', '75115'],
    ['paris 1er', '75101'],
    ['paris premier', '75101'],
    ['marseille 13e', '13213'],
    ['marseille 13eme arrondissement', '13213'],
    ['lyon 3eme', '69383'],
    ['lyon 3 eme', '69383'],
    ['15e arrondissement de paris', '75115'],
    ['3e lyon', '69383'],
  ])('arrondissement %j', (input, code) => expect(parseArrondissement(input)?.code).toBe(code));

  test('an arrondissement number that does not exist gives the city only', () => {
    expect(parseArrondissement('lyon 10')).toEqual({ parent: '69123' });
    expect(parseArrondissement('paris')).toBeUndefined();
  });
});
