import { z } from 'zod';
import { LOCALES } from '../../locales/i18n';
import { searchFaq, type FaqSearchResult } from '../../knowledge/faq';
import corpusFile from './corpus.json';

/**
 * The FAQ search measured on a labelled corpus (corpus.json). `npm run eval` prints the numbers;
 * test/faq/faq.eval.test.ts holds them at their floors.
 */

export const corpusSchema = z
  .object({
    $comment: z.string(),
    questions: z.array(
      z
        .object({
          text: z.string().min(1),
          locale: z.enum(LOCALES),
          expect: z.string().nullable(),
          split: z.enum(['dev', 'holdout']),
        })
        .strict(),
    ),
  })
  .strict();
export type CorpusQuestion = z.infer<typeof corpusSchema>['questions'][number];

export const CORPUS: readonly CorpusQuestion[] = corpusSchema.parse(corpusFile).questions;

/** The entry the person sees first: the answer, or the first choice offered. */
export function firstId(result: FaqSearchResult): string | undefined {
  if (result.status === 'answer') return result.entry.id;
  if (result.status === 'choices') return result.entries[0]?.id;
  return undefined;
}

export interface Outcome {
  question: CorpusQuestion;
  result: FaqSearchResult;
  first: string | undefined;
}

export interface Metrics {
  /** On-topic questions counted. */
  count: number;
  /** Share whose first entry is the expected one. */
  top1: number;
  /** Share answered directly with the expected entry. */
  answeredRight: number;
  /** Share answered directly with another entry (a confident mistake). */
  answeredWrong: number;
  failures: Outcome[];
}

export function runCorpus(questions: readonly CorpusQuestion[] = CORPUS): Outcome[] {
  return questions.map((question) => {
    const result = searchFaq(question.text, question.locale);
    return { question, result, first: firstId(result) };
  });
}

export function metrics(outcomes: readonly Outcome[]): Metrics {
  const onTopic = outcomes.filter((o) => o.question.expect !== null);
  const n = Math.max(onTopic.length, 1);
  const right = onTopic.filter((o) => o.first === o.question.expect);
  const answered = onTopic.filter((o) => o.result.status === 'answer');
  return {
    count: onTopic.length,
    top1: right.length / n,
    answeredRight: answered.filter((o) => o.first === o.question.expect).length / n,
    answeredWrong: answered.filter((o) => o.first !== o.question.expect).length / n,
    failures: onTopic.filter((o) => o.first !== o.question.expect),
  };
}

/** Off-topic questions: the share that got a confident 'answer' (must stay near zero). */
export function offTopicFalseAnswerRate(outcomes: readonly Outcome[]): { count: number; rate: number; answered: Outcome[] } {
  const off = outcomes.filter((o) => o.question.expect === null);
  const answered = off.filter((o) => o.result.status === 'answer');
  return { count: off.length, rate: answered.length / Math.max(off.length, 1), answered };
}

export function describe(o: Outcome): string {
  const got = o.result.status === 'none' ? 'none' : `${o.result.status}:${o.result.status === 'answer' ? o.result.entry.id : o.result.entries.map((e) => e.id).join('|')}`;
  return `[${o.question.locale}/${o.question.split}] "${o.question.text}" expected ${o.question.expect ?? 'none'}, got ${got}`;
}
