import MiniSearch, { type SearchResult } from 'minisearch';
import { LOCALES, type Locale } from '../../locales/i18n';
import { asksWhatItIs } from '../understanding/definitionQuestion';
import { extractKinds } from '../understanding/slots/kinds';
import { prepareText } from '../understanding/slots/text';
import { meaningfulWords, stem, termsOf, tokenize, withoutLeadingLinks } from './analyzer';
import { FAQ_ENTRIES, faqEntryData, faqTexts } from './catalogue';
import { FAQ_MATCHING } from './config';
import type { FaqEntryData, FaqTopic } from './schema';

/** One entry in one language, as the dialogs show it. */
export interface FaqEntry {
  id: string;
  topic: FaqTopic;
  question: string;
  answer: string;
  related: string[];
  /** Where the facts come from: `<file in ../shared/domain/>#<section>`. */
  source: string;
}

export type FaqSearchResult =
  /** `also`: more entries the question asks about, answered with the first (« la différence entre un ACI et une EI ? »). */
  | { status: 'answer'; entry: FaqEntry; score: number; also?: FaqEntry[] }
  | { status: 'choices'; entries: FaqEntry[] }
  | { status: 'none' };

/** Why the search decided what it did (for the evaluation and for tuning). */
export interface FaqSearchTrace {
  words: string[];
  /** `coverage`: share of the message's words the entry matched, look-alikes included; `found`: how many it matched as written or by their start (not only a look-alike). */
  ranked: Array<{ id: string; score: number; coverage: number; found: number }>;
}

interface IndexedDoc {
  id: string;
  question: string;
  keywords: string;
  answer: string;
}

interface LocaleIndex {
  search: MiniSearch<IndexedDoc>;
  /** A question or keyword phrase typed as is (folded, shorthand spelled out) → the one entry that has it. */
  phrases: Map<string, string>;
  /** The meaningful words of a question (stems, sorted) → the one entry asking it. */
  questionWords: Map<string, string>;
}

const indexes = new Map<Locale, LocaleIndex>();

/** `key → id`, forgetting keys that several entries share (they decide nothing). */
function uniqueKeys(pairs: Array<[string, string]>): Map<string, string> {
  const owners = new Map<string, Set<string>>();
  for (const [key, id] of pairs) if (key) owners.set(key, (owners.get(key) ?? new Set()).add(id));
  return new Map([...owners].filter(([, ids]) => ids.size === 1).map(([key, ids]) => [key, [...ids][0]!]));
}

function phraseKey(text: string, locale: Locale): string {
  return withoutLeadingLinks(tokenize(text, locale), locale).join(' ');
}

function wordsKey(text: string, locale: Locale): string {
  return [...new Set(meaningfulWords(text, locale).map((w) => stem(w, locale)))].sort().join(' ');
}

function buildIndex(locale: Locale) {
  const texts = faqTexts(locale);
  const m = FAQ_MATCHING;
  const search = new MiniSearch<IndexedDoc>({
    fields: ['question', 'keywords', 'answer'],
    storeFields: [],
    tokenize: (text) => tokenize(text, locale),
    processTerm: (term) => termsOf(term, locale),
    searchOptions: {
      boost: { ...m.boost },
      fuzzy: (term) => (term.length >= m.fuzzyMinLength ? m.fuzzy : false),
      maxFuzzy: m.maxFuzzy,
      prefix: (term) => term.length >= m.prefixMinLength,
      weights: { ...m.weights },
      combineWith: 'OR',
    },
  });
  search.addAll(
    FAQ_ENTRIES.map((e) => {
      const t = texts.entries[e.id]!;
      return { id: e.id, question: t.question, keywords: t.keywords.join(' ; '), answer: t.answer };
    }),
  );
  const phrases = uniqueKeys(
    FAQ_ENTRIES.flatMap((e) => [texts.entries[e.id]!.question, ...texts.entries[e.id]!.keywords].map((p): [string, string] => [phraseKey(p, locale), e.id])),
  );
  const questionWords = uniqueKeys(FAQ_ENTRIES.map((e) => [wordsKey(texts.entries[e.id]!.question, locale), e.id]));
  const built: LocaleIndex = { search, phrases, questionWords };
  indexes.set(locale, built);
  return built;
}

