import { readOrdinal } from '../../knowledge/understanding/ordinal';

describe('readOrdinal: a position said in words', () => {
  it.each([
    ['le premier', 1], ['La Première', 1], ['le 1er', 1], ['la 2e', 2], ['la deuxième', 2], ['le second', 2], ['le 3ème', 3],
    ['je veux la quatrième structure svp', 4], ['la cinquième adresse', 5], ['le dernier', 'last'], ['la dernière', 'last'],
    ['the first one', 1], ['the second one', 2], ['3rd', 3], ['the last one', 'last'], ['le premier chantier', 1],
  ] as const)('« %s » → %s', (text, expected) => {
    expect(readOrdinal(text)).toBe(expected);
  });

  it.each(['2', 'numéro 2', 'premier et deuxième', 'je cherche un premier emploi dans le bâtiment', 'aci', '', 'le premier jour du mois prochain'])(
    '« %s » is not a position in a list',
    (text) => {
      expect(readOrdinal(text)).toBeUndefined();
    },
  );
});
