import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { STRUCTURE_KINDS } from '../../knowledge/directory/kinds';
import { CRITERION_KEYS } from '../../knowledge/eligibility/criterionKeys';
import { INTENTS, type Understanding } from '../../knowledge/understanding/understand';

/** One labelled utterance of test/understanding/corpus/<split>.json. Absent slot = expected absent. */
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

export const SPLITS = ['train', 'dev', 'heldout'] as const;
export type Split = (typeof SPLITS)[number];

export function loadSplit(split: Split): CorpusItem[] {
  const raw: unknown = JSON.parse(readFileSync(join(__dirname, 'corpus', `${split}.json`), 'utf8'));
  return z.array(corpusItemSchema).parse(raw);
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
}

export function evaluate(items: CorpusItem[], run: (item: CorpusItem) => Understanding, threshold: number): Evaluation {
  const slots = Object.fromEntries(SLOT_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }])) as Record<SlotType, Counts>;
  const out: Evaluation = { n: items.length, intentCorrect: 0, slots, errors: [], confident: { n: 0, correct: 0 } };
  for (const item of items) {
    const got = run(item);
    const ok = got.intent === item.intent;
    if (ok) out.intentCorrect++;
    if (got.confidence >= threshold) {
      out.confident.n++;
      if (ok) out.confident.correct++;
    }
    if (!ok) out.errors.push(`intent ${item.intent} → ${got.intent} (${got.confidence}): ${item.text}`);
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

export function report(name: string, e: Evaluation): string {
  const lines = [`${name}: n=${e.n} intent accuracy ${(100 * ratio(e.intentCorrect, e.n)).toFixed(1)}%; confident ${e.confident.n}/${e.n} at ${(100 * ratio(e.confident.correct, e.confident.n)).toFixed(1)}% right`];
  for (const type of SLOT_TYPES) {
    const c = e.slots[type];
    lines.push(`  ${type.padEnd(18)} P ${(100 * ratio(c.tp, c.tp + c.fp)).toFixed(1)}%  R ${(100 * ratio(c.tp, c.tp + c.fn)).toFixed(1)}%  (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`);
  }
  return lines.join('\n');
}