function indexFor(locale: Locale) {
  return indexes.get(locale) ?? buildIndex(locale);
}

/** Builds the search index of every language now rather than on the first question. */
export function warmUpFaq(): void {
  for (const locale of LOCALES) indexFor(locale);
}

function view(data: FaqEntryData, locale: Locale): FaqEntry {
  const t = faqTexts(locale).entries[data.id]!;
  return { id: data.id, topic: data.topic, question: t.question, answer: t.answer, related: [...data.related], source: data.source };
}

/** One entry in one language, or undefined for an unknown id. */
export function getFaqEntry(id: string, locale: Locale): FaqEntry | undefined {
  const data = faqEntryData(id);
  return data ? view(data, locale) : undefined;
}

/** All entries (of one topic) in the order of entries.json. */
export function listFaqEntries(locale: Locale, topic?: FaqTopic): FaqEntry[] {
  return FAQ_ENTRIES.filter((e) => topic === undefined || e.topic === topic).map((e) => view(e, locale));
}

/** The ranked entries with their scores and the share of the question's words each one matches. */
export function traceFaq(text: string, locale: Locale): FaqSearchTrace {
  const words = meaningfulWords(text, locale);
  if (words.length === 0) return { words, ranked: [] };
  // Typos and prefixes are looked for on the words as typed, not on their stems: "entr" (from
  // "entrer") must not reach "entreprise".
  const asTyped = new Set(words);
  const m = FAQ_MATCHING;
  const results: SearchResult[] = indexFor(locale).search.search(text, {
    fuzzy: (term) => (asTyped.has(term) && term.length >= m.fuzzyMinLength ? m.fuzzy : false),
    prefix: (term) => asTyped.has(term) && term.length >= m.prefixMinLength,
  });
  const ranked = results.map((r) => {
    const matched = new Set(r.queryTerms);
    const covered = words.filter((w) => termsOf(w, locale).some((t) => matched.has(t))).length;
    // « pérou » reaches « perdu » by one edit: a look-alike alone is not the word.
    const found = words.filter((w) => termsOf(w, locale).some((t) => r.terms.some((term) => term.startsWith(t)))).length;
    return { id: String(r.id), score: r.score, coverage: covered / words.length, found };
  });
  return { words, ranked };
}

/** Words that, with two kind names or more, ask what they are or how they differ (compared folded and stemmed). */
const COMPARE_WORDS: Record<Locale, ReadonlySet<string>> = {
  fr: new Set([
    'difference', 'differences', 'diff', 'dif', 'differance', 'different', 'differents', 'differente', 'differentes', 'differencier', 'distinguer', 'compare',
    'comparer', 'comparaison', 'quoi', 'entre', 'versus', 'vs', 'expliquer', 'explique', 'explication', 'choisir', 'choix', 'mieux',
    'meilleur', 'meilleure', 'lequel', 'laquelle', 'lesquels', 'definition', 'signifie', 'veut', 'dire', 'sont', 'deux', 'type',
    'types', 'structure', 'structures', 'sigle', 'sigles', 'pareil', 'meme', 'chose', 'ou', 'et', 'ca', 'cela', 'koi', 'kwa',
  ]),
  en: new Set([
    'difference', 'differences', 'diff', 'different', 'differ', 'compare', 'comparison', 'versus', 'vs', 'between', 'what', 'which',
    'better', 'best', 'choose', 'explain', 'mean', 'means', 'meaning', 'same', 'thing', 'type', 'types', 'kind', 'kinds', 'both',
    'two', 'or', 'and', 'structure', 'structures', 'organisation', 'organisations',
  ]),
};

