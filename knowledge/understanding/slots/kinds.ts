import type { StructureKind } from '../../directory/kinds';
import { editDistance } from '../../territory';
import { loadLexicons } from '../lexicons';
import { compilePhrases, findPhrases, longestHits, type CompiledPhrase } from './phrases';
import { tokensOfSpan, type PreparedText } from './text';

const SHORT_CODES: Record<string, StructureKind> = { ai: 'AI', ei: 'EI', ea: 'EA', eis: 'EI', ais: 'AI', ml: 'ML' };
/** Words before a lower-case code ("une ai", "les ei", "en ea"); not "l" ("je l ai vu"). */
const CODE_BEFORE = new Set(['une', 'un', 'les', 'des', 'd', 'en', 'dans', 'cette', 'mon', 'ma', 'the', 'an', 'aci', 'etti', 'ou', 'et', 'quelle', 'quel']);

let compiled: CompiledPhrase<StructureKind>[] | undefined;

/** Words that take back the kind named right after them (« pas un chantier », "not a worksite", « ni l'intérim »). */
const NEGATIONS = new Set(['pas', 'pa', 'non', 'not', 'no', 'ni', 'sauf', 'except', 'jamais']);
/** The words of a correction that name, on their own, an entreprise d'insertion (« pas des chantiers, des entreprises »). */
const BARE_COMPANY = new Set(['entreprise', 'entreprises', 'entreprize', 'entrprise', 'entreprse', 'company', 'companies', 'enterprise', 'enterprises']);
const SIAE_KINDS = new Set<StructureKind>(['ACI', 'ETTI', 'AI', 'EI', 'EITI']);

let typoWords: { words: string[]; known: Set<string>; pairs: Set<string> } | undefined;
/** The long words of the kind names ("entreprise", "insertion", "intermediaire"), which people misspell; the word pairs of the names. */
function kindWords(): { words: string[]; known: Set<string>; pairs: Set<string> } {
  if (typoWords) return typoWords;
  const lex = loadLexicons();
  const known = new Set<string>([...lex.placeStopwords].flatMap((p) => p.split(' ')));
  for (const [, cues] of lex.intents) for (const [phrase] of cues) phrase.split(' ').forEach((w) => known.add(w));
  for (const [, phrases] of lex.criteria) for (const p of phrases) if (typeof p === 'string') p.split(' ').forEach((w) => known.add(w));
  const words = new Set<string>();
  const pairs = new Set<string>();
  for (const [, phrases] of lex.kinds) {
    for (const p of phrases) {
      if (typeof p !== 'string') continue;
      const ws = p.split(' ');
      ws.forEach((w, i) => {
        if (w.length >= 6) words.add(w);
        if (i > 0) pairs.add(`${ws[i - 1]} ${w}`);
      });
    }
  }
  for (const w of words) known.add(w);
  typoWords = { words: [...words], known, pairs };
  return typoWords;
}

/** One edit up to 8 letters, two from 9 (as the territory's typo rule). */
function edits(length: number): number {
  return length >= 9 ? 2 : 1;
}

/**
 * The message with typos of the kind names' long words corrected, word for word (same tokens, so the
 * same token indices): "entreprize d insersion" → "entreprise d insertion". A word is corrected only
 * when it is no word of the lexicons and one kind word is closest, with the same first letter (a tie
 * is settled by the next or previous word of a name).
 */
function corrected(p: PreparedText): { text: PreparedText; changed: Set<number> } {
  const { words, known, pairs } = kindWords();
  const changed = new Set<number>();
  const tokens = p.tokens.map((t, i) => {
    if (t.length < 6 || known.has(t) || /\d/.test(t) || known.has(t.replace(/s$/, ''))) return t;
    const limit = edits(t.length);
    let best: string[] = [];
    let bestDistance = limit + 1;
    for (const w of words) {
      if (w[0] !== t[0] || Math.abs(w.length - t.length) > limit) continue;
      const d = editDistance(t, w, limit);
      if (d < bestDistance) [best, bestDistance] = [[w], d];
      else if (d === bestDistance && d <= limit) best.push(w);
    }
    // A tie ("intermediare": intermediaire or intermediary) is settled by the next or previous word ("association intermediaire").
    if (best.length > 1) best = best.filter((w) => pairs.has(`${p.tokens[i - 1]} ${w}`) || pairs.has(`${w} ${p.tokens[i + 1]}`));
    if (best.length !== 1) return t;
    changed.add(i);
    return best[0]!;
  });
  if (changed.size === 0) return { text: p, changed };
  const offsets: number[] = [];
  let at = 0;
  for (const t of tokens) {
    offsets.push(at);
    at += t.length + 1;
  }
  return { text: { ...p, tokens, offsets, folded: tokens.join(' ') }, changed };
}

