import MiniSearch from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';

/**
 * MiniSearch's search over a list of texts (one field, no stored fields, no prefix), giving the
 * same hits in the same order with the same scores, in a quarter of the memory: the place names'
 * typo index (fuzzy.ts) held 31 MB as a MiniSearch (a Map per term and two per document over
 * 37 000 names); here the words are MiniSearch's own radix tree (SearchableMap, which also finds
 * the words within a few edits, in the order MiniSearch would) mapping each word to a number,
 * and the postings, term frequencies and text lengths are typed arrays. The scoring is
 * MiniSearch 7's (BM25+, fuzzy weight, OR / AND combination, quality), step by step in its order
 * of operations so that the floating-point sums are the same: test/territory/nameSearch.test.ts
 * compares both on every kind of query the territory makes. Upgrading minisearch means running it.
 */

export interface NameSearchOptions {
  combineWith: 'AND' | 'OR';
  /** MiniSearch's `fuzzy` option: the most edits for a term (or a fraction of its length), or false. */
  fuzzy?: false | ((term: string, index: number, terms: string[]) => number | boolean);
}

export interface NameHit {
  /** Index of the text in the list searched. */
  id: number;
  score: number;
}

interface RawResult {
  score: number;
  terms: string[];
}

// MiniSearch 7's defaults (defaultSearchOptions, defaultBM25params).
const FUZZY_WEIGHT = 0.45;
const MAX_FUZZY = 6;
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

const tokenize = MiniSearch.getDefault('tokenize') as (text: string, fieldName?: string) => string[];
const processTerm = MiniSearch.getDefault('processTerm') as (term: string, fieldName?: string) => string | string[] | null | undefined | false;

const assignUniqueTerm = (target: string[], term: string) => {
  if (!target.includes(term)) target.push(term);
};
const assignUniqueTerms = (target: string[], source: string[]) => {
  for (const term of source) if (!target.includes(term)) target.push(term);
};

export class NameSearch {
  /** Each word (as MiniSearch indexes it) to its number, in the order the texts first hold it. */
  private readonly words = new SearchableMap<number>();
  /** Postings of word w: docs[starts[w] .. starts[w + 1]), ascending, with their term frequencies. */
  private readonly starts: Uint32Array;
  private readonly docs: Uint32Array;
  private readonly freqs: Uint16Array;
  /** Distinct tokens of each text (MiniSearch's field length). */
  private readonly lengths: Uint16Array;
  private readonly averageLength: number;
  private readonly count: number;

  constructor(texts: readonly string[]) {
    const ids = new Map<string, number>();
    // (word, doc, frequency) triples, docs ascending, gathered then sorted by word (counting sort).
    const pairWord: number[] = [];
    const pairDoc: number[] = [];
    const pairFreq: number[] = [];
    this.lengths = new Uint16Array(texts.length);
    let average = 0;
    texts.forEach((text, doc) => {
      const tokens = tokenize(text, 'text');
      const length = new Set(tokens).size;
      this.lengths[doc] = length;
      // MiniSearch's running average (addFieldLength), not sum / count: the same float.
      average = (average * doc + length) / (doc + 1);
      const inDoc = new Map<number, number>();
      for (const token of tokens) {
        const processed = processTerm(token, 'text');
        for (const term of Array.isArray(processed) ? processed : [processed]) {
          if (!term) continue;
          let id = ids.get(term);
          if (id === undefined) {
            id = ids.size;
            ids.set(term, id);
            this.words.set(term, id);
          }
          inDoc.set(id, (inDoc.get(id) ?? 0) + 1);
        }
      }
      for (const [id, freq] of inDoc) {
        pairWord.push(id);
        pairDoc.push(doc);
        pairFreq.push(freq);
      }
    });
    this.averageLength = average;
    this.count = texts.length;
    this.starts = new Uint32Array(ids.size + 1);
    for (const id of pairWord) this.starts[id + 1]!++;
    for (let w = 0; w < ids.size; w++) this.starts[w + 1]! += this.starts[w]!;
    const next = this.starts.slice(0, ids.size);
    this.docs = new Uint32Array(pairWord.length);
    this.freqs = new Uint16Array(pairWord.length);
    for (let i = 0; i < pairWord.length; i++) {
      const at = next[pairWord[i]!]!++;
      this.docs[at] = pairDoc[i]!;
      this.freqs[at] = pairFreq[i]!;
    }
  }

