import type { CriterionKey } from '../../eligibility/criterionKeys';
import { loadLexicons } from '../lexicons';
import { compilePhrases, findPhrases, longestHits, type CompiledPhrase } from './phrases';
import { tokensOfSpan, type PreparedText } from './text';

let compiled: CompiledPhrase<CriterionKey>[] | undefined;

const NEGATIONS = new Set(['pas', 'plus', 'jamais', 'not', 'no', 'non', 'ni', 'never', 'aucun', 'aucune', 'longer']);
const SELF_NEGATED = /(^| )(pas|sans|aucun|no|not|don t|dont|peu|mal)( |$)/;

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
      const before = p.tokens.slice(Math.max(0, first - 3), first);
      if (before.some((t) => NEGATIONS.has(t))) continue;
    }
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
