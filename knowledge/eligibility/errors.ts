/** Stable codes of every way an eligibility input can be wrong. The HTTP edge maps them all to 400. */
export const ELIGIBILITY_ERROR_CODES = [
  'invalid_body',
  'invalid_type',
  'unknown_field',
  'missing_field',
  'unknown_criterion',
  'duplicate_criterion',
  'contradictory_criteria',
  'birth_date_contradicts_criteria',
  'invalid_date',
  'age_out_of_range',
  'as_of_out_of_range',
  'unknown_kind',
  'kind_not_siae',
] as const;
export type EligibilityErrorCode = (typeof ELIGIBILITY_ERROR_CODES)[number];

/** What is wrong with an input, naming the field (`criteria.2`, `birthDate`…); no personal data. */
export interface EligibilityProblem {
  code: EligibilityErrorCode;
  field: string;
  message: string;
}

/** A domain error carrying a problem; thrown by the pure functions when called with bad input. */
export class EligibilityError extends Error {
  readonly code: EligibilityErrorCode;
  readonly field: string;

  constructor(problem: EligibilityProblem, options?: { cause?: unknown }) {
    super(`${problem.field}: ${problem.message}`, options);
    this.name = 'EligibilityError';
    this.code = problem.code;
    this.field = problem.field;
  }
}
