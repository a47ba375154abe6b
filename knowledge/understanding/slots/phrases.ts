import type { PhraseData } from '../lexicons';

/** A phrase found in a text: character span in the text it was matched on, and its length in words. */
export interface PhraseHit<K> {
  key: K;
  start: number;
  end: number;
  words: number;
  phrase: string;
}

export interface CompiledPhrase<K> {
  key: K;
  phrase: string;
  words: number;
  /** Matched on the folded text (true) or the typed text, case-sensitive (false). */
  folded: boolean;
  pattern: RegExp;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A final "s" is optional on each word of a folded phrase ("chantier d insertion" matches "chantiers
 * d insertion"); a final "y" after a consonant may also be "ies" ("integration company" matches
 * "integration companies").
 */
function foldedPattern(phrase: string): RegExp {
  const words = phrase.split(' ').map((w) => {
    if (w.length > 3 && /[^aeiou]y$/.test(w)) return `${escape(w.slice(0, -1))}(?:y|ys|ies)`;
    return w.length > 2 && !w.endsWith('s') ? `${escape(w)}s?` : escape(w);
  });
  return new RegExp(`(?<=^| )${words.join(' ')}(?= |$)`, 'g');
}

function rawPattern(code: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escape(code)}(?![\\p{L}\\p{N}])`, 'gu');
}

export function compilePhrases<K>(lexicon: ReadonlyArray<readonly [K, ReadonlyArray<PhraseData>]>): CompiledPhrase<K>[] {
  const out: CompiledPhrase<K>[] = [];
  for (const [key, phrases] of lexicon) {
    for (const p of phrases) {
      if (typeof p === 'string') out.push({ key, phrase: p, words: p.split(' ').length, folded: true, pattern: foldedPattern(p) });
      else out.push({ key, phrase: p.raw, words: 1, folded: false, pattern: rawPattern(p.raw) });
    }
  }
  return out;
}

/**
 * The phrases of a list by the first word they can start with, so that a text is only searched for
 * the phrases that begin with one of its words (a few dozen of about a thousand). Raw phrases (typed
 * codes, case-sensitive) are always searched.
 */
interface PhraseIndex {
  byFirstWord: Map<string, number[]>;
  raw: number[];
}

const indexes = new WeakMap<ReadonlyArray<CompiledPhrase<unknown>>, PhraseIndex>();

function indexOf(phrases: ReadonlyArray<CompiledPhrase<unknown>>): PhraseIndex {
  let index = indexes.get(phrases);
  if (!index) {
    index = { byFirstWord: new Map(), raw: [] };
    phrases.forEach((p, i) => {
      if (!p.folded) {
        index!.raw.push(i);
        return;
      }
      const first = p.phrase.split(' ')[0]!;
      const list = index!.byFirstWord.get(first);
      if (list) list.push(i);
      else index!.byFirstWord.set(first, [i]);
    });
    indexes.set(phrases, index);
  }
  return index;
}

/**
 * The first words of a folded phrase a typed word can be (foldedPattern): itself, without a final
 * "s" ("chantiers"), or with "y" for "ies" ("companies").
 */
function firstWordsOf(word: string): string[] {
  if (!word.endsWith('s')) return [word];
  const forms = [word, word.slice(0, -1)];
  if (word.endsWith('ies')) forms.push(`${word.slice(0, -3)}y`);
  return forms;
}

/** Indices of the phrases that may occur in the text, in list order. */
function candidates(phrases: ReadonlyArray<CompiledPhrase<unknown>>, folded: string): number[] {
  const index = indexOf(phrases);
  const found = new Set<number>(index.raw);
  for (const word of new Set(folded.split(' '))) {
    for (const form of firstWordsOf(word)) for (const i of index.byFirstWord.get(form) ?? []) found.add(i);
  }
  return [...found].sort((a, b) => a - b);
}

/**
 * Every occurrence of every phrase; `raw` phrases are searched in `raw`, the others in `folded`.
 * Hits come phrase by phrase in list order, each phrase's in text order.
 */
export function findPhrases<K>(phrases: ReadonlyArray<CompiledPhrase<K>>, folded: string, raw: string): Array<PhraseHit<K> & { onRaw: boolean; index: number }> {
  const hits: Array<PhraseHit<K> & { onRaw: boolean; index: number }> = [];
  for (const index of candidates(phrases, folded)) {
    const p = phrases[index]!;
    const text = p.folded ? folded : raw;
    p.pattern.lastIndex = 0;
    for (let m = p.pattern.exec(text); m; m = p.pattern.exec(text)) {
      hits.push({ key: p.key, start: m.index, end: m.index + m[0].length, words: p.words, phrase: p.phrase, onRaw: !p.folded, index });
      if (m[0].length === 0) p.pattern.lastIndex++;
    }
  }
  return hits;
}

/** Keeps the longest hits when folded hits overlap ("entreprise adaptee de travail temporaire" over "entreprise adaptee"). */
export function longestHits<H extends { start: number; end: number; onRaw: boolean }>(hits: H[]): H[] {
  const folded = hits.filter((h) => !h.onRaw).sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: H[] = [];
  for (const h of folded) if (!kept.some((k) => h.start < k.end && k.start < h.end)) kept.push(h);
  return [...kept, ...hits.filter((h) => h.onRaw)];
}
