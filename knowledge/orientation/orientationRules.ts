import { z } from 'zod';
import rulesFile from './data/rules.json';
import { STRUCTURE_KINDS, type StructureKind } from '../directory/kinds';

export const NEEDS = ['job', 'rights', 'training', 'housing', 'health', 'mobility'] as const;
export type Need = (typeof NEEDS)[number];

/** What the triage knows about the person; unknown facts are undefined. */
export interface OrientationProfile {
  need: Need;
  age?: number;
  /** Receives RSA, ASS or AAH. */
  minima?: boolean;
  /** Has a disability recognition (RQTH). */
  rqth?: boolean;
}

const ruleSchema = z
  .object({
    need: z.enum(NEEDS),
    when: z.object({ under26: z.literal(true).optional(), rqth: z.literal(true).optional(), minima: z.literal(true).optional() }).strict(),
    partners: z.array(z.enum(STRUCTURE_KINDS)).min(1),
    /** Whether to point to IAE (an eligibility check) as the next step. */
    iae: z.boolean(),
  })
  .strict();

const fileSchema = z.object({ $comment: z.string(), needs: z.array(z.enum(NEEDS)), rules: z.array(ruleSchema).min(1) }).strict();

export type OrientationRule = z.infer<typeof ruleSchema>;
export const ORIENTATION_RULES: readonly OrientationRule[] = fileSchema.parse(rulesFile).rules;

export interface Orientation {
  partners: StructureKind[];
  /** Suggest checking IAE eligibility next: the need is work and the person may fit IAE. */
  suggestIae: boolean;
}

/** The partners to contact for a person, by the first rule of their need that matches. */
export function orient(profile: OrientationProfile): Orientation {
  const facts = { under26: profile.age !== undefined && profile.age < 26, rqth: profile.rqth === true, minima: profile.minima === true };
  const rule = ORIENTATION_RULES.find(
    (r) => r.need === profile.need && Object.entries(r.when).every(([fact, wanted]) => facts[fact as keyof typeof facts] === wanted),
  );
  if (!rule) throw new Error(`No orientation rule for need ${profile.need}`);
  return { partners: [...rule.partners], suggestIae: rule.iae };
}
