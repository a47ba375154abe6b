import type { SiaeKind } from '../../knowledge/directory/kinds';
import type { CriterionKey } from '../../knowledge/eligibility/criterionKeys';
import { CRITERIA, evaluateEligibility, nextQuestion, criteriaFromAnswers, type Answers, type Question } from '../../knowledge/eligibility';
import type { Facts } from '../../knowledge/eligibility/derive';

const NOW = '2026-03-15';
const PRE = '2021-06-01';

/** A person who answers from what is true of them; returns the questions asked. */
function interview(truth: { yes: CriterionKey[]; age?: number; months?: number; unknown?: CriterionKey[] }, asOf = NOW, target?: SiaeKind) {
  const answers: Answers = {};
  const facts: Facts = {};
  const asked: string[] = [];
  for (let turn = 0; turn < 30; turn++) {
    const q: Question = nextQuestion(answers, facts, asOf, target);
    if (q.type === 'done') return { asked, answers, facts };
    if (q.type === 'age') {
      asked.push('age');
      if (truth.age === undefined) answers.JEUNE = answers.SENIOR = 'unknown';
      else facts.age = truth.age;
    } else if (q.type === 'registration') {
      asked.push('registration');
      facts.registrationMonths = truth.months ?? 0;
    } else {
      asked.push(q.key);
      expect(answers[q.key]).toBeUndefined();
      answers[q.key] = truth.unknown?.includes(q.key) ? 'unknown' : truth.yes.includes(q.key) ? 'yes' : 'no';
    }
  }
  throw new Error('the interview does not end');
}

describe('nextQuestion: order', () => {
  it('starts with the minima sociaux, then age, then registration, then level-2 criteria', () => {
    const { asked } = interview({ yes: [], age: 35, months: 3 });
    expect(asked.slice(0, 6)).toEqual(['RSA', 'ASS', 'AAH', 'age', 'registration', 'CAP_BEP']);
  });

  it('never asks a derived criterion, an answered one, or one not in force', () => {
    const { asked } = interview({ yes: [], age: 35, months: 3 }, PRE);
    for (const key of ['JEUNE', 'SENIOR', 'DELD', 'DETLD', 'DETENTION_MJ', 'FLE', 'PM']) expect(asked).not.toContain(key);
    expect(new Set(asked).size).toBe(asked.length);
  });

  it('skips the age question when the age or birth date is known', () => {
    expect(nextQuestion({ RSA: 'no', ASS: 'no', AAH: 'no' }, { age: 30 }, NOW)).toEqual({ type: 'registration' });
    expect(nextQuestion({ RSA: 'no', ASS: 'no', AAH: 'no' }, { birthDate: '2000-01-01' }, NOW)).toEqual({ type: 'registration' });
    expect(nextQuestion({ RSA: 'no', ASS: 'no', AAH: 'no', JEUNE: 'no', SENIOR: 'no' }, {}, NOW)).toEqual({ type: 'registration' });
  });

  it('skips the registration question when the length is known', () => {
    expect(nextQuestion({ RSA: 'no', ASS: 'no', AAH: 'no' }, { age: 30, registrationMonths: 5 }, NOW)).toEqual({ type: 'criterion', key: 'CAP_BEP' });
  });

  it('a JEUNE yes closes SENIOR; a DELD yes closes DETLD', () => {
    expect(nextQuestion({ RSA: 'no', ASS: 'no', AAH: 'no', JEUNE: 'yes', DELD: 'yes' }, {}, NOW, 'AI')).toEqual({ type: 'done' });
    expect(nextQuestion({ RSA: 'no', ASS: 'no', AAH: 'no', JEUNE: 'yes', DELD: 'yes' }, {}, NOW)).toEqual({ type: 'criterion', key: 'CAP_BEP' });
    expect(nextQuestion({ RSA: 'no', ASS: 'no', AAH: 'no', JEUNE: 'yes', DETLD: 'no' }, {}, NOW)).toEqual({ type: 'registration' });
  });
});

