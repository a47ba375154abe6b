import { z } from 'zod';
import rulesFile from './data/rules.json';
import { SIAE_KINDS, type SiaeKind } from '../directory/kinds';
import { legalSourceSchema } from './catalogue';
import { isCalendarDate } from '../calendar';
import { EligibilityError } from './errors';

const count = z.number().int().min(1);
const thresholdSchema = z.object({ level1: count, level2: count }).strict();

const versionSchema = z
  .object({
    version: z.string().min(1),
    validFrom: z.iso.date().refine(isCalendarDate, 'must be a real calendar date'),
    thresholds: z.object(Object.fromEntries(SIAE_KINDS.map((k) => [k, thresholdSchema])) as Record<SiaeKind, typeof thresholdSchema>).strict(),
    durations: z
      .object({
        passIaeMonths: z.number().int().positive(),
        prescriberDiagnosisMonths: z.number().int().positive(),
        siaeDiagnosisDays: z.number().int().positive(),
      })
      .strict(),
    source: legalSourceSchema,
  })
  .strict();

export type Threshold = z.infer<typeof thresholdSchema>;
export type RulesVersion = z.infer<typeof versionSchema>;
export type Durations = RulesVersion['durations'];

export const rulesFileSchema = z
  .object({
    $comment: z.string(),
    notCovered: z.object({ kinds: z.array(z.enum(['GEIQ', 'EA', 'EATT'])).min(1), reason: z.string().min(1) }).strict(),
    versions: z.array(versionSchema).min(1),
  })
  .strict()
  .superRefine((file, ctx) => {
    file.versions.forEach((v, i) => {
      const previous = file.versions[i - 1];
      if (previous && v.validFrom <= previous.validFrom) {
        ctx.addIssue({ code: 'custom', message: 'versions must be in increasing validFrom order', path: ['versions', i, 'validFrom'] });
      }
    });
    const ids = file.versions.map((v) => v.version);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', message: 'version ids must be unique', path: ['versions'] });
  });

export type RulesFile = z.infer<typeof rulesFileSchema>;

/** Parses a rules file; throws a ZodError naming the bad entry. */
export function loadRules(data: unknown): RulesFile {
  return rulesFileSchema.parse(data);
}

export const RULES: RulesFile = loadRules(rulesFile);
export const RULES_VERSIONS: readonly RulesVersion[] = RULES.versions;
/** Kinds that are not SIAE and do not follow the counts, with the reason. */
export const NOT_COVERED = RULES.notCovered;

/** The first date any rules version covers. */
export function earliestSupportedDate(versions: readonly RulesVersion[] = RULES_VERSIONS): string {
  return versions[0]!.validFrom;
}

/** The rules version in force on a date; an EligibilityError before the first version. */
export function rulesOn(date: string, versions: readonly RulesVersion[] = RULES_VERSIONS): RulesVersion {
  const found = [...versions].reverse().find((v) => v.validFrom <= date);
  if (!found) {
    throw new EligibilityError({
      code: 'as_of_out_of_range',
      field: 'asOf',
      message: `no eligibility rules before ${earliestSupportedDate(versions)}`,
    });
  }
  return found;
}
