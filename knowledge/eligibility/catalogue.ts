import { z } from 'zod';
import criteriaFile from './data/criteria.json';
import { CRITERION_KEYS, type CriterionKey } from './criterionKeys';
import { isCalendarDate } from '../calendar';

export const CRITERION_GROUPS = ['minima', 'unemployment', 'age', 'other'] as const;
export type CriterionGroup = (typeof CRITERION_GROUPS)[number];

const calendarDate = z.iso.date().refine(isCalendarDate, 'must be a real calendar date');

/** How recent a proof must be: a number of months, valid on the day of hiring, or no age (identity). */
export const proofAgeSchema = z.union([
  z.object({ months: z.union([z.literal(3), z.literal(6), z.literal(12)]) }).strict(),
  z.literal('valid_at_hiring'),
  z.null(),
]);
export type ProofAge = z.infer<typeof proofAgeSchema>;

export const legalSourceSchema = z.object({ text: z.string().min(1), reference: z.string().min(1) }).strict();
export type LegalSource = z.infer<typeof legalSourceSchema>;

const criterionSchema = z
  .object({
    key: z.enum(CRITERION_KEYS),
    level: z.union([z.literal(1), z.literal(2)]),
    group: z.enum(CRITERION_GROUPS),
    validFrom: calendarDate,
    /** Last day in force, inclusive. */
    validTo: calendarDate.optional(),
    proofAge: proofAgeSchema,
    derivedFrom: z.enum(['birthDate', 'registration']).nullable(),
    source: legalSourceSchema,
  })
  .strict()
  .refine((c) => c.validTo === undefined || c.validTo >= c.validFrom, { message: 'validTo is before validFrom', path: ['validTo'] });

export type Criterion = z.infer<typeof criterionSchema> & { key: CriterionKey };

export const catalogueFileSchema = z
  .object({ $comment: z.string(), criteria: z.array(criterionSchema) })
  .strict()
  .superRefine((file, ctx) => {
    const seen = file.criteria.map((c) => c.key);
    for (const key of CRITERION_KEYS) {
      const count = seen.filter((k) => k === key).length;
      if (count !== 1) ctx.addIssue({ code: 'custom', message: `criterion ${key} appears ${count} times (expected once)`, path: ['criteria'] });
    }
  });

/** Parses a catalogue file; throws a ZodError naming the bad entry. */
export function loadCatalogue(data: unknown): readonly Criterion[] {
  return Object.freeze(catalogueFileSchema.parse(data).criteria.map((c) => Object.freeze(c)));
}

/** The 18 criteria, in the order the guided dialog asks them. */
export const CRITERIA: readonly Criterion[] = loadCatalogue(criteriaFile);

export function criterion(key: CriterionKey, catalogue: readonly Criterion[] = CRITERIA): Criterion {
  const found = catalogue.find((c) => c.key === key);
  if (!found) throw new Error(`criterion ${key} is not in the catalogue`);
  return found;
}

export type InForce = 'in_force' | 'not_yet_in_force' | 'no_longer_in_force';

/** Whether a criterion applies on a date (validFrom and validTo both inclusive). */
export function inForceOn(c: Pick<Criterion, 'validFrom' | 'validTo'>, date: string): InForce {
  if (date < c.validFrom) return 'not_yet_in_force';
  if (c.validTo !== undefined && date > c.validTo) return 'no_longer_in_force';
  return 'in_force';
}

/** Exclusive pairs: a person cannot hold both (eligibility-rules.md). */
export const EXCLUSIVE_PAIRS: ReadonlyArray<readonly [CriterionKey, CriterionKey]> = [
  ['JEUNE', 'SENIOR'],
  ['DELD', 'DETLD'],
];

/** The i18next key of a criterion's text (`label`, `question`, `questionAdviser`, `explain`, `proof`). */
export function criterionTextKey(key: CriterionKey, field: 'label' | 'question' | 'questionAdviser' | 'explain' | 'proof'): string {
  return `eligibility:criteria.${key}.${field}`;
}
