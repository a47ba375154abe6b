import { addYears, ageOn, isCalendarDate, legalTimeZone, todayIn, todayInParis } from '../../knowledge/calendar';
import legalTime from '../../knowledge/calendar/data/legalTime.json';
import { servedPlace } from '../../knowledge/territory';
import { ageCriterion, deriveCriteria, registrationCriterion } from '../../knowledge/eligibility';

describe('age on a date', () => {
  it.each([
    ['2000-03-15', '2026-03-14', 25],
    ['2000-03-15', '2026-03-15', 26],
    ['1976-03-15', '2026-03-14', 49],
    ['1976-03-15', '2026-03-15', 50],
    ['2000-12-31', '2026-01-01', 25],
    ['2000-01-01', '2025-12-31', 25],
    // leap-day births: the birthday is 1 March in a year without 29 February
    ['2000-02-29', '2026-02-28', 25],
    ['2000-02-29', '2026-03-01', 26],
    ['2000-02-29', '2024-02-28', 23],
    ['2000-02-29', '2024-02-29', 24],
    ['1976-02-29', '2026-02-28', 49],
    ['1976-02-29', '2026-03-01', 50],
  ])('born %s, on %s: %i', (birth, date, age) => {
    expect(ageOn(birth, date)).toBe(age);
  });

  it.each([
    [25, 'JEUNE'],
    [26, undefined],
    [49, undefined],
    [50, 'SENIOR'],
    [16, 'JEUNE'],
    [99, 'SENIOR'],
  ] as const)('age %i gives %s', (age, key) => {
    expect(ageCriterion(age)).toBe(key);
  });

  it.each([
    ['2000-03-15', '2026-03-14', ['JEUNE']],
    ['2000-03-15', '2026-03-15', []],
    ['1976-03-15', '2026-03-14', []],
    ['1976-03-15', '2026-03-15', ['SENIOR']],
  ])('born %s, on %s, derives %j', (birthDate, asOf, keys) => {
    expect(deriveCriteria({ birthDate }, asOf)).toEqual(keys);
  });

  it('a birth date wins over a stated age', () => {
    expect(deriveCriteria({ birthDate: '2000-03-15', age: 60 }, '2026-03-14')).toEqual(['JEUNE']);
    expect(deriveCriteria({ age: 60 }, '2026-03-14')).toEqual(['SENIOR']);
  });
});

describe('registration length', () => {
  it.each([
    [0, undefined],
    [11, undefined],
    [12, 'DELD'],
    [23, 'DELD'],
    [24, 'DETLD'],
    [120, 'DETLD'],
  ] as const)('%i months gives %s', (months, key) => {
    expect(registrationCriterion(months)).toBe(key);
  });

  it('derives age and registration together', () => {
    expect(deriveCriteria({ birthDate: '1960-01-01', registrationMonths: 30 }, '2026-01-01')).toEqual(['SENIOR', 'DETLD']);
  });
});

describe('calendar dates', () => {
  it.each(['2024-02-29', '2000-02-29', '2023-12-31', '2021-09-03'])('%s is a date', (d) => expect(isCalendarDate(d)).toBe(true));
  it.each(['2023-02-29', '1900-02-29', '2023-02-30', '2023-04-31', '2023-13-01', '2023-00-10', '2023-1-5', '05/01/2023', ''])(
    '%s is not',
    (d) => expect(isCalendarDate(d)).toBe(false),
  );

  it('adds years, 29 February becoming 28 February', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2026-03-15', 1)).toBe('2027-03-15');
  });

  it('today is read in Paris, not in UTC', () => {
    expect(todayInParis(new Date('2026-03-14T23:30:00Z'))).toBe('2026-03-15');
    expect(todayInParis(new Date('2026-07-14T21:59:00Z'))).toBe('2026-07-14');
    expect(todayInParis(new Date('2026-07-14T22:00:00Z'))).toBe('2026-07-15');
  });

  it("the legal time's data names real time zones, for départements and régions that exist, each région's zone its département's", () => {
    const zones = [legalTime.default, ...Object.values(legalTime.byDepartement), ...Object.values(legalTime.byRegion)];
    for (const zone of zones) expect(() => todayIn(new Date(), zone)).not.toThrow();
    for (const [departement, zone] of Object.entries(legalTime.byDepartement)) {
      const place = servedPlace(departement);
      if (place) expect(legalTimeZone(place)).toBe(zone);
    }
    for (const [region, zone] of Object.entries(legalTime.byRegion)) {
      const place = servedPlace(`region:${region}`);
      expect(place?.type).toBe('region');
      expect(legalTime.byDepartement[place!.departement as keyof typeof legalTime.byDepartement]).toBe(zone);
    }
    expect(legalTimeZone({ departement: '13', region: '93' })).toBe('Europe/Paris');
    expect(legalTimeZone({ region: '02' })).toBe('America/Martinique');
  });
});

