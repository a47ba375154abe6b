import { parseRegistrationMonths } from '../../knowledge/understanding/registrationDuration';

describe('parseRegistrationMonths', () => {
  it.each([
    ['18 mois', 18],
    ['depuis 2 ans', 24],
    ['deux ans', 24],
    ['1 an', 12],
    ['un an et demi', 18],
    ['3 years', 36],
    ['six months', 6],
    ['0', 0],
    ['30', 30],
    ['je suis pas inscrit', 0],
    ['Pas inscrite', 0],
    ['not registered', 0],
    // A bound: less than a year is under a year; more than two years is over two years.
    ["moins d'un an", 11],
    ['moins de 6 mois', 5],
    ['less than a year', 11],
    ['presque 2 ans', 23],
    ["plus d'un an", 13],
    ['plus de 2 ans', 25],
    ['more than 2 years', 25],
  ])('"%s" → %d months', (text, months) => {
    expect(parseRegistrationMonths(text)).toBe(months);
  });

  it.each(['', 'bof', 'longtemps', 'beaucoup de mois', 'moins de 2 ans'])('"%s" is not read', (text) => {
    expect(parseRegistrationMonths(text)).toBeUndefined();
  });
});
