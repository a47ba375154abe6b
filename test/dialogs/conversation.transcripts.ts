import type { UnderstoodMessage } from '../../dialogs/shared/understanding';
import type { Transcript } from '../support/transcripts';

/** Canned understanding for the transcripts (the recognizer has its own tests): text → result. */
export const cannedUnderstanding: Record<string, UnderstoodMessage> = {
  "je veux parler à quelqu'un": { intent: 'human', confidence: 0.99, slots: {} },
  'effacer mes données': { intent: 'erase', confidence: 0.99, slots: {} },
  'tu es un robot ?': { intent: 'help', confidence: 0.99, slots: {} },
  "c'est quoi un chantier d'insertion ?": { intent: 'question', confidence: 0.95, slots: { kinds: ['ACI'] } },
  "j'ai 58 ans, un chantier au lamentin": {
    intent: 'search',
    confidence: 0.95,
    slots: { age: 58, kinds: ['ACI'], place: { type: 'commune', code: '97213', label: 'Le Lamentin' } },
  },
  'chantier d insertion lamentin': {
    intent: 'search',
    confidence: 0.95,
    slots: { kinds: ['ACI'], place: { type: 'commune', code: '97213', label: 'Le Lamentin' } },
  },
};

const lamentin = { key: 'conversation:memory.reused', params: { facts: 'Le Lamentin (972)' } };
/** France Travail – agence du Lamentin, a demo record: its example phone and hours. */
const lamentinAgency = [
  { key: 'search:card.phone', params: { phone: '01 99 00 12 22' } },
  { key: 'search:hours.label', params: { hours: 'du lundi au vendredi : 8 h 30 – 12 h 30 et 13 h 30 – 16 h 30' } },
];

/**
 * Every kind of prompt (a kind, a place, yes/no, an age, results), answered in free words,
 * interrupted and resumed, with a request for a person and erase (issue 12 §1-§3).
 */
