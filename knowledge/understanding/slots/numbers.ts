import { RECOGNIZER_CULTURES as CULTURE, recognizeNumber } from '../recognizers';
import type { PreparedText } from './text';
import { boundedMonths } from '../registrationDuration';

export type NluLocale = 'fr' | 'en';

/** A number in the message: its value and the folded tokens [from, to) that say it ("cinquante quatre" → 54). */
export interface NumberMention {
  value: number;
  from: number;
  to: number;
  /** A unit glued to the digits ("20km", "54ans"). */
  unit?: string;
}

/** A unit glued to digits; "22a" is the advisers' short form of an age. */
const GLUED = /^(\d{1,3})(km|kms|ans|an|mois|yo|a)$/;

/**
 * Numbers said with digits or words, through the recognizers of the message's language (French
 * words such as "trente", "cinquante-quatre"). Articles "un"/"une" count as 1 only before a unit.
 */
export function findNumbers(p: PreparedText, locale: NluLocale): NumberMention[] {
  const out: NumberMention[] = [];
  const taken = new Set<number>();
  p.tokens.forEach((t, i) => {
    const glued = GLUED.exec(t);
    if (glued) {
      out.push({ value: Number(glued[1]), from: i, to: i + 1, unit: glued[2] });
      taken.add(i);
    } else if (/^\d+$/.test(t)) {
      out.push({ value: Number(t), from: i, to: i + 1 });
      taken.add(i);
    }
  });
  if (!/[a-z]/.test(p.folded) || !mayHoldNumberWords(p)) return out;
  for (const r of recognizeNumber(p.folded, CULTURE[locale])) {
    const value = Number(String((r.resolution as { value?: unknown }).value ?? ''));
    if (!Number.isInteger(value) || value < 0) continue;
    const from = p.offsets.findIndex((o) => o === r.start);
    const last = p.offsets.findIndex((o, i) => o <= r.end && o + p.tokens[i]!.length > r.end);
    if (from < 0 || last < from || taken.has(from)) continue;
    const words = p.tokens.slice(from, last + 1);
    if (words.length === 1 && /^(un|une|one|a)$/.test(words[0]!) && !isUnit(p.tokens[last + 1])) continue;
    out.push({ value, from, to: last + 1 });
    for (let i = from; i <= last; i++) taken.add(i);
  }
  return out.sort((a, b) => a.from - b.from);
}

/** Number words of both languages (whole words): the recognizers (slow on long text) only run when one is there. */
const NUMBER_WORD = /^(deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingts?|trente|quarante|cinquante|soixante|septante|octante|nonante|cents?|mille|demie?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|half)$/;

function mayHoldNumberWords(p: PreparedText): boolean {
  return p.tokens.some((t, i) => NUMBER_WORD.test(t) || (/^(un|une|one|a|an)$/.test(t) && isUnit(p.tokens[i + 1])));
}

const YEAR_UNITS = new Set(['an', 'ans', 'annee', 'annees', 'year', 'years', 'yo', 'yrs', 'yr', 'a', 'y']);
const MONTH_UNITS = new Set(['mois', 'month', 'months']);
const KM_UNITS = new Set(['km', 'kms', 'kilometre', 'kilometres', 'kilometer', 'kilometers', 'bornes']);

function isUnit(token: string | undefined): boolean {
  return !!token && (YEAR_UNITS.has(token) || MONTH_UNITS.has(token) || KM_UNITS.has(token));
}

function unitOf(p: PreparedText, n: NumberMention): string | undefined {
  return n.unit ?? p.tokens[n.to];
}

/** Tokens of a number and its unit, for the place reader to skip. */
export function mentionTokens(p: PreparedText, n: NumberMention): number[] {
  const out: number[] = [];
  for (let i = n.from; i < n.to; i++) out.push(i);
  if (!n.unit && isUnit(p.tokens[n.to])) out.push(n.to);
  return out;
}

/** "20 km", "20km", "dans un rayon de 15", "15 bornes" → 20. Between 1 and 500 km. */
export function findRadius(p: PreparedText, numbers: NumberMention[]): { km: number; mention: NumberMention } | undefined {
  for (const n of numbers) {
    const unit = unitOf(p, n);
    const rayon = p.tokens.slice(Math.max(0, n.from - 3), n.from).some((t) => t === 'rayon' || t === 'radius' || t === 'within');
    if ((unit && KM_UNITS.has(unit)) || (rayon && !isUnit(unit))) {
      if (n.value >= 1 && n.value <= 500) return { km: n.value, mention: n };
    }
  }
  return undefined;
}

const DURATION_BEFORE = new Set(['depuis', 'depui', 'dpuis', 'pendant', 'fait', 'for', 'since', 'durant', 'plus', 'moins', 'dans', 'sur']);
/** "depuis" as typed ("depui", "dpuis"). */
const SINCE = new Set(['depuis', 'depui', 'dpuis', 'since', 'for', 'fait', 'pendant']);

