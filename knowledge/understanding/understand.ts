import { Culture, recognizeNumber } from '@microsoft/recognizers-text-suite';
import { warmUpTerritory } from '../territory';
import { classify } from './intents/classifier';
import { normalizeForIntents } from './intents/normalize';
import { INTENTS, loadLexicons, type Intent } from './lexicons';
import { extractSlots, type Slots } from './slots';
import { MAX_UNDERSTOOD_LENGTH, prepareText } from './slots/text';

export { INTENTS, type Intent } from './lexicons';
export type { Slots } from './slots';
export type { PlaceSlot } from './slots/place';

/**
 * Recommended threshold: at or above it the caller acts on the intent; below it, it asks one short
 * question with buttons (the top intent and `alternatives`). Measured on the corpus, see README.
 */
export const CONFIDENCE_THRESHOLD = 0.6;

export interface Understanding {
  intent: Intent;
  /** 0–1. */
  confidence: number;
  slots: Slots;
  /** Next-best intents (at most 3, confidence ≥ 0.05), for a "did you mean" question. */
  alternatives?: Array<{ intent: Intent; confidence: number }>;
}

const NOTHING: Understanding = { intent: 'offtopic', confidence: 0, slots: {} };

/**
 * What a message asks and the facts it gives: intent, calibrated confidence and slots (structure
 * kinds, place, eligibility criteria, age, registration length, radius, request reference).
 * Synchronous and total: empty, huge (> 600 characters), emoji-only or markup input gives off-topic.
 */
export function understand(text: string, locale: 'fr' | 'en', context?: { departement?: string }): Understanding {
  if (typeof text !== 'string' || text.length > MAX_UNDERSTOOD_LENGTH) return { ...NOTHING, slots: {} };
  const cleaned = text.replace(/<[^>]{0,200}>/g, ' ');
  const prepared = prepareText(cleaned);
  if (prepared.tokens.length === 0) return { ...NOTHING, slots: {} };
  const departement = typeof context?.departement === 'string' && context.departement.trim() ? context.departement.trim() : undefined;
  const slots = extractSlots(prepared, locale === 'en' ? 'en' : 'fr', departement ? { departement } : {});
  const normalized = normalizeForIntents(prepared.folded);
  const result = classify(normalized, slots, prepared.tokens.length);
  const out: Understanding = { intent: result.intent, confidence: result.confidence, slots };
  if (result.alternatives.length > 0) out.alternatives = result.alternatives;
  return out;
}

/** Loads lexicons, number recognizers and territory indexes once (start-up, or a test's beforeAll). */
export function warmUnderstanding(): void {
  loadLexicons();
  warmUpTerritory();
  recognizeNumber('cinquante-quatre ans depuis trente mois', Culture.French);
  recognizeNumber('fifty four years', Culture.English);
  understand('bonjour je cherche un chantier d insertion vers le Lamentin, 20 km, j ai 54 ans', 'fr');
}

/** Every intent, for callers that build menus from them. */
export const ALL_INTENTS: readonly Intent[] = INTENTS;
