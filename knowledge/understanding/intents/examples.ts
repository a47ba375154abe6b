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
  return MiniSearch.loadJS<Doc>(saved, INDEX_OPTIONS);
}

/** Words whose scored examples the vote remembers (see voteOf). */
export const TERM_RESULTS_REMEMBERED = 2000;

/** The examples one query word matched (its exact form, prefix and typo neighbours), in the order the index found them, with their BM25 scores. */
interface TermHits {
  docs: Int32Array;
  scores: Float64Array;
}
type RawResults = Map<number, { score: number }>;
type QuerySpec = { term: string; fuzzy: number | boolean; prefix: boolean; termBoost: number };
/** minisearch 7's internals the vote reads: the per-word search (`executeQuerySpec`) and the stored intents by internal id. */
interface SearchInternals {
  executeQuerySpec(query: QuerySpec, options: object): RawResults;
  _storedFields: Map<number, { intent?: Intent }>;
  _nextId: number;
}

function internalsOf(index: ExampleIndex): SearchInternals | undefined {
  const s = index as unknown as Partial<SearchInternals>;
  if (typeof s.executeQuerySpec !== 'function' || !(s._storedFields instanceof Map) || !Number.isInteger(s._nextId)) return undefined;
  return s as SearchInternals;
}

/** The vote by MiniSearch's own search: the reference `voteOf` must equal (test/understanding/examplesVote.test.ts). */
export function searchVoteOf(index: ExampleIndex): ExampleVote {
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

/**
 * The vote over an index that no longer changes (the learned one), computed as MiniSearch's OR search
 * computes it, without its per-result objects: each query word's scored examples (minisearch 7's
 * `executeQuerySpec`, the same call its search makes) are kept as typed arrays for the last
 * TERM_RESULTS_REMEMBERED words (a pure function of the word and the index: messages mostly reuse the
 * same few hundred words), then summed per example in query order, times the number of distinct query
 * words that matched it (MiniSearch's "quality"), the examples ranked by score with ties in the order
 * MiniSearch's stable sort keeps (first met first). Same scores, same order, so the same votes as
 * `searchVoteOf`; without those internals, it is `searchVoteOf`.
 */
export function voteOf(index: ExampleIndex): ExampleVote {
  const internals = internalsOf(index);
  if (!internals) return searchVoteOf(index);
  const size = internals._nextId;
  const intentOf: Array<Intent | undefined> = new Array<Intent | undefined>(size);
  for (const [id, fields] of internals._storedFields) if (id < size) intentOf[id] = fields.intent;
  const { fuzzy, prefix } = INDEX_OPTIONS.searchOptions as { fuzzy: (term: string) => number | false; prefix: (term: string) => boolean };
  const remembered = new Map<string, TermHits>();
  const hitsOf = (term: string): TermHits => {
    let hits = remembered.get(term);
    if (hits) remembered.delete(term);
    else {
      const results = internals.executeQuerySpec.call(index, { term, fuzzy: fuzzy(term), prefix: prefix(term), termBoost: 1 }, {});
      hits = { docs: new Int32Array(results.size), scores: new Float64Array(results.size) };
      let i = 0;
      for (const [doc, r] of results) {
        hits.docs[i] = doc;
        hits.scores[i++] = r.score;
      }
    }
    remembered.set(term, hits);
    if (remembered.size > TERM_RESULTS_REMEMBERED) remembered.delete(remembered.keys().next().value!);
    return hits;
  };
  // Scratch space, reused by every call (the vote is synchronous): a doc's summed score, how many
  // distinct query words matched it, and the call that last touched it.
  const sum = new Float64Array(size);
  const quality = new Uint32Array(size);
  const seen = new Uint32Array(size);
  const met = new Int32Array(size);
  let call = 0;
  const topDocs = new Int32Array(EXAMPLES_VOTE.k);
  const topScores = new Float64Array(EXAMPLES_VOTE.k);
  return (normalized) => {
    const terms = words(normalized);
    if (++call === 0xffffffff) {
      seen.fill(0);
      call = 1;
    }
    let metCount = 0;
    for (let t = 0; t < terms.length; t++) {
      const term = terms[t]!;
      const distinct = terms.indexOf(term) === t;
      const { docs, scores } = hitsOf(term);
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i]!;
        if (seen[doc] !== call) {
          seen[doc] = call;
          sum[doc] = scores[i]!;
          quality[doc] = 1;
          met[metCount++] = doc;
        } else {
          sum[doc] = sum[doc]! + scores[i]!;
          if (distinct) quality[doc]!++;
        }
      }
    }
    // The k best at or above the minimum, a later one after the earlier ones of the same score.
    let kept = 0;
    for (let m = 0; m < metCount; m++) {
      const doc = met[m]!;
      const score = sum[doc]! * quality[doc]!;
      if (!(score >= EXAMPLES_VOTE.minScore)) continue;
      if (kept === EXAMPLES_VOTE.k && !(score > topScores[kept - 1]!)) continue;
      let at = kept < EXAMPLES_VOTE.k ? kept++ : kept - 1;
      while (at > 0 && score > topScores[at - 1]!) {
        topScores[at] = topScores[at - 1]!;
        topDocs[at] = topDocs[at - 1]!;
        at--;
      }
      topScores[at] = score;
      topDocs[at] = doc;
    }
    let total = 0;
    for (let i = 0; i < kept; i++) total += topScores[i]!;
    const votes: Scores = {};
    if (total === 0) return votes;
    for (let i = 0; i < kept; i++) {
      const intent = intentOf[topDocs[i]!]!;
      votes[intent] = (votes[intent] ?? 0) + (EXAMPLES_VOTE.weight * topScores[i]!) / total;
    }
    return votes;
  };
}
