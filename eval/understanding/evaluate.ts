import { z } from 'zod';
import { foldText } from '../../knowledge/text/fold';
import { STRUCTURE_KINDS } from '../../knowledge/directory/kinds';
import { CRITERION_KEYS } from '../../knowledge/eligibility/criterionKeys';
import {
  CONFIDENCE_THRESHOLD,
  createUnderstanding,
  EXAMPLE_CONTEXT,
  INTENTS,
  understand,
  warmUnderstanding,
  type Understanding,
} from '../../knowledge/understanding/understand';
import examplesFile from '../../knowledge/understanding/examples.json';
import heldout from './corpus/heldout.json';
import clusters from './corpus/clusters.json';

/** One labelled utterance of eval/understanding/corpus/<split>.json. Absent slot = expected absent. */
export const corpusItemSchema = z
  .object({
    text: z.string(),
    intent: z.enum(INTENTS),
    locale: z.enum(['fr', 'en']).optional(),
    context: z.object({ departement: z.string() }).strict().optional(),
    slots: z
      .object({
        kinds: z.array(z.enum(STRUCTURE_KINDS)).optional(),
        place: z.object({ type: z.string(), code: z.string(), label: z.string().optional() }).strict().optional(),
        criteria: z.array(z.enum(CRITERION_KEYS)).optional(),
        age: z.number().int().optional(),
        registrationMonths: z.number().int().optional(),
        radiusKm: z.number().optional(),
        reference: z.string().optional(),
      })
      .strict(),
  })
  .strict();
export type CorpusItem = z.infer<typeof corpusItemSchema>;

/**
 * `development`: the examples the understanding learns from (knowledge/understanding/examples.json),
 * scored as a check that it still reads them right. `heldout`: messages it never saw. `clusters`: a
 * second blind set (issue 12 §9), written and committed before the understanding was changed for the
 * clusters it covers (kinds in everyday or English words and corrections, Martinique's zones and
 * EPCI said loosely, places after "o"/"au" with typos, registration length or benefits stated,
 * finding a SIAE, rule questions); never used to tune anything.
 */
export const SPLITS = ['development', 'heldout', 'clusters'] as const;
export type Split = (typeof SPLITS)[number];
/** The blind splits (never learned from, never tuned on). */
export const BLIND_SPLITS = ['heldout', 'clusters'] as const satisfies readonly Split[];

const RAW: Record<Split, unknown> = { development: examplesFile.examples, heldout, clusters };

export function loadSplit(split: Split): CorpusItem[] {
  return z.array(corpusItemSchema).parse(RAW[split]);
}

export const SLOT_TYPES = ['kinds', 'place', 'criteria', 'age', 'registrationMonths', 'radiusKm', 'reference'] as const;
type SlotType = (typeof SLOT_TYPES)[number];

/** Slot values as comparable strings ("place" → "type:code"). */
function values(slots: CorpusItem['slots'] | Understanding['slots'], type: SlotType): string[] {
  const v = slots[type];
  if (v === undefined) return [];
  if (Array.isArray(v)) return v.map(String);
  if (typeof v === 'object') return [`${v.type}:${v.code}`];
  return [String(v)];
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
export interface Evaluation {
  n: number;
  intentCorrect: number;
  slots: Record<SlotType, Counts>;
  errors: string[];
  /** Predictions at or above the threshold: how many, how many right. */
  confident: { n: number; correct: number };
  /** "expected → got" for every wrong intent, with how many times. */
  confusions: Map<string, number>;
}

export function evaluate(items: CorpusItem[], run: (item: CorpusItem) => Understanding, threshold: number): Evaluation {
  const slots = Object.fromEntries(SLOT_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }])) as Record<SlotType, Counts>;
  const out: Evaluation = { n: items.length, intentCorrect: 0, slots, errors: [], confident: { n: 0, correct: 0 }, confusions: new Map() };
  for (const item of items) {
    const got = run(item);
    const ok = got.intent === item.intent;
    if (ok) out.intentCorrect++;
    if (got.confidence >= threshold) {
      out.confident.n++;
      if (ok) out.confident.correct++;
    }
    if (!ok) {
      out.errors.push(`intent ${item.intent} → ${got.intent} (${got.confidence}): ${item.text}`);
      const pair = `${item.intent} → ${got.intent}`;
      out.confusions.set(pair, (out.confusions.get(pair) ?? 0) + 1);
    }
    for (const type of SLOT_TYPES) {
      const want = values(item.slots, type);
      const have = values(got.slots, type);
      for (const h of have) {
        if (want.includes(h)) slots[type].tp++;
        else slots[type].fp++;
      }
      for (const w of want) if (!have.includes(w)) slots[type].fn++;
      const missing = want.filter((w) => !have.includes(w));
      const extra = have.filter((h) => !want.includes(h));
      if (missing.length || extra.length) out.errors.push(`${type} -[${missing}] +[${extra}]: ${item.text}`);
    }
  }
  return out;
}

