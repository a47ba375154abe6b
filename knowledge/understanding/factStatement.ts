import { foldText } from '../text/fold';

/**
 * Folded words that ask about eligibility rather than tell a fact (« suis-je éligible », « j'ai
 * droit », « je peux travailler », « vérifier », "can I", "am I eligible"). « je touche le RSA »,
 * « j'ai une RQTH » tell; « je touche le RSA, j'ai droit ? » asks.
 */
const ASKS = /(?:^| )(?:eligib\w*|elligib\w*|droit|droits|verifi\w*|test\w*|pass|agrement|peux|peut|pourrai\w*|puis|est ce|check|can|could|am i|qualif\w*|possible|combien|comment|quoi|quel\w*|pourquoi|si je)(?= |$)/;

/** Whether a message only tells facts about the person (no question mark, no word that asks). */
export function tellsFactsOnly(text: string | undefined): boolean {
  if (!text || text.includes('?')) return false;
  return !ASKS.test(foldText(text));
}
