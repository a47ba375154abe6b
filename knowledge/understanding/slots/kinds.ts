import type { StructureKind } from '../../directory/kinds';
import { loadLexicons } from '../lexicons';
import { compilePhrases, findPhrases, longestHits, type CompiledPhrase } from './phrases';
import { tokensOfSpan, type PreparedText } from './text';

const SHORT_CODES: Record<string, StructureKind> = { ai: 'AI', ei: 'EI', ea: 'EA', eis: 'EI', ais: 'AI' };
/** Words before a lower-case code ("une ai", "les ei", "en ea"); not "l" ("je l ai vu"). */
const CODE_BEFORE = new Set(['une', 'un', 'les', 'des', 'd', 'en', 'dans', 'cette', 'mon', 'ma', 'the', 'an', 'aci', 'etti', 'ou', 'et', 'quelle', 'quel']);

let compiled: CompiledPhrase<StructureKind>[] | undefined;

export interface KindsFound {
  kinds: StructureKind[];
  /** Folded token indices that named a kind (not a place). */
  usedTokens: number[];
}

/** Structure kinds named in a message ("chantier d'insertion" → ACI, "Pôle emploi" → FT), in order of appearance. */
export function extractKinds(p: PreparedText): KindsFound {
  compiled ??= compilePhrases(loadLexicons().kinds);
  const hits = longestHits(findPhrases(compiled, p.folded, p.raw));
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
    if (i === 0 || CODE_BEFORE.has(p.tokens[i - 1]!)) {
      kinds.push(kind);
      usedTokens.push(i);
    }
  });
  return { kinds, usedTokens };
}
