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
  // An adviser's shorthand: « BRSA » (bénéficiaire du RSA), « BOETH » (obligation d'emploi des travailleurs handicapés), « infra 3 ».
  ['un BRSA de 55 ans', { age: 55, criteria: ['RSA', 'SENIOR'] }],
  ['BOETH', { criteria: ['TH'] }],
  ['niveau infra 3', { criteria: ['CAP_BEP'] }],
  // Voice dictation and SMS: « jai arreter lecole ».
  ['jai arreter lecole je veux travailler', { criteria: ['CAP_BEP'] }],
  ["mon ado veut arrêter l'école", { criteria: undefined }],
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
  // ages in advisers' shorthand and between commas; ages to come or in the past
  ['ML : positionner jeune 22a sur ACI du Robert', { age: 22, criteria: ['JEUNE'], kinds: ['ACI', 'ML'] }, MQ],
  ['jhabite en QPV à Marseille, 24 ans, au chomage depuis 1 an', { age: 24, months: 12, criteria: ['JEUNE', 'DELD', 'QPV'] }],
  ["j'ai 48 ans au chômage depuis 13 mois", { age: 48, months: 13 }],
  ['33 ans, au chômage depuis un an et 3 mois', { age: 33, months: 15, criteria: ['DELD'] }],
  ["mon grand de 21 ans, pas de diplôme", { age: 21, criteria: ['JEUNE', 'CAP_BEP'] }],
  ["sorti de l'ASE à 18 ans, j'en ai 21 maintenant", { age: 21 }],
  ["j'aurai 50 ans en janvier", { age: undefined, criteria: undefined }],
  ["j'ai plus de 50 ans", { age: undefined, criteria: ['SENIOR'] }],
  ["j'ai fait 4 ans de prison", { months: undefined, criteria: ['DETENTION_MJ'] }],
  ["mes critères : RSA, 2 ans d'inscription", { months: 24, criteria: ['RSA', 'DETLD'] }],
  // criteria: negation stops at punctuation; past benefits and other RSA words do not count
  ['pas de diplôme, au RSA', { criteria: ['CAP_BEP', 'RSA'] }],
  ['je parle à mon référent RSA', { criteria: undefined }],
  ["je touchais l'ASS avant", { criteria: undefined }],
  ['arrêt maladie longue durée', { criteria: undefined }],
  ['seule avec 3 enfants', { criteria: ['PI'] }],
  ['je parle presque pas français', { criteria: ['FLE'] }],
  // places: common words in a name, short names, numbers that are counts
  ['aci fort de france', { place: 'commune:97209' }, MQ],
  ['ei fdf', { kinds: ['EI'], place: 'commune:97209' }, MQ],
  ["j'ai fait ma demande il y a 15 jours", { place: undefined }],
  ['dans 2 semaines', { place: undefined }],
  ['ETTI dans le 93', { place: 'departement:93' }],
  ['à cause de ma santé', { place: undefined }],
  ["J'AI BESOIN DE TRAVAILLER", { kinds: undefined }],
  ["où en ai mon dossier", { kinds: undefined }],
  ['ml robert', { kinds: ['ML'], place: 'commune:97222' }, MQ],
  // registration length without « depuis »: after the registration, or as « d'inscription »
  ['inscrite pôle emploi 18 mois', { months: 18, criteria: ['DELD'] }],
  ['je suis inscrit à France Travail 3 ans', { months: 36, criteria: ['DETLD'] }],
  ['inscrite au chômage 14 mois, pas de diplôme', { months: 14, criteria: ['DELD', 'CAP_BEP'] }],
  ["3 ans d'inscription", { months: 36, criteria: ['DETLD'] }],
  ['chômeur 52 ans', { months: undefined, age: 52, criteria: ['SENIOR'] }],
  ['inscrit pole emploi, 30 ans, RSA', { months: undefined, age: 30, criteria: ['RSA'] }],
  // a commune of the département spelt by ear after « au », « o », « vers »
  ['une ETTI vers le robèr', { kinds: ['ETTI'], place: 'commune:97222' }, MQ],
  ['un aci o karbé', { kinds: ['ACI'], place: 'commune:97204' }, MQ],
  ['chantier au fransoi', { kinds: ['ACI'], place: 'commune:97210' }, MQ],
  ["entreprise d'insertion o diaman", { kinds: ['EI'], place: 'commune:97206' }, MQ],
  ["chômeur depuis moins d'un an", { months: 11 }],
  ['inscrite à France Travail depuis plus de 2 ans', { months: 25, criteria: ['DETLD'] }],
  ['je cherche du travail à robe', { place: undefined }, MQ],
  ['je vais au marché', { place: undefined }, MQ],
  ['je parle français', { place: undefined }, MQ],
];

