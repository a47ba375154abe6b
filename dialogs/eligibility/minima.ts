import type { TFunction } from 'i18next';
import type { Answers, CriterionKey } from '../../knowledge/eligibility';
import { foldText } from '../../knowledge/text/fold';
import { extractCriteriaWords } from '../../knowledge/understanding/slots/criteria';
import { prepareText } from '../../knowledge/understanding/slots/text';
import { recognizeYesNo } from '../../knowledge/understanding/yesNo';

/**
 * The minima sociaux (RSA, ASS, AAH) as one question: a button per benefit still open, « Non,
 * aucun » and « Je ne sais pas ». One yes settles every kind, so it comes first.
 */

export function minimaLabels(t: TFunction, keys: readonly CriterionKey[]): string[] {
  return [...keys.map((k) => t(`eligibilityDialog:minima.choices.${k}`)), t('eligibilityDialog:minima.choices.none'), t('common:answers.unknown')];
}

const NONE = new Set(['aucun', 'aucune', 'rien', 'none', 'nothing', 'ni l un ni l autre', 'aucun des trois', 'none of them', 'neither']);

/**
 * Reads the answer: a button, the benefits named in words (« je touche l'AAH »), « non » / « aucun »
 * (none of them), « je ne sais pas » (all unknown). « oui » alone does not say which: undefined.
 */
export function readMinima(t: TFunction, text: string | undefined, keys: readonly CriterionKey[]): Answers | undefined {
  if (!text) return undefined;
  const folded = foldText(text);
  const all = (answer: 'no' | 'unknown'): Answers => Object.fromEntries(keys.map((k) => [k, answer]));
  if (folded === foldText(t('eligibilityDialog:minima.choices.none')) || NONE.has(folded)) return all('no');
  const button = keys.find((k) => folded === foldText(t(`eligibilityDialog:minima.choices.${k}`)));
  if (button) return { [button]: 'yes' };
  const named = extractCriteriaWords(prepareText(text)).criteria.filter((k) => keys.includes(k));
  if (named.length > 0) return Object.fromEntries(named.map((k) => [k, 'yes']));
  const yesNo = recognizeYesNo(text);
  if (yesNo === 'no' || yesNo === 'unknown') return all(yesNo);
  // A benefit named after a negation (« je touche pas le RSA »): that one is no; nothing named (« je touche rien »): none.
  const negated = keys.filter((k) => new RegExp(`\\b${k.toLowerCase()}\\b`).test(folded));
  if (NEGATION.test(folded)) return negated.length > 0 ? Object.fromEntries(negated.map((k) => [k, 'no'])) : all('no');
  return undefined;
}

/** A sentence that says « no » in words: « je touche rien », « j'ai aucune aide », "I don't get any". */
const NEGATION = new RegExp(
  [
    '\\b(touche|touches|percois|recois|beneficie|get|receive)\\b( \\S+){0,3}? (rien|aucune?|pas|plus|jamais|nothing|none|any)\\b',
    '\\b(j ai|i have|i ve got) (rien|aucune?|nothing|none)\\b',
    '\\b(rien|aucune?|pas d|pas de|no) (aide|allocation|minima|benefit)s?\\b',
    '\\b(don t|dont|do not|doesn t) (get|receive|have)\\b',
  ].join('|'),
);
