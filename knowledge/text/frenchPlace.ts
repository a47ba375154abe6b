/**
 * French elision and contraction with a place's name, for the sentences that put it after « de » or
 * « à »: « à moins de 25 km du Lamentin », « au François », « aux Trois-Îlets », « de La Trinité »,
 * « d'Ajoupa-Bouillon », « en Martinique », « dans le Rhône ». Pure: a label in, the words out.
 *
 * The article is read from the label itself (INSEE writes it in communes' names: « Le Lamentin »,
 * « La Trinité », « Les Trois-Îlets », « L'Ajoupa-Bouillon ») or given by the caller for areas whose
 * article INSEE keeps apart (« Martinique », type de nom en clair 3: « de la Martinique »).
 *
 * - `le`  contracts: « du Lamentin », « au Lamentin »;
 * - `les` contracts: « des Trois-Îlets », « aux Trois-Îlets »;
 * - `la` and `l'` never contract: « de La Trinité », « à L'Ajoupa-Bouillon »;
 * - no article: « de Fort-de-France », « à Fort-de-France », and before a vowel « d'Ajoupa-Bouillon »
 *   (« à » never elides).
 *
 * Towns take « à »; areas (a département, a région, a zone, an EPCI, a postal code…) take « en »
 * before a feminine name or a vowel with no article in the sentence (« en Martinique », « en
 * Isère », « en Eure-et-Loir »), « dans » otherwise (« dans le Rhône », « dans l'Ain », « dans les
 * Bouches-du-Rhône », « dans la zone Nord »), and « à » for a name that is used without an article
 * (« à Mayotte », « à La Réunion »).
 */

/** How a sentence links to a name: an article written in the label, or one given for the name. */
export type FrenchArticle = 'le' | 'la' | 'les' | "l'" | 'none';

/**
 * INSEE's « type de nom en clair » (TNCC) as the territory knowledge names it (see
 * knowledge/territory/served.ts `Liaison`): de Mayotte, d'Eure-et-Loir, du Rhône, de la Martinique,
 * des Bouches-du-Rhône, de l'Ain.
 */
export type FrenchLiaison = 'de' | 'd' | 'du' | 'de_la' | 'des' | 'de_l';

export interface FrenchPlaceOptions {
  /** `town` (the default: a commune, a structure, an organisation) or `area`. */
  kind?: 'town' | 'area';
  /** The article the name takes when the label does not carry it (a département's TNCC). */
  liaison?: FrenchLiaison;
}

export interface FrenchPlaceForms {
  /** The label as given (« Le Lamentin (972) »). */
  name: string;
  /** After « de »: « du Lamentin (972) », « de La Trinité », « des Trois-Îlets », « d'Ajoupa-Bouillon ». */
  of: string;
  /** Where: « au Lamentin », « à La Trinité », « aux Trois-Îlets », « en Martinique », « dans le Rhône ». */
  at: string;
}

/** Vowels, with the accents French names use, and Y before a consonant sound only in a few names. */
const VOWEL = /^[aeiouyàâäéèêëîïôöùûüœæ]/i;

/**
 * Names whose H is mute (« d'Hyères »): the others keep « de » (« de Haguenau », « de Hazebrouck »).
 * A name starting with H is rare in the territories served; the list is the large towns where it is
 * sure, checked against their own use.
 */
const MUTE_H = new Set(['hyères', 'hérouville-saint-clair', 'hénin-beaumont', 'honfleur', 'houilles', 'hendaye', 'hermanville-sur-mer', 'hautmont']);