export interface KindsFound {
  kinds: StructureKind[];
  /** Folded token indices that named a kind (not a place). */
  usedTokens: number[];
}

/** Structure kinds named in a message ("chantier d'insertion" → ACI, "Pôle emploi" → FT), in order of appearance. */
export function extractKinds(typed: PreparedText, locale: 'fr' | 'en' = 'fr'): KindsFound {
  compiled ??= compilePhrases(loadLexicons().kinds);
  const { text: p, changed } = corrected(typed);
  const letters = p.raw.replace(/[^\p{L}]/gu, '');
  const shouting = letters.length >= 8 && letters.replace(/[^\p{Lu}]/gu, '').length / letters.length > 0.6;
  const hits = longestHits(findPhrases(compiled, p.folded, p.raw)).filter((h) => {
    // A corrected word counts only inside a name of two words or more ("entreprize d insertion", not "entreprize").
    if (!h.onRaw && h.words < 2 && tokensOfSpan(p, h.start, h.end).some((i) => changed.has(i))) return false;
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
  const named: Array<{ kind: StructureKind; token: number }> = hits.map((h) => ({
    kind: h.key,
    token: h.onRaw ? p.tokens.indexOf(h.phrase.toLowerCase()) : (tokensOfSpan(p, h.start, h.end)[0] ?? -1),
  }));
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
      named.push({ kind, token: i });
    }
  });
  return { kinds: corrections(p, kinds, named, new Set(usedTokens)), usedTokens };
}

/**
 * A correction keeps what is named positively: « c pas des chantiers, c des entreprises » → EI,
 * « pas d'ACI, plutôt une ETTI » → ETTI, « plutôt des EI que des chantiers » → EI. A negation takes
 * back the first kind within three words after it; « plutôt A que B » takes back B. The kinds taken
 * back are dropped only when another kind is left (« je ne veux pas de chantier » alone still names
 * the chantier for the dialog to read). A bare « entreprise(s) » said against a taken-back SIAE kind is an EI.
 * `inName`: tokens that are part of a kind's name.
 */
function corrections(p: PreparedText, kinds: StructureKind[], named: Array<{ kind: StructureKind; token: number }>, inName: ReadonlySet<number>): StructureKind[] {
  if (named.length === 0) return kinds;
  const ordered = [...named].filter((n) => n.token >= 0).sort((a, b) => a.token - b.token);
  const negated = new Set<number>();
  p.tokens.forEach((t, i) => {
    if (!NEGATIONS.has(t)) return;
    const next = ordered.find((n) => n.token > i);
    // In the same clause: « non, un chantier » answers no to something else and asks for the chantier.
    if (next && next.token - i <= 3 && p.clauses[i] === p.clauses[next.token]) negated.add(next.token);
  });
  const plutot = p.tokens.findIndex((t) => t === 'plutot' || t === 'rather');
  const que = plutot >= 0 ? p.tokens.findIndex((t, i) => i > plutot && (t === 'que' || t === 'qu' || t === 'than')) : -1;
  if (que >= 0) for (const n of ordered) if (n.token > que && n.token - que <= 3) negated.add(n.token);
  if (negated.size === 0) return kinds;
  const positive = ordered.filter((n) => !negated.has(n.token)).map((n) => n.kind);
  const takenBack = ordered.filter((n) => negated.has(n.token)).map((n) => n.kind);
  // « pas des chantiers, des entreprises »: a bare company word outside every kind name and not itself taken back.
  const last = Math.max(...ordered.map((n) => n.token));
  const company = p.tokens.some((t, i) => {
    if (!BARE_COMPANY.has(t) || inName.has(i)) return false;
    if (p.tokens.slice(Math.max(0, i - 3), i).some((w) => NEGATIONS.has(w))) return false;
    return i > last || (que >= 0 && i < que && i > plutot);
  });
  if (company && takenBack.some((k) => SIAE_KINDS.has(k)) && !positive.includes('EI')) positive.push('EI');
  if (positive.length === 0) return kinds;
  return kinds.filter((k) => positive.includes(k)).concat(positive.filter((k) => !kinds.includes(k)));
}
