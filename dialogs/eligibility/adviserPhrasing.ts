import { foldText } from '../../knowledge/text/fold';

/** Words an adviser uses when checking for someone else ("vérifier l'éligibilité d'un candidat"). */
const THIRD_PERSON = /\b(candidat|candidate|candidats|beneficiaire|la personne|une personne|un jeune|mon public|usager|for a candidate|a candidate|my client|a client|for someone)\b/;

/** Whether a message asks about someone else's eligibility rather than the writer's. */
export function isAdviserPhrasing(text: string | undefined): boolean {
  return !!text && THIRD_PERSON.test(foldText(text));
}
