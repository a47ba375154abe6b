import { foldText } from '../../text/fold';

/** Longer messages are not chat turns (a paste, an attack): they are not analysed at all. */
export const MAX_UNDERSTOOD_LENGTH = 600;

/** A message as the slot readers see it: typed text (trimmed) and its folded form, split in words. */
export interface PreparedText {
  raw: string;
  folded: string;
  tokens: string[];
  /** Character offset of each token in `folded`. */
  offsets: number[];
  /** Clause of each token: punctuation (, ; . ! ? : parentheses) starts a new one ("no diploma, on RSA"). */
  clauses: number[];
}

/** The clause number of each folded token, or all 0 when the punctuation split does not line up. */
function clausesOf(raw: string, count: number): number[] {
  const out: number[] = [];
  raw.split(/[,;.!?:()\n]+/).forEach((segment, clause) => {
    const folded = foldText(segment);
    if (folded) for (let i = folded.split(' ').length; i > 0; i--) out.push(clause);
  });
  return out.length === count ? out : new Array<number>(count).fill(0);
}

export function prepareText(text: string): PreparedText {
  const raw = typeof text === 'string' ? text.trim() : '';
  const folded = foldText(raw);
  const tokens = folded ? folded.split(' ') : [];
  const offsets: number[] = [];
  let at = 0;
  for (const t of tokens) {
    offsets.push(at);
    at += t.length + 1;
  }
  return { raw, folded, tokens, offsets, clauses: clausesOf(raw, tokens.length) };
}

/** Indices of the tokens a folded character span covers. */
export function tokensOfSpan(p: PreparedText, start: number, end: number): number[] {
  const out: number[] = [];
  p.offsets.forEach((o, i) => {
    if (o < end && o + p.tokens[i]!.length > start) out.push(i);
  });
  return out;
}