/** "de 24 ans" is a duration after these ("plus de 20 ans", "une peine de 18 ans"), an age elsewhere ("un jeune de 24 ans", "mon grand de 21 ans"). */
const DURATION_BEFORE_DE = new Set(['plus', 'moins', 'pres', 'bout', 'duree', 'periode', 'contrat', 'peine', 'experience', 'depuis', 'pendant', 'environ', 'total']);
/** Before an age to come ("j'aurai 50 ans", "bientôt 50 ans"). */
const FUTURE_BEFORE = new Set(['aurai', 'aura', 'bientot', 'will', 'turning', 'vers']);
/** People an adviser writes about, right before a bare age ("client, 44", "candidate 52", "my son (19)"). */
const PERSON_BEFORE_AGE = new Set(['son', 'daughter', 'mum', 'mom', 'mother', 'dad', 'father', 'client', 'candidate', 'woman', 'man', 'person', 'wife', 'husband', 'brother', 'sister', 'fils', 'fille', 'candidat', 'cand', 'jeune', 'participant', 'participante', 'homme', 'femme', 'f', 'h', 'm', 'mr', 'mme', 'monsieur', 'madame', 'beneficiaire', 'allocataire']);

/** Units after a bare number that make it something else than an age ("I'm 45 km away"). */
const NOT_AGE_AFTER = new Set(['km', 'kms', 'mois', 'months', 'month', 'jours', 'days', 'weeks', 'semaines', 'euros', 'eur', 'h', 'heures', 'hours', 'enfants', 'kids', 'children', 'percent']);
/** Words just before a bare number that say it is the person's age ("I'm 19", "he's 20", "my client is 52", "aged 61", "j'en ai 21"). */
const BARE_AGE_BEFORE = /(^| )(i m|im|i am|am|aged|age|ai|j ai|j en ai|en ai|he s|she s|he is|she is|is)$/;

/** An age said by the person: "j'ai 54 ans", "54 ans", "I'm 22", "aged 30", "22 years old". 16–99. "à 18 ans" (an age in the past) only when no other is said. */
export function findAge(p: PreparedText, numbers: NumberMention[]): { years: number; mention: NumberMention } | undefined {
  let past: { years: number; mention: NumberMention } | undefined;
  for (const n of numbers) {
    if (n.value < 16 || n.value > 99) continue;
    const unit = unitOf(p, n);
    const before = p.tokens.slice(Math.max(0, n.from - 3), n.from);
    const prev = before[before.length - 1];
    if (unit && YEAR_UNITS.has(unit)) {
      if (prev && (DURATION_BEFORE.has(prev) || FUTURE_BEFORE.has(prev) || (prev === 'de' && DURATION_BEFORE_DE.has(before[before.length - 2] ?? '')))) continue;
      if (prev === 'a' && before[before.length - 2] === 'y') continue; // "il y a 20 ans"
      if (prev === 'a' || prev === 'at') {
        past ??= { years: n.value, mention: n }; // "sorti de l'ASE à 18 ans"
        continue;
      }
      return { years: n.value, mention: n };
    }
    const said = before.join(' ');
    const bare = !unit || !NOT_AGE_AFTER.has(unit);
    // "client, 44, sleeping rough", "sleeping at a shelter, 41, can I…": a number alone between commas; "my son (19)".
    const alone = p.clauses[n.from] !== p.clauses[n.from - 1] && p.clauses[n.from] !== p.clauses[n.to] && n.from > 0;
    if (bare && (alone || PERSON_BEFORE_AGE.has(prev ?? '')) && !FUTURE_BEFORE.has(prev ?? '')) return { years: n.value, mention: n };
    if (bare && BARE_AGE_BEFORE.test(said)) {
      if (/(^| )ai$/.test(said) && !/(^| )(j|en) ai$/.test(said)) continue;
      if (/(^| )is$/.test(said) && !/(^| )(he|she|who|client|son|daughter|person|candidate|brother|sister|nephew|niece|mother|father|wife|husband|partner|friend|cousin)( is)$/.test(said)) continue;
      return { years: n.value, mention: n };
    }
  }
  return past;
}

/** Words before "depuis …" that make the duration about something other than job-seeking. */
const OTHER_ANCHORS = new Set(['arret', 'maladie', 'depression', 'interimaire', 'squat', 'separation', 'ase', 'peine', 'detention', 'rsa', 'ass', 'aah', 'rqth', 'habite', 'vis', 'heberge', 'hebergee', 'france', 'ici', 'martinique', 'foyer', 'rue', 'prison', 'marie', 'mariee', 'separe', 'separee', 'arrive', 'arrivee', 'malade', 'formation', 'insertion', 'aci', 'poste', 'contrat']);
const SEEKING = /(^| )(chomeur|chomeuse|chomage|sans emploi|sans travail|sans boulot|sans job|demandeur d emploi|demandeuse d emploi|inscrit|inscrite|inscrits|pole emploi|france travail|unemployed|registered|jobless|pas travaille|pas bosse|rien trouve|je cherche|sans activite|out of work)( |$)/;

