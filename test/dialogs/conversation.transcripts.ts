import type { UnderstoodMessage } from '../../dialogs/shared/understanding';
import { translator, type Locale } from '../../locales/i18n';
import type { ExpectedText, Transcript, TranscriptStep } from '../support/transcripts';

const fr = translator('fr');
const en = translator('en');

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
  // English, as the shipped understanding reads them.
  'I want to talk to someone': { intent: 'human', confidence: 0.99, slots: {} },
  'erase my data': { intent: 'erase', confidence: 0.99, slots: {} },
  'what is an integration worksite?': { intent: 'question', confidence: 0.95, slots: { kinds: ['ACI'] } },
  'integration companies in Le Lamentin': {
    intent: 'search',
    confidence: 0.96,
    slots: { kinds: ['EI'], place: { type: 'commune', code: '97213', label: 'Le Lamentin' } },
  },
  'not worksites, integration companies': { intent: 'search', confidence: 0.99, slots: { kinds: ['EI'] } },
  'I need some guidance please': { intent: 'orientation', confidence: 0.95, slots: {} },
  'I want to check my eligibility': { intent: 'eligibility', confidence: 0.95, slots: {} },
  'I want to talk to someone from an integration company': { intent: 'human', confidence: 0.99, slots: { kinds: ['EI'] } },
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

/** What a person types, in each language, for the steps every table repeats. */
const WORDS = {
  fr: { person: "je veux parler à quelqu'un", place: 'au Lamentin', question: "c'est quoi un chantier d'insertion ?", erase: 'effacer mes données', yes: 'oui' },
  en: { person: 'I want to talk to someone', place: 'in Le Lamentin', question: 'what is an integration worksite?', erase: 'erase my data', yes: 'yes' },
} as const satisfies Record<Locale, Record<string, string>>;

/** One exchange: what the person types and the keys the bot's replies show, in order. */
const say = (user: string, bot: TranscriptStep['bot'] = [], more: Omit<TranscriptStep, 'user' | 'bot'> = {}): TranscriptStep => ({ user, bot, ...more });

/**
 * « Ask a person, answer the place, resume »: asking for a person (`ask`, the plain request by
 * default) asks the place; the place gives the nearest office, then the conversation goes back where
 * it was and shows `then` (`notBot`: what must not be asked again).
 */
function personAndBack(lang: Locale, then: ExpectedText[], options: { ask?: string; notBot?: ExpectedText[]; inCards?: ExpectedText[] } = {}): TranscriptStep[] {
  return [
    say(options.ask ?? WORDS[lang].person, ['conversation:person.intro', 'conversation:person.askPlace']),
    say(WORDS[lang].place, ['conversation:person.nearest', 'conversation:resume', ...then], {
      ...(options.notBot ? { notBot: options.notBot } : {}),
      ...(options.inCards ? { inCards: options.inCards } : {}),
    }),
  ];
}

