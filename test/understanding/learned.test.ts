import { featuresOf, trainLinearModel, type ModelInput } from '../../knowledge/understanding/intents/linearModel';
import { createExampleVote } from '../../knowledge/understanding/intents/examples';
import type { Intent } from '../../knowledge/understanding/lexicons';

/** The parts of the understanding that are learned from labelled examples (knowledge/understanding/intents/). */

const input = (normalized: string, extra: Partial<ModelInput> = {}): ModelInput => ({
  normalized,
  slots: {},
  cues: {},
  unknownWords: 0,
  contentWords: normalized.split(' ').length,
  ...extra,
});

const TOY: Array<{ input: ModelInput; intent: Intent }> = [
  { input: input('je veux postuler'), intent: 'request' },
  { input: input('postuler au chantier'), intent: 'request' },
  { input: input('inscrivez moi'), intent: 'request' },
  { input: input('c est quoi un aci'), intent: 'question' },
  { input: input('c est quoi le pass'), intent: 'question' },
  { input: input('ca veut dire quoi etti'), intent: 'question' },
  { input: input('recette du colombo', { unknownWords: 2, contentWords: 2 }), intent: 'offtopic' },
  { input: input('horaires du ferry', { unknownWords: 2, contentWords: 2 }), intent: 'offtopic' },
];

test('features: words, stems, word pairs, slot flags, cue scores and unknown words', () => {
  const f = featuresOf(input('je cherche un chantier', { slots: { kinds: ['ACI'] }, cues: { search: 2.5 }, unknownWords: 1, contentWords: 2 }));
  expect(f.get('w:chantier')).toBe(1);
  expect(f.get('s:chant')).toBe(1);
  expect(f.get('b:cherche_un')).toBe(1);
  expect(f.get('b:^_je')).toBe(1);
  expect(f.get('slot:kinds')).toBe(1);
  expect(f.get('slot:place')).toBeUndefined();
  expect(f.get('cue:search')).toBe(2.5);
  expect(f.get('oov:1')).toBe(1);
  expect(f.get('oovshare')).toBe(0.5);
});

test('the linear model learns the toy examples, gives probabilities that sum to 1, and trains the same way twice', () => {
  const model = trainLinearModel(TOY);
  for (const { input: i, intent } of TOY) {
    const p = model.probabilities(i);
    const best = (Object.entries(p) as Array<[Intent, number]>).sort((a, b) => b[1] - a[1])[0]![0];
    expect(best).toBe(intent);
    expect(Object.values(p).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  }
  const again = trainLinearModel(TOY);
  expect(again.probabilities(input('postuler svp'))).toEqual(model.probabilities(input('postuler svp')));
  // A word it never saw changes nothing; a known word still counts.
  expect(model.probabilities(input('postuler zzzz')).request).toBeGreaterThan(0.5);
});

test('the nearest-examples vote leans to the intent of close examples and says nothing for unrelated words', () => {
  const vote = createExampleVote([
    { text: 'je veux postuler au chantier du lamentin', intent: 'request' },
    { text: 'je veux postuler dans une entreprise d insertion', intent: 'request' },
    { text: 'c est quoi un chantier d insertion', intent: 'question' },
  ]);
  const scores = vote('je veux postuler au chantier');
  expect(scores.request ?? 0).toBeGreaterThan(scores.question ?? 0);
  expect(vote('recette colombo')).toEqual({});
});
