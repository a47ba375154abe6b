import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';
import { foldText } from '../../text/fold';
import type { Intent } from '../lexicons';
import { normalizeForIntents } from './normalize';
import type { Scores } from './features';

/** A labelled message the understanding learns from (examples.json, or a fold of it in cross-validation). */
export interface LabelledText {
  text: string;
  intent: Intent;
}

export const EXAMPLES_VOTE = Object.freeze({
  /** How many nearest examples vote. */
  k: 10,
  /** Weight of the vote (a share of 1 spread over intents) added to the cue scores. */
  weight: 2.2,
  /** Minimum BM25 score of an example to vote (a single shared common word is not a likeness). */
  minScore: 3,
});

/** Words too common to say anything about an intent. */
export const STOP = new Set(
  ('a au aux de des du d l la le les un une et ou en je j me m moi mon ma mes tu te ton ta vous votre vos il elle on y ce c ca est suis ' +
    'the a an to of in on for i me my you your is am are it and or').split(' '),
);

/** Words of an already normalised text that say something. */
export function words(normalized: string): string[] {
  return normalized.split(' ').filter((w) => w.length > 0 && !STOP.has(w));
}

interface Doc {
  id: number;
  text: string;
  intent: Intent;
}

/** The nearest labelled examples of a normalised message, as intent scores. */
export type ExampleVote = (normalized: string) => Scores;

/**
 * Indexes labelled messages (MiniSearch BM25, fuzzy on words of 6+ letters, prefix on 5+) for a
 * nearest-examples vote: a message that reads like known examples of an intent leans to it, even
 * with no cue phrase of the lexicon. The vote is the intent shares among the k nearest examples
 * (weighted by score) times the vote weight; empty when no example is close enough.
 */
export function createExampleVote(examples: readonly LabelledText[]): ExampleVote {
  return voteOf(indexExamples(examples));
}

/** The examples' search index; `toJSON()` of it ships with the build (`loadExampleIndex` reads it back). */
export type ExampleIndex = MiniSearch<Doc>;

const INDEX_OPTIONS: Options<Doc> = {
  fields: ['text'],
  storeFields: ['intent'],
  // Examples are normalised as messages are (classifier.ts); the query arrives normalised.
  tokenize: (text: string) => words(normalizeForIntents(foldText(text))),
  processTerm: (term: string) => term,
  searchOptions: {
    tokenize: words,
    fuzzy: (term: string) => (term.length >= 6 ? 0.2 : false),
    prefix: (term: string) => term.length >= 5,
    combineWith: 'OR',
  },
};

export function indexExamples(examples: readonly LabelledText[]): ExampleIndex {
  const index = new MiniSearch<Doc>(INDEX_OPTIONS);
  index.addAll(examples.map((e, id) => ({ id, text: e.text, intent: e.intent })));
  return index;
}

/** An index saved with `index.toJSON()`, with the same options. */
export function loadExampleIndex(saved: AsPlainObject): ExampleIndex {
  return rememberTermResults(rememberFuzzyTerms(MiniSearch.loadJS<Doc>(saved, INDEX_OPTIONS)));
}

/** Words whose typo neighbours are remembered (a message's words are mostly the same few hundred). */
export const FUZZY_TERMS_REMEMBERED = 2000;

type FuzzyMatches = Map<string, [unknown, number]>;

/**
 * The shipped index (never changed after loading) remembers the index words within typo distance of
 * each searched word, the costliest part of a search (an edit-distance walk of its whole vocabulary),
 * for the last FUZZY_TERMS_REMEMBERED words: the same words give the same neighbours, so the same
 * scores. minisearch 7 keeps its word tree in `_index` (SearchableMap.fuzzyGet); without it, no memory.
 */
function rememberFuzzyTerms(index: ExampleIndex): ExampleIndex {
  const tree = (index as unknown as { _index?: { fuzzyGet?: (term: string, maxDistance: number) => FuzzyMatches } })._index;
  const fuzzyGet = tree?.fuzzyGet;
  if (!tree || typeof fuzzyGet !== 'function') return index;
  const remembered = new Map<string, FuzzyMatches>();
  tree.fuzzyGet = (term, maxDistance) => {
    const key = `${maxDistance}:${term}`;
    let matches = remembered.get(key);
    if (matches) remembered.delete(key);
    else matches = fuzzyGet.call(tree, term, maxDistance);
    remembered.set(key, matches);
    if (remembered.size > FUZZY_TERMS_REMEMBERED) remembered.delete(remembered.keys().next().value!);
    // The search deletes prefix matches from what it gets: a copy each time.
    return new Map(matches);
  };
  return index;
}

/** Words whose scored examples are remembered (see rememberTermResults). */
export const TERM_RESULTS_REMEMBERED = 1000;

/** One example a query word matched: its BM25 score so far, the query words and the index words that matched. */
type TermResult = { score: number; terms: string[]; match: Record<string, string[]> };
type QuerySpec = { term: string; fuzzy?: unknown; prefix?: unknown; termBoost?: unknown };

/**
 * The shipped index (never changed after loading) also remembers, for the last
 * TERM_RESULTS_REMEMBERED query words, the examples each word matched with their scores (minisearch 7's
 * `executeQuerySpec`: the word, its prefix and typo neighbours, BM25 over every example that has one,
 * most of a search). Same word, same options, same index: same scores. The search then adds the words'
 * scores into the first word's results: each call gets fresh copies of the remembered ones. Without
 * that method, no memory.
 */
function rememberTermResults(index: ExampleIndex): ExampleIndex {
  const searcher = index as unknown as { executeQuerySpec?: (query: QuerySpec, options: unknown) => Map<number, TermResult> };
  const executeQuerySpec = searcher.executeQuerySpec;
  if (typeof executeQuerySpec !== 'function') return index;
  const remembered = new Map<string, Map<number, TermResult>>();
  searcher.executeQuerySpec = (query, options) => {
    const key = `${String(query.fuzzy)}|${String(query.prefix)}|${String(query.termBoost)}|${query.term}`;
    let results = remembered.get(key);
    if (results) remembered.delete(key);
    else results = executeQuerySpec.call(index, query, options);
    remembered.set(key, results);
    if (remembered.size > TERM_RESULTS_REMEMBERED) remembered.delete(remembered.keys().next().value!);
    const copy = new Map<number, TermResult>();
    for (const [id, r] of results) copy.set(id, { score: r.score, terms: [...r.terms], match: { ...r.match } });
    return copy;
  };
  return index;
}

export function voteOf(index: ExampleIndex): ExampleVote {
  return (normalized) => {
    const hits = index
      .search(normalized)
      .filter((h) => h.score >= EXAMPLES_VOTE.minScore)
      .slice(0, EXAMPLES_VOTE.k);
    const total = hits.reduce((sum, h) => sum + h.score, 0);
    const scores: Scores = {};
    if (total === 0) return scores;
    for (const h of hits) {
      const intent = h.intent as Intent;
      scores[intent] = (scores[intent] ?? 0) + (EXAMPLES_VOTE.weight * h.score) / total;
    }
    return scores;
  };
}
