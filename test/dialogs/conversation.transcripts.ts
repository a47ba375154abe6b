import type { UnderstoodMessage } from '../../dialogs/shared/understanding';
import { translator } from '../../locales/i18n';
import type { Transcript, TranscriptStep } from '../support/transcripts';

const fr = translator('fr');

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
  // As the shipped understanding reads them (see the situations): a correction read as a question, a search without its place.
  'c pa des chantier ça c des entreprise': { intent: 'question', confidence: 0.82, slots: { kinds: ['ACI'] } },
  'des entreprise d insertion o lamantin': { intent: 'search', confidence: 0.96, slots: { kinds: ['EI'] } },
  "des entreprises d'insertion au Lamentin": {
    intent: 'search',
    confidence: 0.96,
    slots: { kinds: ['EI'], place: { type: 'commune', code: '97213', label: 'Le Lamentin' } },
  },
  "je veux vérifier mon éligibilité": { intent: 'eligibility', confidence: 0.95, slots: {} },
  "vérifier l'éligibilité d'un candidat": { intent: 'eligibility', confidence: 0.95, slots: {} },
  // Facts said while asking for something else: remembered, and never asked again.
  "je veux parler à quelqu'un d'une entreprise d'insertion": { intent: 'human', confidence: 0.99, slots: { kinds: ['EI'] } },
  "je veux parler à quelqu'un, je touche le RSA": { intent: 'human', confidence: 0.99, slots: { criteria: ['RSA'] } },
  "je veux parler à quelqu'un, je suis inscrit depuis 2 ans": { intent: 'human', confidence: 0.99, slots: { registrationMonths: 24 } },
  'je touche le RSA, un chantier au lamentin': {
    intent: 'search',
    confidence: 0.95,
    slots: { criteria: ['RSA'], kinds: ['ACI'], place: { type: 'commune', code: '97213', label: 'Le Lamentin' } },
  },
  'chantier d insertion lamentin': {
    intent: 'search',
    confidence: 0.95,
    slots: { kinds: ['ACI'], place: { type: 'commune', code: '97213', label: 'Le Lamentin' } },
  },
};

