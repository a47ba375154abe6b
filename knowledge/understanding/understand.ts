import { RECOGNIZER_CULTURES, recognizeNumber } from './recognizers';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { placeContext, warmUpTerritory } from '../territory';
import examplesFile from './examples.json';
import { classify, cueScores, type Learned } from './intents/classifier';
import { indexExamples, loadExampleIndex, voteOf, words, type ExampleIndex } from './intents/examples';
import { linearModelFrom, trainLinearModel, type LinearModel, type LinearWeights, type ModelInput } from './intents/linearModel';
import { normalizeForIntents } from './intents/normalize';
import { INTENTS, loadLexicons, type Intent } from './lexicons';
import { extractSlots, type Slots } from './slots';
import { MAX_UNDERSTOOD_LENGTH, prepareText, type PreparedText } from './slots/text';

export { INTENTS, type Intent } from './lexicons';
export type { Slots } from './slots';
export type { PlaceSlot } from './slots/place';

export { CONFIDENCE_THRESHOLD } from './threshold';

export interface Understanding {
  intent: Intent;
  /** 0–1. */
  confidence: number;
  slots: Slots;
  /** Next-best intents (at most 3, confidence ≥ 0.05), for a "did you mean" question. */
  alternatives?: Array<{ intent: Intent; confidence: number }>;
}

/** What the conversation knows (`departement`) and the territory the guichet serves (`territory`, a TERRITORY code). */
export type UnderstandingContext = { departement?: string; territory?: string };
export type UnderstandFunction = (text: string, locale: 'fr' | 'en', context?: UnderstandingContext) => Understanding;

/** A labelled message: the development examples (examples.json) and the evaluation corpora share this shape. */
export interface LabelledExample {
  text: string;
  intent: Intent;
  locale?: 'fr' | 'en';
  context?: { departement: string };
}

const examplesSchema = z.object({
  $comment: z.string(),
  examples: z.array(
    z
      .object({
        text: z.string().min(1),
        intent: z.enum(INTENTS),
        locale: z.enum(['fr', 'en']).optional(),
        context: z.object({ departement: z.string() }).optional(),
      })
      .passthrough(),
  ),
});

/** The labelled examples the shipped understanding learns from (knowledge/understanding/examples.json). */
export function shippedExamples(): LabelledExample[] {
  return examplesSchema.parse(examplesFile).examples;
}

interface Read {
  prepared: PreparedText;
  slots: Slots;
  normalized: string;
}

function read(text: string, locale: 'fr' | 'en', context?: UnderstandingContext): Read | undefined {
  if (typeof text !== 'string' || text.length > MAX_UNDERSTOOD_LENGTH) return undefined;
  const prepared = prepareText(text.replace(/<[^>]{0,200}>/g, ' '));
  if (prepared.tokens.length === 0) return undefined;
  const known = {
    departement: typeof context?.departement === 'string' ? context.departement : undefined,
    territory: typeof context?.territory === 'string' ? context.territory : undefined,
  };
  const slots = extractSlots(prepared, locale === 'en' ? 'en' : 'fr', placeContext(known));
  return { prepared, slots, normalized: normalizeForIntents(prepared.folded) };
}

/** Labelled messages without a context are read as the Martinique deployment reads messages (training and evaluation). */
export const EXAMPLE_CONTEXT: UnderstandingContext = Object.freeze({ departement: '972' });

/** What the understanding learns from labelled examples: nothing in it changes between builds. */
interface Learning {
  /** How many in-domain examples use each word: a message made of words none of them uses is likely off-topic. */
  domain: ReadonlyMap<string, number>;
  linear: LinearModel;
  index: ExampleIndex;
}

/** A `Learning` as JSON, computed at build time (`npm run build` writes it next to this module in dist/). */
export interface SavedUnderstanding {
  format: typeof SAVED_FORMAT;
  domain: Array<[string, number]>;
  linear: LinearWeights;
  examples: ReturnType<ExampleIndex['toJSON']>;
}
const SAVED_FORMAT = 1;

function inputOf(domain: ReadonlyMap<string, number>, r: Read, own?: Set<string>, selfInDomain = false): ModelInput {
  const content = words(r.normalized);
  const unknown = content.filter((w) => (domain.get(w) ?? 0) - (selfInDomain && own?.has(w) ? 1 : 0) <= 0).length;
  return { normalized: r.normalized, slots: r.slots, cues: cueScores(r.normalized, r.slots), unknownWords: unknown, contentWords: content.length };
}

/**
 * Learns from labelled examples: the nearest-examples vote indexes them, the linear model is
 * trained on them (with the slots and cue scores the function reads).
 */
