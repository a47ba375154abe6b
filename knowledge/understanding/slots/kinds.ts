import type { StructureKind } from '../../directory/kinds';
import { loadLexicons } from '../lexicons';
import { compilePhrases, findPhrases, longestHits, type CompiledPhrase } from './phrases';
import { tokensOfSpan, type PreparedText } from './text';

const SHORT_CODES: Record<string, StructureKind> = { ai: 'AI', ei: 'EI', ea: 'EA', eis: 'EI', ais: 'AI', ml: 'ML' };
/** Words before a lower-case code ("une ai", "les ei", "en ea"); not "l" ("je l ai vu"). */
const CODE_BEFORE = new Set(['une', 'un', 'les', 'des', 'd', 'en', 'dans', 'cette', 'mon', 'ma', 'the', 'an', 'aci', 'etti', 'ou', 'et', 'quelle', 'quel']);

let compiled: CompiledPhrase<StructureKind>[] | undefined;

export interface KindsFound {
  kinds: StructureKind[];
  /** Folded token indices that named a kind (not a place). */
  usedTokens: number[];
}

/** Structure kinds named in a message ("chantier d'insertion" → ACI, "Pôle emploi" → FT), in order of appearance. */
export function extractKinds(p: PreparedText, locale: 'fr' | 'en' = 'fr'): KindsFound {
  compiled ??= compilePhrases(loadLexicons().kinds);
  const letters = p.raw.replace(/[^\p{L}]/gu, '');
  const shouting = letters.length >= 8 && letters.replace(/[^\p{Lu}]/gu, '').length / letters.length > 0.6;
  const hits = longestHits(findPhrases(compiled, p.folded, p.raw)).filter((h) => {
    if (!h.onRaw || h.phrase !== 'AI') return true;
    // "AI" typed in capitals is the code, but not in "J'AI", in a message typed all in capitals, or in English ("is this an AI?").
    const before = p.raw.slice(0, h.start);
    if (shouting || /[jJ]\s*['’ ]\s*$/.test(before)) return false;
    return locale !== 'en' || !/\b(an|a|this|the|your|you|real|an actual|not)\s*$/i.test(before);
  });
  // "entreprise adaptee de travail temporaire" is EATT, not EA too; "eiti" is not EI.
  hits.sort((a, b) => (a.onRaw === b.onRaw ? a.start - b.start : a.onRaw ? 1 : -1));
  const kinds: StructureKind[] = [];
  const usedTokens: number[] = [];
  for (const h of hits) {
    if (!kinds.includes(h.key)) kinds.push(h.key);
    if (!h.onRaw) usedTokens.push(...tokensOfSpan(p, h.start, h.end));
  }
  // A raw code (AI, EI, EA) also hides its folded token from the place reader.
  for (const h of hits.filter((x) => x.onRaw)) {
    const i = p.tokens.indexOf(h.phrase.toLowerCase());
    if (i >= 0) usedTokens.push(i);
  }
  // Lower-case "ai", "ei", "ea" are kinds only where a code fits: first word, or after an article.
  p.tokens.forEach((t, i) => {
    const kind = SHORT_CODES[t];
    if (!kind || kinds.includes(kind)) return;
    // "j en ai", "où en ai" are the verb.
    if (t === 'ai' && ['en', 'ou', 'et'].includes(p.tokens[i - 1] ?? '')) return;
    // English "an AI", "the AI" is artificial intelligence.
    if (t === 'ai' && locale === 'en' && ['an', 'a', 'the', 'this'].includes(p.tokens[i - 1] ?? '')) return;
    if (i === 0 || CODE_BEFORE.has(p.tokens[i - 1]!)) {
      kinds.push(kind);
      usedTokens.push(i);
    }
  });
  return { kinds, usedTokens };
}
