import type { TFunction } from 'i18next';
import { z } from 'zod';
import { criterionTextKey, personWords, type Answer, type Answers, type CriterionKey, type Relation } from '../../knowledge/eligibility';
import { foldText } from '../../knowledge/text/fold';
import { extractCriteriaWords } from '../../knowledge/understanding/slots/criteria';
import { prepareText } from '../../knowledge/understanding/slots/text';
import { recognizeYesNo } from '../../knowledge/understanding/yesNo';

/**
 * The last question of the eligibility check: every criterion still open, at once — an Adaptive
 * Card 1.5 with one toggle each where cards are shown, a numbered list elsewhere. Read back from a
 * card submit (values arrive as strings, forged ones ignored) or from text: numbers, the criteria in
 * everyday words, « aucun », « je ne sais pas ».
 */

export const CHECKLIST_ACTION = 'eligibility.checklist';

/** Channels that show Adaptive Cards (Bot Framework Web Chat, our Direct Line page, Teams, the Emulator). */
const CARD_CHANNELS: ReadonlySet<string> = new Set(['webchat', 'directline', 'msteams', 'emulator']);

export function showsCards(channelId: string | undefined): boolean {
  return channelId !== undefined && CARD_CHANNELS.has(channelId);
}

/** The card: the question, one toggle per open criterion (its plain label), « Valider » and « Aucun de ces cas ». */
export function checklistCard(t: TFunction, keys: readonly CriterionKey[], adviser: boolean, relation?: Relation): object {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: t(adviser ? 'eligibilityDialog:checklist.questionAdviser' : 'eligibilityDialog:checklist.question', personWords(t, relation)), wrap: true, weight: 'Bolder' },
      ...keys.map((key) => ({
        type: 'Input.Toggle',
        id: key,
        title: t(criterionTextKey(key, 'label')),
        value: 'false',
        valueOn: 'true',
        valueOff: 'false',
        wrap: true,
      })),
    ],
    actions: [
      { type: 'Action.Submit', title: t('eligibilityDialog:checklist.submit'), data: { action: CHECKLIST_ACTION } },
      { type: 'Action.Submit', title: t('eligibilityDialog:checklist.none'), data: { action: CHECKLIST_ACTION, none: 'true' }, associatedInputs: 'none' },
    ],
  };
}

/** The text form: the question and a numbered list, answered with numbers or words. */
export function checklistText(t: TFunction, keys: readonly CriterionKey[], adviser: boolean, relation?: Relation): string {
  const about = personWords(t, relation);
  return [
    t(adviser ? 'eligibilityDialog:checklist.questionAdviser' : 'eligibilityDialog:checklist.question', about),
    ...keys.map((key, i) => `${i + 1}. ${t(criterionTextKey(key, 'label'))}`),
    t(adviser ? 'eligibilityDialog:checklist.howToAnswerAdviser' : 'eligibilityDialog:checklist.howToAnswer', about),
  ].join('\n');
}

const submitSchema = z.object({ action: z.literal(CHECKLIST_ACTION), none: z.literal('true').optional() }).catchall(z.unknown());

/** Every offered criterion with the same answer. */
function all(keys: readonly CriterionKey[], answer: Answer): Answers {
  return Object.fromEntries(keys.map((k) => [k, answer]));
}

/**
 * Reads a card submit: 'true' (or true) ticks a criterion, anything else leaves it unticked (no);
 * keys that were not offered are ignored. Undefined when the value is not this card's submit.
 */
export function readChecklistSubmit(value: unknown, keys: readonly CriterionKey[]): Answers | undefined {
  const parsed = submitSchema.safeParse(value);
  if (!parsed.success) return undefined;
  if (parsed.data.none) return all(keys, 'no');
  const raw = parsed.data as Record<string, unknown>;
  return Object.fromEntries(keys.map((k) => [k, raw[k] === 'true' || raw[k] === true ? 'yes' : 'no']));
}

/** Words of someone who thinks the list is sent (« Valider » typed): on a card, only its button sends the ticks. */
const DONE = new Set(['valider', 'valide', 'j ai valide', 'c est bon', 'voila', 'fini', 'j ai fini', 'termine', 'done', 'i m done', 'submit', 'validate', 'confirm', 'send']);

/** Whether a typed message says the list is done without saying what is ticked. */
export function saysChecklistDone(text: string | undefined): boolean {
  return !!text && DONE.has(foldText(text));
}

const NONE = new Set(['aucun', 'aucune', 'aucun des deux', 'rien', 'none', 'nothing', 'none of them', 'aucun de ces cas', 'non aucun', 'no none', 'pas du tout', 'rien de tout ca']);
const JOINERS = new Set(['et', 'and', 'le', 'la', 'les', 'numero', 'numeros', 'n', 'no', 'number', 'numbers', 'aussi', 'also', 'puis']);

/**
 * Reads a typed answer: « aucun » / « non » (none), « je ne sais pas » (unknown for all), numbers of
 * the list (« 1, 4 et 6 »), or the criteria in words (« parent isolé et sans logement »). Ticked ones
 * are yes, the others no. Undefined when nothing can be read (« oui » alone does not say which).
 */
export function readChecklistText(text: string | undefined, keys: readonly CriterionKey[]): Answers | undefined {
  if (!text) return undefined;
  const folded = foldText(text);
  if (NONE.has(folded)) return all(keys, 'no');
  const yesNo = recognizeYesNo(text);
  if (yesNo === 'unknown' && folded.split(' ').length <= 5) return all(keys, 'unknown');
  if (yesNo === 'no' && folded.split(' ').length <= 2) return all(keys, 'no');
  const ticked = new Set<CriterionKey>();
  const tokens = folded.split(' ').filter(Boolean);
  const numbers = tokens.filter((tok) => /^\d{1,2}$/.test(tok));
  if (numbers.length > 0 && tokens.every((tok) => /^\d{1,2}$/.test(tok) || JOINERS.has(tok))) {
    for (const n of numbers) {
      const key = keys[Number(n) - 1];
      if (!key) return undefined;
      ticked.add(key);
    }
  } else {
    for (const key of extractCriteriaWords(prepareText(text)).criteria) if (keys.includes(key)) ticked.add(key);
  }
  if (ticked.size === 0) return undefined;
  return Object.fromEntries(keys.map((k) => [k, ticked.has(k) ? 'yes' : 'no']));
}
