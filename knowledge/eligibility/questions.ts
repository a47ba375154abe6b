import { SIAE_KINDS, type SiaeKind } from '../directory/kinds';
import { CRITERIA, EXCLUSIVE_PAIRS, inForceOn, type Criterion } from './catalogue';
import type { CriterionKey } from './criterionKeys';
import { deriveCriteria, type Facts } from './derive';
import { RULES_VERSIONS, rulesOn, type RulesVersion } from './rulesVersions';

/** What the person said to a criterion question; 'unknown' is never asked again and never counted. */
export type Answer = 'yes' | 'no' | 'unknown';
export type Answers = Partial<Record<CriterionKey, Answer>>;

export type Question = { type: 'age' } | { type: 'registration' } | { type: 'criterion'; key: CriterionKey } | { type: 'done' };

/** Where each criterion stands: holds (said yes or derived), closed (no, unknown, ruled out), or open. */
type Status = 'holds' | 'closed' | 'open';

function statusOf(c: Criterion, answers: Answers, facts: Facts, derived: readonly CriterionKey[]): Status {
  if (derived.includes(c.key) || answers[c.key] === 'yes') return 'holds';
  if (answers[c.key] !== undefined) return 'closed';
  if (c.derivedFrom === 'birthDate' && (facts.birthDate !== undefined || facts.age !== undefined)) return 'closed';
  if (c.derivedFrom === 'registration' && facts.registrationMonths !== undefined) return 'closed';
  const partner = EXCLUSIVE_PAIRS.find((pair) => pair.includes(c.key))?.find((k) => k !== c.key);
  if (partner && (derived.includes(partner) || answers[partner] === 'yes')) return 'closed';
  return 'open';
}

/** A kind is settled when it is eligible, or when the open criteria can no longer reach its threshold. */
function isSettled(rules: RulesVersion, kind: SiaeKind, statuses: ReadonlyMap<Criterion, Status>): boolean {
  const t = rules.thresholds[kind];
  const tally = (level: 1 | 2, wanted: Status) => [...statuses].filter(([c, s]) => c.level === level && s === wanted).length;
  const have1 = tally(1, 'holds');
  const have2 = tally(2, 'holds');
  if (have1 >= t.level1 || have2 >= t.level2) return true;
  return have1 + tally(1, 'open') < t.level1 && have2 + tally(2, 'open') < t.level2;
}

/**
 * The next question of the guided eligibility check, asking as few as possible: minima sociaux
 * first (one yes settles every kind), then the age (gives JEUNE/SENIOR), then the registration
 * length (DELD/DETLD), then the other level-2 criteria in catalogue order. Criteria not in force
 * on asOf, derived criteria and answered ones are never asked. 'done' once every kind (or the
 * target kind) is eligible or can no longer become eligible.
 */
export function nextQuestion(
  answers: Answers,
  facts: Facts,
  asOf: string,
  targetKind?: SiaeKind,
  catalogue: readonly Criterion[] = CRITERIA,
  versions: readonly RulesVersion[] = RULES_VERSIONS,
): Question {
  const rules = rulesOn(asOf, versions);
  const derived = deriveCriteria(facts, asOf);
  const inForce = catalogue.filter((c) => inForceOn(c, asOf) === 'in_force');
  const statuses = new Map(inForce.map((c) => [c, statusOf(c, answers, facts, derived)] as const));
  const kinds = targetKind ? [targetKind] : SIAE_KINDS;
  if (kinds.every((kind) => isSettled(rules, kind, statuses))) return { type: 'done' };

  const open = inForce.filter((c) => statuses.get(c) === 'open');
  const minima = open.find((c) => c.group === 'minima');
  if (minima) return { type: 'criterion', key: minima.key };
  if (open.some((c) => c.derivedFrom === 'birthDate')) return { type: 'age' };
  if (open.some((c) => c.derivedFrom === 'registration')) return { type: 'registration' };
  const next = open[0];
  return next ? { type: 'criterion', key: next.key } : { type: 'done' };
}

/** The criteria that hold from the answers and facts, to pass to evaluateEligibility. */
export function criteriaFromAnswers(answers: Answers): CriterionKey[] {
  return CRITERIA.filter((c) => answers[c.key] === 'yes').map((c) => c.key);
}

/**
 * The guided check in few turns: the same order as nextQuestion, with the questions grouped — the
 * open minima sociaux as one question, then the age, the registration length, and every other open
 * criterion as one checklist (the last question). Each group lists only what is still open.
 */
export type GroupedQuestion =
  | { type: 'minima'; keys: CriterionKey[] }
  | { type: 'age' }
  | { type: 'registration' }
  | { type: 'checklist'; keys: CriterionKey[] }
  | { type: 'done' };

export function nextGroupedQuestion(
  answers: Answers,
  facts: Facts,
  asOf: string,
  targetKind?: SiaeKind,
  catalogue: readonly Criterion[] = CRITERIA,
  versions: readonly RulesVersion[] = RULES_VERSIONS,
): GroupedQuestion {
  const next = nextQuestion(answers, facts, asOf, targetKind, catalogue, versions);
  if (next.type !== 'criterion') return next;
  const group = catalogue.find((c) => c.key === next.key)!.group;
  const derived = deriveCriteria(facts, asOf);
  const open = catalogue.filter(
    (c) => c.group === group && inForceOn(c, asOf) === 'in_force' && statusOf(c, answers, facts, derived) === 'open',
  );
  const keys = open.map((c) => c.key);
  return group === 'minima' ? { type: 'minima', keys } : { type: 'checklist', keys };
}