  /** MiniSearch's `search(query, { combineWith, prefix: false, fuzzy })`: hits by descending score. */
  search(query: string, options: NameSearchOptions): NameHit[] {
    const terms = tokenize(query)
      .flatMap((term) => processTerm(term))
      .filter((term): term is string => !!term);
    const results = terms.map((term, i) => this.termQuery(term, options.fuzzy ? options.fuzzy(term, i, terms) : false));
    const combined = results.length === 0 ? new Map<number, RawResult>() : results.reduce(options.combineWith === 'AND' ? combineAnd : combineOr);
    const hits: NameHit[] = [];
    for (const [id, { score, terms: matched }] of combined) hits.push({ id, score: score * (matched.length || 1) });
    return hits.sort((a, b) => b.score - a.score);
  }

  /** MiniSearch's executeQuerySpec: the word itself, then the words within the edits allowed. */
  private termQuery(term: string, fuzzy: number | boolean): Map<number, RawResult> {
    const results = new Map<number, RawResult>();
    const exact = this.words.get(term);
    if (exact !== undefined) this.termResults(term, exact, 1, results);
    if (fuzzy) {
      const level = fuzzy === true ? 0.2 : fuzzy;
      const maxDistance = level < 1 ? Math.min(MAX_FUZZY, Math.round(term.length * level)) : level;
      if (maxDistance) {
        for (const [word, [id, distance]] of this.words.fuzzyGet(term, maxDistance)) {
          if (!distance) continue;
          this.termResults(term, id, (FUZZY_WEIGHT * word.length) / (word.length + distance), results);
        }
      }
    }
    return results;
  }

  /** MiniSearch's termResults for one field, no boosts. */
  private termResults(sourceTerm: string, word: number, weight: number, results: Map<number, RawResult>): void {
    const from = this.starts[word]!;
    const to = this.starts[word + 1]!;
    const matching = to - from;
    const { k, b, d } = BM25;
    const invDocFreq = Math.log(1 + (this.count - matching + 0.5) / (matching + 0.5));
    for (let i = from; i < to; i++) {
      const doc = this.docs[i]!;
      const termFreq = this.freqs[i]!;
      const rawScore = invDocFreq * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * this.lengths[doc]!) / this.averageLength)));
      const weightedScore = weight * 1 * 1 * 1 * rawScore;
      const result = results.get(doc);
      if (result) {
        result.score += weightedScore;
        assignUniqueTerm(result.terms, sourceTerm);
      } else {
        results.set(doc, { score: weightedScore, terms: [sourceTerm] });
      }
    }
  }
}

function combineOr(a: Map<number, RawResult>, b: Map<number, RawResult>): Map<number, RawResult> {
  for (const [doc, result] of b) {
    const existing = a.get(doc);
    if (existing === undefined) {
      a.set(doc, result);
    } else {
      existing.score = existing.score + result.score;
      assignUniqueTerms(existing.terms, result.terms);
    }
  }
  return a;
}

function combineAnd(a: Map<number, RawResult>, b: Map<number, RawResult>): Map<number, RawResult> {
  const combined = new Map<number, RawResult>();
  for (const [doc, result] of b) {
    const existing = a.get(doc);
    if (existing === undefined) continue;
    assignUniqueTerms(existing.terms, result.terms);
    combined.set(doc, { score: existing.score + result.score, terms: existing.terms });
  }
  return combined;
}