/** The article at the start of a label, and the rest; « L'Ajoupa-Bouillon » → ["l'", "Ajoupa-Bouillon"]. */
export function splitArticle(label: string): { article: FrenchArticle; written: string; rest: string } {
  const text = label.trim();
  const elided = /^(l['’])\s*(.+)$/i.exec(text);
  if (elided) return { article: "l'", written: elided[1]!, rest: elided[2]! };
  const full = /^(le|la|les)\s+(.+)$/i.exec(text);
  if (full) return { article: full[1]!.toLowerCase() as FrenchArticle, written: full[1]!, rest: full[2]! };
  return { article: 'none', written: '', rest: text };
}

/** Whether « de » elides before this name (« d'Ajoupa-Bouillon », « d'Hyères »; not « de Haguenau »). */
export function elidesBefore(name: string): boolean {
  const word = name.trim();
  if (VOWEL.test(word)) return true;
  if (/^h/i.test(word)) return MUTE_H.has(word.toLowerCase().split(/\s*\(/)[0]!.trim());
  return false;
}

const ARTICLE_OF_LIAISON: Record<FrenchLiaison, FrenchArticle> = { de: 'none', d: 'none', du: 'le', de_la: 'la', des: 'les', de_l: "l'" };

/** « de » + name: « de Fort-de-France », « d'Ajoupa-Bouillon ». */
const deBare = (name: string) => (elidesBefore(name) ? `d'${name}` : `de ${name}`);

/**
 * The forms of a place's name after « de » and « à » (see the module comment). The label is kept as
 * written after the article (« Le Lamentin (972) » → « du Lamentin (972) »).
 */
export function frenchPlace(label: string, options: FrenchPlaceOptions = {}): FrenchPlaceForms {
  const name = label.trim().replace(/\s+/g, ' ');
  const kind = options.kind ?? 'town';
  const split = splitArticle(name);
  // « la » and « le » elide before a vowel: « l'Espace Sud », « l'Eurométropole ».
  if ((split.article === 'la' || split.article === 'le') && elidesBefore(split.rest)) {
    Object.assign(split, { article: "l'", written: split.written === split.written.toLowerCase() ? "l'" : "L'" });
  }
  // An article in the label wins; otherwise the one the caller knows (a département's TNCC).
  const inLabel = split.article !== 'none';
  const article: FrenchArticle = inLabel ? split.article : options.liaison ? ARTICLE_OF_LIAISON[options.liaison] : 'none';
  const rest = split.rest;

  if (inLabel) {
    // The article is part of the name: « Le »/« Les » contract, « La »/« L' » are kept as written.
    // A lower-case article is a common noun's (« la zone Nord »): it stays lower case.
    const written = split.written;
    const lower = written === written.toLowerCase();
    switch (article) {
      case 'le':
        return { name, of: `du ${rest}`, at: kind === 'area' ? `dans le ${rest}` : `au ${rest}` };
      case 'les':
        return { name, of: `des ${rest}`, at: kind === 'area' ? `dans les ${rest}` : `aux ${rest}` };
      case 'la':
        return { name, of: `de ${written} ${rest}`, at: kind === 'area' && lower ? `dans la ${rest}` : `à ${written} ${rest}` };
      default: {
        const l = lower ? "l'" : "L'";
        return { name, of: `de ${l}${rest}`, at: kind === 'area' && lower ? `dans l'${rest}` : `à ${l}${rest}` };
      }
    }
  }

  // The article is not written in the label: the name as the caller says it takes one (areas).
  switch (article) {
    case 'le':
      return { name, of: `du ${rest}`, at: `dans le ${rest}` };
    case 'les':
      return { name, of: `des ${rest}`, at: `dans les ${rest}` };
    case 'la':
      // A feminine land takes « en » (« en Martinique », « en Gironde »).
      return { name, of: `de la ${rest}`, at: `en ${rest}` };
    case "l'":
      // « dans l'Ain » is right for every gender; « en Isère » would be, « en Ain » would not.
      return { name, of: `de l'${rest}`, at: `dans l'${rest}` };
    default:
      if (kind === 'area' && options.liaison === 'd') return { name, of: deBare(rest), at: `en ${rest}` };
      return { name, of: deBare(rest), at: `à ${rest}` };
  }
}