function learn(examples: readonly LabelledExample[]): Learning {
  loadLexicons();
  const readExamples = examples.flatMap((e) => {
    const r = read(e.text, e.locale ?? 'fr', e.context ?? EXAMPLE_CONTEXT);
    return r ? [{ r, intent: e.intent, own: new Set(words(r.normalized)) }] : [];
  });
  const domain = new Map<string, number>();
  for (const { intent, own } of readExamples) if (intent !== 'offtopic') for (const w of own) domain.set(w, (domain.get(w) ?? 0) + 1);
  // Each training example is read as if it were new: its own words do not make it in-domain.
  const training = readExamples.map(({ r, intent, own }) => ({ input: inputOf(domain, r, own, intent !== 'offtopic'), intent }));
  return { domain, linear: trainLinearModel(training), index: indexExamples(examples) };
}

function understandingOf(learning: Learning): UnderstandFunction {
  const learned: Learned = { vote: voteOf(learning.index), linear: learning.linear };
  return (text, locale, context) => {
    const r = read(text, locale, context);
    if (!r) return { intent: 'offtopic', confidence: 0, slots: {} };
    const result = classify(r.prepared.tokens.length, learned, inputOf(learning.domain, r));
    const out: Understanding = { intent: result.intent, confidence: result.confidence, slots: r.slots };
    if (result.alternatives.length > 0) out.alternatives = result.alternatives;
    return out;
  };
}

/**
 * Builds the understanding function from labelled examples. The shipped `understand` reads what
 * the build learned from examples.json (or learns it when run from sources); the evaluation builds
 * others from folds.
 */
export function createUnderstanding(examples: readonly LabelledExample[]): UnderstandFunction {
  return understandingOf(learn(examples));
}

/** Learns from labelled examples once: the understanding function and the learning as the build saves it. */
export function learnUnderstanding(examples: readonly LabelledExample[]): { understand: UnderstandFunction; saved: SavedUnderstanding } {
  const learning = learn(examples);
  const saved: SavedUnderstanding = { format: SAVED_FORMAT, domain: [...learning.domain], linear: learning.linear.toJSON(), examples: learning.index.toJSON() };
  return { understand: understandingOf(learning), saved };
}

/** The understanding function from a saved learning (same answers as the learning it was saved from). */
export function understandingFromSaved(saved: SavedUnderstanding): UnderstandFunction {
  if (saved.format !== SAVED_FORMAT) throw new Error(`saved understanding: format ${String(saved.format)}, expected ${SAVED_FORMAT}`);
  loadLexicons();
  return understandingOf({
    domain: new Map(saved.domain),
    linear: linearModelFrom(saved.linear),
    index: loadExampleIndex(saved.examples),
  });
}

/** Where the build writes the saved learning: next to the compiled module (dist/knowledge/understanding/). */
export const SAVED_UNDERSTANDING_FILE = join(__dirname, 'learned.json');

/** The shipped learning: the build's file when there is one (dist/), else learned now (sources, tests). */
function shippedUnderstanding(): UnderstandFunction {
  if (existsSync(SAVED_UNDERSTANDING_FILE)) return understandingFromSaved(JSON.parse(readFileSync(SAVED_UNDERSTANDING_FILE, 'utf8')) as SavedUnderstanding);
  return createUnderstanding(shippedExamples());
}

let shipped: UnderstandFunction | undefined;
let shippedSource: () => UnderstandFunction = shippedUnderstanding;

/**
 * Where `understand` takes its learning the first time it is called, when not from the build's file.
 * The test run learns once and shares it between test files (test/support/sharedLearning.ts): each
 * file would otherwise learn from every example again.
 */
export function setShippedSource(source: () => UnderstandFunction): void {
  shippedSource = () => (existsSync(SAVED_UNDERSTANDING_FILE) ? shippedUnderstanding() : source());
  shipped = undefined;
}

/**
 * What a message asks and the facts it gives: intent, calibrated confidence and slots (structure
 * kinds, place, eligibility criteria, age, registration length, radius, request reference).
 * Synchronous and total: empty, huge (> 600 characters), emoji-only or markup input gives off-topic.
 */
export function understand(text: string, locale: 'fr' | 'en', context?: UnderstandingContext): Understanding {
  shipped ??= shippedSource();
  return shipped(text, locale, context);
}

/**
 * Loads lexicons, territory indexes, the learned parts and (unless `numbers: false`) the number
 * recognizers once (start-up, or a test's beforeAll). The recognizers' first use compiles their
 * regular expressions (seconds): the bot does it after it starts listening (`warmNumberRecognizers`).
 */
export function warmUnderstanding(options: { numbers?: boolean } = {}): void {
  loadLexicons();
  warmUpTerritory();
  if (options.numbers !== false) warmNumberRecognizers();
  understand('bonjour je cherche un chantier d insertion vers le Lamentin, 20 km, j ai 54 ans', 'fr');
}

export function warmNumberRecognizers(): void {
  recognizeNumber('cinquante-quatre ans depuis trente mois', RECOGNIZER_CULTURES.fr);
  recognizeNumber('fifty four years', RECOGNIZER_CULTURES.en);
}

/** Every intent, for callers that build menus from them. */
export const ALL_INTENTS: readonly Intent[] = INTENTS;
