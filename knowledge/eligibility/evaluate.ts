import { SIAE_KINDS, type SiaeKind } from '../directory/kinds';
import { CRITERIA, criterionTextKey, inForceOn, type Criterion, type ProofAge } from './catalogue';
import { ageProblem, birthDateProblem, exclusivePairProblem, registrationProblem } from './consistency';
import type { CriterionKey } from './criterionKeys';
import { isCalendarDate } from '../calendar';
import { deriveCriteria } from './derive';
import { EligibilityError, type EligibilityProblem } from './errors';
import { RULES_VERSIONS, rulesOn, type Durations, type RulesVersion, type Threshold } from './rulesVersions';

/** What is known of a person. Given criteria are what they said; the facts give derived ones. */
export interface Situation {
  criteria: readonly CriterionKey[];
  birthDate?: string;
  registrationMonths?: number;
  /** Evaluate for this SIAE kind only. */
  kind?: SiaeKind;
}

export type IgnoredReason = 'not_yet_in_force' | 'no_longer_in_force';

/** Values for an explanation's text: `criteria` are keys, rendered as labels by describeEligibility. */
export interface ExplanationParams {
  kind?: SiaeKind;
  criteria?: CriterionKey[];
  count?: number;
  needed?: number;
  months?: number;
}

/** An i18next key in the eligibility namespace with its values. */
export interface Explanation {
  key: string;
  params: ExplanationParams;
}

export interface KindResult {
  kind: SiaeKind;
  eligible: boolean;
  level1: CriterionKey[];
  level2: CriterionKey[];
  /** Level-2 criteria still needed (0 when eligible). */
  missing: number;
  threshold: Threshold;
  explanation: Explanation;
}

export interface ProofRequirement {
  criterion: CriterionKey;
  proofKey: string;
  maxAge: ProofAge;
}

export interface EligibilityResult {
  rulesVersion: string;
  asOf: string;
  /** Given and derived criteria in force on asOf, in catalogue order. */
  counted: CriterionKey[];
  derived: CriterionKey[];
  ignored: Array<{ key: CriterionKey; reason: IgnoredReason }>;
  results: KindResult[];
  prescriber: { canConfirmAllKinds: true; diagnosisMonths: number; explanation: Explanation };
  proofs: ProofRequirement[];
  durations: Durations;
}

export interface EligibilityData {
  catalogue: readonly Criterion[];
  versions: readonly RulesVersion[];
}

const DEFAULT_DATA: EligibilityData = { catalogue: CRITERIA, versions: RULES_VERSIONS };

function check(problem: EligibilityProblem | undefined): void {
  if (problem) throw new EligibilityError(problem);
}

/** Throws an EligibilityError when the situation cannot be true (contradictions, age, bad date). */
export function assertConsistent(situation: Situation, asOf: string): void {
  if (!isCalendarDate(asOf)) check({ code: 'invalid_date', field: 'asOf', message: 'must be a real date written YYYY-MM-DD' });
  check(exclusivePairProblem(situation.criteria));
  if (situation.birthDate !== undefined) {
    if (!isCalendarDate(situation.birthDate)) check({ code: 'invalid_date', field: 'birthDate', message: 'must be a real date written YYYY-MM-DD' });
    check(ageProblem(situation.birthDate, asOf));
    check(birthDateProblem(situation.criteria, situation.birthDate, asOf));
  }
  if (situation.registrationMonths !== undefined) check(registrationProblem(situation.criteria, situation.registrationMonths));
}

/** One kind's answer: eligible by its own diagnosis with ≥ level1 level-1 or ≥ level2 level-2 criteria. */
export function evaluateKind(kind: SiaeKind, threshold: Threshold, counted: readonly Criterion[]): KindResult {
  const level1 = counted.filter((c) => c.level === 1).map((c) => c.key);
  const level2 = counted.filter((c) => c.level === 2).map((c) => c.key);
  const byLevel1 = level1.length >= threshold.level1;
  const byLevel2 = level2.length >= threshold.level2;
  const eligible = byLevel1 || byLevel2;
  const missing = eligible ? 0 : threshold.level2 - level2.length;
  const explanation: Explanation = byLevel1
    ? { key: 'eligibility:result.eligibleLevel1', params: { kind, criteria: level1 } }
    : byLevel2
      ? { key: 'eligibility:result.eligibleLevel2', params: { kind, criteria: level2, needed: threshold.level2 } }
      : { key: 'eligibility:result.notEligible', params: { kind, criteria: level2, count: missing, needed: threshold.level2 } };
  return { kind, eligible, level1, level2, missing, threshold, explanation };
}

/**
 * Which SIAE kinds can hire a person on their own diagnosis on `asOf`, and what a prescriber can do.
 * Pure: the date is a parameter. Throws an EligibilityError on an impossible situation or a date
 * before the first rules version.
 */
export function evaluateEligibility(situation: Situation, asOf: string, data: EligibilityData = DEFAULT_DATA): EligibilityResult {
  assertConsistent(situation, asOf);
  const rules = rulesOn(asOf, data.versions);
  const derived = deriveCriteria(situation, asOf);
  const wanted = new Set<CriterionKey>([...situation.criteria, ...derived]);
  const ignored: EligibilityResult['ignored'] = [];
  const counted: Criterion[] = [];
  for (const c of data.catalogue) {
    if (!wanted.has(c.key)) continue;
    const status = inForceOn(c, asOf);
    if (status === 'in_force') counted.push(c);
    else ignored.push({ key: c.key, reason: status });
  }
  const kinds = situation.kind ? [situation.kind] : [...SIAE_KINDS];
  return {
    rulesVersion: rules.version,
    asOf,
    counted: counted.map((c) => c.key),
    derived: data.catalogue.filter((c) => derived.includes(c.key)).map((c) => c.key),
    ignored,
    results: kinds.map((kind) => evaluateKind(kind, rules.thresholds[kind], counted)),
    prescriber: {
      canConfirmAllKinds: true,
      diagnosisMonths: rules.durations.prescriberDiagnosisMonths,
      explanation: { key: 'eligibility:prescriber.explain', params: { months: rules.durations.prescriberDiagnosisMonths } },
    },
    proofs: counted.map((c) => ({ criterion: c.key, proofKey: criterionTextKey(c.key, 'proof'), maxAge: c.proofAge })),
    durations: { ...rules.durations },
  };
}
