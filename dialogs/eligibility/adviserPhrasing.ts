import type { Relation } from '../../knowledge/eligibility';
import { foldText } from '../../knowledge/text/fold';
import { writerOf } from '../../knowledge/understanding/writer';

/** Words an adviser uses when checking for someone else ("vérifier l'éligibilité d'un candidat"). */
const THIRD_PERSON =
  /\b(candidat|candidate|candidats|beneficiaire|la personne|une personne|cette personne|un jeune|ce jeune|une jeune|mon public|usager|usagere|monsieur|madame|un monsieur|une dame|mon client|ma cliente|un brsa|une brsa|un allocataire|une allocataire|un demandeur d emploi|une demandeuse d emploi|un deld|une deld|un detld|une detld|un salarie|une salariee|un resident|une residente|for a candidate|a candidate|my client|a client|for someone)\b/;

/** Someone close the writer may ask for (« ma fille », « mon mari », « un ami », "my son"). */
const RELATIVES =
  'fils|fille|enfant|ado|mari|femme|epoux|epouse|conjoint|conjointe|compagnon|compagne|frere|soeur|mere|pere|maman|papa|cousin|cousine|neveu|niece|oncle|tante|grand mere|grand pere|petit fils|petite fille|beau frere|belle soeur|gendre|belle fille|ami|amie|copain|copine|pote|voisin|voisine|' +
  'son|daughter|child|kid|husband|wife|partner|brother|sister|mother|father|mum|mom|dad|nephew|uncle|aunt|grandson|granddaughter|friend|boyfriend|girlfriend|neighbour|neighbor';
const RELATIVE = `(?:(?:mon|ma|notre|un|une|my|our) (?:${RELATIVES})|an? (?:friend|neighbour|neighbor))`;
const MENTIONS_RELATIVE = new RegExp(`\\b${RELATIVE}\\b`);
/** The first relative named, its word captured (« ma fille » → fille). */
const RELATIVE_WORD = new RegExp(`\\b(?:mon|ma|notre|my|our) (${RELATIVES})\\b`);
/** The relatives the answers name (« votre fille », "your son"); any other stays « la personne ». */
const RELATION_OF: Readonly<Record<string, Relation>> = {
  fille: 'daughter', daughter: 'daughter', fils: 'son', son: 'son',
  mari: 'husband', epoux: 'husband', husband: 'husband', femme: 'wife', epouse: 'wife', wife: 'wife',
  conjoint: 'partnerM', compagnon: 'partnerM', conjointe: 'partnerF', compagne: 'partnerF', partner: 'partner',
};
/** A relative asked for (« pour mon fils », "for my daughter"). */
const FOR_RELATIVE = new RegExp(`\\b(?:pour|for) ${RELATIVE}\\b`);
/** A relative as the subject of a fact or a question (« ma fille a 22 ans », "my son is 30", « un ami qui touche le RSA »). */
const RELATIVE_SUBJECT = new RegExp(
  `\\b${RELATIVE} (?:a|est|touche|percoit|peut|pourrait|habite|vit|cherche|veut|voudrait|n a|n est|ne|qui|de \\d+ ans|is|has|gets|receives|can|could|lives|wants|who|aged)\\b`,
);
/** « elle peut », « a-t-il droit », "can he": the question is about him or her. */
const PRONOUN_ASKS =
  /\b(?:(?:il|elle) (?:peut|pourrait|pourra|a droit|aurait droit|est eligible|serait eligible|y a droit)|(?:peut|pourrait|a t|est|serait) (?:il|elle)|(?:he|she) (?:can|could|is eligible|qualifies|may)|(?:can|could|is|may) (?:he|she))\b/;
/** The writer speaking of themselves (« je », « j'ai », « moi », "I"). */
const WRITER_SUBJECT = /\b(?:je|j|moi|i|i m|im)\b/;

/**
 * Whether a message asks for a relative or a friend (« ma fille a 22 ans, elle peut avoir un pass
 * IAE ? », « pour mon fils »): asked for, or asked about with « il »/« elle », or the subject of the
 * facts when the writer says nothing of themselves. A relative named in the writer's own situation
 * stays the writer's (« je suis maman solo, mon fils a 4 ans, j'ai droit ? »).
 */
export function speaksOfRelative(text: string | undefined): boolean {
  return !!text && asksForRelative(foldText(text));
}

function asksForRelative(folded: string): boolean {
  if (FOR_RELATIVE.test(folded)) return true;
  if (!MENTIONS_RELATIVE.test(folded)) return false;
  return PRONOUN_ASKS.test(folded) || (RELATIVE_SUBJECT.test(folded) && !WRITER_SUBJECT.test(folded));
}

/** Words of a person speaking of their own situation (« je suis inscrit », « suis-je éligible », "I am 30"). */
const FIRST_PERSON = /\b(je|j|moi|suis je|ai je|i|i m|im|me|my)\b/;

/** Who a message speaks for, read once per message. */
export interface Asker {
  /** About someone else's eligibility rather than the writer's (a professional's, or a relative's). */
  forSomeoneElse: boolean;
  /** A relative or a friend asked for (« ma fille a 22 ans, elle peut… »). */
  relative: boolean;
  /** That relative, when the answers can name them (« votre fille »). */
  relation?: Relation;
  /** A professional introducing themselves (knowledge/understanding/writer.ts). */
  professional: boolean;
  /** The writer's own situation (« je suis inscrit », "I am 30"). */
  self: boolean;
}

export function readAsker(text: string | undefined): Asker {
  if (!text) return { forSomeoneElse: false, relative: false, professional: false, self: false };
  const folded = foldText(text);
  const professional = writerOf(text).professional;
  const relative = asksForRelative(folded);
  const forSomeoneElse = THIRD_PERSON.test(folded) || professional || relative;
  const word = relative ? RELATIVE_WORD.exec(folded)?.[1] : undefined;
  const relation = word === undefined ? undefined : RELATION_OF[word];
  return { forSomeoneElse, relative, ...(relation ? { relation } : {}), professional, self: FIRST_PERSON.test(folded) && !forSomeoneElse };
}

/** Whether a message asks about someone else's eligibility rather than the writer's (a professional's, or a relative's). */
export function isAdviserPhrasing(text: string | undefined): boolean {
  return readAsker(text).forSomeoneElse;
}

/** Whether a message speaks of the writer's own situation. */
export function speaksOfSelf(text: string | undefined): boolean {
  return readAsker(text).self;
}
