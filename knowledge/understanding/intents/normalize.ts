import { editDistance } from '../../territory';
import { loadLexicons } from '../lexicons';

let vocabulary: string[] | undefined;
let known: Set<string> | undefined;

function build(): void {
  const lex = loadLexicons();
  const words = new Set<string>();
  for (const [, cues] of lex.intents) for (const [p] of cues) for (const w of p.split(' ')) words.add(w);
  for (const [, phrases] of [...lex.kinds, ...lex.criteria]) for (const p of phrases) if (typeof p === 'string') for (const w of p.split(' ')) words.add(w);
  known = new Set([...words, ...lex.tokens.keys()]);
  vocabulary = [...words].filter((w) => w.length >= 5);
}

/** One edit for 5–8 letters, two from 9 on (as the territory typo rule). */
function maxEdits(length: number): number {
  return length >= 9 ? 2 : length >= 5 ? 1 : 0;
}

/** The lexicon word a typo stands for, when exactly one is that close ("cherhce" → "cherche"). */
function correct(token: string): string {
  if (!vocabulary || !known || known.has(token) || /\d/.test(token)) return token;
  const limit = maxEdits(token.length);
  if (limit === 0) return token;
  let best: string | undefined;
  let bestDistance = limit + 1;
  let tie = false;
  for (const word of vocabulary) {
    if (Math.abs(word.length - token.length) > limit || word[0] !== token[0]) continue;
    const d = editDistance(token, word, limit);
    if (d < bestDistance) {
      best = word;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance && word !== best) tie = true;
  }
  return best && !tie ? best : token;
}

/**
 * The folded message as the intent cues read it: SMS spellings and glued words rewritten
 * ("jcherche" → "je cherche", "chui" → "je suis", "stp" → "svp"), typos of lexicon words corrected.
 */
export function normalizeForIntents(folded: string): string {
  if (!known) build();
  const rewrites = loadLexicons().tokens;
  const out: string[] = [];
  for (const token of folded.split(' ')) {
    if (!token) continue;
    const rewritten = rewrites.get(token);
    out.push(rewritten ?? correct(token));
  }
  return out.join(' ');
}
