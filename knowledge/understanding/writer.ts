import type { StructureKind } from '../directory/kinds';
import { foldText } from '../text/fold';
import { extractKinds } from './slots/kinds';
import { prepareText } from './slots/text';

/**
 * What a message says of its writer, besides what it asks: a professional introducing themselves
 * (« je suis conseillère Cap Emploi », « CIP au PLIE », "I'm an adviser at France Travail",
 * « Assistante sociale du département : … ») and the kinds of structure they work at. The message's
 * slots still name those structures (they are named); the dialogs take them as the writer's
 * workplace, not as what is looked for, and answer about « la personne ».
 */
export interface Writer {
  professional: boolean;
  /** Kinds named only as where the writer works (« conseiller France Travail » → FT), not asked for elsewhere in the message. */
  workplace: StructureKind[];
}

/** Jobs that are a professional's on their own (« je suis CIP », « assistante sociale »). */
const ROLES =
  'cip|charge d insertion|chargee d insertion|charge de mission|chargee de mission|charge d accompagnement|chargee d accompagnement|assistant social|assistante sociale|assistant de service social|assistante de service social|travailleur social|travailleuse sociale|educateur|educatrice|educateur specialise|educatrice specialisee|encadrant technique|encadrante technique|accompagnateur socio professionnel|accompagnatrice socio professionnelle|prescripteur|prescriptrice|agent d accueil|agente d accueil|charge d accueil|chargee d accueil|hote d accueil|hotesse d accueil|receptionniste|receptionist|caseworker|case worker|social worker|job coach|employment adviser|employment advisor|careers adviser|careers advisor';
/** Jobs that are a professional's when an organisation or the field follows (« conseillère France Travail », not « conseiller de vente »). */
const ROLES_IN_FIELD = 'conseiller|conseillere|referent|referente|referent rsa|referente rsa|agent|agente|adviser|advisor|counsellor|counselor';
const FIELD =
  '(?:(?:en |d )?insertion|emploi|rsa|a|au|aux|chez|de la|du|des|dans|at|with|for|from|france travail|pole emploi|mission locale|cap emploi|ml|ft|plie|ccas|spip|pjj|departement|ctm|cd)';
const INTRO = '(?:je suis|j suis|jsuis|chui|moi c est|i am|i m|im)(?: une?| an?)?';
const OPENING = '^(?:bonjour |bonsoir |hello |hi |salut )?';

const PROFESSIONAL = new RegExp(`(?:\\b${INTRO} |${OPENING})(?:(?:${ROLES})\\b|(?:${ROLES_IN_FIELD}) ${FIELD}\\b)`);
/** The role and up to four words after it: where the writer says which organisation they work at. */
const WORKPLACE_SPAN = new RegExp(`(?:\\b${INTRO} |${OPENING})(?:${ROLES}|${ROLES_IN_FIELD})((?: [a-z0-9]+){1,4})`);

/** Whether the message comes from a professional introducing themselves, and where they work. */
export function writerOf(text: string | undefined): Writer {
  const folded = text ? foldText(text) : '';
  const professional = PROFESSIONAL.test(folded);
  if (!professional) return { professional, workplace: [] };
  const span = WORKPLACE_SPAN.exec(folded);
  if (!span) return { professional, workplace: [] };
  const named = extractKinds(prepareText(span[1]!.trim())).kinds;
  // A kind named again after the introduction is also asked for (« CIP dans un ACI, je cherche un ACI »).
  const rest = extractKinds(prepareText(folded.slice(span.index + span[0].length))).kinds;
  return { professional, workplace: named.filter((k) => !rest.includes(k)) };
}

/** Words around an introduction that ask nothing: greetings, politeness, and where the writer works. */
const INTRODUCTION_WORDS = new Set(
  (
    'bonjour bonsoir hello hi salut coucou merci thanks ' +
    'a au aux de du des la le les l d en chez dans sur at with for from in of the an ' +
    'france travail pole emploi mission missions locale locales cap ml ft plie ccas caf spip pjj departement ctm cd chrs ' +
    'agence antenne service guichet unique accueil insertion structure association'
  ).split(' '),
);

/**
 * Whether the message only introduces a professional (« Bonjour, je suis conseillère France
 * Travail », "Hi, I'm an adviser at France Travail"), asking nothing yet: the words before and after
 * the role are greetings or the name of where they work.
 */
export function introducesOnly(text: string | undefined): boolean {
  const folded = text ? foldText(text) : '';
  const match = PROFESSIONAL.exec(folded);
  if (!match) return false;
  const around = `${folded.slice(0, match.index)} ${folded.slice(match.index + match[0].length)}`;
  return around
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .every((word) => INTRODUCTION_WORDS.has(word));
}