export function ratio(a: number, b: number): number {
  return b === 0 ? 1 : a / b;
}

/** F1 of slot values: micro-averaged over every slot type (each value counts once). */
export function slotF1(c: Counts): number {
  const precision = ratio(c.tp, c.tp + c.fp);
  const recall = ratio(c.tp, c.tp + c.fn);
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

export function allSlots(e: Evaluation): Counts {
  const sum = { tp: 0, fp: 0, fn: 0 };
  for (const type of SLOT_TYPES) {
    sum.tp += e.slots[type].tp;
    sum.fp += e.slots[type].fp;
    sum.fn += e.slots[type].fn;
  }
  return sum;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

export function report(name: string, e: Evaluation): string {
  const all = allSlots(e);
  const lines = [
    `${name}: n=${e.n} intent accuracy ${pct(ratio(e.intentCorrect, e.n))} (${e.intentCorrect}/${e.n}); ` +
      `slot F1 ${pct(slotF1(all))} (tp ${all.tp}, fp ${all.fp}, fn ${all.fn}); ` +
      `confident ${e.confident.n}/${e.n} at ${pct(ratio(e.confident.correct, e.confident.n))} right`,
  ];
  for (const type of SLOT_TYPES) {
    const c = e.slots[type];
    lines.push(`  ${type.padEnd(18)} P ${pct(ratio(c.tp, c.tp + c.fp))}  R ${pct(ratio(c.tp, c.tp + c.fn))}  F1 ${pct(slotF1(c))}  (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`);
  }
  const pairs = [...e.confusions].sort((a, b) => b[1] - a[1]);
  lines.push(`  confusion pairs (expected → got): ${pairs.length ? pairs.map(([pair, n]) => `${pair} ×${n}`).join(', ') : 'none'}`);
  return lines.join('\n');
}


export function runItem(item: CorpusItem): Understanding {
  return understand(item.text, item.locale ?? 'fr', item.context ?? EXAMPLE_CONTEXT);
}

/** Every split, then all of them together (each message understood once). */
export function evaluateCorpus(): Map<Split | 'all', Evaluation> {
  warmUnderstanding();
  const understood = new Map<CorpusItem, Understanding>();
  const runOnce = (item: CorpusItem): Understanding => {
    let result = understood.get(item);
    if (!result) understood.set(item, (result = runItem(item)));
    return result;
  };
  const results = new Map<Split | 'all', Evaluation>();
  const all: CorpusItem[] = [];
  for (const split of SPLITS) {
    const items = loadSplit(split);
    all.push(...items);
    results.set(split, evaluate(items, runOnce, CONFIDENCE_THRESHOLD));
  }
  results.set('all', evaluate(all, runOnce, CONFIDENCE_THRESHOLD));
  return results;
}

/** Folds of the cross-validation (`npm run eval -- --cv`). */
export const CV_FOLDS = 5;

/**
 * k-fold cross-validation on the development examples: each fold is understood by a function built
 * from the other folds only. This is how model changes are chosen without looking at the held-out
 * set (the lexicon cues were written on every development example, so it is a little optimistic).
 */
export function crossValidate(folds = CV_FOLDS): Evaluation {
  warmUnderstanding();
  const items = loadSplit('development');
  const predictions = new Map<CorpusItem, Understanding>();
  for (let f = 0; f < folds; f++) {
    const train = items.filter((_, i) => i % folds !== f);
    const run = createUnderstanding(train);
    items.forEach((item, i) => {
      if (i % folds === f) predictions.set(item, run(item.text, item.locale ?? 'fr', item.context ?? EXAMPLE_CONTEXT));
    });
  }
  return evaluate(items, (item) => predictions.get(item)!, CONFIDENCE_THRESHOLD);
}

/** Words of a message for the likeness check (lower case, no accents or punctuation). */
function wordSet(text: string): Set<string> {
  return new Set(foldText(text).split(' '));
}

/** Share of words two messages have in common (Jaccard). */
function likeness(a: Set<string>, b: Set<string>): number {
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  return common / (a.size + b.size - common);
}

/** Below this likeness to every development example, a held-out message is "far" from what the understanding learned. */
export const FAR_LIKENESS = 0.6;

/**
 * Blind messages (both blind splits) that share less than 60 % of their words with every development
 * example: the accuracy on them shows the blind figures do not come from near-copies of the examples.
 */
export function evaluateFarHeldout(): Evaluation {
  const development = loadSplit('development').map((i) => wordSet(i.text));
  const far = BLIND_SPLITS.flatMap(loadSplit).filter((item) => {
    const words = wordSet(item.text);
    return development.every((d) => likeness(words, d) < FAR_LIKENESS);
  });
  return evaluate(far, runItem, CONFIDENCE_THRESHOLD);
}
