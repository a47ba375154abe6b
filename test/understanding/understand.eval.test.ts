import { foldText } from '../../knowledge/text/fold';
import { writeRunSummary, writeTestOutput } from '../support/testOutput';
import { allSlots, evaluateCorpus, loadSplit, ratio, report, slotF1, SLOT_TYPES, type Evaluation, type Split } from '../../eval/understanding/evaluate';

/**
 * Intent accuracy and slot precision/recall on the labelled corpus (eval/understanding/corpus),
 * the same figures `npm run eval` prints. Floors are the measured values rounded down (README, "Measured accuracy"): a change that lowers
 * them must say why. `heldout` was never used to tune lexicons, weights or examples.
 */

const FLOORS: Record<Split | 'all', { intent: number; confidentPrecision: number }> = {
  development: { intent: 0.99, confidentPrecision: 0.99 },
  heldout: { intent: 0.98, confidentPrecision: 0.98 },
  // The second blind set (issue 12 §9): 81.0 % intent when it was written, before any change for its clusters (README, "Measured accuracy").
  clusters: { intent: 0.99, confidentPrecision: 0.99 },
  all: { intent: 0.99, confidentPrecision: 0.99 },
};
/** Per slot type over all splits: precision, recall. */
const SLOT_FLOORS: Record<(typeof SLOT_TYPES)[number], [number, number]> = {
  kinds: [0.99, 0.98],
  place: [0.97, 0.97],
  criteria: [0.98, 0.96],
  age: [0.96, 0.97],
  registrationMonths: [0.9, 0.9],
  radiusKm: [0.97, 0.99],
  reference: [0.99, 0.99],
};

let results = new Map<Split | 'all', Evaluation>();

beforeAll(() => {
  results = evaluateCorpus();
  const file = writeTestOutput(
    'understanding-eval.txt',
    [...results].map(([name, e]) => `${report(name, e)}\n${e.errors.map((x) => `    ${x}`).join('\n')}`).join('\n\n'),
  );
  const summary = [...results].map(([name, e]) => `${name}: intent ${(ratio(e.intentCorrect, e.n) * 100).toFixed(1)}% (n=${e.n})`);
  writeRunSummary('understanding', `understanding: ${summary.join('; ')} (misses: ${file})`);
}, 120000);

test('the corpus has at least 300 utterances, mostly French, every intent in development, no blind message in development', () => {
  const splits = (['development', 'heldout', 'clusters'] as const).map(loadSplit);
  const all = splits.flat();
  expect(all.length).toBeGreaterThanOrEqual(300);
  expect(all.filter((i) => (i.locale ?? 'fr') === 'fr').length / all.length).toBeGreaterThan(0.75);
  expect(new Set(splits[0]!.map((i) => i.intent)).size).toBe(13);
  // The held-out greetings were all word for word development messages ("bonjour", "hello"), so they were removed from it.
  expect(new Set(splits[1]!.map((i) => i.intent)).size).toBeGreaterThanOrEqual(12);
  // No message of one split is in the other, even written with other accents, case or punctuation.
  const development = new Set(splits[0]!.map((i) => foldText(i.text)));
  expect(splits[1]!.filter((i) => development.has(foldText(i.text))).map((i) => i.text)).toEqual([]);
  expect(splits[2]!.filter((i) => development.has(foldText(i.text))).map((i) => i.text)).toEqual([]);
  // The second blind set has at least 150 messages of the issue-12 clusters, none in the first blind set.
  expect(splits[2]!.length).toBeGreaterThanOrEqual(150);
  const heldout = new Set(splits[1]!.map((i) => foldText(i.text)));
  expect(splits[2]!.filter((i) => heldout.has(foldText(i.text))).map((i) => i.text)).toEqual([]);
});

test.each(['development', 'heldout', 'clusters', 'all'] as const)('%s: intent accuracy and confident precision stay at their floors', (split) => {
  const e = results.get(split)!;
  expect(ratio(e.intentCorrect, e.n)).toBeGreaterThanOrEqual(FLOORS[split].intent);
  expect(ratio(e.confident.correct, e.confident.n)).toBeGreaterThanOrEqual(FLOORS[split].confidentPrecision);
  // The threshold is only useful if most messages pass it.
  expect(e.confident.n / e.n).toBeGreaterThanOrEqual(0.7);
});

test.each(SLOT_TYPES)('slot %s: precision and recall over all splits stay at their floors', (type) => {
  const c = results.get('all')!.slots[type];
  const [precision, recall] = SLOT_FLOORS[type];
  expect(ratio(c.tp, c.tp + c.fp)).toBeGreaterThanOrEqual(precision);
  expect(ratio(c.tp, c.tp + c.fn)).toBeGreaterThanOrEqual(recall);
});

test('slot F1 (all slot types together) stays at its floor on each part', () => {
  expect(slotF1(allSlots(results.get('development')!))).toBeGreaterThanOrEqual(0.97);
  expect(slotF1(allSlots(results.get('heldout')!))).toBeGreaterThanOrEqual(0.96);
  expect(slotF1(allSlots(results.get('clusters')!))).toBeGreaterThanOrEqual(0.99);
});
