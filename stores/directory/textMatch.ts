import { foldText } from '../../knowledge/text/fold';
import type { Candidate } from './candidates';

/** The folded words of a free-text filter (duplicates removed); empty when nothing is left to match. */
export function queryTokens(text: string | undefined): string[] {
  if (!text) return [];
  return [...new Set(foldText(text).split(' ').filter(Boolean))];
}

/**
 * A predicate keeping candidates whose folded name, sectors and description contain every token
 * (as substrings: "batim" finds "Bâtiment"). Plain string search: the text never becomes a pattern
 * or a query operator. Undefined when there is nothing to filter on.
 */
export function textMatcher(text: string | undefined): ((candidate: Candidate) => boolean) | undefined {
  const tokens = queryTokens(text);
  if (tokens.length === 0) return undefined;
  return (candidate) => {
    const haystack = foldText([candidate.name, ...(candidate.sectors ?? []), candidate.description ?? ''].join(' '));
    return tokens.every((token) => haystack.includes(token));
  };
}
