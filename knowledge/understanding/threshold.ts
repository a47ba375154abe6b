/**
 * Recommended threshold: at or above it the caller acts on the intent; below it, it asks one short
 * question with buttons (the top intent and `alternatives`). Measured on the corpus (see README);
 * the dialogs and the evaluation use this one value.
 */
export const CONFIDENCE_THRESHOLD = 0.6;
