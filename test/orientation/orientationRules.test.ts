import { NEEDS, ORIENTATION_RULES, orient } from '../../knowledge/orientation/orientationRules';

describe('orientation rules (data)', () => {
  it.each(NEEDS)('need "%s" ends with a rule for everyone', (need) => {
    const rules = ORIENTATION_RULES.filter((r) => r.need === need);
    expect(rules.length).toBeGreaterThan(0);
    expect(rules[rules.length - 1]!.when).toEqual({});
    expect(rules.slice(0, -1).every((r) => Object.keys(r.when).length > 0)).toBe(true);
  });

  it.each([
    [{ need: 'job', age: 22 }, ['ML', 'FT'], true],
    [{ need: 'job', age: 25, rqth: true }, ['ML', 'FT'], true],
    [{ need: 'job', age: 26 }, ['FT', 'PLIE'], true],
    [{ need: 'job', age: 40, rqth: true }, ['CAP_EMPLOI', 'FT'], true],
    [{ need: 'job' }, ['FT', 'PLIE'], true],
    [{ need: 'rights', minima: true }, ['DEPT', 'CCAS', 'FT'], true],
    [{ need: 'rights', minima: false }, ['CCAS', 'DEPT'], false],
    [{ need: 'training', age: 19 }, ['ML', 'E2C', 'FT'], false],
    [{ need: 'training', age: 45 }, ['FT', 'AFPA'], false],
    [{ need: 'housing', age: 30 }, ['CCAS', 'DEPT'], false],
    [{ need: 'health' }, ['CCAS', 'DEPT'], false],
    [{ need: 'mobility', age: 20 }, ['ML', 'FT'], false],
    [{ need: 'mobility', age: 60 }, ['FT', 'PLIE', 'CCAS'], false],
  ] as const)('%j → %j', (profile, partners, suggestIae) => {
    expect(orient(profile)).toEqual({ partners, suggestIae });
  });
});
