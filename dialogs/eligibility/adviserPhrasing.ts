import { foldText } from '../../knowledge/text/fold';
import { writerOf } from '../../knowledge/understanding/writer';

/** Words an adviser uses when checking for someone else ("vérifier l'éligibilité d'un candidat"). */
const THIRD_PERSON =
  /\b(candidat|candidate|candidats|beneficiaire|la personne|une personne|cette personne|un jeune|ce jeune|une jeune|mon public|usager|usagere|monsieur|madame|un monsieur|une dame|mon client|ma cliente|un salarie|une salariee|un resident|une residente|for a candidate|a candidate|my client|a client|for someone)\b/;

/** Someone close the writer may ask for (« ma fille », « mon mari », « un ami », "my son"). */
const RELATIVES =
  'fils|fille|enfant|ado|mari|femme|epoux|epouse|conjoint|conjointe|compagnon|compagne|frere|soeur|mere|pere|maman|papa|cousin|cousine|neveu|niece|oncle|tante|grand mere|grand pere|petit fils|petite fille|beau frere|belle soeur|gendre|belle fille|ami|amie|copain|copine|pote|voisin|voisine|' +
  'son|daughter|child|kid|husband|wife|partner|brother|sister|mother|father|mum|mom|dad|nephew|uncle|aunt|grandson|granddaughter|friend|boyfriend|girlfriend|neighbour|neighbor';
const RELATIVE = `(?:(?:mon|ma|notre|un|une|my|our) (?:${RELATIVES})|an? (?:friend|neighbour|neighbor))`;
/**
 * A relative the message is about: asked for (« pour mon fils »), the subject of a fact or a
 * question (« ma fille a 22 ans », "my son is 30", « un ami qui touche le RSA »), or spoken of
 * with « il »/« elle » — not merely named in the writer's own situation (« j'élève seule mon fils »).
 */
const ABOUT_RELATIVE = new RegExp(
  `\\b(?:(?:pour|for) ${RELATIVE}\\b|${RELATIVE} (?:a|est|touche|percoit|peut|pourrait|habite|vit|cherche|veut|voudrait|n a|n est|ne|qui|de \\d+ ans|is|has|gets|receives|can|could|lives|wants|who|aged)\\b)`,
);
const RELATIVE_THEN_PRONOUN = new RegExp(`\\b${RELATIVE}\\b.*\\b(?:il|elle|he|she)\\b`);

/** Whether a message asks for a relative or a friend (« ma fille a 22 ans, elle peut avoir un pass IAE ? »). */
export function speaksOfRelative(text: string | undefined): boolean {
  if (!text) return false;
  const folded = foldText(text);
  return ABOUT_RELATIVE.test(folded) || RELATIVE_THEN_PRONOUN.test(folded);
}

/** Whether a message asks about someone else's eligibility rather than the writer's (a professional's, or a relative's). */
export function isAdviserPhrasing(text: string | undefined): boolean {
  return !!text && (THIRD_PERSON.test(foldText(text)) || writerOf(text).professional || speaksOfRelative(text));
}

/** Words of a person speaking of their own situation (« je suis inscrit », « suis-je éligible », "I am 30"). */
const FIRST_PERSON = /\b(je|j|moi|suis je|ai je|i|i m|im|me|my)\b/;

/** Whether a message speaks of the writer's own situation. */
export function speaksOfSelf(text: string | undefined): boolean {
  return !!text && FIRST_PERSON.test(foldText(text)) && !isAdviserPhrasing(text);
}
