import { normalizeText } from './normalize';

/**
 * Words around a place name that are not the place: "près de", "à", "vers", "autour de",
 * "j'habite à", "dans le département", "svp"… Phrases are written normalised (see normalizeText).
 * A contracted article is given back: "au Lamentin" → "le lamentin", "aux Trois-Îlets" → "les trois ilets".
 */
const LEADING: ReadonlyArray<readonly [string, string]> = [
  ...['je suis', 'j habite', 'je vis', 'je reside', 'j habite pas loin', 'je cherche', 'je travaille', 'on est', 'nous sommes', 'habitant', 'domicilie', 'domiciliee', 'je me trouve', 'ma commune est', 'ma commune c est', 'ma ville est', 'ma ville c est', 'c est', 'ville', 'commune', 'i live in', 'i live', 'i m living in', 'i am living in', 'i m in', 'i am in', 'i m from', 'i am from', 'my town is', 'my city is', 'near', 'around', 'in'].map((p) => [p, ''] as const),
  ...['pres', 'proche', 'a cote', 'autour', 'aux alentours', 'aux environs', 'du cote', 'pas loin', 'non loin', 'pas tres loin', 'vers', 'dans', 'sur', 'en', 'chez', 'a', 'de', 'd', 'sur la commune', 'la commune', 'la ville', 'le departement', 'departement', 'dept', 'dpt', 'la region', 'region', 'le secteur', 'secteur', 'la zone', 'zone', 'l agglomeration', 'agglomeration', 'l agglo', 'agglo', 'l intercommunalite', 'intercommunalite', 'l interco', 'interco'].map((p) => [p, ''] as const),
  ['au', 'le'],
  ['aux', 'les'],
  ['du', 'le'],
  ['des', 'les'],
];

const TRAILING = [
  'et alentours', 'et ses alentours', 'et environs', 'et ses environs', 'et autour', 'alentours', 'environs',
  's il vous plait', 's il te plait', 'svp', 'stp', 'merci', 'please', 'svp merci',
];

/** Sorted longest first so that "pres de" is tried before "pres". */
const LEADING_SORTED = [...LEADING].sort((a, b) => b[0].length - a[0].length);
const TRAILING_SORTED = [...TRAILING].sort((a, b) => b.length - a.length);

/**
 * Normalises a text and removes the filler words around the place name:
 * "Près de Fort-de-France" → "fort de france", "j'habite au Lamentin" → "le lamentin",
 * "vers le Robert svp" → "le robert". Returns '' when nothing but fillers was typed.
 */
export function stripPlaceFillers(text: string): string {
  let q = normalizeText(text);
  for (let changed = true, guard = 0; changed && guard < 8; guard++) {
    changed = false;
    for (const [phrase, replacement] of LEADING_SORTED) {
      if (q === phrase) {
        q = '';
        changed = true;
        break;
      }
      if (q.startsWith(phrase + ' ')) {
        const rest = q.slice(phrase.length + 1);
        q = replacement ? `${replacement} ${rest}` : rest;
        // "au"/"du" become an article: stop rewriting that article on the next pass.
        changed = !replacement;
        break;
      }
    }
    for (const phrase of TRAILING_SORTED) {
      if (q === phrase) {
        q = '';
        changed = true;
        break;
      }
      if (q.endsWith(' ' + phrase)) {
        q = q.slice(0, -(phrase.length + 1));
        changed = true;
        break;
      }
    }
  }
  return q;
}