/** English rows (locale en). */
const EN_ROWS: Row[] = [
  ["I'm 45, just got out of prison", { age: 45, criteria: ['DETENTION_MJ'] }],
  ['my client is 52 and on ASS', { age: 52, criteria: ['SENIOR', 'ASS'] }],
  ['63 yrs old, no car', { age: 63, criteria: ['SENIOR', 'PM'] }],
  ['sleeping at a shelter in Fort-de-France, 41, can I work?', { age: 41, criteria: ['PSH_PR'], place: 'commune:97209' }, MQ],
  ["I'd like to enrol my son (19) at the Mission Locale", { age: 19, kinds: ['ML'] }],
  ['50 years old, no diploma, on RSA', { age: 50, criteria: ['SENIOR', 'CAP_BEP', 'RSA'] }],
  ["i dont have the RSA anymore but i have been unemployed 2 years", { months: 24, criteria: ['DETLD'] }],
  ['registered with France Travail 18 months', { months: 18, criteria: ['DELD'] }],
  ['thanks a lot', { place: undefined }],
  ['have a nice day', { place: undefined }],
  ['how many insertion posts are there in the north?', { place: 'zone:972-NORD' }, MQ],
  ['job centre (France Travail) in Cayenne', { place: 'commune:97302' }],
  ['is this an AI?', { kinds: undefined }],
  ['how many AI and ACI in Martinique', { kinds: ['ACI', 'AI'] }],
  // "to" before a place, in English only ("the nearest Cap Emploi to Ducos").
  ['the nearest cap emploi to ducos', { kinds: ['CAP_EMPLOI'], place: 'commune:97207' }, MQ],
  ['closest mission locale to Le Robert', { kinds: ['ML'], place: 'commune:97222' }, MQ],
  ['I want to talk to someone', { place: undefined }, MQ],
  ['just moved to Martinique from Dominica, where can I find an ACI near Le Lamentin?', { place: 'commune:97213' }, MQ],
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

test(`the table has at least 60 rows (${ROWS.length + EN_ROWS.length})`, () => expect(ROWS.length + EN_ROWS.length).toBeGreaterThanOrEqual(60));

/** The listed slots of a row; criteria (and kinds when `anyKindOrder`) compared without order. */
function expectSlots(slots: Slots, expected: Expected, anyKindOrder = false): void {
  const got = actual(slots);
  for (const [key, value] of Object.entries(expected) as Array<[keyof Expected, unknown]>) {
    const unordered = key === 'criteria' || (anyKindOrder && key === 'kinds');
    const sorted = (v: unknown) => (unordered && Array.isArray(v) ? [...(v as string[])].sort() : v);
    expect({ [key]: sorted(got[key]) }).toEqual({ [key]: sorted(value) });
  }
}

// Every row gets its three values: with fewer, jest would pass its `done` callback as the third.
test.each(ROWS.map(([text, expected, departement]) => [text, expected, departement ?? ''] as const))('%s', (text, expected, departement) => {
  const locale = /^[A-Za-z' ]+$/.test(text) && /\b(I|I'm|job|need)\b/.test(text) ? 'en' : 'fr';
  expectSlots(understand(text, locale, departement ? { departement } : undefined).slots, expected);
});

test.each(EN_ROWS.map(([text, expected, departement]) => [text, expected, departement ?? ''] as const))('en: %s', (text, expected, departement) => {
  expectSlots(understand(text, 'en', departement ? { departement } : undefined).slots, expected, true);
});

test.each([
  ['née le 03/03/1990, je touche le RSA', 'fr', '1990-03-03'],
  ['je suis né le 1er mars 1975', 'fr', '1975-03-01'],
  ['date de naissance : 12.07.1968', 'fr', '1968-07-12'],
  ['I was born on March 3, 1990', 'en', '1990-03-03'],
  ['born 31/02/1990', 'en', undefined],
  ['né en 1975', 'fr', undefined],
  ['rendez-vous le 03/03/2027', 'fr', undefined],
] as const)('birth date: %s → %s', (text, locale, date) => {
  const slots = understand(text, locale).slots;
  expect(slots.birthDate).toBe(date);
  if (date) expect([slots.age, slots.place, slots.placeCandidates]).toEqual([undefined, undefined, undefined]);
});