describe('nextQuestion: as few questions as possible', () => {
  it.each([
    ['RSA beneficiary: 1 question', { yes: ['RSA'] as CriterionKey[] }, NOW, undefined, ['RSA']],
    ['AAH recipient: 3 questions', { yes: ['AAH'] as CriterionKey[] }, NOW, undefined, ['RSA', 'ASS', 'AAH']],
    ['very long-term jobseeker: stops after registration', { yes: [] as CriterionKey[], age: 40, months: 30 }, NOW, undefined, ['RSA', 'ASS', 'AAH', 'age', 'registration']],
    [
      'young long-term jobseeker for an AI: age and registration give 2 level-2',
      { yes: [] as CriterionKey[], age: 22, months: 15 },
      NOW,
      'AI',
      ['RSA', 'ASS', 'AAH', 'age', 'registration'],
    ],
    [
      'young long-term jobseeker with a CAP: eligible everywhere after 6 questions',
      { yes: ['CAP_BEP'] as CriterionKey[], age: 22, months: 15 },
      NOW,
      undefined,
      ['RSA', 'ASS', 'AAH', 'age', 'registration', 'CAP_BEP'],
    ],
    [
      '35-year-old with RQTH in a QPV, for an ETTI',
      { yes: ['TH', 'QPV'] as CriterionKey[], age: 35, months: 0 },
      NOW,
      'ETTI',
      ['RSA', 'ASS', 'AAH', 'age', 'registration', 'CAP_BEP', 'TH', 'QPV'],
    ],
  ] as const)('%s', (_name, truth, asOf, target, expected) => {
    expect(interview(truth, asOf, target).asked).toEqual(expected);
  });

  it('nobody in particular: stops when one level-2 criterion is left (AI and ETTI cannot reach 2 any more)', () => {
    const { asked } = interview({ yes: [], age: 35, months: 0 });
    const otherLevel2 = CRITERIA.filter((c) => c.group === 'other').length; // 11
    expect(asked).toHaveLength(3 + 2 + otherLevel2 - 1);
    expect(asked).not.toContain('PM');
  });

  it('nobody in particular, for an EI: stops when two level-2 criteria are left', () => {
    const { asked } = interview({ yes: [], age: 35, months: 0 }, NOW, 'EI');
    expect(asked).toHaveLength(3 + 2 + 11 - 2);
  });

  it('before the reform there are fewer questions (no FLE, PM, DETENTION_MJ)', () => {
    expect(interview({ yes: [], age: 35, months: 0 }, PRE).asked).toHaveLength(3 + 2 + 8 - 1);
  });

  it('once AI and ETTI are eligible, it goes on only for the kinds needing 3', () => {
    const { asked } = interview({ yes: ['CAP_BEP', 'TH'], age: 35, months: 0 });
    expect(asked.slice(5, 7)).toEqual(['CAP_BEP', 'TH']);
    // EI, ACI and EITI need a third: every remaining criterion may be it, so all 11 are asked
    expect(asked).toHaveLength(3 + 2 + 11);
  });

  it('with a target kind already eligible after 2, it stops at once', () => {
    expect(interview({ yes: ['CAP_BEP', 'TH'], age: 35, months: 0 }, NOW, 'AI').asked).toHaveLength(7);
  });

  it('"unknown" answers are not asked again and do not count', () => {
    const { asked, answers } = interview({ yes: ['TH'], age: 35, months: 0, unknown: ['CAP_BEP', 'QPV'] }, NOW, 'AI');
    expect(asked.filter((k) => k === 'CAP_BEP')).toHaveLength(1);
    expect(criteriaFromAnswers(answers)).toEqual(['TH']);
  });

  it('an age the person would not give is not asked again', () => {
    const { asked } = interview({ yes: ['QPV', 'TH'] }, NOW, 'AI');
    expect(asked.filter((q) => q === 'age')).toHaveLength(1);
  });
});

describe('nextQuestion agrees with evaluateEligibility when it is done', () => {
  const truths: Array<{ yes: CriterionKey[]; age: number; months: number }> = [
    { yes: [], age: 30, months: 0 },
    { yes: ['RSA'], age: 30, months: 0 },
    { yes: ['QPV'], age: 22, months: 0 },
    { yes: ['QPV', 'ZRR'], age: 40, months: 0 },
    { yes: ['PM', 'FLE', 'TH'], age: 55, months: 13 },
    { yes: ['ASE'], age: 19, months: 40 },
  ];
  it.each(truths)('%j', (truth) => {
    const full = evaluateEligibility({ criteria: truth.yes, registrationMonths: truth.months, birthDate: `${2026 - truth.age - 1}-12-31` }, NOW);
    const { answers, facts } = interview(truth);
    const partial = evaluateEligibility({ criteria: criteriaFromAnswers(answers), registrationMonths: facts.registrationMonths ?? 0, birthDate: `${2026 - truth.age - 1}-12-31` }, NOW);
    expect(partial.results.map((r) => r.eligible)).toEqual(full.results.map((r) => r.eligible));
  });
});
