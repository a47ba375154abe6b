import { SIAE_KINDS } from '../../knowledge/directory/kinds';
import { EligibilityError, loadRules, NOT_COVERED, RULES_VERSIONS, rulesOn } from '../../knowledge/eligibility';
import rulesFile from '../../knowledge/eligibility/data/rules.json';

/** The thresholds table of eligibility-rules.md: [level-1, level-2] needed, per kind. */
const BEFORE_REFORM = { AI: [1, 3], ETTI: [1, 2], ACI: [1, 3], EI: [1, 3], EITI: [1, 3] } as const;
const FROM_REFORM = { AI: [1, 2], ETTI: [1, 2], ACI: [1, 3], EI: [1, 3], EITI: [1, 3] } as const;

describe('rules versions (data)', () => {
  it('has the pre-reform version, 2021-09-03 and 2025-01-06, in date order', () => {
    expect(RULES_VERSIONS.map((v) => v.version)).toEqual(['2020-12-16', '2021-09-03', '2025-01-06']);
  });

  it.each([
    ['2020-12-16', BEFORE_REFORM],
    ['2021-09-03', FROM_REFORM],
    ['2025-01-06', FROM_REFORM],
  ] as const)('version %s has the thresholds of the rules document', (version, table) => {
    const v = RULES_VERSIONS.find((x) => x.version === version)!;
    for (const kind of SIAE_KINDS) expect([v.thresholds[kind].level1, v.thresholds[kind].level2]).toEqual(table[kind]);
  });

  it.each(RULES_VERSIONS.map((v) => [v.version, v] as const))('version %s: PASS IAE 24 months, prescriber 6 months, a legal source', (_id, v) => {
    expect(v.durations.passIaeMonths).toBe(24);
    expect(v.durations.prescriberDiagnosisMonths).toBe(6);
    expect(v.source.text).not.toBe('');
    expect(v.source.reference).not.toBe('');
  });

  it('SIAE diagnosis: 92 days from 2025-01-06, 183 days (6 months, assumed) before', () => {
    expect(rulesOn('2025-01-06').durations.siaeDiagnosisDays).toBe(92);
    expect(rulesOn('2025-01-05').durations.siaeDiagnosisDays).toBe(183);
  });

  it('says in the data that GEIQ, EA and EATT do not follow the counts', () => {
    expect(NOT_COVERED.kinds).toEqual(['GEIQ', 'EA', 'EATT']);
    expect(NOT_COVERED.reason).toMatch(/not SIAE/);
  });

  it.each([
    ['2020-12-16', '2020-12-16'],
    ['2021-09-02', '2020-12-16'],
    ['2021-09-03', '2021-09-03'],
    ['2025-01-05', '2021-09-03'],
    ['2025-01-06', '2025-01-06'],
    ['2030-01-01', '2025-01-06'],
  ])('on %s the version is %s', (date, version) => {
    expect(rulesOn(date).version).toBe(version);
  });

  it('has no rules before the earliest version', () => {
    expect(() => rulesOn('2020-12-15')).toThrow(EligibilityError);
    try {
      rulesOn('2019-01-01');
    } catch (error) {
      expect(error).toMatchObject({ code: 'as_of_out_of_range', field: 'asOf' });
    }
  });

  it.each([
    ['versions out of order', { ...rulesFile, versions: [...rulesFile.versions].reverse() }],
    ['a missing kind', { ...rulesFile, versions: [{ ...rulesFile.versions[0], thresholds: { EI: { level1: 1, level2: 3 } } }] }],
    ['a zero threshold', { ...rulesFile, versions: [{ ...rulesFile.versions[0], thresholds: { ...rulesFile.versions[0]!.thresholds, AI: { level1: 0, level2: 2 } } }] }],
    ['a duplicated version id', { ...rulesFile, versions: [rulesFile.versions[0], { ...rulesFile.versions[1], version: rulesFile.versions[0]!.version }] }],
  ])('rejects a rules file with %s', (_name, data) => {
    expect(() => loadRules(data)).toThrow();
  });
});
