import { normalizeText } from '../../territory';

/**
 * How a French word sounds, roughly, written with plain letters: what people type when they spell
 * a name by ear (« robèr » for Robert, « karbé » for Carbet, « fransoi » for François, « diaman »
 * for Diamant). Accents folded, silent h and final consonants dropped, the usual spellings of one
 * sound made one (eau/au/o, ai/ei/è, ph/f, qu/k/c, ç/s, y/i), doubled letters single. Only used to
 * compare a typed name with a commune's name, never to rewrite text.
 */
export function soundsLike(text: string): string {
  // « ç » is an s: before folding takes its cedilla (« François » sounds fransoi, not frankoi).
  const folded = normalizeText(text.replace(/ç/g, 's').replace(/Ç/g, 'S'));
  return folded
    .split(' ')
    .filter(Boolean)
    .map(soundsLikeWord)
    .join(' ');
}

function soundsLikeWord(word: string): string {
  let w = word;
  w = w.replace(/ph/g, 'f');
  w = w.replace(/sch/g, 'ch').replace(/sh/g, 'ch');
  w = w.replace(/([^cs]|^)h/g, '$1');
  w = w.replace(/qu/g, 'k').replace(/ck/g, 'k').replace(/q/g, 'k');
  w = w.replace(/c([eiy])/g, 's$1').replace(/c(?!h)/g, 'k');
  w = w.replace(/gu([eiy])/g, 'g$1');
  w = w.replace(/eau/g, 'o').replace(/au/g, 'o');
  w = w.replace(/[ae]i/g, 'e');
  w = w.replace(/y/g, 'i');
  w = w.replace(/oe/g, 'e');
  w = w.replace(/(.)\1+/g, '$1');
  // Silent endings: « Robert », « Carbet », « Diamant », « Ducos », « Trois ».
  if (w.length > 3) w = w.replace(/[tdsxzp]+$/, '');
  // A final mute e after a consonant: « Anne », « Sainte ».
  if (w.length > 3) w = w.replace(/([^aeiou])e$/, '$1');
  return w;
}
