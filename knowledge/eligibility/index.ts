/** IAE eligibility: the criteria catalogue, the rules by date, evaluation, requests and the guided questions. */
export { CRITERION_KEYS, isCriterionKey, type CriterionKey } from './criterionKeys';
export { CRITERIA, EXCLUSIVE_PAIRS, criterion, criterionTextKey, inForceOn, loadCatalogue, type Criterion, type InForce, type ProofAge } from './catalogue';
export { NOT_COVERED, RULES_VERSIONS, earliestSupportedDate, loadRules, rulesOn, type Durations, type RulesVersion, type Threshold } from './rulesVersions';
export { ageCriterion, criteriaDecidedBy, deriveCriteria, registrationCriterion, type Facts } from './derive';
export { MAX_AGE, MIN_AGE } from './consistency';
export { EligibilityError, ELIGIBILITY_ERROR_CODES, type EligibilityErrorCode, type EligibilityProblem } from './errors';
export {
  evaluateEligibility,
  evaluateKind,
  type EligibilityResult,
  type Explanation,
  type IgnoredReason,
  type KindResult,
  type ProofRequirement,
  type Situation,
} from './evaluate';
export { audienceOptions, describeEligibility, personWords, proofAgeText, renderExplanation, RELATIONS, type Audience, type DescribedEligibility, type PersonWords, type Relation } from './describe';
export { parseEligibilityRequest, MAX_YEARS_AHEAD, type ParsedRequest } from './request';
export { criteriaFromAnswers, nextGroupedQuestion, nextQuestion, type Answer, type Answers, type GroupedQuestion, type Question } from './questions';