/** Erase asked in the middle: a yes/no confirmation only, then what was under way ends and the conversation is erased. */
const eraseSteps = (lang: Locale): TranscriptStep[] => [
  say(WORDS[lang].erase, [{ key: 'myData:confirmErase', params: { count: 0 } }], { onlyButtons: ['common:answers.yes', 'common:answers.no'] }),
  say(WORDS[lang].yes, ['myData:erased.conversation']),
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
      say('Trouver une structure', ['search:askKind']),
      say('un chantier svp', ['search:askPlace']),
      say('jhabite o lamantin', [{ key: 'conversation:place.took', params: { place: 'Le Lamentin (972)' } }, 'search:next.prompt']),
      say('Nouvelle recherche', ['search:askKind'], { notBot: ['search:askPlace'] }),
      say('entreprise', [lamentin, 'search:next.prompt'], { notBot: ['search:askPlace'] }),
    ],
  },
  {
    name: 'search: at the results, another kind in free words and a new search in one sentence',
    locale: 'fr',
    steps: [
      say('Trouver une structure', ['search:askKind']),
      say('chantier', ['search:askPlace']),
      say('Le Lamentin', ['search:next.prompt']),
      say('c pa des chantier ça c des entreprise', [{ key: 'search:kindPlural.EI', params: {} }, 'search:next.prompt'], { notBot: ['conversation:prompt.retryChoice'] }),
      say('chantier d insertion lamentin', ['common:understood.intro', { key: 'search:kindPlural.ACI', params: {} }, 'search:next.prompt']),
      say('et au François ?', [{ key: 'search:kindPlural.ACI', params: {} }, 'search:next.prompt'], { notBot: ['conversation:prompt.retryChoice'] }),
    ],
  },
  {
    name: 'FAQ: a search typed after an answer is a search, at the place the conversation knows',
    locale: 'fr',
    steps: [
      say('Trouver une structure', ['search:askKind']),
      say('chantier', ['search:askPlace']),
      say('jhabite o lamantin', ['search:next.prompt']),
      say('Menu', ['common:menu.prompt']),
      say("Comprendre l'IAE", ['faqDialog:ask']),
      say("c'est quoi un chantier d'insertion ?", ['faqDialog:more']),
      say('des entreprise d insertion o lamantin', [lamentin, 'search:kindPlural.EI', 'search:next.prompt'], { notBot: ['faqDialog:more', 'search:askPlace'] }),
      say(fr('conversation:backButton'), ['conversation:resume', 'faqDialog:more']),
    ],
  },
  {
    name: 'search: a person asked for at the kind question, then back to the question',
    locale: 'fr',
    steps: [
      say('Trouver une structure', ['search:askKind']),
      say("je veux parler à quelqu'un", ['conversation:person.intro', { key: 'conversation:person.who.FT', params: { phone: '3949' } }, 'conversation:person.askPlace']),
      say('au Lamentin', ['conversation:person.nearest', 'conversation:resume', 'search:askKind'], { inCards: lamentinAgency }),
      say('entreprise', [lamentin, 'search:next.prompt']),
    ],
  },
  {
    name: 'search: after two answers it cannot read, a person is offered; after three, a way out',
    locale: 'fr',
    steps: [
      say('Trouver une structure', ['search:askKind']),
      say('blablabla', ['search:askKindRetry'], { notBot: ['conversation:prompt.wayOut'] }),
      say('blablabla', ['search:askKindRetry'], { buttons: ['conversation:person.button'] }),
      say('blablabla', ['conversation:prompt.wayOut'], { buttons: ['conversation:person.button', 'common:menu.label'] }),
      say("Parler à quelqu'un", ['conversation:person.intro']),
    ],
  },
  {
    name: 'search: a question in the middle is answered, then the search goes on',
    locale: 'fr',
    steps: [
      say('Trouver une structure', ['search:askKind']),
      say('Chantier', ['search:askPlace']),
      say("c'est quoi un chantier d'insertion ?", ['conversation:resume', 'search:askPlace'], { notBot: ['faqDialog:more'] }),
    ],
  },
  {
    name: 'search: erase at a question ends the search and erases',
    locale: 'fr',
    steps: [
      say('Trouver une structure', ['search:askKind']),
      say('Chantier', ['search:askPlace']),
      ...eraseSteps('fr'),
    ],
  },
  {
    name: 'orientation: « tu es un robot ? » at the need question is not « Un emploi »',
    locale: 'fr',
    steps: [
      say('Être orienté', ['orientation:askNeed']),
      say('tu es un robot ?', ['common:help.intro', 'orientation:askNeed'], { notBot: ['orientation:askAge'] }),
      say('je cherche une formation', ['orientation:askAge']),
      say('12 mars 92', ['orientation:askRqth']),
    ],
  },
  {
    name: 'eligibility: after « oui » to orientation\'s minima question, it asks which benefit, not whether',
    locale: 'fr',
    steps: [
      say('Être orienté', ['orientation:askNeed']),
      say("De l'argent, mes droits", ['orientation:askMinima']),
      say('oui', [], { notBot: ['orientation:askMinima'] }),
      say('menu', ['common:menu.prompt']),
      say('Vérifier mon éligibilité', ['eligibilityDialog:intro', { key: 'eligibilityDialog:minima.which', params: { benefits: "le RSA, l'ASS ou l'AAH" } }], { notBot: [minimaQuestion] }),
    ],
  },
  {
    name: 'orientation: the place said before is reused and said so; the age question reads a birth date as people write it',
    locale: 'fr',
    steps: [
      say('Trouver une structure', ['search:askKind']),
      say('entreprise', ['search:askPlace']),
      say('Le Lamentin', ['search:next.prompt']),
      say('menu', ['common:menu.prompt']),
      say('Être orienté', ['orientation:askNeed']),
      say('un emploi', ['orientation:askAge']),
      say('12/03/92', ['orientation:askRqth']),
      say('non', [lamentin, 'orientation:iaeNext']),
    ],
  },
  {
    name: 'orientation: an age given in a search made at the age question answers it on the way back',
    locale: 'fr',
    steps: [
      say('Être orienté', ['orientation:askNeed']),
      say('un emploi', ['orientation:askAge']),
      say("j'ai 58 ans, un chantier au lamentin", ['search:next.prompt'], { buttons: ['conversation:backButton'] }),
      say(fr('conversation:backButton'), ['conversation:resume', { key: 'conversation:memory.reused', params: { facts: fr('conversation:memory.age', { age: 58 }) } }], {
        notBot: ['orientation:askAge'],
      }),
    ],
  },
  {
    name: 'search: a kind said while asking for a person is not asked again on the way back (said so)',
    locale: 'fr',
    steps: [
      say('Trouver une structure', ['search:askKind']),
      ...personAndBack('fr', [{ key: 'conversation:memory.reused', params: { facts: fr('search:kindPlural.EI') } }, lamentin, 'search:next.prompt'], {
        ask: "je veux parler à quelqu'un d'une entreprise d'insertion",
        notBot: ['search:askKind', 'search:askPlace'],
      }),
    ],
  },
  {
    name: 'eligibility: the RSA said earlier in the conversation is not asked again',
    locale: 'fr',
    steps: [
      say('je touche le RSA, un chantier au lamentin', ['search:next.prompt']),
      say('Menu', ['common:menu.prompt']),
      say('Vérifier mon éligibilité', ['eligibilityDialog:intro'], { notBot: [minimaQuestion] }),
    ],
  },
  {
    name: 'eligibility: the RSA said while asking for a person answers the minima question on the way back (said so)',
    locale: 'fr',
    steps: [
      say('Vérifier mon éligibilité', ['eligibilityDialog:intro', minimaQuestion]),
      ...personAndBack('fr', [{ key: 'conversation:memory.reused', params: { facts: fr('eligibilityDialog:minima.benefit.RSA') } }], {
        ask: "je veux parler à quelqu'un, je touche le RSA",
        notBot: [minimaQuestion],
      }),
    ],
  },
  {
    name: 'eligibility: a registration length said while asking for a person answers the registration question on the way back',
    locale: 'fr',
    steps: [
      say('Vérifier mon éligibilité', ['eligibilityDialog:intro']),
      say('aucune', ['eligibility:questions.age']),
      say('40 ans', ['eligibilityDialog:registration']),
      ...personAndBack('fr', [{ key: 'conversation:memory.reused', params: { facts: fr('conversation:memory.registration', { count: 24 }) } }], {
        ask: "je veux parler à quelqu'un, je suis inscrit depuis 2 ans",
        notBot: ['eligibilityDialog:registration'],
      }),
    ],
  },
  {
    name: 'stats: namesakes are offered as a choice',
    locale: 'fr',
    steps: [
      say("Chiffres d'un territoire", ['stats:askPlace']),
      say('Sainte-Luce', ['search:whichPlace']),
      say('Sainte-Luce (972)', ['stats:source']),
    ],
  },
  {
    name: '« Trouver un conseiller » never offers a Mission Locale to a person over 25; cards show phone and hours',
    locale: 'fr',
    steps: [
      say("j'ai 58 ans, un chantier au lamentin", ['search:next.prompt']),
      say('Trouver un conseiller', ['search:next.prompt'], { inCards: lamentinAgency, notInCards: ['Mission Locale'] }),
    ],
  },
  {
    name: 'an adviser: the search and the orientation that follow speak of the candidate',
    locale: 'fr',
    steps: [
      say("vérifier l'éligibilité d'un candidat", ['eligibilityDialog:introAdviser']),
      say('aucune', ['eligibility:questions.ageAdviser']),
      say('12/03/05', ['eligibilityDialog:registrationAdviser']),
      say('non', ['eligibilityDialog:checklist.cardHintAdviser']),
      say('je sais pas', ['eligibilityDialog:resultIntro']),
      say('Trouver une structure', [{ key: 'search:askPlace', params: { context: 'adviser' } }], { notBot: ['search:askPlace'] }),
      say('menu', ['common:menu.prompt']),
      say('Être orienté', [{ key: 'orientation:askNeed', params: { context: 'adviser' } }], { notBot: ['orientation:askNeed'] }),
      say('un emploi', [{ key: 'orientation:askPlace', params: { context: 'adviser' } }]),
    ],
  },
  {
    name: 'English: a person in English, resumed in English',
    locale: 'en',
    steps: [say('Find a structure', ['search:askKind']), ...personAndBack('en', ['search:askKind'], { ask: 'Talk to someone' }), say('work integration company', [lamentin, 'search:next.prompt'])],
  },
  {
    name: 'English on a French browser: a kind said while asking for a person is not asked again on the way back (said so)',
    locale: 'en',
    browser: 'fr-FR',
    steps: [
      say('Find a structure', ['search:askKind']),
      ...personAndBack('en', [{ key: 'conversation:memory.reused', params: { facts: en('search:kindPlural.EI') } }, lamentin, 'search:next.prompt'], {
        ask: 'I want to talk to someone from an integration company',
        notBot: ['search:askKind', 'search:askPlace'],
      }),
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

const REQUEST_FIELDS = { fr: ['Marie', 'Dupont', '03/03/1990', '06 12 34 56 78', 'Le Robert'], en: ['Mary', 'Dupont', '03/03/1990', '06 12 34 56 78', 'Le Robert'] };

/** Every kind of question in one language: the French rows, and the same questions in English typed on a French browser. */
function promptCases(lang: Locale): PromptCase[] {
  const t = translator(lang);
  const english = lang === 'en';
  // The button labels as the person presses them (sent back as their text).
  const findStructure = say(t('search:menu'), ['search:askKind']);
  const orientation = english ? say('I need some guidance please', ['orientation:askNeed']) : say(t('orientation:menu'), ['orientation:askNeed']);
  const eligibility = english ? say('I want to check my eligibility', ['eligibilityDialog:intro']) : say(t('eligibilityDialog:menu'), ['eligibilityDialog:intro']);
  const consent = [say(t('requests:menu'), ['requests:consentQuestion']), say(t('requests:accept'), ['requests:ask.firstName'])];
  return [
    {
      prompt: 'kind choice',
      reach: [findStructure],
      question: 'search:askKind',
      free: [say(english ? 'a worksite please' : 'un chantier svp', ['search:askPlace'])],
    },
    {
      prompt: 'place',
      reach: [findStructure, say(english ? 'worksite' : 'chantier', ['search:askPlace'])],
      question: 'search:askPlace',
      // « Lamentin » alone is also a commune of Guadeloupe (a choice of namesakes): « Le Lamentin » is the Martinique one.
      // A misspelt place is said back (« Je prends : … »), one written right is not.
      free: english
        ? [say('I live in Le Lamentin', ['search:next.prompt'], { notBot: ['search:askPlace'] })]
        : [say('jhabite o lamantin', [{ key: 'conversation:place.took', params: { place: 'Le Lamentin (972)' } }, 'search:next.prompt'])],
      isPlace: true,
    },
    {
      prompt: 'needs',
      reach: [orientation],
      question: 'orientation:askNeed',
      free: [say(english ? "I'm looking for training" : 'je cherche une formation', ['orientation:askAge'])],
    },
    {
      prompt: 'age or birth date',
      reach: [orientation, say(english ? 'a job' : 'un emploi', ['orientation:askAge'])],
      question: 'orientation:askAge',
      free: [say(english ? 'born 12 March 1992' : '12 mars 92', ['orientation:askRqth'])],
    },
    {
      prompt: 'yes/no',
      reach: [orientation, say(english ? 'a job' : 'un emploi', ['orientation:askAge']), say(english ? '34 years old' : '34 ans', ['orientation:askRqth'])],
      question: 'orientation:askRqth',
      free: [say(english ? 'nope' : 'ben non', ['orientation:askPlace'])],
    },
    {
      prompt: 'registration',
      reach: [eligibility, say(english ? 'none' : 'aucune', ['eligibility:questions.age']), say(english ? '40 years old' : '40 ans', ['eligibilityDialog:registration'])],
      question: 'eligibilityDialog:registration',
      free: [say(english ? 'no' : 'non', ['eligibilityDialog:checklist.cardHint'])],
    },
    {
      prompt: 'results',
      reach: [findStructure, say(english ? 'worksite' : 'chantier', ['search:askPlace']), say('Le Lamentin', ['search:next.prompt'])],
      question: 'search:next.prompt',
      free: [say(english ? 'not worksites, integration companies' : 'c pa des chantier ça c des entreprise', ['search:kindPlural.EI', 'search:next.prompt'])],
      placeKnown: true,
    },
    {
      prompt: 'FAQ follow-up',
      reach: [say(t('faqDialog:menuLabel'), ['faqDialog:ask']), say(WORDS[lang].question, ['faqDialog:more'])],
      question: 'faqDialog:more',
      free: [say(english ? 'what is the PASS IAE' : "c'est quoi le PASS IAE", ['faqDialog:more'])],
      // A question is the FAQ's own answer: the interruption here is a search, left by its « Menu » button.
      interruption: say(english ? 'integration companies in Le Lamentin' : "des entreprises d'insertion au Lamentin", ['search:next.prompt'], { buttons: ['conversation:backButton'] }),
      back: t('conversation:backButton'),
    },
    {
      prompt: 'request fields',
      reach: consent,
      question: 'requests:ask.firstName',
      free: [
        say(english ? 'my name is Mary' : "je m'appelle Marie", ['requests:ask.lastName']),
        say('Dupont', ['requests:ask.birthDate']),
        say(english ? 'born 12 March 1992' : '12 mars 92', ['requests:ask.contact']),
      ],
    },
    {
      prompt: 'confirmation',
      reach: [...consent, ...REQUEST_FIELDS[lang].map((m) => say(m)), say(t('common:answers.skip'), ['requests:summary.question'])],
      question: 'requests:summary.question',
      free: [say(english ? "yes that's right" : "oui c'est bon", ['requests:sent.title'])],
    },
  ];
}

/**
 * For every kind of question (issue 12 §1), in French and in English (typed on a French browser:
 * English text is answered in English): an answer in free words; an interruption and the way back
 * to the question; a person asked for, then back to the question (not asked again when it was the
 * place); erase, which ends what was under way.
 */
export const promptTranscripts: Transcript[] = (['fr', 'en'] as const).flatMap((lang) =>
  promptCases(lang).flatMap((c) => {
    const interruption = c.interruption ?? say(WORDS[lang].question, ['conversation:resume']);
    const interrupted: TranscriptStep[] = c.back
      ? [interruption, say(c.back, ['conversation:resume', c.question])]
      : [{ ...interruption, bot: [...interruption.bot, c.question] }];
    const person: TranscriptStep[] = c.placeKnown
      ? [say(WORDS[lang].person, ['conversation:person.intro', lamentin, 'conversation:person.nearest', 'conversation:resume', c.question])]
      : c.isPlace
        ? personAndBack(lang, ['search:next.prompt'], { notBot: [c.question] })
        : personAndBack(lang, [c.question]);
    const row = (name: string, steps: TranscriptStep[]): Transcript => ({
      name: `${lang === 'en' ? 'English on a French browser: ' : ''}${c.prompt}: ${name}`,
      locale: lang,
      ...(lang === 'en' ? { browser: 'fr-FR' } : {}),
      steps: [...c.reach, ...steps],
    });
    return [
      row('an answer in free words', c.free),
      row('an interruption, then back to the question', interrupted),
      row('a person, then back to the question', person),
      row('erase ends what was under way', eraseSteps(lang)),
    ];
  }),
);
