import { EXCLUSIVE_PAIRS } from './catalogue';
import type { CriterionKey } from './criterionKeys';
import { ageOn } from '../calendar';
import { ageCriterion, registrationCriterion } from './derive';
import type { EligibilityProblem } from './errors';

/** A person in IAE is over 16 and under 100 (read as 16 to 99 years old on the evaluation date). */
export const MIN_AGE = 16;
export const MAX_AGE = 99;

/** First contradiction inside the given criteria (JEUNE+SENIOR, DELD+DETLD), if any. */
export function exclusivePairProblem(criteria: readonly CriterionKey[]): EligibilityProblem | undefined {
  const pair = EXCLUSIVE_PAIRS.find(([a, b]) => criteria.includes(a) && criteria.includes(b));
  if (!pair) return undefined;
  return { code: 'contradictory_criteria', field: 'criteria', message: `${pair[0]} and ${pair[1]} cannot both hold` };
}

/** An age outside 16–99 on the date. */
export function ageProblem(birthDate: string, asOf: string): EligibilityProblem | undefined {
  const age = ageOn(birthDate, asOf);
  if (age >= MIN_AGE && age <= MAX_AGE) return undefined;
  return { code: 'age_out_of_range', field: 'birthDate', message: `the person must be 16 to 99 years old on ${asOf}` };
}

/** A given JEUNE or SENIOR the birth date denies. */
export function birthDateProblem(criteria: readonly CriterionKey[], birthDate: string, asOf: string): EligibilityProblem | undefined {
  const byAge = ageCriterion(ageOn(birthDate, asOf));
  const given = criteria.find((k) => k === 'JEUNE' || k === 'SENIOR');
  if (!given || given === byAge) return undefined;
  return { code: 'birth_date_contradicts_criteria', field: 'birthDate', message: `the birth date does not give ${given} on ${asOf}` };
}

/** A given DELD or DETLD the registration length denies. */
export function registrationProblem(criteria: readonly CriterionKey[], months: number): EligibilityProblem | undefined {
  if (!Number.isInteger(months) || months < 0) {
    return { code: 'invalid_type', field: 'registrationMonths', message: 'must be a whole number of months, 0 or more' };
  }
  const byMonths = registrationCriterion(months);
  const given = criteria.find((k) => k === 'DELD' || k === 'DETLD');
  if (!given || given === byMonths) return undefined;
  return { code: 'contradictory_criteria', field: 'registrationMonths', message: `the registration length does not give ${given}` };
}
