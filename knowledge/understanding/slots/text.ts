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
  return { raw, folded, tokens, offsets };
}

/** Indices of the tokens a folded character span covers. */
export function tokensOfSpan(p: PreparedText, start: number, end: number): number[] {
  const out: number[] = [];
  p.offsets.forEach((o, i) => {
    if (o < end && o + p.tokens[i]!.length > start) out.push(i);
  });
  return out;
}
