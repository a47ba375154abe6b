import { z } from 'zod';
import { STRUCTURE_KINDS } from '../directory/kinds';
import { CRITERION_KEYS, type CriterionKey } from '../eligibility/criterionKeys';
import { CONSENT_VERSION_IDS } from './consent';
import { ageOn } from '../calendar';
import { invalidFrom, InvalidRequestError } from './errors';
import type { Pass } from './pass';
import type { RequestStatus } from './statuses';

/**
 * What a request holds, and nothing more (issue 5: minimal data). Never a social security number:
 * the free note refuses anything shaped like one. See README.md ("Data kept and why").
 */

/** Directory ids, as in knowledge/directory/structure.ts. */
export const structureIdSchema = z.string().regex(/^[a-z-]+:[A-Za-z0-9._-]{1,80}$/, 'must look like source:identifier');

/** A pseudonymous key of the person's channel identity (see subjectKeyOf), never the raw id. */
export const subjectKeySchema = z.string().regex(/^[A-Za-z0-9_-]{16,128}$/, 'must be a pseudonymous key (16-128 url-safe characters)');

const NAME = /^[\p{L}\p{M}][\p{L}\p{M}' .-]*$/u;
const nameSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(NAME, 'letters, spaces, apostrophes, dots and hyphens only');

/** A French social security number (NIR), 13 or 15 digits, spaces allowed: refused in free text. */
const NIR_LIKE = /(?:^|\D)[12378][\s.]?\d{2}[\s.]?(?:0[1-9]|1[0-2]|[2-9]\d)[\s.]?(?:\d{2}|2[AB])[\s.]?\d{3}[\s.]?\d{3}(?:[\s.]?\d{2})?(?:\D|$)/i;

export function looksLikeSocialSecurityNumber(text: string): boolean {
  return NIR_LIKE.test(text);
}

export const freeNoteSchema = z
  .string()
  .trim()
  .min(1)
  .max(500)
  .refine((s) => !looksLikeSocialSecurityNumber(s), 'must not contain a social security number');

/** French or international phone: 0XXXXXXXXX (10 digits) or +/00 and 8–15 digits; separators removed. */
export const phoneSchema = z
  .string()
  .transform((s) => s.replace(/[\s.()-]/g, '').replace(/^00/, '+'))
  .pipe(z.string().regex(/^(?:0[1-9]\d{8}|\+[1-9]\d{7,14})$/, 'must be a phone number'));

export const contactSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('phone'), value: phoneSchema }).strict(),
  z.object({ kind: z.literal('email'), value: z.string().trim().toLowerCase().pipe(z.email().max(200)) }).strict(),
]);

export const communeInseeSchema = z.string().regex(/^(\d{5}|2[AB]\d{3})$/, 'must be an INSEE commune code');

/** Pairs that cannot both hold (eligibility-rules.md). */
export const EXCLUSIVE_CRITERIA: ReadonlyArray<readonly [CriterionKey, CriterionKey]> = [
  ['JEUNE', 'SENIOR'],
  ['DELD', 'DETLD'],
];

const criteriaSchema = z
  .array(z.enum(CRITERION_KEYS))
  .max(CRITERION_KEYS.length)
  .superRefine((keys, ctx) => {
    if (new Set(keys).size !== keys.length) ctx.addIssue({ code: 'custom', message: 'a criterion is given twice' });
    for (const [a, b] of EXCLUSIVE_CRITERIA) {
      if (keys.includes(a) && keys.includes(b)) ctx.addIssue({ code: 'custom', message: `${a} and ${b} cannot both hold` });
    }
  });

const instantSchema = z.union([z.date(), z.iso.datetime({ offset: true }).transform((s) => new Date(s))]);

export const SUBMITTERS = ['person', 'adviser'] as const;

