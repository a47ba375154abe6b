import { z } from 'zod';
import { foldText } from '../text/fold';
import { compilePhrases, findPhrases, type CompiledPhrase } from '../understanding/slots/phrases';
import needWordsFile from './data/needWords.json';
import { NEEDS, type Need } from './orientationRules';

const fileSchema = z
  .object({
    $comment: z.string(),
    needs: z.record(z.enum(NEEDS), z.array(z.string().regex(/^[a-z0-9 ]+$/, 'folded phrases only'))),
  })
  .strict();

let compiled: CompiledPhrase<Need>[] | undefined;

/** Words that are a partner's name, not a need ("France Travail"). */
const NOT_A_NEED = /(^| )france travail( |$)/g;

/**
 * The needs a message names, in the order of NEEDS ("je cherche du travail et un logement" → job,
 * housing). Data: data/needWords.json.
 */
export function needsSaidIn(text: string): Need[] {
  compiled ??= compilePhrases(Object.entries(fileSchema.parse(needWordsFile).needs) as Array<[Need, string[]]>);
  const folded = foldText(typeof text === 'string' ? text.slice(0, 600) : '').replace(NOT_A_NEED, ' ');
  const found = new Set(findPhrases(compiled, folded, folded).map((h) => h.key));
  return NEEDS.filter((need) => found.has(need));
}
