import { SIAE_KINDS, type SiaeKind } from '../../knowledge/directory/kinds';
import { evaluateEligibility } from '../../knowledge/eligibility';
import { aSituation, type SituationBuilder } from './situations';

/*
 * Expected answers written from ../shared/domain/eligibility-rules.md, not from the code:
 * any level-1 criterion → every kind; from 2021-09-03, 2 level-2 → AI and ETTI, 3 → every kind;
 * before it, 2 level-2 → ETTI only (AI then needed 3). DETENTION_MJ, FLE, PM count from 2021-09-03.
 */
const ALL = [...SIAE_KINDS];
const NONE: SiaeKind[] = [];
const AI_ETTI: SiaeKind[] = ['AI', 'ETTI'];
const ETTI: SiaeKind[] = ['ETTI'];

const NOW = '2026-03-15';
const PRE = '2021-06-01';
const MID = '2023-05-10';

const cases: Array<[string, SituationBuilder, string, SiaeKind[]]> = [
  // after the reform, today's rules
  ['nobody in particular', aSituation.nobodyInParticular(), NOW, NONE],
  ['RSA beneficiary', aSituation.rsaBeneficiary(), NOW, ALL],
  ['ASS recipient', aSituation.assRecipient(), NOW, ALL],
  ['AAH recipient', aSituation.aahRecipient(), NOW, ALL],
  ['jobseeker registered exactly 24 months (DETLD)', aSituation.jobseekerRegisteredFor(24), NOW, ALL],
  ['very long-term jobseeker (30 months)', aSituation.veryLongTermJobseeker(), NOW, ALL],
  ['jobseeker registered 23 months (DELD only)', aSituation.jobseekerRegisteredFor(23), NOW, NONE],
  ['jobseeker registered exactly 12 months (DELD only)', aSituation.jobseekerRegisteredFor(12), NOW, NONE],
  ['jobseeker registered 11 months (nothing)', aSituation.jobseekerRegisteredFor(11), NOW, NONE],
  ['RSA and ASS', aSituation.rsaBeneficiary().with('ASS'), NOW, ALL],
  ['young person alone', aSituation.youngPerson(), NOW, NONE],
  ['senior alone', aSituation.seniorPerson(), NOW, NONE],
  ['young person in a QPV', aSituation.youngPerson().with('QPV'), NOW, AI_ETTI],
  ['young person in a QPV with a CAP', aSituation.youngPerson().with('QPV', 'CAP_BEP'), NOW, ALL],
  ['senior with RQTH', aSituation.seniorPerson().with('TH'), NOW, AI_ETTI],
  ['senior single parent with RQTH', aSituation.seniorPerson().with('TH', 'PI'), NOW, ALL],
  ['long-term jobseeker with a CAP', aSituation.longTermJobseeker().with('CAP_BEP'), NOW, AI_ETTI],
  ['long-term jobseeker with a CAP in a ZRR', aSituation.longTermJobseeker().with('CAP_BEP', 'ZRR'), NOW, ALL],
  ['QPV and ZRR residence', aSituation.sayingOnly('QPV', 'ZRR'), NOW, AI_ETTI],
  ['QPV resident only', aSituation.sayingOnly('QPV'), NOW, NONE],
  ['homeless person leaving child welfare', aSituation.sayingOnly('PSH_PR', 'ASE'), NOW, AI_ETTI],
  ['refugee speaking little French', aSituation.sayingOnly('REF_DA', 'FLE'), NOW, AI_ETTI],
  ['refugee speaking little French without transport', aSituation.sayingOnly('REF_DA', 'FLE', 'PM'), NOW, ALL],
  ['person leaving prison only', aSituation.sayingOnly('DETENTION_MJ'), NOW, NONE],
  ['person leaving prison without transport', aSituation.sayingOnly('DETENTION_MJ', 'PM'), NOW, AI_ETTI],
  ['four level-2 criteria', aSituation.sayingOnly('TH', 'CAP_BEP', 'QPV', 'ZRR'), NOW, ALL],
  [
    'every level-2 criterion that can hold together',
    aSituation.youngPerson().registeredFor(18).with('CAP_BEP', 'TH', 'PI', 'PSH_PR', 'ASE', 'REF_DA', 'ZRR', 'QPV', 'DETENTION_MJ', 'FLE', 'PM'),
    NOW,
    ALL,
  ],
  ['young very long-term jobseeker', aSituation.youngPerson().registeredFor(30), NOW, ALL],
  ['AAH recipient with RQTH', aSituation.aahRecipient().with('TH'), NOW, ALL],
  ['says JEUNE (no birth date) and single parent', aSituation.sayingOnly('JEUNE', 'PI'), NOW, AI_ETTI],
  ['says SENIOR, DELD, and left child welfare', aSituation.sayingOnly('SENIOR', 'DELD', 'ASE'), NOW, ALL],
  ['turns 26 today, in a QPV', aSituation.bornOn('2000-03-15').with('QPV'), NOW, NONE],
  ['turns 26 tomorrow, in a QPV', aSituation.bornOn('2000-03-16').with('QPV'), NOW, AI_ETTI],
  ['turns 50 today, with RQTH', aSituation.bornOn('1976-03-15').with('TH'), NOW, AI_ETTI],
  ['turns 50 tomorrow, with RQTH', aSituation.bornOn('1976-03-16').with('TH'), NOW, NONE],
  ['middle-aged person with a CAP', aSituation.middleAgedPerson().with('CAP_BEP'), NOW, NONE],
  ['middle-aged single parent with a CAP leaving child welfare', aSituation.middleAgedPerson().with('ASE', 'PI', 'CAP_BEP'), NOW, ALL],
  ['ZRR resident speaking little French', aSituation.sayingOnly('ZRR', 'FLE'), NOW, AI_ETTI],
  // before the reform (2021-06-01)
  ['before the reform: nobody in particular', aSituation.nobodyInParticular(), PRE, NONE],
  ['before the reform: RSA beneficiary', aSituation.rsaBeneficiary(), PRE, ALL],
  ['before the reform: registered 24 months', aSituation.jobseekerRegisteredFor(24), PRE, ALL],
  ['before the reform: QPV and ZRR (AI needed 3)', aSituation.sayingOnly('QPV', 'ZRR'), PRE, ETTI],
  ['before the reform: QPV, ZRR and a CAP', aSituation.sayingOnly('QPV', 'ZRR', 'CAP_BEP'), PRE, ALL],
  ['before the reform: young person with RQTH', aSituation.youngPerson().with('TH'), PRE, ETTI],
  ['before the reform: senior single parent with RQTH', aSituation.seniorPerson().with('TH', 'PI'), PRE, ALL],
  ['before the reform: little French, no transport (not criteria yet)', aSituation.sayingOnly('FLE', 'PM'), PRE, NONE],
  ['before the reform: little French in QPV and ZRR (FLE ignored)', aSituation.sayingOnly('FLE', 'QPV', 'ZRR'), PRE, ETTI],
  ['before the reform: three new criteria and QPV', aSituation.sayingOnly('DETENTION_MJ', 'FLE', 'PM', 'QPV'), PRE, NONE],
  ['before the reform: long-term jobseeker with a CAP', aSituation.longTermJobseeker().with('CAP_BEP'), PRE, ETTI],
  ['before the reform: ASS recipient speaking little French', aSituation.assRecipient().with('FLE'), PRE, ALL],
  // the reform's first day
  ['2021-09-02: QPV with a CAP', aSituation.sayingOnly('QPV', 'CAP_BEP'), '2021-09-02', ETTI],
  ['2021-09-03: QPV with a CAP', aSituation.sayingOnly('QPV', 'CAP_BEP'), '2021-09-03', AI_ETTI],
  ['2021-09-02: little French, no transport, QPV', aSituation.sayingOnly('FLE', 'PM', 'QPV'), '2021-09-02', NONE],
  ['2021-09-03: little French, no transport, QPV', aSituation.sayingOnly('FLE', 'PM', 'QPV'), '2021-09-03', ALL],
  ['2021-09-03: little French, no transport', aSituation.sayingOnly('FLE', 'PM'), '2021-09-03', AI_ETTI],
  // between the reform and 2025
  ['2023: RQTH single parent', aSituation.sayingOnly('TH', 'PI'), MID, AI_ETTI],
  ['2023: RQTH single parent leaving child welfare', aSituation.sayingOnly('TH', 'PI', 'ASE'), MID, ALL],
  ['2023: AAH recipient', aSituation.aahRecipient(), MID, ALL],
  ['2023: nobody in particular', aSituation.nobodyInParticular(), MID, NONE],
  ['2023: registered 12 months in a QPV', aSituation.jobseekerRegisteredFor(12).with('QPV'), MID, AI_ETTI],
  ['2025-01-06: says JEUNE, in a QPV', aSituation.sayingOnly('JEUNE', 'QPV'), '2025-01-06', AI_ETTI],
  ['2025-01-05: RSA beneficiary', aSituation.rsaBeneficiary(), '2025-01-05', ALL],
  ['earliest supported date: QPV and ZRR', aSituation.sayingOnly('QPV', 'ZRR'), '2020-12-16', ETTI],
  ['earliest supported date: RSA beneficiary', aSituation.rsaBeneficiary(), '2020-12-16', ALL],
  // leap-day births: the birthday is 1 March in a year without 29 February
  ['born 29 Feb 2000, on 28 Feb 2026 (still 25), in a QPV', aSituation.bornOn('2000-02-29').with('QPV'), '2026-02-28', AI_ETTI],
  ['born 29 Feb 2000, on 1 Mar 2026 (26), in a QPV', aSituation.bornOn('2000-02-29').with('QPV'), '2026-03-01', NONE],
  ['born 29 Feb 1976, on 1 Mar 2026 (50), with RQTH', aSituation.bornOn('1976-02-29').with('TH'), '2026-03-01', AI_ETTI],
  ['born 29 Feb 1976, on 28 Feb 2026 (49), with RQTH', aSituation.bornOn('1976-02-29').with('TH'), '2026-02-28', NONE],
  ['born 29 Feb 2000, on 29 Feb 2024 (24), alone', aSituation.bornOn('2000-02-29'), '2024-02-29', NONE],
];

describe('eligibility by situation (table written from the rules document)', () => {
  it('has at least 60 situations', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
  });

  const rows = cases.map(([name, builder, asOf, eligibleKinds]) => ({ name, builder, asOf, eligibleKinds }));
  it.each(rows)('$name ($asOf)', ({ builder, asOf, eligibleKinds }) => {
    const result = evaluateEligibility(builder.build(), asOf);
    const byKind = Object.fromEntries(result.results.map((r) => [r.kind, r.eligible]));
    expect(byKind).toEqual(Object.fromEntries(SIAE_KINDS.map((k) => [k, eligibleKinds.includes(k)])));
    expect(result.prescriber.canConfirmAllKinds).toBe(true);
  });
});
