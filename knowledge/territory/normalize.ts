import { foldText } from '../text/fold';

/**
 * Text normalisation for place names (see shared/notes/data-sources.md, "Matching what people type").
 * normalizeText is idempotent: normalizeText(normalizeText(x)) === normalizeText(x).
 */

const SAINT_TOKENS = new Set(['saint', 'sainte', 'st', 'ste', 'saints', 'saintes', 'sts', 'stes']);
/** The single token all saint forms become: "Sainte-Luce", "saint luce", "ste luce" → "st luce". */
export const SAINT_TOKEN = 'st';
export const ARTICLES = new Set(['le', 'la', 'les', 'l']);

/**
 * Lower-case; œ→oe and æ→ae before NFD; diacritics stripped; apostrophes, hyphens, dots and any
 * other non-alphanumeric character → space; saint/sainte/st/ste → "st"; spaces collapsed.
 */
export function normalizeText(text: string): string {
  if (typeof text !== 'string') return '';
  const folded = foldText(text)
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  if (!folded) return '';
  return folded
    .split(' ')
    .map((token) => (SAINT_TOKENS.has(token) ? SAINT_TOKEN : token))
    .join(' ');
}

/** True when a normalised text starts with an article ("le lamentin", "l ajoupa bouillon"). */
export function startsWithArticle(normalized: string): boolean {
  const space = normalized.indexOf(' ');
  return space > 0 && ARTICLES.has(normalized.slice(0, space));
}

/** Drops one leading article of a normalised text: "le lamentin" → "lamentin". */
export function stripArticle(normalized: string): string {
  return startsWithArticle(normalized) ? normalized.slice(normalized.indexOf(' ') + 1) : normalized;
}

/** The key without spaces ("fortdefrance"), for people who glue words together. */
export function compactKey(normalized: string): string {
  return normalized.replace(/ /g, '');
}
