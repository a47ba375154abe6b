import type { Intent, Understanding, UnderstandFunction } from '../../knowledge/understanding/understand';
import type { Slots } from '../../knowledge/understanding/slots';
import { CONFIDENCE_THRESHOLD } from '../../knowledge/understanding/threshold';
import { writerOf } from '../../knowledge/understanding/writer';

/**
 * The seam between dialogs and the understanding of free text: dialogs see an intent (the real
 * union: a misspelt intent does not compile), a confidence and typed slots, never how they were
 * found. Tests feed canned results.
 */
export type { Intent };
export type UnderstoodSlots = Slots;
export type UnderstoodMessage = Understanding;
export type Understand = UnderstandFunction;

/** At or above this confidence the assistant acts on what it understood; below, it asks (the threshold the evaluation measures). */
export const CONFIDENT = CONFIDENCE_THRESHOLD;
/** Between this and CONFIDENT the assistant asks one short question with buttons rather than guess. */
export const PLAUSIBLE = 0.3;

/** What a feature dialog may receive when it starts. */
export interface FeatureOptions {
  /** The message that started it, understood, when it came from free text. */
  understood?: UnderstoodMessage;
  /** That message as typed (for cues the slots do not carry). Never stored beyond the turn's dialog state. */
  text?: string;
  /** Started over another feature's question, which is asked again when this one ends: do what was asked, then end. */
  resumes?: boolean;
  /** « et les ACI ? », « et au Lamentin ? » right after an answer: the same request, with what was not said taken from it. */
  again?: boolean;
}

/**
 * A message as a request: a structure the writer named as their own workplace (« je suis conseillère
 * Cap Emploi ») is not what they look for, nor said back as such. Every free-text entry reads it so.
 */
export function asRequest(understood: UnderstoodMessage, text: string): UnderstoodMessage {
  const kinds = understood.slots.kinds;
  if (!kinds?.length) return understood;
  const { workplace } = writerOf(text);
  if (workplace.length === 0) return understood;
  const asked = kinds.filter((k) => !workplace.includes(k));
  const slots = { ...understood.slots };
  if (asked.length > 0) slots.kinds = asked;
  else delete slots.kinds;
  return { ...understood, slots };
}
