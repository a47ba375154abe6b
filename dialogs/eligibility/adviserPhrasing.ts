import { foldText } from '../../knowledge/text/fold';
import { writerOf } from '../../knowledge/understanding/writer';

/** Words an adviser uses when checking for someone else ("vérifier l'éligibilité d'un candidat"). */
const THIRD_PERSON =
  /\b(candidat|candidate|candidats|beneficiaire|la personne|une personne|cette personne|un jeune|ce jeune|une jeune|mon public|usager|usagere|monsieur|madame|un monsieur|une dame|mon client|ma cliente|un salarie|une salariee|un resident|une residente|for a candidate|a candidate|my client|a client|for someone)\b/;

/** Whether a message asks about someone else's eligibility rather than the writer's (or comes from a professional introducing themselves). */
export function isAdviserPhrasing(text: string | undefined): boolean {
  return !!text && (THIRD_PERSON.test(foldText(text)) || writerOf(text).professional);
}

/** Words of a person speaking of their own situation (« je suis inscrit », « suis-je éligible », "I am 30"). */
const FIRST_PERSON = /\b(je|j|moi|suis je|ai je|i|i m|im|me|my)\b/;

/** Whether a message speaks of the writer's own situation. */
export function speaksOfSelf(text: string | undefined): boolean {
  return !!text && FIRST_PERSON.test(foldText(text)) && !isAdviserPhrasing(text);
}