export const conversationTranscripts: Transcript[] = [
  {
    name: 'search: a kind in everyday words, a place inside a sentence, then a new search keeps the place',
    locale: 'fr',
    steps: [
      { user: { join: true }, bot: ['common:menu.prompt'] },
      { user: 'Trouver une structure', bot: ['search:askKind'] },
      { user: 'un chantier svp', bot: ['search:askPlace'] },
      { user: 'jhabite o lamantin', bot: [{ key: 'conversation:place.took', params: { place: 'Le Lamentin (972)' } }, 'search:next.prompt'] },
      { user: 'Nouvelle recherche', bot: ['search:askKind'], notBot: ['search:askPlace'] },
      { user: 'entreprise', bot: [lamentin, 'search:next.prompt'], notBot: ['search:askPlace'] },
    ],
  },
  {
    name: 'search: at the results, another kind in free words and a new search in one sentence',
    locale: 'fr',
    steps: [
      { user: 'Trouver une structure', bot: ['search:askKind'] },
      { user: 'chantier', bot: ['search:askPlace'] },
      { user: 'Le Lamentin', bot: ['search:next.prompt'] },
      { user: 'c pa des chantier ça c des entreprise', bot: [{ key: 'search:kindPlural.EI', params: {} }, 'search:next.prompt'], notBot: ['conversation:prompt.retryChoice'] },
      { user: 'chantier d insertion lamentin', bot: ['common:understood.intro', { key: 'search:kindPlural.ACI', params: {} }, 'search:next.prompt'] },
    ],
  },
  {
    name: 'search: a person asked for at the kind question, then back to the question',
    locale: 'fr',
    steps: [
      { user: 'Trouver une structure', bot: ['search:askKind'] },
      { user: "je veux parler à quelqu'un", bot: ['conversation:person.intro', { key: 'conversation:person.who.FT', params: { phone: '3949' } }, 'conversation:person.askPlace'] },
      { user: 'au Lamentin', bot: ['conversation:person.nearest', 'conversation:resume', 'search:askKind'], inCards: lamentinAgency },
      { user: 'entreprise', bot: [lamentin, 'search:next.prompt'] },
    ],
  },
  {
    name: 'search: after two answers it cannot read, a person is offered; after three, a way out',
    locale: 'fr',
    steps: [
      { user: 'Trouver une structure', bot: ['search:askKind'] },
      { user: 'blablabla', bot: ['search:askKindRetry'], notBot: ['conversation:prompt.wayOut'] },
      { user: 'blablabla', bot: ['search:askKindRetry'], buttons: ['conversation:person.button'] },
      { user: 'blablabla', bot: ['conversation:prompt.wayOut'], buttons: ['conversation:person.button', 'common:menu.label'] },
      { user: "Parler à quelqu'un", bot: ['conversation:person.intro'] },
    ],
  },
  {
    name: 'search: a question in the middle is answered, then the search goes on',
    locale: 'fr',
    steps: [
      { user: 'Trouver une structure', bot: ['search:askKind'] },
      { user: 'Chantier', bot: ['search:askPlace'] },
      { user: "c'est quoi un chantier d'insertion ?", bot: [] },
    ],
  },
  {
    name: 'search: erase at a question ends the search and erases',
    locale: 'fr',
    steps: [
      { user: 'Trouver une structure', bot: ['search:askKind'] },
      { user: 'Chantier', bot: ['search:askPlace'] },
      { user: 'effacer mes données', bot: [{ key: 'myData:confirmErase', params: { count: 0 } }] },
      { user: 'oui', bot: ['myData:erased.conversation'] },
    ],
  },
  {
    name: 'orientation: « tu es un robot ? » at the need question is not « Un emploi »',
    locale: 'fr',
    steps: [
      { user: 'Être orienté', bot: ['orientation:askNeed'] },
      { user: 'tu es un robot ?', bot: ['common:help.intro', 'orientation:askNeed'], notBot: ['orientation:askAge'] },
      { user: 'je cherche une formation', bot: ['orientation:askAge'] },
      { user: '12 mars 92', bot: ['orientation:askRqth'] },
    ],
  },
  {
    name: 'orientation: the place said before is reused and said so; the age question reads a birth date as people write it',
    locale: 'fr',
    steps: [
      { user: 'Trouver une structure', bot: ['search:askKind'] },
      { user: 'entreprise', bot: ['search:askPlace'] },
      { user: 'Le Lamentin', bot: ['search:next.prompt'] },
      { user: 'menu', bot: ['common:menu.prompt'] },
      { user: 'Être orienté', bot: ['orientation:askNeed'] },
      { user: 'un emploi', bot: ['orientation:askAge'] },
      { user: '12/03/92', bot: ['orientation:askRqth'] },
      { user: 'non', bot: [lamentin, 'orientation:iaeNext'] },
    ],
  },
  {
    name: 'stats: namesakes are offered as a choice',
    locale: 'fr',
    steps: [
      { user: "Chiffres d'un territoire", bot: ['stats:askPlace'] },
      { user: 'Sainte-Luce', bot: ['search:whichPlace'] },
      { user: 'Sainte-Luce (972)', bot: ['stats:source'] },
    ],
  },
  {
    name: '« Trouver un conseiller » never offers a Mission Locale to a person over 25; cards show phone and hours',
    locale: 'fr',
    steps: [
      { user: "j'ai 58 ans, un chantier au lamentin", bot: ['search:next.prompt'] },
      { user: 'Trouver un conseiller', bot: ['search:next.prompt'], inCards: lamentinAgency, notInCards: ['Mission Locale'] },
    ],
  },
  {
    name: 'English: a person in English, resumed in English',
    locale: 'en',
    steps: [
      { user: 'Find a structure', bot: ['search:askKind'] },
      { user: 'Talk to someone', bot: ['conversation:person.intro', 'conversation:person.askPlace'] },
      { user: 'Le Lamentin', bot: ['conversation:person.nearest', 'conversation:resume', 'search:askKind'] },
      { user: 'work integration company', bot: [lamentin, 'search:next.prompt'] },
    ],
  },
];
