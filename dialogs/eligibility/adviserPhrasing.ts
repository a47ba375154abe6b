import { foldText } from '../../knowledge/text/fold';

/** Words an adviser uses when checking for someone else ("vérifier l'éligibilité d'un candidat"). */
const THIRD_PERSON = /\b(candidat|candidate|candidats|beneficiaire|la personne|une personne|un jeune|mon public|usager|for a candidate|a candidate|my client|a client|for someone)\b/;

/** Whether a message asks about someone else's eligibility rather than the writer's. */
export function isAdviserPhrasing(text: string | undefined): boolean {
  return !!text && THIRD_PERSON.test(foldText(text));
}

/** Words of a person speaking of their own situation (« je suis inscrit », « suis-je éligible », "I am 30"). */
const FIRST_PERSON = /\b(je|j|moi|suis je|ai je|i|i m|im|me|my)\b/;

/** Whether a message speaks of the writer's own situation. */
export function speaksOfSelf(text: string | undefined): boolean {
  return !!text && FIRST_PERSON.test(foldText(text)) && !isAdviserPhrasing(text);
}
