import { parseAgeOrBirthDate, warmRecognizers } from '../../knowledge/understanding/ageOrBirthDate';

const today = '2026-11-22';

describe('parseAgeOrBirthDate', () => {
  beforeAll(() => warmRecognizers(), 60_000);

  it.each([
    ['32 ans', 'fr', { kind: 'age', years: 32 }],
    ["j'ai 54 ans", 'fr', { kind: 'age', years: 54 }],
    ['vingt-cinq ans', 'fr', { kind: 'age', years: 25 }],
    ['32', 'fr', { kind: 'age', years: 32 }],
    ['I am 25 years old', 'en', { kind: 'age', years: 25 }],
    ['né le 3 mars 1990', 'fr', { kind: 'birthDate', date: '1990-03-03' }],
    ['le 12 avril 2001', 'fr', { kind: 'birthDate', date: '2001-04-12' }],
    ['03/03/1990', 'fr', { kind: 'birthDate', date: '1990-03-03' }],
    ['3/3/1990', 'en', { kind: 'birthDate', date: '1990-03-03' }],
    ['29.02.2000', 'fr', { kind: 'birthDate', date: '2000-02-29' }],
    ['1990-03-03', 'fr', { kind: 'birthDate', date: '1990-03-03' }],
  ] as const)('%s (%s)', (text, locale, expected) => {
    expect(parseAgeOrBirthDate(text, locale, today)).toEqual(expected);
  });

  it.each([
    ['30/02/1990', 'an impossible date'],
    ['01/01/2030', 'a date in the future'],
    ['bonjour', 'no age at all'],
    ['', 'nothing'],
  ])('%s → undefined (%s)', (text) => {
    expect(parseAgeOrBirthDate(text, 'fr', today)).toBeUndefined();
  });
});
