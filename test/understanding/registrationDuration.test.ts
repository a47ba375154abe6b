import { parseRegistrationMonths } from '../../knowledge/understanding/registrationDuration';

describe('parseRegistrationMonths', () => {
  it.each([
    ['18 mois', 18],
    ['depuis 2 ans', 24],
    ['deux ans', 24],
    ['1 an', 12],
    ['un an et demi', 12],
    ['3 years', 36],
    ['six months', 6],
    ['0', 0],
    ['30', 30],
    ['je suis pas inscrit', 0],
    ['Pas inscrite', 0],
    ['not registered', 0],
  ])('"%s" → %d months', (text, months) => {
    expect(parseRegistrationMonths(text)).toBe(months);
  });

  it.each(['', 'bof', 'longtemps', 'beaucoup de mois'])('"%s" is not read', (text) => {
    expect(parseRegistrationMonths(text)).toBeUndefined();
  });
});
