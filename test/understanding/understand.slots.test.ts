import { understand, warmUnderstanding, type Slots } from '../../knowledge/understanding/understand';

beforeAll(() => warmUnderstanding(), 30000);

/**
 * Slot extraction, one row per utterance: the listed slots must be exactly these (place as
 * "type:code"); slots not listed are not checked. `undefined` = must be absent.
 */
type Expected = { kinds?: string[]; place?: string; criteria?: string[]; age?: number; months?: number; km?: number; ref?: string; candidates?: boolean };
type Row = [text: string, expected: Expected, departement?: string];

const MQ = '972';
const ROWS: Row[] = [
  // kinds
  ["c'est quoi un chantier d'insertion", { kinds: ['ACI'] }],
  ['atelier chantier', { kinds: ['ACI'] }],
  ["ateliers et chantiers d'insertion", { kinds: ['ACI'] }],
  ["intérim d'insertion", { kinds: ['ETTI'] }],
  ['interim insertion', { kinds: ['ETTI'] }],
  ['asso intermédiaire', { kinds: ['AI'] }],
  ['association intermediaire', { kinds: ['AI'] }],
  ["j'ai 30 ans", { kinds: undefined, age: 30 }],
  ["je l'ai vu", { kinds: undefined }],
  ['une AI ou une EI', { kinds: ['AI', 'EI'] }],
  ["entreprise d'insertion", { kinds: ['EI'] }],
  ['les EITI', { kinds: ['EITI'] }],
  ['un GEIQ', { kinds: ['GEIQ'] }],
  ['entreprise adaptée', { kinds: ['EA'] }],
  ['entreprise adaptée de travail temporaire', { kinds: ['EATT'] }],
  ['pôle emploi', { kinds: ['FT'] }],
  ['France Travail', { kinds: ['FT'], place: undefined }],
  ['mission locale', { kinds: ['ML'] }],
  ['cap emploi', { kinds: ['CAP_EMPLOI'], criteria: undefined }],
  ['le PLIE', { kinds: ['PLIE'] }],
  // places
  ['près du Lamentin', { place: 'commune:97213' }, MQ],
  ['vers schoelcher', { place: 'commune:97229' }, MQ],
  ['à Fort de France', { place: 'commune:97209' }],
  ['97200', { place: 'commune:97209' }],
  ['en Martinique', { place: 'departement:972' }],
  ['dans le sud', { place: 'zone:972-SUD' }, MQ],
  ['dans le sud', { place: undefined, candidates: true }],
  ['14.6,-61.0', { place: 'coords:14.60000,-61.00000' }],
  ['aci 97232 20km', { kinds: ['ACI'], place: 'commune:97213', km: 20 }],
  ['stats 972', { place: 'departement:972' }],
  ['I need a job near Schoelcher', { place: 'commune:97229' }],
  ['je cherche du travail au Robert', { place: 'commune:97222' }, MQ],
  ['vers Sainte-Luce svp', { place: 'commune:97227' }, MQ],
  ['aci lamentin', { kinds: ['ACI'], place: 'commune:97213' }, MQ],
  ['je cherche un job', { place: undefined }],
  ['je suis à la rue', { place: undefined, criteria: ['PSH_PR'] }],
  ['en foyer depuis un an', { place: undefined }],
  ['je cherche du travail dans 20 km', { place: undefined, km: 20 }],
  ['à Paris 15', { place: 'commune:75115' }],
  // criteria
  ['au RSA', { criteria: ['RSA'] }],
  ["je touche l'ASS", { criteria: ['ASS'] }],
  ["j'ai l'AAH", { criteria: ['AAH'] }],
  ['RQTH', { criteria: ['TH'] }],
  ['travailleur handicapé', { criteria: ['TH'] }],
  ['chômeur depuis 2 ans', { criteria: ['DETLD'], months: 24 }],
  ['inscrit depuis 30 mois', { criteria: ['DETLD'], months: 30 }],
  ['depuis 14 mois', { criteria: ['DELD'], months: 14 }],
  ['au chômage depuis un an et demi', { criteria: ['DELD'], months: 18 }],
  ['chômeur depuis trente mois', { criteria: ['DETLD'], months: 30 }],
  ["j'ai 54 ans", { age: 54, criteria: ['SENIOR'] }],
  ["j'ai cinquante-quatre ans", { age: 54, criteria: ['SENIOR'] }],
  ["j'ai 22 ans", { age: 22, criteria: ['JEUNE'] }],
  ["I'm 23", { age: 23, criteria: ['JEUNE'] }],
  ['sans diplôme', { criteria: ['CAP_BEP'] }],
  ['pas de diplome', { criteria: ['CAP_BEP'] }],
  ['niveau CAP', { criteria: ['CAP_BEP'] }],
  ['réfugié', { criteria: ['REF_DA'] }],
  ["demandeur d'asile", { criteria: ['REF_DA'] }],
  ['sans logement', { criteria: ['PSH_PR'] }],
  ['hébergé chez un ami', { criteria: ['PSH_PR'] }],
  ['parent seul', { criteria: ['PI'] }],
  ['maman solo', { criteria: ['PI'] }],
  ['sortie de prison', { criteria: ['DETENTION_MJ'] }],
  ["j'ai un bracelet", { criteria: ['DETENTION_MJ'] }],
  ['je parle pas bien français', { criteria: ['FLE'] }],
  ['pas de voiture', { criteria: ['PM'] }],
  ['pas de permis', { criteria: ['PM'] }],
  ['quartier prioritaire', { criteria: ['QPV'] }],
  ["j'habite en QPV", { criteria: ['QPV'], place: undefined }],
  ['je vis en ZRR', { criteria: ['ZRR'] }],
  ["foyer de l'enfance", { criteria: ['ASE'] }],
  ["sortant de l'ASE", { criteria: ['ASE'] }],
  ['je ne touche pas le RSA', { criteria: undefined }],
  ['je suis plus au RSA', { criteria: undefined }],
  ['au RSA depuis 2 ans', { criteria: ['RSA'], months: undefined }],
  ['chômeur très longue durée', { criteria: ['DETLD'] }],
  ['chômeur longue durée', { criteria: ['DELD'] }],
  ['RSA, RQTH et pas de permis', { criteria: ['RSA', 'TH', 'PM'] }],
  // numbers and references
  ['20 km', { km: 20 }],
  ['dans un rayon de 15', { km: 15 }],
  ['suivre ma demande GI-7K3P9Q', { ref: 'GI-7K3P9Q' }],
  ['gi 7k3 p9q', { ref: 'GI-7K3P9Q' }],
  ['ma référence 7K3P9Q', { ref: 'GI-7K3P9Q' }],
  ['GI-0O1I00', { ref: undefined }],
  ['il y a 20 ans', { age: undefined }],
];

function actual(slots: Slots): Record<string, unknown> {
  return {
    kinds: slots.kinds,
    place: slots.place ? `${slots.place.type}:${slots.place.code}` : undefined,
    criteria: slots.criteria ? [...slots.criteria].sort() : undefined,
    age: slots.age,
    months: slots.registrationMonths,
    km: slots.radiusKm,
    ref: slots.reference,
    candidates: slots.placeCandidates ? true : undefined,
  };
}

test(`the table has at least 60 rows (${ROWS.length})`, () => expect(ROWS.length).toBeGreaterThanOrEqual(60));

// Every row gets its three values: with fewer, jest would pass its `done` callback as the third.
test.each(ROWS.map(([text, expected, departement]) => [text, expected, departement ?? ''] as const))('%s', (text, expected, departement) => {
  const got = actual(understand(text, /^[A-Za-z' ]+$/.test(text) && /\b(I|I'm|job|need)\b/.test(text) ? 'en' : 'fr', departement ? { departement } : undefined).slots);
  for (const [key, value] of Object.entries(expected) as Array<[keyof Expected, unknown]>) {
    const want = key === 'criteria' && Array.isArray(value) ? [...value].sort() : value;
    expect({ [key]: got[key] }).toEqual({ [key]: want });
  }
});