export const requestDraftSchema = z
  .object({
    subjectKey: subjectKeySchema,
    consent: z.object({ version: z.enum(CONSENT_VERSION_IDS), givenAt: instantSchema }).strict(),
    person: z
      .object({
        firstName: nameSchema,
        lastName: nameSchema,
        birthDate: z.iso.date(),
        contact: contactSchema,
        communeInsee: communeInseeSchema,
      })
      .strict(),
    criteria: criteriaSchema,
    /** The structure (SIAE) the person wants to join, if any. */
    structureId: structureIdSchema.optional(),
    note: freeNoteSchema.optional(),
    /**
     * The organisation chosen by routing (a directory structure id): a prescriber (partner kind), or
     * the chosen structure itself for a candidature (data/routing.json, `candidature`).
     */
    organisationId: structureIdSchema,
    routing: z.object({ ruleId: z.string().regex(/^[a-z0-9_-]{1,40}$/), kind: z.enum(STRUCTURE_KINDS) }).strict(),
    /** Who filled it in: the person, or an adviser for them. */
    submittedBy: z.enum(SUBMITTERS).default('person'),
    /** Channel it came from (webchat, msteams…), for statistics. */
    channel: z.string().regex(/^[a-z0-9_-]{1,30}$/).optional(),
  })
  .strict();

export type RequestDraftInput = z.input<typeof requestDraftSchema>;
export type RequestDraft = z.output<typeof requestDraftSchema>;
export type Contact = z.output<typeof contactSchema>;

/** A person must be over 16 and under 100 on the day of the request (eligibility-rules.md). */
export const MIN_AGE = 16;
export const MAX_AGE_EXCLUSIVE = 100;

/** Validates a draft; `today` (ISO date) bounds the age. Throws InvalidRequestError. */
export function parseDraft(input: unknown, today: string, operation = 'submit'): RequestDraft {
  const parsed = requestDraftSchema.safeParse(input);
  if (!parsed.success) throw invalidFrom(operation, parsed.error);
  const age = ageOn(parsed.data.person.birthDate, today);
  if (age < MIN_AGE || age >= MAX_AGE_EXCLUSIVE) {
    throw new InvalidRequestError(operation, 'person.birthDate', `age must be from ${MIN_AGE} to ${MAX_AGE_EXCLUSIVE - 1}`);
  }
  return parsed.data;
}

/** Who did something to a request. Advisers are named by their registry id (tenant:object id). */
export type Actor = { kind: 'person' } | { kind: 'adviser'; adviserId: string } | { kind: 'system' };

export const CLOSE_REASONS = ['withdrawn', 'unreachable', 'no_answer_60_days', 'hired_elsewhere', 'duplicate', 'other'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

export const EXPORT_FORMATS = ['json', 'text'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type HistoryEntry =
  | { at: Date; actor: Actor; action: 'submitted'; to: 'received' }
  | { at: Date; actor: Actor; action: 'status'; from: RequestStatus; to: RequestStatus; reason?: CloseReason; note?: string; pass?: Pass }
  | { at: Date; actor: Actor; action: 'export'; format: ExportFormat };

/** A stored request as callers see it (a fresh copy; the follow-up code hash never leaves the store). */
export interface RequestRecord {
  id: string;
  reference: string;
  status: RequestStatus;
  /** Bumped by every change: pass it back as `expectedVersion`. */
  version: number;
  organisationId: string;
  subjectKey: string;
  submittedBy: (typeof SUBMITTERS)[number];
  channel?: string;
  createdAt: Date;
  updatedAt: Date;
  /** When it reached not_eligible or closed. */
  closedAt?: Date;
  /** When the purge deletes it (retention.ts). */
  expiresAt: Date;
  consent: { version: string; givenAt: Date };
  person: RequestDraft['person'];
  criteria: CriterionKey[];
  structureId?: string;
  note?: string;
  routing: RequestDraft['routing'];
  pass?: Pass;
  history: HistoryEntry[];
}

/** What `suivre ma demande` shows once reference and code match. */
export interface FollowUpView {
  reference: string;
  status: RequestStatus;
  submittedAt: Date;
  updatedAt: Date;
  organisationId: string;
  pass?: Pass;
}
