/**
 * Folds what a person types to a comparable form: lower case, œ/æ spelled out (before NFD, which
 * keeps them), no diacritics, punctuation and apostrophes as spaces, single spaces.
 * "  Français ! " → "francais"; "Schœlcher" → "schoelcher".
 */
export function foldText(text: string): string {
  return foldLatin(text) ?? foldAny(text);
}

/** The definition: any text. */
function foldAny(text: string): string {
  return foldUntrimmed(text).trim();
}

/** The definition's steps but the trim. */
function foldUntrimmed(text: string): string {
  return text
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ');
}

/** Characters below this (Basic Latin to Latin Extended-B) fold one by one. */
const LATIN_END = 0x250;
/**
 * Each of them folded alone by `foldAny` without the trim ('' for none, ' ' for a separator). Below
 * U+0250 lower case, NFD and the mark removal do not depend on the neighbours (the only contextual
 * lower case, the Greek final sigma, is above), so a text of them folds as its characters do, with
 * runs of separators made one space and none at the ends.
 */
let latin: string[] | undefined;

function latinFolds(): string[] {
  latin = [];
  for (let c = 0; c < LATIN_END; c++) latin.push(foldUntrimmed(String.fromCharCode(c)));
  return latin;
}

/** `foldAny(text)` for a text of Latin characters only (most messages), without its seven passes; undefined for any other text. */
function foldLatin(text: string): string | undefined {
  const table = latin ?? latinFolds();
  let out = '';
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= LATIN_END) return undefined;
    const folded = table[c]!;
    if (folded.length === 1) {
      if (folded === ' ') space = out.length > 0;
      else {
        if (space) out += ' ';
        out += folded;
        space = false;
      }
    } else {
      for (let j = 0; j < folded.length; j++) {
        const f = folded[j]!;
        if (f === ' ') space = out.length > 0;
        else {
          if (space) out += ' ';
          out += f;
          space = false;
        }
      }
    }
  }
  return out;
}
