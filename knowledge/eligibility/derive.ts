import type { CriterionKey } from './criterionKeys';
import { ageOn } from '../calendar';

/** JEUNE: strictly under 26 on the evaluation date. */
export const JEUNE_UNDER_AGE = 26;
/** SENIOR: 50 or over on the evaluation date. */
export const SENIOR_FROM_AGE = 50;
/** DELD: registered at France Travail 12 to 23 months; DETLD: 24 months or more. */
export const DELD_FROM_MONTHS = 12;
export const DETLD_FROM_MONTHS = 24;

/** The age criterion an age gives, if any. */
export function ageCriterion(age: number): CriterionKey | undefined {
  if (age < JEUNE_UNDER_AGE) return 'JEUNE';
  if (age >= SENIOR_FROM_AGE) return 'SENIOR';
  return undefined;
}

/** The unemployment criterion a registration length (whole months) gives, if any. */
export function registrationCriterion(months: number): CriterionKey | undefined {
  if (months >= DETLD_FROM_MONTHS) return 'DETLD';
  if (months >= DELD_FROM_MONTHS) return 'DELD';
  return undefined;
}

export interface Facts {
  birthDate?: string;
  /** Age in whole years, when only the age is known (the dialog). A birth date wins over it. */
  age?: number;
  registrationMonths?: number;
}

/**
 * The criteria facts decide, whether they give one or not: an age (or a birth date) decides JEUNE and
 * SENIOR, a registration length DELD and DETLD. A word said before them never overrides them.
 */
export function criteriaDecidedBy(facts: Facts): CriterionKey[] {
  return [
    ...(facts.birthDate !== undefined || facts.age !== undefined ? (['JEUNE', 'SENIOR'] as const) : []),
    ...(facts.registrationMonths !== undefined ? (['DELD', 'DETLD'] as const) : []),
  ];
}

/** The criteria that follow from facts on a date (never asked, never given by hand). */
export function deriveCriteria(facts: Facts, asOf: string): CriterionKey[] {
  const derived: CriterionKey[] = [];
  const age = facts.birthDate !== undefined ? ageOn(facts.birthDate, asOf) : facts.age;
  const byAge = age !== undefined ? ageCriterion(age) : undefined;
  if (byAge) derived.push(byAge);
  const byRegistration = facts.registrationMonths !== undefined ? registrationCriterion(facts.registrationMonths) : undefined;
  if (byRegistration) derived.push(byRegistration);
  return derived;
}
