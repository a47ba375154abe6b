/**
 * Folds what a person types to a comparable form: lower case, œ/æ spelled out (before NFD, which
 * keeps them), no diacritics, punctuation and apostrophes as spaces, single spaces.
 * "  Français ! " → "francais"; "Schœlcher" → "schoelcher".
 */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