/** The minima question as eligibility asks it when nothing is known of the benefits. */
const minimaQuestion = { key: 'eligibilityDialog:minima.question', params: { benefits: "le RSA, l'ASS ou l'AAH" } };
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
      { user: 'et au François ?', bot: [{ key: 'search:kindPlural.ACI', params: {} }, 'search:next.prompt'], notBot: ['conversation:prompt.retryChoice'] },
    ],
  },
  {
    name: 'FAQ: a search typed after an answer is a search, at the place the conversation knows',
    locale: 'fr',
    steps: [
      { user: 'Trouver une structure', bot: ['search:askKind'] },
      { user: 'chantier', bot: ['search:askPlace'] },
      { user: 'jhabite o lamantin', bot: ['search:next.prompt'] },
      { user: 'Menu', bot: ['common:menu.prompt'] },
      { user: "Comprendre l'IAE", bot: ['faqDialog:ask'] },
      { user: "c'est quoi un chantier d'insertion ?", bot: ['faqDialog:more'] },
      { user: 'des entreprise d insertion o lamantin', bot: [lamentin, 'search:kindPlural.EI', 'search:next.prompt'], notBot: ['faqDialog:more', 'search:askPlace'] },
      { user: fr('conversation:backButton'), bot: ['conversation:resume', 'faqDialog:more'] },
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
      { user: "c'est quoi un chantier d'insertion ?", bot: ['conversation:resume', 'search:askPlace'], notBot: ['faqDialog:more'] },
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
    name: 'eligibility: after « oui » to orientation\'s minima question, it asks which benefit, not whether',
    locale: 'fr',
    steps: [
      { user: 'Être orienté', bot: ['orientation:askNeed'] },
      { user: "De l'argent, mes droits", bot: ['orientation:askMinima'] },
      { user: 'oui', bot: [], notBot: ['orientation:askMinima'] },
      { user: 'menu', bot: ['common:menu.prompt'] },
      {
        user: 'Vérifier mon éligibilité',
        bot: ['eligibilityDialog:intro', { key: 'eligibilityDialog:minima.which', params: { benefits: "le RSA, l'ASS ou l'AAH" } }],
        notBot: [minimaQuestion],
      },
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
    name: 'orientation: an age given in a search made at the age question answers it on the way back',
    locale: 'fr',
    steps: [
      { user: 'Être orienté', bot: ['orientation:askNeed'] },
      { user: 'un emploi', bot: ['orientation:askAge'] },
      { user: "j'ai 58 ans, un chantier au lamentin", bot: ['search:next.prompt'], buttons: ['conversation:backButton'] },
      {
        user: fr('conversation:backButton'),
        bot: ['conversation:resume', { key: 'conversation:memory.reused', params: { facts: fr('conversation:memory.age', { age: 58 }) } }],
        notBot: ['orientation:askAge'],
      },
    ],
  },
  {
    name: 'search: a kind said while asking for a person is not asked again on the way back (said so)',
    locale: 'fr',
    steps: [
      { user: 'Trouver une structure', bot: ['search:askKind'] },
      { user: "je veux parler à quelqu'un d'une entreprise d'insertion", bot: ['conversation:person.intro', 'conversation:person.askPlace'] },
      {
        user: 'au Lamentin',
        bot: ['conversation:person.nearest', 'conversation:resume', { key: 'conversation:memory.reused', params: { facts: fr('search:kindPlural.EI') } }, lamentin, 'search:next.prompt'],
        notBot: ['search:askKind', 'search:askPlace'],
      },
    ],
  },
  {
    name: 'eligibility: the RSA said earlier in the conversation is not asked again',
    locale: 'fr',
    steps: [
      { user: 'je touche le RSA, un chantier au lamentin', bot: ['search:next.prompt'] },
      { user: 'Menu', bot: ['common:menu.prompt'] },
      { user: 'Vérifier mon éligibilité', bot: ['eligibilityDialog:intro'], notBot: [minimaQuestion] },
    ],
  },
  {
    name: 'eligibility: the RSA said while asking for a person answers the minima question on the way back (said so)',
    locale: 'fr',
    steps: [
      { user: 'Vérifier mon éligibilité', bot: ['eligibilityDialog:intro', minimaQuestion] },
      { user: "je veux parler à quelqu'un, je touche le RSA", bot: ['conversation:person.intro', 'conversation:person.askPlace'] },
      {
        user: 'au Lamentin',
        bot: ['conversation:person.nearest', 'conversation:resume', { key: 'conversation:memory.reused', params: { facts: fr('eligibilityDialog:minima.benefit.RSA') } }],
        notBot: [minimaQuestion],
      },
    ],
  },
  {
    name: 'eligibility: a registration length said while asking for a person answers the registration question on the way back',
    locale: 'fr',
    steps: [
      { user: 'Vérifier mon éligibilité', bot: ['eligibilityDialog:intro'] },
      { user: 'aucune', bot: ['eligibility:questions.age'] },
      { user: '40 ans', bot: ['eligibilityDialog:registration'] },
      { user: "je veux parler à quelqu'un, je suis inscrit depuis 2 ans", bot: ['conversation:person.intro', 'conversation:person.askPlace'] },
      {
        user: 'au Lamentin',
        bot: ['conversation:person.nearest', 'conversation:resume', { key: 'conversation:memory.reused', params: { facts: fr('conversation:memory.registration', { count: 24 }) } }],
        notBot: ['eligibilityDialog:registration'],
      },
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
    name: 'an adviser: the search and the orientation that follow speak of the candidate',
    locale: 'fr',
    steps: [
      { user: "vérifier l'éligibilité d'un candidat", bot: ['eligibilityDialog:introAdviser'] },
      { user: 'aucune', bot: ['eligibility:questions.ageAdviser'] },
      { user: '12/03/05', bot: ['eligibilityDialog:registrationAdviser'] },
      { user: 'non', bot: ['eligibilityDialog:checklist.cardHintAdviser'] },
      { user: 'je sais pas', bot: ['eligibilityDialog:resultIntro'] },
      { user: 'Trouver une structure', bot: [{ key: 'search:askPlace', params: { context: 'adviser' } }], notBot: ['search:askPlace'] },
      { user: 'menu', bot: ['common:menu.prompt'] },
      { user: 'Être orienté', bot: [{ key: 'orientation:askNeed', params: { context: 'adviser' } }], notBot: ['orientation:askNeed'] },
      { user: 'un emploi', bot: [{ key: 'orientation:askPlace', params: { context: 'adviser' } }] },
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

/** One kind of question, and how a person reaches it and answers it in their own words. */
interface PromptCase {
  prompt: string;
  /** From a new conversation to the question (the last step shows it). */
  reach: TranscriptStep[];
  /** What shows that the question is asked (again). */
  question: string;
  /** An answer in free words, and what comes next. */
  free: TranscriptStep[];
  /** What the interruption is (a question by default) and what it shows before going back. */
  interruption?: TranscriptStep;
  /** Whether the question itself is a place: the place given to find a person answers it. */
  isPlace?: boolean;
  /** Whether the place is known when the question is asked: the person's addresses come at once. */
  placeKnown?: boolean;
  /** The button (as typed) that goes back from the interruption, when the interruption waits (a search's results). */
  back?: string;
}

const FULL_REQUEST = ['Faire une demande de diagnostic', "J'accepte", 'Marie', 'Dupont', '03/03/1990', '06 12 34 56 78', 'Le Robert', 'Passer'];
const say = (user: string, bot: TranscriptStep['bot'] = []): TranscriptStep => ({ user, bot });

const promptCases: PromptCase[] = [
  {
    prompt: 'kind choice',
    reach: [say('Trouver une structure', ['search:askKind'])],
    question: 'search:askKind',
    free: [say('un chantier svp', ['search:askPlace'])],
  },
  {
    prompt: 'place',
    reach: [say('Trouver une structure', ['search:askKind']), say('chantier', ['search:askPlace'])],
    question: 'search:askPlace',
    free: [say('jhabite o lamantin', [{ key: 'conversation:place.took', params: { place: 'Le Lamentin (972)' } }, 'search:next.prompt'])],
    isPlace: true,
  },
  {
    prompt: 'needs',
    reach: [say('Être orienté', ['orientation:askNeed'])],
    question: 'orientation:askNeed',
    free: [say('je cherche une formation', ['orientation:askAge'])],
  },
  {
    prompt: 'age or birth date',
    reach: [say('Être orienté', ['orientation:askNeed']), say('un emploi', ['orientation:askAge'])],
    question: 'orientation:askAge',
    free: [say('12 mars 92', ['orientation:askRqth'])],
  },
  {
    prompt: 'yes/no',
    reach: [say('Être orienté', ['orientation:askNeed']), say('un emploi', ['orientation:askAge']), say('34 ans', ['orientation:askRqth'])],
    question: 'orientation:askRqth',
    free: [say('ben non', ['orientation:askPlace'])],
  },
  {
    prompt: 'registration',
    reach: [say('Vérifier mon éligibilité', ['eligibilityDialog:intro']), say('aucune', ['eligibility:questions.age']), say('40 ans', ['eligibilityDialog:registration'])],
    question: 'eligibilityDialog:registration',
    free: [say('non', ['eligibilityDialog:checklist.cardHint'])],
  },
  {
    prompt: 'results',
    reach: [say('Trouver une structure', ['search:askKind']), say('chantier', ['search:askPlace']), say('Le Lamentin', ['search:next.prompt'])],
    question: 'search:next.prompt',
    free: [say('c pa des chantier ça c des entreprise', ['search:kindPlural.EI', 'search:next.prompt'])],
    placeKnown: true,
  },
  {
    prompt: 'FAQ follow-up',
    reach: [say("Comprendre l'IAE", ['faqDialog:ask']), say("c'est quoi un chantier d'insertion ?", ['faqDialog:more'])],
    question: 'faqDialog:more',
    free: [say("c'est quoi le PASS IAE", ['faqDialog:more'])],
    // A question is the FAQ's own answer: the interruption here is a search, left by its « Menu » button.
    interruption: { user: "des entreprises d'insertion au Lamentin", bot: ['search:next.prompt'], buttons: ['conversation:backButton'] },
    back: fr('conversation:backButton'),
  },
  {
    prompt: 'request fields',
    reach: [say('Faire une demande de diagnostic', ['requests:consentQuestion']), say("J'accepte", ['requests:ask.firstName'])],
    question: 'requests:ask.firstName',
    free: [say("je m'appelle Marie", ['requests:ask.lastName']), say('Dupont', ['requests:ask.birthDate']), say('12 mars 92', ['requests:ask.contact'])],
  },
  {
    prompt: 'confirmation',
    reach: [...FULL_REQUEST.slice(0, -1).map((m) => say(m)), say('Passer', ['requests:summary.question'])],
    question: 'requests:summary.question',
    free: [say("oui c'est bon", ['requests:sent.title'])],
  },
];

/** A question asked in the middle of every kind of question, then the way back to it. */
const QUESTION = say("c'est quoi un chantier d'insertion ?", ['conversation:resume']);

/**
 * For every kind of question (issue 12 §1): an answer in free words; an interruption and the way back
 * to the question; a person asked for, then back to the question (not asked again when it was the
 * place); erase, which ends what was under way.
 */
export const promptTranscripts: Transcript[] = promptCases.flatMap((c) => {
  const interruption = c.interruption ?? QUESTION;
  const interrupted: TranscriptStep[] = c.back
    ? [interruption, say(c.back, ['conversation:resume', c.question])]
    : [{ ...interruption, bot: [...interruption.bot, c.question] }];
  const backAfterPerson: TranscriptStep = c.isPlace
    ? { user: 'au Lamentin', bot: ['conversation:person.nearest', 'conversation:resume', 'search:next.prompt'], notBot: [c.question] }
    : say('au Lamentin', ['conversation:person.nearest', 'conversation:resume', c.question]);
  return [
    { name: `${c.prompt}: an answer in free words`, locale: 'fr', steps: [...c.reach, ...c.free] },
    { name: `${c.prompt}: an interruption, then back to the question`, locale: 'fr', steps: [...c.reach, ...interrupted] },
    {
      name: `${c.prompt}: a person, then back to the question`,
      locale: 'fr',
      steps: c.placeKnown
        ? [...c.reach, say("je veux parler à quelqu'un", ['conversation:person.intro', lamentin, 'conversation:person.nearest', 'conversation:resume', c.question])]
        : [...c.reach, say("je veux parler à quelqu'un", ['conversation:person.intro', 'conversation:person.askPlace']), backAfterPerson],
    },
    {
      name: `${c.prompt}: erase ends what was under way`,
      locale: 'fr',
      steps: [...c.reach, { user: 'effacer mes données', bot: [{ key: 'myData:confirmErase', params: { count: 0 } }], onlyButtons: ['common:answers.yes', 'common:answers.no'] }, say('oui', ['myData:erased.conversation'])],
    },
  ] satisfies Transcript[];
});
