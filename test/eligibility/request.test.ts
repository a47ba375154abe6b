import { parseEligibilityRequest } from '../../knowledge/eligibility';

const TODAY = '2026-03-15';

describe('parseEligibilityRequest: good requests', () => {
  it('defaults asOf to today', () => {
    expect(parseEligibilityRequest({ criteria: ['RSA'] }, TODAY)).toEqual({ ok: true, value: { situation: { criteria: ['RSA'] }, asOf: TODAY } });
  });

  it('keeps a birth date, a date and a kind', () => {
    expect(parseEligibilityRequest({ criteria: ['QPV'], birthDate: '2004-06-01', asOf: '2025-02-01', kind: 'AI' }, TODAY)).toEqual({
      ok: true,
      value: { situation: { criteria: ['QPV'], birthDate: '2004-06-01', kind: 'AI' }, asOf: '2025-02-01' },
    });
  });

  it.each([
    ['an empty list', { criteria: [] }],
    ['the earliest supported date', { criteria: ['RSA'], asOf: '2020-12-16' }],
    ['one year ahead', { criteria: ['RSA'], asOf: '2027-03-15' }],
    ['a person of 16 on asOf (birthday today)', { criteria: ['JEUNE'], birthDate: '2010-03-15' }],
    ['a person of 99', { criteria: ['SENIOR'], birthDate: '1926-03-16' }],
    ['JEUNE consistent with the birth date', { criteria: ['JEUNE'], birthDate: '2000-03-16' }],
    ['SENIOR from its very day', { criteria: ['SENIOR'], birthDate: '1976-03-15' }],
    ['a leap-day birth', { criteria: [], birthDate: '2000-02-29' }],
  ])('accepts %s', (_name, body) => {
    expect(parseEligibilityRequest(body, TODAY).ok).toBe(true);
  });
});

describe('parseEligibilityRequest: every error names its field', () => {
  it.each([
    ['no body', undefined, 'invalid_body', 'body'],
    ['a string', 'RSA', 'invalid_body', 'body'],
    ['an array', [{ criteria: ['RSA'] }], 'invalid_body', 'body'],
    ['null', null, 'invalid_body', 'body'],
    ['no criteria', {}, 'missing_field', 'criteria'],
    ['criteria as a string', { criteria: 'RSA' }, 'invalid_type', 'criteria'],
    ['a number in criteria', { criteria: ['RSA', 3] }, 'invalid_type', 'criteria.1'],
    ['a numeric birth date', { criteria: [], birthDate: 19900101 }, 'invalid_type', 'birthDate'],
    ['a boolean kind', { criteria: [], kind: true }, 'invalid_type', 'kind'],
    ['an extra field', { criteria: [], nir: '1 85 05 78 006 084 36' }, 'unknown_field', 'nir'],
    ['an unknown criterion', { criteria: ['RSA', 'LOTTERY'] }, 'unknown_criterion', 'criteria.1'],
    ['a lower-case key', { criteria: ['rsa'] }, 'unknown_criterion', 'criteria.0'],
    ['a duplicate', { criteria: ['QPV', 'TH', 'QPV'] }, 'duplicate_criterion', 'criteria.2'],
    ['JEUNE and SENIOR', { criteria: ['JEUNE', 'SENIOR'] }, 'contradictory_criteria', 'criteria'],
    ['DELD and DETLD', { criteria: ['DETLD', 'DELD'] }, 'contradictory_criteria', 'criteria'],
    ['JEUNE with a birth date giving 26 today', { criteria: ['JEUNE'], birthDate: '2000-03-15' }, 'birth_date_contradicts_criteria', 'birthDate'],
    ['SENIOR with a birth date giving 49', { criteria: ['SENIOR'], birthDate: '1976-03-16' }, 'birth_date_contradicts_criteria', 'birthDate'],
    ['an impossible birth date', { criteria: [], birthDate: '2023-02-30' }, 'invalid_date', 'birthDate'],
    ['29 February of a common year', { criteria: [], birthDate: '2001-02-29' }, 'invalid_date', 'birthDate'],
    ['a French-written date', { criteria: [], birthDate: '01/02/1990' }, 'invalid_date', 'birthDate'],
    ['an impossible asOf', { criteria: [], asOf: '2025-13-01' }, 'invalid_date', 'asOf'],
    ['a date-time asOf', { criteria: [], asOf: '2025-01-01T00:00:00Z' }, 'invalid_date', 'asOf'],
    ['a person aged 15', { criteria: [], birthDate: '2010-03-16' }, 'age_out_of_range', 'birthDate'],
    ['a person aged 100', { criteria: [], birthDate: '1926-03-15' }, 'age_out_of_range', 'birthDate'],
    ['a birth date after asOf', { criteria: [], birthDate: '2027-01-01' }, 'age_out_of_range', 'birthDate'],
    ['asOf before the supported range', { criteria: [], asOf: '2020-12-15' }, 'as_of_out_of_range', 'asOf'],
    ['asOf more than a year ahead', { criteria: [], asOf: '2027-03-16' }, 'as_of_out_of_range', 'asOf'],
    ['an unknown kind', { criteria: [], kind: 'SCOP' }, 'unknown_kind', 'kind'],
    ['a kind that is not an SIAE', { criteria: [], kind: 'GEIQ' }, 'kind_not_siae', 'kind'],
    ['too many criteria', { criteria: Array(40).fill('RSA') }, 'invalid_type', 'criteria'],
  ])('rejects %s', (_name, body, code, field) => {
    const parsed = parseEligibilityRequest(body, TODAY);
    expect(parsed).toMatchObject({ ok: false, error: { code, field } });
    if (!parsed.ok) expect(parsed.error.message.length).toBeGreaterThan(5);
  });

  it('never echoes a long value back', () => {
    const parsed = parseEligibilityRequest({ criteria: ['X'.repeat(39)] }, TODAY);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.message.length).toBeLessThan(200);
  });
});
