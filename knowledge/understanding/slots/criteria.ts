import type { CriterionKey } from '../../eligibility/criterionKeys';
import { loadLexicons } from '../lexicons';
import { compilePhrases, findPhrases, longestHits, type CompiledPhrase } from './phrases';
import { tokensOfSpan, type PreparedText } from './text';

let compiled: CompiledPhrase<CriterionKey>[] | undefined;

/** "t" is what is left of "don't", "doesn't", "haven't" once folded. */
const NEGATIONS = new Set(['pas', 'plus', 'jamais', 'not', 'no', 'non', 'ni', 'never', 'aucun', 'aucune', 'longer', 't', 'dont', 'pa']);
const SELF_NEGATED = /(^| )(pas|sans|aucun|no|not|don t|dont|peu|mal)( |$)/;

/** Words right before a phrase that make it about something else ("référent RSA", "clé RSA", "arrêt maladie longue durée"). */
const NOT_AFTER: Partial<Record<CriterionKey, ReadonlySet<string>>> = {
  RSA: new Set(['referent', 'referente', 'service', 'cle', 'key', 'chiffrement']),
  ASS: new Set(['referent', 'referente', 'service']),
  DELD: new Set(['maladie', 'arret']),
  DETLD: new Set(['maladie', 'arret']),
};
/** A benefit received in the past ("je touchais l'ASS", "avant j'étais au RSA") is not a criterion now. */
const PAST = new Set(['touchais', 'etais', 'avais', 'percevais', 'beneficiais', 'avant', 'used', 'formerly']);

export interface CriteriaFound {
  criteria: CriterionKey[];
  usedTokens: number[];
}

/**
 * Criteria named in a message ("au RSA", "RQTH", "maman solo", "pas de permis"). A phrase right after
 * a negation ("je ne touche pas le RSA", "plus au RSA") does not count.
 */
export function extractCriteriaWords(p: PreparedText): CriteriaFound {
  compiled ??= compilePhrases(loadLexicons().criteria);
  const hits = longestHits(findPhrases(compiled, p.folded, p.raw)).sort((a, b) => a.start - b.start);
  const criteria: CriterionKey[] = [];
  const usedTokens: number[] = [];
  for (const h of hits) {
    const tokens = h.onRaw ? [] : tokensOfSpan(p, h.start, h.end);
    const first = tokens[0] ?? p.tokens.indexOf(h.phrase.toLowerCase());
    if (!SELF_NEGATED.test(h.phrase) && first > 0) {
      // A negation counts within three words before, in the same clause ("no diploma, on RSA" is on the RSA).
      const from = Math.max(0, first - 3);
      if (p.tokens.slice(from, first).some((t, k) => NEGATIONS.has(t) && p.clauses[from + k] === p.clauses[first])) continue;
    }
    if (first > 0 && NOT_AFTER[h.key]?.has(p.tokens[first - 1]!)) continue;
    if (first > 0 && ['RSA', 'ASS', 'AAH'].includes(h.key) && p.tokens.slice(Math.max(0, first - 3), first).some((t) => PAST.has(t))) continue;
    if (!criteria.includes(h.key)) criteria.push(h.key);
    usedTokens.push(...tokens);
  }
  return { criteria, usedTokens };
}

/** Criteria that follow from an age and a registration length (eligibility-rules.md, "Derived, not asked"). */
export function derivedCriteria(age: number | undefined, registrationMonths: number | undefined): CriterionKey[] {
  const out: CriterionKey[] = [];
  if (age !== undefined && age < 26) out.push('JEUNE');
  if (age !== undefined && age >= 50) out.push('SENIOR');
  if (registrationMonths !== undefined && registrationMonths >= 24) out.push('DETLD');
  else if (registrationMonths !== undefined && registrationMonths >= 12) out.push('DELD');
  return out;
}

/** Merges criteria, keeping the first of each exclusive pair's winner: a stated figure beats a vague word. */
export function mergeCriteria(words: CriterionKey[], derived: CriterionKey[]): CriterionKey[] {
  const out = [...derived];
  for (const c of words) {
    if (out.includes(c)) continue;
    if ((c === 'DELD' && out.includes('DETLD')) || (c === 'DETLD' && out.includes('DELD'))) continue;
    if ((c === 'JEUNE' && out.includes('SENIOR')) || (c === 'SENIOR' && out.includes('JEUNE'))) continue;
    out.push(c);
  }
  // "très longue durée" also contains "longue durée".
  if (out.includes('DETLD') && out.includes('DELD')) out.splice(out.indexOf('DELD'), 1);
  return out;
}
