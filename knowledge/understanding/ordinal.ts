import { foldText } from '../text/fold';

/** A place in a list said in words: a position from 1, or the last one. */
export type Ordinal = number | 'last';

/**
 * Ordinal words as people type them (folded: no accents, lower case), French and English. Plain
 * numbers (« 2 ») are not here: under a list of buttons they are the buttons' numbers.
 */
const ORDINALS: ReadonlyArray<[Ordinal, RegExp]> = [
  [1, /^(premier|premiere|1er|1ere|1re|1e|first|1st)$/],
  [2, /^(deuxieme|second|seconde|2e|2eme|2nd)$/],
  [3, /^(troisieme|3e|3eme|third|3rd)$/],
  [4, /^(quatrieme|4e|4eme|fourth|4th)$/],
  [5, /^(cinquieme|5e|5eme|fifth|5th)$/],
  [6, /^(sixieme|6e|6eme|sixth|6th)$/],
  [7, /^(septieme|7e|7eme|seventh|7th)$/],
  [8, /^(huitieme|8e|8eme|eighth|8th)$/],
  [9, /^(neuvieme|9e|9eme|ninth|9th)$/],
  [10, /^(dixieme|10e|10eme|tenth|10th)$/],
  ['last', /^(dernier|derniere|last)$/],
];

/** Words around an ordinal that do not change what it points at (« je veux la deuxième structure svp »). */
const AROUND =
  /^(le|la|l|les|je|j|veux|voudrais|prends|prend|choisis|voir|montre|montrez|moi|c|est|celui|celle|ci|structure|chantier|entreprise|association|atelier|endroit|lieu|resultat|adresse|one|the|i|want|take|show|me|see|result|structure|please|svp|stp|merci|thanks|euh|ben|bah|alors|ok|oui|yes)$/;

/**
 * The position a short message points at (« le premier », « la 2e », « je veux la dernière
 * structure », "the second one"), or undefined: exactly one ordinal word, the other words among
 * the few that can stand around it. Anything longer is a sentence about something else.
 */
export function readOrdinal(text: string | undefined): Ordinal | undefined {
  if (!text) return undefined;
  const words = foldText(text).split(' ').filter(Boolean);
  if (words.length === 0 || words.length > 6) return undefined;
  let found: Ordinal | undefined;
  for (const word of words) {
    const ordinal = ORDINALS.find(([, pattern]) => pattern.test(word))?.[0];
    if (ordinal !== undefined) {
      if (found !== undefined) return undefined;
      found = ordinal;
    } else if (!AROUND.test(word)) return undefined;
  }
  return found;
}
