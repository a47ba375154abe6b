import { SIAE_KINDS } from '../../knowledge/directory/kinds';
import type { CriterionKey } from '../../knowledge/eligibility/criterionKeys';
import { CRITERIA, describeEligibility, EligibilityError, evaluateEligibility, RULES_VERSIONS } from '../../knowledge/eligibility';
import { aSituation } from './situations';

const NOW = '2026-03-15';
const LEVEL2: CriterionKey[] = ['CAP_BEP', 'TH', 'QPV', 'ZRR', 'PI'];

describe('thresholds: exactly the count, and one under', () => {
  const today = RULES_VERSIONS.find((v) => v.version === '2025-01-06')!;
  it.each(SIAE_KINDS)('%s', (kind) => {
    const needed = today.thresholds[kind].level2;
    const at = evaluateEligibility({ criteria: LEVEL2.slice(0, needed), kind }, NOW).results[0]!;
    const under = evaluateEligibility({ criteria: LEVEL2.slice(0, needed - 1), kind }, NOW).results[0]!;
    expect(at).toMatchObject({ kind, eligible: true, missing: 0 });
    expect(under).toMatchObject({ kind, eligible: false, missing: 1 });
    expect(evaluateEligibility({ criteria: [], kind }, NOW).results[0]!.missing).toBe(needed);
  });

  it('AI with 2 level-2 criteria: no on 2021-09-02, yes on 2021-09-03', () => {
    const two = aSituation.sayingOnly('QPV', 'TH').forKind('AI').build();
    expect(evaluateEligibility(two, '2021-09-02')).toMatchObject({ rulesVersion: '2020-12-16', results: [{ kind: 'AI', eligible: false, missing: 1 }] });
    expect(evaluateEligibility(two, '2021-09-03')).toMatchObject({ rulesVersion: '2021-09-03', results: [{ kind: 'AI', eligible: true, missing: 0 }] });
  });
});

describe('what is counted', () => {
  it('lists given and derived criteria in catalogue order, derived apart', () => {
    const result = evaluateEligibility(aSituation.youngPerson().registeredFor(30).with('QPV', 'TH').build(), NOW);
    expect(result.counted).toEqual(['DETLD', 'JEUNE', 'TH', 'QPV']);
    expect(result.derived).toEqual(['DETLD', 'JEUNE']);
    expect(result.results.find((r) => r.kind === 'EI')).toMatchObject({ level1: ['DETLD'], level2: ['JEUNE', 'TH', 'QPV'] });
  });

  it('a criterion given and derived counts once', () => {
    const result = evaluateEligibility({ criteria: ['JEUNE', 'QPV'], birthDate: '2004-06-01' }, NOW);
    expect(result.counted).toEqual(['JEUNE', 'QPV']);
    expect(result.derived).toEqual(['JEUNE']);
  });

  it('ignores FLE, DETENTION_MJ and PM before 2021-09-03, saying why', () => {
    const result = evaluateEligibility(aSituation.sayingOnly('FLE', 'QPV', 'PM', 'DETENTION_MJ').build(), '2021-09-02');
    expect(result.counted).toEqual(['QPV']);
    expect(result.ignored).toEqual([
      { key: 'DETENTION_MJ', reason: 'not_yet_in_force' },
      { key: 'FLE', reason: 'not_yet_in_force' },
      { key: 'PM', reason: 'not_yet_in_force' },
    ]);
    expect(evaluateEligibility(aSituation.sayingOnly('FLE').build(), '2021-09-03').ignored).toEqual([]);
  });

  it('ignores a criterion after its validTo (inclusive), with an injected catalogue', () => {
    const catalogue = CRITERIA.map((c) => (c.key === 'ZRR' ? { ...c, validTo: '2024-06-30' } : c));
    const data = { catalogue, versions: RULES_VERSIONS };
    expect(evaluateEligibility({ criteria: ['ZRR'] }, '2024-06-30', data).counted).toEqual(['ZRR']);
    expect(evaluateEligibility({ criteria: ['ZRR'] }, '2024-07-01', data).ignored).toEqual([{ key: 'ZRR', reason: 'no_longer_in_force' }]);
  });

  it('answers for one kind when asked', () => {
    const result = evaluateEligibility(aSituation.sayingOnly('QPV', 'TH').forKind('ETTI').build(), NOW);
    expect(result.results.map((r) => r.kind)).toEqual(['ETTI']);
  });

  it('answers for every SIAE kind otherwise, never for GEIQ, EA or EATT', () => {
    expect(evaluateEligibility({ criteria: [] }, NOW).results.map((r) => r.kind)).toEqual([...SIAE_KINDS]);
  });
});

