import type { Locale } from '../../locales/i18n';

/**
 * The seam between dialogs and the understanding of free text: dialogs see an intent, a confidence
 * and slots, never how they were found. Tests feed canned results.
 */
export interface UnderstoodPlace {
  type: string;
  code: string;
  label: string;
}

export interface UnderstoodSlots {
  kinds?: string[];
  place?: UnderstoodPlace;
  criteria?: string[];
  age?: number;
  birthDate?: string;
  registrationMonths?: number;
  radiusKm?: number;
  reference?: string;
}

export interface UnderstoodMessage {
  intent: string;
  confidence: number;
  slots: UnderstoodSlots;
  /** Next-best intents, for a "did you mean" question. */
  alternatives?: Array<{ intent: string; confidence: number }>;
}

/** `departement`: what the conversation knows; `territory`: the code of the territory the guichet serves (TERRITORY). */
export type Understand = (text: string, locale: Locale, context?: { departement?: string; territory?: string }) => UnderstoodMessage;

/** At or above this confidence the assistant acts on what it understood; below, it asks. */
export const CONFIDENT = 0.6;
/** Between this and CONFIDENT the assistant asks one short question with buttons rather than guess. */
export const PLAUSIBLE = 0.3;

/** What a feature dialog may receive when it starts. */
export interface FeatureOptions {
  /** The message that started it, understood, when it came from free text. */
  understood?: UnderstoodMessage;
  /** That message as typed (for cues the slots do not carry). Never stored beyond the turn's dialog state. */
  text?: string;
}
