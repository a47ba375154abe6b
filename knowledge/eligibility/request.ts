import { z } from 'zod';
import { isSiaeKind, OTHER_EMPLOYER_KINDS, SIAE_KINDS, type SiaeKind } from '../directory/kinds';
import { ageProblem, birthDateProblem, exclusivePairProblem } from './consistency';
import { CRITERION_KEYS, isCriterionKey, type CriterionKey } from './criterionKeys';
import { addYears, isCalendarDate } from '../calendar';
import type { EligibilityProblem } from './errors';
import type { Situation } from './evaluate';
import { earliestSupportedDate } from './rulesVersions';

/** How far ahead an evaluation date may go: rules later than that are not known. */
export const MAX_YEARS_AHEAD = 1;

/** The body of `POST /api/v1/eligibility`; only the shape, the meaning is checked after. */
const requestSchema = z
  .object({
    criteria: z.array(z.string().max(40)).max(CRITERION_KEYS.length * 2),
    birthDate: z.string().max(20).optional(),
    asOf: z.string().max(20).optional(),
    kind: z.string().max(20).optional(),
  })
  .strict();

export type ParsedRequest = { ok: true; value: { situation: Situation; asOf: string } } | { ok: false; error: EligibilityProblem };

function fail(code: EligibilityProblem['code'], field: string, message: string): ParsedRequest {
  return { ok: false, error: { code, field, message } };
}

function fromZod(error: z.ZodError, body: object): ParsedRequest {
  const issue = error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    return fail('unknown_field', issue.keys[0] ?? '', `unknown field "${String(issue.keys[0]).slice(0, 40)}"; expected criteria, birthDate, asOf, kind`);
  }
  const field = issue.path.map(String).join('.');
  if (issue.path.length === 1 && !Object.hasOwn(body, String(issue.path[0]))) return fail('missing_field', field, `${field} is required`);
  return fail('invalid_type', field, `${field}: ${issue.message}`);
}

function dateProblem(value: string, field: string): ParsedRequest | undefined {
  return isCalendarDate(value) ? undefined : fail('invalid_date', field, `${field} must be a real date written YYYY-MM-DD`);
}

/**
 * Reads an eligibility request. Every error names its field and has a stable code. Duplicated
 * criteria are rejected (a client listing a criterion twice most likely has a bug; counting it
 * once silently would hide it). `today` is YYYY-MM-DD; asOf defaults to it.
 */
export function parseEligibilityRequest(body: unknown, today: string): ParsedRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return fail('invalid_body', 'body', 'the body must be a JSON object: {"criteria": [...], "birthDate"?, "asOf"?, "kind"?}');
  }
  const parsed = requestSchema.safeParse(body);
  if (!parsed.success) return fromZod(parsed.error, body);
  const { criteria, birthDate, kind } = parsed.data;

  const unknownAt = criteria.findIndex((k) => !isCriterionKey(k));
  if (unknownAt >= 0) return fail('unknown_criterion', `criteria.${unknownAt}`, `unknown criterion "${criteria[unknownAt]!.slice(0, 40)}"; expected one of ${CRITERION_KEYS.join(', ')}`);
  const duplicateAt = criteria.findIndex((k, i) => criteria.indexOf(k) !== i);
  if (duplicateAt >= 0) return fail('duplicate_criterion', `criteria.${duplicateAt}`, `criterion ${criteria[duplicateAt]} is listed twice`);
  const keys: CriterionKey[] = criteria.filter(isCriterionKey);

  let siaeKind: SiaeKind | undefined;
  if (kind !== undefined) {
    if (isSiaeKind(kind)) siaeKind = kind;
    else if ((OTHER_EMPLOYER_KINDS as readonly string[]).includes(kind)) {
      return fail('kind_not_siae', 'kind', `${kind} is not an SIAE: it does not follow these criteria counts`);
    } else return fail('unknown_kind', 'kind', `kind must be one of ${SIAE_KINDS.join(', ')}`);
  }

  const asOf = parsed.data.asOf ?? today;
  const badDate = dateProblem(asOf, 'asOf') ?? (birthDate !== undefined ? dateProblem(birthDate, 'birthDate') : undefined);
  if (badDate) return badDate;
  const earliest = earliestSupportedDate();
  const latest = addYears(today, MAX_YEARS_AHEAD);
  if (asOf < earliest || asOf > latest) return fail('as_of_out_of_range', 'asOf', `asOf must be between ${earliest} and ${latest}`);

  const problem =
    exclusivePairProblem(keys) ??
    (birthDate !== undefined ? (ageProblem(birthDate, asOf) ?? birthDateProblem(keys, birthDate, asOf)) : undefined);
  if (problem) return { ok: false, error: problem };

  const situation: Situation = { criteria: keys, ...(birthDate !== undefined ? { birthDate } : {}), ...(siaeKind !== undefined ? { kind: siaeKind } : {}) };
  return { ok: true, value: { situation, asOf } };
}
