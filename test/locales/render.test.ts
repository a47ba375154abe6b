import { readLocaleResources, translator } from '../../locales/i18n';
import { nameWords, placeWords } from '../../dialogs/shared/territory';
import { communesOf, resolveInsee, resolvePlace, servedPlace, type Place } from '../../knowledge/territory';

/**
 * Every French string, rendered with sample params (issue 12, « Words »): no « de Le », « à Les », « de
 * un », no double space, no « 0 postes » (zero is « aucun »), no param left unfilled. Every place of
 * the served territory (the 34 communes of Martinique, its zones, EPCI, département, a postal code)
 * and a few names with an article are tried wherever a string takes a place or a name. « Français
 * facile » (`_easy`) and advisers' (`_adviser`) variants are strings like the others.
 */

const fr = translator('fr');
const resources = readLocaleResources();
const PLURAL = /_(zero|one|two|few|many|other)$/;

function leaves(tree: unknown, prefix = ''): Array<[string, unknown]> {
  if (!tree || typeof tree !== 'object' || Array.isArray(tree)) return [[prefix, tree]];
  return Object.entries(tree as Record<string, unknown>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

const all = Object.entries(resources.fr).flatMap(([ns, tree]) => leaves(tree).map(([key, value]): readonly [string, unknown] => [`${ns}:${key}`, value]));
const strings = all.filter((entry): entry is readonly [string, string] => typeof entry[1] === 'string');
const plain = strings.filter(([key]) => !PLURAL.test(key)).map(([key]) => key);
const pluralBases = [...new Set(strings.filter(([key]) => PLURAL.test(key)).map(([key]) => key.replace(PLURAL, '')))];

/**
 * Plural strings whose count is never 0 where the code uses them (so they need no « aucun » form),
 * with the reason. Every other count string says zero in words (a `_zero` form).
 */
const NEVER_ZERO: Record<string, string> = {
  'adviser:list': 'no request at all is adviser:none (adviserDialog)',
  'eligibility:result.notEligible': 'the count is the criteria still missing: at least 1',
  'followUp:locked': 'minutes to wait, at least 1 (followUpDialog lockedMessage)',
  'followUp:lockedHours': 'hours to wait, over 2',
  'followUp:yours': 'said only when the person has requests here',
  'myData:age': 'an age, 16 or more',
  'myData:confirmEraseRequests': 'asked only when there are requests to erase',
  'myData:pageMessages': 'hours the page keeps its messages: at least 1',
  'search:foundAround': 'said only when something was found',
  'search:foundAround_easy': 'said only when something was found',
  'search:foundIn': 'said only when something was found',
  'search:foundIn_easy': 'said only when something was found',
  'search:nearestInstead': 'said only when the nearest were found (searchDialog showResults)',
  'search:next.more': 'offered only when there are more',
  'stats:total': 'the none sentence is said when nothing is counted',
  'stats:totalSiae': 'the none sentence is said when nothing is counted',
  'stats:row': 'a row is a kind present in the area',
  'stats:partnerRow': 'a row is a kind present in the area',
};

/** The places tried in every string that takes one. */
function samplePlaces(): Place[] {
  const served = servedPlace('972')!;
  const communes = communesOf(served).map((code) => resolveInsee(code)!);
  const areas = ['972', '972-NORD', '972-SUD', '200041788', '249720053', '69', '01', '13', 'region:11', '974', '976'].map((code) => servedPlace(code)!);
  const postcode = resolvePlace('97250');
  const coords = resolvePlace('14.6, -61.0');
  const more = [postcode, coords].flatMap((r) => (r.status === 'found' ? [r.place] : []));
  return [...communes, ...areas, ...more];
}

const NAMES = ['Le Relais Martinique', 'Les Ateliers du Sud', "L'Atelier du Nord", 'La Ressourcerie', 'France Travail – agence du Lamentin', 'Atelier Bois et Menuiserie – Le Marigot'];

const base = {
  address: '12 rue Victor Hugo, 97200 Fort-de-France',
  age: 34,
  answer: 'oui',
  benefits: 'le RSA, l’ASS ou l’AAH',
  code: '123456',
  contact: 'contact@example.org',
  count: 3,
  criteria: 'RSA, QPV',
  criterion: 'RSA',
  date: new Date('2026-11-22T10:00:00Z'),
  day: 'lundi',
  days: 'du lundi au vendredi',
  end: '22/11/2028',
  facts: 'chantier d’insertion, Le Lamentin',
  firstName: 'Marie',
  from: 1,
  hours: 'du lundi au vendredi : 8 h – 12 h',
  kind: 'France Travail',
  kinds: 'chantier d’insertion',
  km: 25,
  label: 'Prénom',
  lastName: 'Dupont',
  list: 'GI-ABC123 (reçue)',
  months: 24,
  names: 'Fonds-Saint-Denis, Le Prêcheur, Saint-Pierre',
  need: 'un emploi',
  needed: 2,
  number: '9999 9999 9999',
  of: 'de la Martinique',
  phone: '3949',
  posts: 'aucun poste d’insertion',
  reference: 'GI-ABC123',
  shown: 10,
  start: '22/11/2026',
  status: 'reçue',
  times: '8 h – 12 h',
  to: 10,
  value: 'Marie',
  what: 'chantiers d’insertion',
  who: 'France Travail',
};

/** The same string with every sample place and name (one render when it takes neither). */
function renders(key: string, extra: Record<string, unknown> = {}): string[] {
  const raw = String(strings.find(([k]) => k === key)?.[1] ?? '') + pluralForms(key);
  const takesPlace = /\{\{(place|ofPlace|atPlace)\b/.test(raw);
  const takesName = /\{\{(name|structure|atStructure|organisation|atOrganisation)\b/.test(raw);
  const places = takesPlace ? samplePlaces() : [undefined];
  const names = takesName ? NAMES : [undefined];
  return places.flatMap((place) =>
    names.map((name) => {
      const named = name ? nameWords(name) : undefined;
      return fr(key, {
        ...base,
        ...(place ? placeWords(place) : {}),
        ...(named ? { name, structure: name, atStructure: named.atName, organisation: name, atOrganisation: named.atName } : {}),
        ...extra,
      });
    }),
  );
}

/** The raw text of a plural base's forms, to know which params they take. */
function pluralForms(base: string): string {
  return strings.filter(([k]) => k.replace(PLURAL, '') === base && PLURAL.test(k)).map(([, v]) => v).join(' ');
}

/** Word edges for French words (`\\b` only knows ASCII letters: « à » has none). */
const W = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const FAULTS: Array<[RegExp, string]> = [
  [new RegExp(`${W}(de|à) (Le|Les)${E}`, 'u'), '« de Le », « à Les »: du, au, des, aux'],
  [new RegExp(`${W}(de|à) (le|les) \\p{Lu}`, 'u'), '« de le Lamentin »: du, au, des, aux'],
  [new RegExp(`${W}de (un|une)${E}`, 'iu'), '« de un »: d’un'],
  [new RegExp(`${W}de (?![«h])[aeiouyàâéèêëîïôöùûü]`, 'iu'), '« de » before a vowel elides'],
  [/ {2}/, 'a double space'],
  [new RegExp(`${W}0 (?!à )\\p{L}`, 'u'), '« 0 » before a noun: zero is « aucun »'],
  [/\{\{|\}\}/, 'a param left unfilled'],
  [/undefined|null|NaN|\[object Object\]/, 'a missing value'],
];

function faultsOf(text: string): string[] {
  return FAULTS.filter(([pattern]) => pattern.test(text)).map(([, why]) => why);
}

describe('every French string, rendered', () => {
  it('is checked: the locale files have strings and plural strings', () => {
    expect(plain.length).toBeGreaterThan(300);
    expect(pluralBases.length).toBeGreaterThan(15);
    expect(new Set(samplePlaces().map((p) => p.type))).toEqual(new Set(['commune', 'departement', 'region', 'zone', 'epci', 'postcode', 'coords']));
  });

  it('catches the faults the issue found', () => {
    for (const text of ['à moins de 25 km de Le Lamentin.', 'à Les Trois-Îlets', 'de le Lamentin', 'un justificatif de un mois', 'de Ajoupa-Bouillon', 'Lieu :  Fort', '0 postes', 'J’ai trouvé 0 résultats', 'près de {{place}}', 'à undefined']) {
      expect([text, faultsOf(text)]).not.toEqual([text, []]);
    }
    for (const text of ['à moins de 25 km du Lamentin.', 'de La Trinité', "d'Ajoupa-Bouillon", 'de Haguenau', 'aucun poste', '10 postes', 'depuis 0 à 6 mois']) {
      expect([text, faultsOf(text)]).toEqual([text, []]);
    }
  });

  it('no string puts a name right after a preposition: the params ofPlace, atPlace, atStructure do it', () => {
    const bare = strings.filter(([, text]) => /\b(de|d'|à|du|au|des|aux|en|dans)\s*\{\{(place|name|structure|organisation|who|commune|of)\b/.test(text));
    expect(bare.map(([key]) => key)).toEqual([]);
  });

  it('has no faulty words with sample params (every place of the territory and names with an article)', () => {
    const found: string[] = [];
    for (const key of plain) for (const text of renders(key)) for (const why of faultsOf(text)) found.push(`${key}: ${why}: ${text}`);
    expect([...new Set(found)]).toEqual([]);
  });

  it('says every count in words: aucun for 0, singular for 1, plural from 2', () => {
    const found: string[] = [];
    for (const key of pluralBases) {
      const zeroNever = key in NEVER_ZERO;
      for (const count of zeroNever ? [1, 2, 12] : [0, 1, 2, 12]) {
        for (const text of renders(key, { count })) {
          for (const why of faultsOf(text)) found.push(`${key} (${count}): ${why}: ${text}`);
          if (count !== 1 && new RegExp(`${W}1 \\p{L}`, 'u').test(text) && !new RegExp(`${W}1 (an|mois)${E}`, 'u').test(text)) found.push(`${key} (${count}): says 1: ${text}`);
        }
      }
      if (!zeroNever && !strings.some(([k]) => k === `${key}_zero`)) found.push(`${key}: no _zero form (aucun/aucune), nor a reason in NEVER_ZERO`);
    }
    expect(found).toEqual([]);
  });

  it('lists only existing count strings as never zero', () => {
    expect(Object.keys(NEVER_ZERO).filter((key) => !pluralBases.includes(key))).toEqual([]);
  });
});
