import Fuse from 'fuse.js';
import type { NameEntry } from './name-index';
import { NameSearch } from './nameSearch';
import type { Territory } from './territory';

/**
 * "Did you mean" after every exact lookup failed. minisearch's search (fuzzy terms, OR; NameSearch,
 * the same results in a quarter of the memory) brings candidates
 * from the whole country; fuse.js, which also catches 2-edit typos on short words but scans its whole
 * list, runs only on the names of the context département. Every candidate is then checked with a
 * whole-string edit distance, and only the closest ones are kept.
 */

interface FuzzyIndex {
  texts: string[];
  search: NameSearch;
}

let fuzzyIndex: FuzzyIndex | undefined;
const fuseByDepartement = new Map<string, Fuse<string>>();

/** Most edits accepted for a typed text of this length. */
export function maxEdits(length: number): number {
  if (length < 5) return 0;
  if (length <= 8) return 1;
  if (length <= 15) return 2;
  return 3;
}

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent swaps), stopping above `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      row.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/** The names the fuzzy index holds: every name but those only valid in context. */
export function fuzzyIndexTexts(t: Territory): string[] {
  return [...t.names.byName.entries()].filter(([, entries]) => entries.some((e) => e.level !== 'context')).map(([text]) => text);
}

/** Edits allowed for a word of the typed text, in the index's search: none under 4 letters, 1 up to 5, else 2. */
export const fuzzyTermEdits = (term: string): number | false => (term.length < 4 ? false : term.length <= 5 ? 1 : 2);

function getFuzzyIndex(t: Territory): FuzzyIndex {
  if (!fuzzyIndex) {
    const texts = fuzzyIndexTexts(t);
    fuzzyIndex = { texts, search: new NameSearch(texts) };
  }
  return fuzzyIndex;
}

function departementNames(t: Territory, departement: string): Fuse<string> | undefined {
  const d = t.data.departements.get(departement);
  if (!d) return undefined;
  let fuse = fuseByDepartement.get(departement);
  if (!fuse) {
    const keys = new Set<string>([`departement:${departement}`, `region:${d.region}`]);
    for (const code of d.communes) keys.add(`commune:${code}`);
    for (const z of t.data.zones.values()) if (z.departement === departement) keys.add(`zone:${z.code}`);
    const texts = [...t.names.byName.entries()].filter(([, entries]) => entries.some((e) => keys.has(e.key))).map(([text]) => text);
    fuse = new Fuse(texts, { includeScore: true, threshold: 0.4, ignoreLocation: true });
    fuseByDepartement.set(departement, fuse);
  }
  return fuse;
}

/** Builds the fuzzy index now (about 0.1 s) instead of on the first typo. */
export function warmUpFuzzy(t: Territory): void {
  getFuzzyIndex(t);
}

/** Most names listed for a word found inside names ("morne" → Gros-Morne, Le Morne-Rouge…). */
const MAX_WORD_MATCHES = 20;

/**
 * Names containing every typed word as a whole word ("morne", "pilote"), when the words are precise
 * enough: at most MAX_WORD_MATCHES names, or only those in the context département.
 */
export function wordEntries(t: Territory, query: string, departement?: string): NameEntry[] {
  if (query.length < 4 || query.length > 60) return [];
  const index = getFuzzyIndex(t);
  const hits = index.search.search(query, { combineWith: 'AND', fuzzy: false });
  const entries = hits.flatMap((hit) => (t.names.byName.get(index.texts[hit.id]!) ?? []).filter((e) => e.level !== 'context'));
  if (entries.length <= MAX_WORD_MATCHES) return entries;
  if (!departement) return [];
  const local = entries.filter((e) => e.key.startsWith('commune:') && t.data.communes.get(e.key.slice(8))?.departement === departement);
  return local.length <= MAX_WORD_MATCHES ? local : [];
}

/** Name entries closest to the typed text (all at the smallest edit distance found), or []. */
export function fuzzyEntries(t: Territory, query: string, departement?: string): Array<NameEntry & { distance: number }> {
  if (query.length < 4 || query.length > 60) return [];
  const limit = maxEdits(query.length);
  const texts = new Set<string>();
  const index = getFuzzyIndex(t);
  const hits = index.search.search(query, {
    combineWith: 'OR',
    fuzzy: fuzzyTermEdits,
  });
  for (const hit of hits.slice(0, 300)) texts.add(index.texts[hit.id]!);
  const fuse = departement ? departementNames(t, departement) : undefined;
  const inContext = new Set<string>();
  for (const hit of fuse?.search(query, { limit: 10 }) ?? []) {
    texts.add(hit.item);
    inContext.add(hit.item);
  }
  let best = Infinity;
  const scored: Array<{ text: string; distance: number }> = [];
  for (const text of texts) {
    // Names of the context département may be one edit further away (short list, user's own area).
    const allowed = inContext.has(text) ? limit + 1 : limit;
    // Short words: a different first letter is another word ("where" is not "Mhère").
    if (query.length <= 6 && text[0] !== query[0]) continue;
    const distance = editDistance(query, text, allowed);
    if (distance <= allowed) {
      scored.push({ text, distance });
      best = Math.min(best, distance);
    }
  }
  const out: Array<NameEntry & { distance: number }> = [];
  for (const { text, distance } of scored) {
    if (distance !== best) continue;
    for (const entry of t.names.byName.get(text) ?? []) if (entry.level !== 'context') out.push({ ...entry, distance });
  }
  return out;
}