/**
 * The entries of the kinds a question names when it names two or more and asks nothing else than
 * what they are or how they differ (« c'est quoi la différence entre un ACI et une EI ? », "AI vs
 * ETTI"); undefined otherwise (« une EI ou une ETTI peut-elle m'embaucher au RSA ? » asks more).
 */
function kindsAskedAbout(text: string, locale: Locale): FaqEntry[] | undefined {
  const prepared = prepareText(text);
  // "an AI" alone is the machine in English; beside another kind (« an AI and an ETTI ») it is the association.
  const readings = locale === 'en' ? [extractKinds(prepared, 'en'), extractKinds(prepared, 'fr')] : [extractKinds(prepared, locale)];
  const kinds = [...new Set(readings.flatMap((r) => r.kinds))];
  const usedTokens = readings.flatMap((r) => r.usedTokens);
  const ids = [...new Set(kinds.map((kind) => FAQ_ENTRIES.find((e) => e.id.startsWith('kind-') && (e.kinds as readonly string[] | undefined)?.includes(kind))?.id))].filter(
    (id): id is string => id !== undefined,
  );
  if (ids.length < 2) return undefined;
  const used = new Set(usedTokens);
  const rest = prepared.tokens.filter((_, i) => !used.has(i)).join(' ');
  const compare = COMPARE_WORDS[locale];
  const asked = meaningfulWords(rest, locale).filter((w) => !compare.has(w) && !compare.has(stem(w, locale)));
  return asked.length === 0 ? ids.map((id) => getFaqEntry(id, locale)!) : undefined;
}

/**
 * Finds the entry that answers a question typed freely (a question about two kinds or more: each
 * one's entry, the first as `entry`, the others as `also`). Answers only when the best entry scores
 * high enough, covers enough of the question and is clearly ahead of the next one; offers the two
 * or three closest entries when it is in doubt; says 'none' when nothing is close.
 */
export function searchFaq(text: string, locale: Locale): FaqSearchResult {
  // A question or keyword phrase of one entry, or the same meaningful words as one entry's question.
  const { phrases, questionWords } = indexFor(locale);
  const exact = phrases.get(phraseKey(text, locale)) ?? questionWords.get(wordsKey(text, locale));
  if (exact) return { status: 'answer', entry: getFaqEntry(exact, locale)!, score: Number.POSITIVE_INFINITY };
  // « c'est quoi l'AAH ? », "what is an RQTH?": what is asked about is one entry's keyword phrase, as if typed alone.
  const defined = asksWhatItIs(text) ? phrases.get(phraseKey(meaningfulWords(text, locale).join(' '), locale)) : undefined;
  if (defined) return { status: 'answer', entry: getFaqEntry(defined, locale)!, score: Number.POSITIVE_INFINITY };
  // Two kinds or more, and nothing else asked: each one's answer.
  const kinds = kindsAskedAbout(text, locale);
  if (kinds) return { status: 'answer', entry: kinds[0]!, score: Number.POSITIVE_INFINITY, also: kinds.slice(1) };

  const { ranked } = traceFaq(text, locale);
  const [top, second] = ranked;
  if (!top) return { status: 'none' };
  const { answer, choices } = FAQ_MATCHING;
  const lead = second ? top.score / second.score : Number.POSITIVE_INFINITY;
  // An answer needs one word of the message found as written or by its start, not only look-alikes
  // (« la capitale du pérou » is not the lost PASS: « perdu »).
  if (top.score >= answer.minScore && top.coverage >= answer.minCoverage && lead >= answer.minLead && top.found > 0) {
    return { status: 'answer', entry: getFaqEntry(top.id, locale)!, score: top.score };
  }
  if (top.score >= choices.minScore && top.coverage >= choices.minCoverage) {
    const picked = ranked.slice(0, choices.max).filter((r, i) => i < 2 || r.score >= top.score * choices.thirdWithin);
    return { status: 'choices', entries: picked.map((r) => getFaqEntry(r.id, locale)!) };
  }
  return { status: 'none' };
}
