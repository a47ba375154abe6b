import { INTENTS, type Intent } from '../lexicons';
import type { Slots } from '../slots';
import type { ExampleVote } from './examples';
import { lexiconScores, slotScores, type Scores } from './features';
import type { LinearModel, ModelInput } from './linearModel';

/** Score of "none of ours": an intent must beat it to be returned. */
export const OFFTOPIC_BASELINE = 1.0;
/** Softmax temperature over the scores (tuned on the train split for a 0.6 threshold). */
export const TEMPERATURE = 0.9;
/** Weight of the linear model's probabilities (chosen by 5-fold cross-validation on the development examples, `npm run eval -- --cv`). */
export const LINEAR_WEIGHT = 6;

/** What the understanding learned from its labelled examples. */
export interface Learned {
  vote: ExampleVote;
  linear: LinearModel;
}

export interface Classified {
  intent: Intent;
  confidence: number;
  alternatives: Array<{ intent: Intent; confidence: number }>;
  scores: Scores;
}

/** Greetings and thanks around a real request ("bonjour, je cherche un ACI… merci") give way to it. */
function dampSmallTalk(scores: Scores): void {
  const other = INTENTS.filter((i) => i !== 'greeting' && i !== 'thanks' && i !== 'offtopic').some((i) => (scores[i] ?? 0) >= 1);
  if (!other) return;
  for (const i of ['greeting', 'thanks'] as const) if (scores[i] !== undefined) scores[i] = scores[i]! * 0.3;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** The hand-written evidence: cue phrases of the lexicon and what the slots say, small talk damped. */
export function cueScores(normalized: string, slots: Slots): Scores {
  const lexicon = lexiconScores(normalized);
  const scores: Scores = { ...lexicon };
  for (const [intent, s] of Object.entries(slotScores(normalized, slots, lexicon)) as Array<[Intent, number]>) {
    scores[intent] = (scores[intent] ?? 0) + s;
  }
  dampSmallTalk(scores);
  return scores;
}

/**
 * Intent from the linear model's probabilities (its features include the hand-written cue scores:
 * it learns how much each is worth) and the vote of the nearest labelled examples, then a softmax
 * over the intents that scored and the off-topic baseline. Confidence is that probability; for
 * off-topic it is scaled down with message length, so "non" or "ok" stay low and the dialog in
 * progress decides.
 */
export function classify(tokenCount: number, learned: Learned, input: ModelInput): Classified {
  const scores: Scores = {};
  const add = (more: Scores, weight = 1) => {
    for (const [intent, s] of Object.entries(more) as Array<[Intent, number]>) scores[intent] = (scores[intent] ?? 0) + weight * s;
  };
  add(learned.vote(input.normalized));
  add(learned.linear.probabilities(input), LINEAR_WEIGHT);
  const offtopic = OFFTOPIC_BASELINE + (scores.offtopic ?? 0);
  delete scores.offtopic;
  const ranked = (Object.entries(scores) as Array<[Intent, number]>).filter(([, s]) => s > 0);
  ranked.push(['offtopic', offtopic]);
  const max = Math.max(...ranked.map(([, s]) => s));
  const exps = ranked.map(([intent, s]) => [intent, Math.exp((s - max) / TEMPERATURE)] as const);
  const total = exps.reduce((sum, [, e]) => sum + e, 0);
  const probabilities = exps.map(([intent, e]) => ({ intent, confidence: e / total })).sort((a, b) => b.confidence - a.confidence);
  const top = probabilities[0]!;
  let confidence = top.confidence;
  if (top.intent === 'offtopic') confidence *= Math.min(1, tokenCount / 6);
  return {
    intent: top.intent,
    confidence: round(confidence),
    alternatives: probabilities.slice(1, 4).filter((p) => p.confidence >= 0.05).map((p) => ({ intent: p.intent, confidence: round(p.confidence) })),
    scores,
  };
}
