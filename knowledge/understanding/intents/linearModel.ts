import { INTENTS, type Intent } from '../lexicons';
import type { Slots } from '../slots';
import type { Scores } from './features';

/**
 * A multinomial logistic regression (softmax) over sparse features of a message: its words, word
 * pairs, word stems (first 5 letters), what the slots hold and the cue scores. Trained on the
 * labelled examples when the understanding is built (deterministic: fixed order, fixed epochs), it
 * learns which words and which slot patterns tell intents apart where no cue phrase does.
 */

export const LINEAR_MODEL = Object.freeze({
  epochs: 40,
  learningRate: 0.3,
  /** L2 penalty per step, keeps rare words from carrying too much. */
  l2: 1e-4,
});

/** What the model reads of a message. */
export interface ModelInput {
  normalized: string;
  slots: Slots;
  cues: Scores;
  /** Words of the message that no in-domain example uses (see `domainVocabulary`), and all its words that say something. */
  unknownWords: number;
  contentWords: number;
}

const SLOT_FLAGS: Array<[string, (s: Slots) => boolean]> = [
  ['kinds', (s) => (s.kinds?.length ?? 0) > 0],
  ['place', (s) => !!s.place || !!s.placeCandidates],
  ['criteria', (s) => (s.criteria?.length ?? 0) > 0],
  ['age', (s) => s.age !== undefined],
  ['months', (s) => s.registrationMonths !== undefined],
  ['radius', (s) => s.radiusKm !== undefined],
  ['reference', (s) => s.reference !== undefined],
];

/** Sparse features (name → value) of a message. */
export function featuresOf(input: ModelInput): Map<string, number> {
  const f = new Map<string, number>();
  const words = input.normalized.split(' ').filter(Boolean);
  const put = (k: string, v = 1) => f.set(k, (f.get(k) ?? 0) + v);
  put('bias');
  words.forEach((w, i) => {
    put(`w:${w}`);
    if (w.length > 5) put(`s:${w.slice(0, 5)}`);
    put(`b:${i === 0 ? '^' : words[i - 1]}_${w}`);
  });
  if (words.length > 0) put(`b:${words[words.length - 1]}_$`);
  put(`len:${Math.min(words.length, 8)}`);
  if (input.contentWords > 0) {
    put(`oov:${Math.min(input.unknownWords, 3)}`);
    put('oovshare', input.unknownWords / input.contentWords);
  }
  for (const [name, has] of SLOT_FLAGS) if (has(input.slots)) put(`slot:${name}`);
  for (const [intent, score] of Object.entries(input.cues)) if (score) put(`cue:${intent}`, Math.max(-2, Math.min(4, score)));
  return f;
}

export interface LinearModel {
  /** Probability of each intent (offtopic included), summing to 1. */
  probabilities(input: ModelInput): Record<Intent, number>;
  /** The learned weights, to ship with the build (`linearModelFrom` reads them back). */
  toJSON(): LinearWeights;
}

/** What training learns: the feature names (in numbering order) and their weights (features × intents, row-major). */
export interface LinearWeights {
  classes: readonly Intent[];
  features: string[];
  weights: number[];
}

function softmaxInPlace(logits: Float64Array): Float64Array {
  let max = -Infinity;
  for (const l of logits) if (l > max) max = l;
  let total = 0;
  for (let c = 0; c < logits.length; c++) total += logits[c] = Math.exp(logits[c]! - max);
  for (let c = 0; c < logits.length; c++) logits[c]! /= total;
  return logits;
}

/**
 * Trains the model by stochastic gradient descent over the examples in a fixed interleaved order.
 * Feature names are numbered once and the weights kept in one flat array (features × intents).
 */
export function trainLinearModel(examples: ReadonlyArray<{ input: ModelInput; intent: Intent }>): LinearModel {
  const classes = INTENTS;
  const k = classes.length;
  const ids = new Map<string, number>();
  const data = examples.map((e) => {
    const features = [...featuresOf(e.input)];
    const index = new Int32Array(features.length);
    const value = new Float64Array(features.length);
    features.forEach(([name, v], f) => {
      let id = ids.get(name);
      if (id === undefined) ids.set(name, (id = ids.size));
      index[f] = id;
      value[f] = v;
    });
    return { index, value, target: classes.indexOf(e.intent) };
  });
  const weights = new Float64Array(ids.size * k);
  const logits = new Float64Array(k);
  const logitsOf = (index: ArrayLike<number>, value: ArrayLike<number>) => {
    logits.fill(0);
    for (let f = 0; f < index.length; f++) {
      const base = index[f]! * k;
      for (let c = 0; c < k; c++) logits[c]! += weights[base + c]! * value[f]!;
    }
    return softmaxInPlace(logits);
  };
  // A fixed, deterministic visiting order that mixes intents (stride through the list).
  const order = data.map((_, i) => (i * 7919) % data.length);
  const unique = new Set(order).size === data.length ? order : data.map((_, i) => i);
  for (let epoch = 0; epoch < LINEAR_MODEL.epochs; epoch++) {
    const rate = LINEAR_MODEL.learningRate / (1 + epoch * 0.1);
    for (const i of unique) {
      const { index, value, target } = data[i]!;
      const p = logitsOf(index, value);
      for (let f = 0; f < index.length; f++) {
        const base = index[f]! * k;
        for (let c = 0; c < k; c++) {
          const gradient = (p[c]! - (c === target ? 1 : 0)) * value[f]!;
          weights[base + c] = weights[base + c]! - rate * (gradient + LINEAR_MODEL.l2 * weights[base + c]!);
        }
      }
    }
  }
  return modelOf(ids, weights);
}

function modelOf(ids: ReadonlyMap<string, number>, weights: Float64Array): LinearModel {
  const k = INTENTS.length;
  const logits = new Float64Array(k);
  return {
    probabilities(input) {
      logits.fill(0);
      for (const [name, v] of featuresOf(input)) {
        const id = ids.get(name);
        if (id === undefined) continue;
        const base = id * k;
        for (let c = 0; c < k; c++) logits[c]! += weights[base + c]! * v;
      }
      const p = softmaxInPlace(logits);
      return Object.fromEntries(INTENTS.map((c, i) => [c, p[i]!])) as Record<Intent, number>;
    },
    toJSON() {
      return { classes: [...INTENTS], features: [...ids.keys()], weights: Array.from(weights) };
    },
  };
}

/** A trained model from its weights (as `toJSON` wrote them); refuses weights of another intent list. */
export function linearModelFrom(saved: LinearWeights): LinearModel {
  const k = INTENTS.length;
  if (saved.classes.length !== k || saved.classes.some((c, i) => c !== INTENTS[i])) throw new Error('linear model: the intents changed since it was trained');
  if (saved.weights.length !== saved.features.length * k) throw new Error('linear model: weights do not match the features');
  return modelOf(new Map(saved.features.map((name, i) => [name, i])), Float64Array.from(saved.weights));
}
