import { z } from 'zod';
import { STRUCTURE_KINDS, type StructureKind } from '../../directory/kinds';
import { CRITERION_KEYS, type CriterionKey } from '../../eligibility/criterionKeys';
import { foldText } from '../../text/fold';
import criteriaFile from './criteria.json';
import intentsFile from './intents.json';
import kindsFile from './kinds.json';
import normalizationFile from './normalization.json';

/** The intents the understanding can return (the dialogs' routing keys). */
export const INTENTS = [
  'eligibility',
  'search',
  'request',
  'followup',
  'question',
  'orientation',
  'stats',
  'greeting',
  'thanks',
  'help',
  'human',
  'erase',
  'offtopic',
] as const;
export type Intent = (typeof INTENTS)[number];

/** A folded phrase must already be folded: a lexicon typo that folding would change is refused at load. */
const folded = z
  .string()
  .min(1)
  .refine((s) => foldText(s) === s, { message: 'phrase must be folded (lower case, no accents, single spaces)' });
/** A phrase is folded text, or `{ raw }`: matched case-sensitively on the typed text (codes such as "AI"). */
const phraseSchema = z.union([folded, z.object({ raw: z.string().regex(/^[A-Za-z0-9]+$/) }).strict()]);
export type PhraseData = z.infer<typeof phraseSchema>;

const kindsSchema = z
  .object({ $comment: z.string(), kinds: z.partialRecord(z.enum(STRUCTURE_KINDS), z.array(phraseSchema).min(1)) })
  .strict();
const criteriaSchema = z
  .object({ $comment: z.string(), criteria: z.partialRecord(z.enum(CRITERION_KEYS), z.array(phraseSchema).min(1)) })
  .strict();
const intentsSchema = z
  .object({
    $comment: z.string(),
    intents: z.partialRecord(z.enum(INTENTS), z.array(z.tuple([folded, z.number().positive().max(5)])).min(1)),
  })
  .strict();
const normalizationSchema = z
  .object({
    $comment: z.string(),
    tokens: z.record(z.string().regex(/^[a-z0-9]+$/), folded),
    placeStopwords: z.array(folded),
  })
  .strict();

export interface Lexicons {
  kinds: Array<[StructureKind, PhraseData[]]>;
  criteria: Array<[CriterionKey, PhraseData[]]>;
  intents: Array<[Intent, Array<[string, number]>]>;
  tokens: ReadonlyMap<string, string>;
  placeStopwords: ReadonlySet<string>;
}

function entries<K extends string, V>(record: Partial<Record<K, V>>): Array<[K, V]> {
  return Object.entries(record) as Array<[K, V]>;
}

let cached: Lexicons | undefined;

/** Validates and returns the lexicon files (once per process). Throws with the zod issues when one is wrong. */
export function loadLexicons(): Lexicons {
  if (cached) return cached;
  const kinds = kindsSchema.parse(kindsFile);
  const criteria = criteriaSchema.parse(criteriaFile);
  const intents = intentsSchema.parse(intentsFile);
  const normalization = normalizationSchema.parse(normalizationFile);
  cached = {
    kinds: entries(kinds.kinds),
    criteria: entries(criteria.criteria),
    intents: entries(intents.intents),
    tokens: new Map(Object.entries(normalization.tokens)),
    placeStopwords: new Set(normalization.placeStopwords),
  };
  return cached;
}