describe('proofs, durations and the prescriber', () => {
  it('asks a proof per counted criterion with its maximum age', () => {
    const result = evaluateEligibility(aSituation.seniorPerson().with('RSA', 'TH', 'QPV').build(), NOW);
    expect(result.proofs).toEqual([
      { criterion: 'RSA', proofKey: 'eligibility:criteria.RSA.proof', maxAge: { months: 3 } },
      { criterion: 'SENIOR', proofKey: 'eligibility:criteria.SENIOR.proof', maxAge: null },
      { criterion: 'TH', proofKey: 'eligibility:criteria.TH.proof', maxAge: 'valid_at_hiring' },
      { criterion: 'QPV', proofKey: 'eligibility:criteria.QPV.proof', maxAge: { months: 6 } },
    ]);
  });

  it('gives the durations of the version', () => {
    expect(evaluateEligibility({ criteria: [] }, NOW).durations).toEqual({ passIaeMonths: 24, prescriberDiagnosisMonths: 6, siaeDiagnosisDays: 92 });
    expect(evaluateEligibility({ criteria: [] }, '2022-01-01').durations.siaeDiagnosisDays).toBe(183);
  });

  it('says a prescriber can confirm in every kind, even with no criterion', () => {
    expect(evaluateEligibility({ criteria: [] }, NOW).prescriber).toEqual({
      canConfirmAllKinds: true,
      diagnosisMonths: 6,
      explanation: { key: 'eligibility:prescriber.explain', params: { months: 6 } },
    });
  });
});

describe('explanations', () => {
  it('names the rule that applied', () => {
    const [ei] = evaluateEligibility(aSituation.rsaBeneficiary().with('QPV').forKind('EI').build(), NOW).results;
    expect(ei!.explanation).toEqual({ key: 'eligibility:result.eligibleLevel1', params: { kind: 'EI', criteria: ['RSA'] } });
    const [ai] = evaluateEligibility(aSituation.sayingOnly('QPV', 'TH').forKind('AI').build(), NOW).results;
    expect(ai!.explanation).toEqual({ key: 'eligibility:result.eligibleLevel2', params: { kind: 'AI', criteria: ['TH', 'QPV'], needed: 2 } });
    const [aci] = evaluateEligibility(aSituation.sayingOnly('QPV').forKind('ACI').build(), NOW).results;
    expect(aci!.explanation).toEqual({ key: 'eligibility:result.notEligible', params: { kind: 'ACI', criteria: ['QPV'], count: 2, needed: 3 } });
  });

  it('renders them in French and in English', () => {
    const result = evaluateEligibility(aSituation.sayingOnly('QPV', 'TH').build(), NOW);
    const fr = describeEligibility(result, 'fr');
    const en = describeEligibility(result, 'en');
    expect(fr.results.find((r) => r.kind === 'AI')!.explanation).toBe(
      "Association intermédiaire (AI) : oui, cette structure peut vous embaucher. Il faut 2 critères, vous avez : Travailleur handicapé (RQTH), Habite un quartier prioritaire (QPV).",
    );
    expect(fr.results.find((r) => r.kind === 'EI')!.explanation).toBe("Entreprise d'insertion (EI) : pas encore. Il manque 1 critère. Il en faut 3.");
    expect(en.results.find((r) => r.kind === 'EI')!.explanation).toBe('Integration enterprise (EI): not yet. 1 criterion is missing. It needs 3.');
    expect(en.results.find((r) => r.kind === 'ETTI')!.explanation).toMatch(/^Integration temp agency \(ETTI\): yes/);
    expect(en.prescriber.explanation).toMatch(/authorised prescriber .* 6 months\. Then a structure still has to hire you\.$/);
    expect(fr.proofs[0]).toEqual({
      criterion: 'TH',
      label: 'Travailleur handicapé (RQTH)',
      maxAge: 'valid_at_hiring',
      text: 'La décision de reconnaissance (RQTH ou équivalent).',
      maxAgeText: "Valable le jour de l'embauche.",
    });
  });

  it('renders every explanation without a missing key or a left placeholder', () => {
    const situations = [aSituation.nobodyInParticular(), aSituation.rsaBeneficiary(), aSituation.sayingOnly('QPV', 'TH'), aSituation.sayingOnly('QPV', 'FLE')];
    for (const locale of ['fr', 'en'] as const) {
      for (const s of situations) {
        const text = JSON.stringify(describeEligibility(evaluateEligibility(s.build(), '2021-06-01'), locale));
        expect(text).not.toMatch(/\{\{|eligibility:|criteria\.[A-Z]/);
      }
    }
  });
});

describe('impossible situations are errors', () => {
  it.each([
    ['JEUNE and SENIOR', { criteria: ['JEUNE', 'SENIOR'] }, 'contradictory_criteria'],
    ['DELD and DETLD', { criteria: ['DELD', 'DETLD'] }, 'contradictory_criteria'],
    ['JEUNE with a birth date giving 40', { criteria: ['JEUNE'], birthDate: '1986-01-01' }, 'birth_date_contradicts_criteria'],
    ['DETLD with 14 months registered', { criteria: ['DETLD'], registrationMonths: 14 }, 'contradictory_criteria'],
    ['a negative registration', { criteria: [], registrationMonths: -1 }, 'invalid_type'],
    ['a person aged 15', { criteria: [], birthDate: '2010-06-01' }, 'age_out_of_range'],
    ['an impossible birth date', { criteria: [], birthDate: '2000-02-30' }, 'invalid_date'],
  ] as const)('%s', (_name, situation, code) => {
    expect(() => evaluateEligibility({ ...situation, criteria: [...situation.criteria] }, NOW)).toThrow(expect.objectContaining({ code }));
  });

  it('a date before the supported range', () => {
    expect(() => evaluateEligibility({ criteria: ['RSA'] }, '2020-12-15')).toThrow(EligibilityError);
  });
});