/** Years registered said without « depuis » ("chômeur 3 ans"); more is an age ("chômeur 45 ans"). */
const MAX_BARE_REGISTRATION_YEARS = 15;
/** A registration said right before its length, « depuis » left out: "chômeur", "inscrit pole emploi", "inscrite à France Travail", "registered at the job centre". */
const SEEKING_RIGHT_BEFORE =
  /(^| )(unemployed|jobless|chomeur|chomeuse|chomage|inscri|inscrits?|inscrites?|registered)( (a|au|a la|chez|comme|at|with|with the|as))?( (pole emploi|france travail|ft|pe|anpe|l anpe|le chomage|chomage|demandeur d emploi|demandeuse d emploi|the job centre|job centre|a jobseeker|jobseeker|unemployed))?$/;

/**
 * How long the person has been registered as a jobseeker: "chômeur depuis 2 ans" → 24, "inscrit depuis
 * 30 mois" → 30, "inscrit pole emploi 30 mois" → 30, "2 ans d'inscription" → 24, "depuis 14 mois" (nothing else it could be about) → 14, "un an et demi" → 18.
 * "au RSA depuis 2 ans" is about the RSA, not registration: undefined.
 */
export function findRegistrationMonths(p: PreparedText, numbers: NumberMention[]): { months: number; mention: NumberMention } | undefined {
  const seeking = SEEKING.test(p.folded);
  for (const n of numbers) {
    const unit = unitOf(p, n);
    if (!unit || !(YEAR_UNITS.has(unit) || MONTH_UNITS.has(unit)) || unit === 'yo') continue;
    const before = p.tokens.slice(Math.max(0, n.from - 4), n.from);
    const cue = before.findIndex((t) => SINCE.has(t));
    const afterTokens = p.tokens.slice(n.to + (n.unit ? 0 : 1), n.to + 7);
    const after = afterTokens.slice(0, 3).join(' ');
    const chomageAfter = /^(de |d |au )?(chomage|sans emploi|sans travail|inscription|of unemployment|unemployed|out of work|without work|jobless)/.test(after);
    // "4 ans de prison", "10 ans de mariage": the length of something else.
    if (!chomageAfter && /^(de|d|of) /.test(after)) continue;
    // "24 ans, au chômage depuis 1 an": the duration is the one after "depuis", this number is an age.
    if (chomageAfter && cue < 0 && afterTokens.slice(1, 5).some((t) => t === 'depuis' || t === 'since' || t === 'for')) continue;
    // "unemployed 2 years", "chômeur 3 ans", "inscrit pole emploi 30 mois", "inscrite au chômage 2 ans", "registered with France Travail 18 months".
    const seekingBefore = SEEKING_RIGHT_BEFORE.test(p.tokens.slice(Math.max(0, n.from - 6), n.from).join(' '));
    if (cue < 0 && !chomageAfter && !seekingBefore) continue;
    // "chômeur 45 ans": without « depuis », that many years is an age, not a registration.
    if (cue < 0 && !chomageAfter && YEAR_UNITS.has(unit) && n.value > MAX_BARE_REGISTRATION_YEARS) continue;
    const anchor = p.tokens.slice(Math.max(0, n.from - 6), n.from).some((t) => OTHER_ANCHORS.has(t));
    if (!chomageAfter && !seeking && anchor) continue;
    if (!chomageAfter && seeking && anchor && !SEEKING.test(p.tokens.slice(Math.max(0, n.from - 6), n.from).join(' '))) {
      // "au RSA depuis 2 ans et je cherche" : the duration belongs to the nearer anchor.
      continue;
    }
    let months = MONTH_UNITS.has(unit) ? n.value : n.value * 12;
    if (!MONTH_UNITS.has(unit) && /^(et demi|and a half)/.test(after)) months += 6;
    // "un an et 3 mois", "2 years and 4 months".
    const andMonths = MONTH_UNITS.has(unit) ? undefined : numbers.find((m) => m.from === n.to + (n.unit ? 0 : 1) + 1 && ['et', 'and'].includes(p.tokens[m.from - 1] ?? '') && MONTH_UNITS.has(unitOf(p, m) ?? ''));
    if (andMonths) months += andMonths.value;
    // « depuis moins d'un an », "for more than 2 years": a bound, not the length (undefined: the question asks).
    const bounded = boundedMonths(months, p.tokens.slice(Math.max(0, n.from - 3), n.from).join(' '));
    if (bounded === undefined) return undefined;
    months = bounded;
    if (months > 0 && months <= 600) return { months, mention: n };
  }
  return undefined;
}
