import { Culture, recognizeNumber } from '@microsoft/recognizers-text-suite';
import type { PreparedText } from './text';

export type NluLocale = 'fr' | 'en';

/** A number in the message: its value and the folded tokens [from, to) that say it ("cinquante quatre" → 54). */
export interface NumberMention {
  value: number;
  from: number;
  to: number;
  /** A unit glued to the digits ("20km", "54ans"). */
  unit?: string;
}

const CULTURE: Record<NluLocale, string> = { fr: Culture.French, en: Culture.English };
const GLUED = /^(\d{1,3})(km|kms|ans|an|mois|yo)$/;

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
  if (!/[a-z]/.test(p.folded)) return out;
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

const YEAR_UNITS = new Set(['an', 'ans', 'annee', 'annees', 'year', 'years', 'yo']);
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

const DURATION_BEFORE = new Set(['depuis', 'pendant', 'fait', 'for', 'since', 'durant', 'plus', 'moins', 'dans', 'sur']);

/** "de 24 ans" is an age after these ("un jeune de 24 ans", "âgé de 30 ans"), a duration elsewhere ("plus de 2 ans"). */
const PERSON_BEFORE_DE = new Set(['age', 'agee', 'jeune', 'fils', 'fille', 'personne', 'candidat', 'candidate', 'homme', 'femme', 'dame', 'monsieur', 'madame', 'garcon', 'enfant', 'mere', 'pere', 'beneficiaire', 'usager', 'usagere']);
/** Words that may follow a bare age ("I'm 61 and…", "j'ai 54, et…"). */
const AFTER_BARE_AGE = new Set(['and', 'et', 'but', 'mais', 'so', 'donc', 'with', 'avec', 'i', 'je']);

/** An age said by the person: "j'ai 54 ans", "54 ans", "I'm 22", "aged 30", "22 years old". 16–99. */
export function findAge(p: PreparedText, numbers: NumberMention[]): { years: number; mention: NumberMention } | undefined {
  for (const n of numbers) {
    if (n.value < 16 || n.value > 99) continue;
    const unit = unitOf(p, n);
    const before = p.tokens.slice(Math.max(0, n.from - 2), n.from);
    const prev = before[before.length - 1];
    if (unit && YEAR_UNITS.has(unit)) {
      if (prev && (DURATION_BEFORE.has(prev) || (prev === 'de' && !PERSON_BEFORE_DE.has(before[0] ?? '')))) continue;
      if (prev === 'a' && before[0] === 'y') continue; // "il y a 20 ans"
      return { years: n.value, mention: n };
    }
    const said = before.join(' ');
    if ((!unit || AFTER_BARE_AGE.has(unit)) && /(^| )(i m|am|aged|age|ai|j ai)$/.test(said)) {
      if (/(^| )ai$/.test(said) && !/(^| )j ai$/.test(said)) continue;
      return { years: n.value, mention: n };
    }
  }
  return undefined;
}

/** Words before "depuis …" that make the duration about something other than job-seeking. */
const OTHER_ANCHORS = new Set(['rsa', 'ass', 'aah', 'rqth', 'habite', 'vis', 'heberge', 'hebergee', 'france', 'ici', 'martinique', 'foyer', 'rue', 'prison', 'marie', 'mariee', 'separe', 'separee', 'arrive', 'arrivee', 'malade', 'formation', 'insertion', 'aci', 'poste', 'contrat']);
const SEEKING = /(^| )(chomeur|chomeuse|chomage|sans emploi|sans travail|sans boulot|sans job|demandeur d emploi|demandeuse d emploi|inscrit|inscrite|inscrits|pole emploi|france travail|unemployed|registered|jobless|pas travaille|pas bosse|rien trouve|je cherche|sans activite|out of work)( |$)/;

/**
 * How long the person has been registered as a jobseeker: "chômeur depuis 2 ans" → 24, "inscrit depuis
 * 30 mois" → 30, "depuis 14 mois" (nothing else it could be about) → 14, "un an et demi" → 18.
 * "au RSA depuis 2 ans" is about the RSA, not registration: undefined.
 */
export function findRegistrationMonths(p: PreparedText, numbers: NumberMention[]): { months: number; mention: NumberMention } | undefined {
  const seeking = SEEKING.test(p.folded);
  for (const n of numbers) {
    const unit = unitOf(p, n);
    if (!unit || !(YEAR_UNITS.has(unit) || MONTH_UNITS.has(unit)) || unit === 'yo') continue;
    const before = p.tokens.slice(Math.max(0, n.from - 4), n.from);
    const cue = before.findIndex((t) => t === 'depuis' || t === 'since' || t === 'for' || t === 'fait' || t === 'pendant');
    const after = p.tokens.slice(n.to + (n.unit ? 0 : 1), n.to + 4).join(' ');
    const chomageAfter = /^(de |au )?(chomage|sans emploi|sans travail|of unemployment|unemployed)/.test(after);
    if (cue < 0 && !chomageAfter) continue;
    const anchor = p.tokens.slice(Math.max(0, n.from - 6), n.from).some((t) => OTHER_ANCHORS.has(t));
    if (!chomageAfter && !seeking && anchor) continue;
    if (!chomageAfter && seeking && anchor && !SEEKING.test(p.tokens.slice(Math.max(0, n.from - 6), n.from).join(' '))) {
      // "au RSA depuis 2 ans et je cherche" : the duration belongs to the nearer anchor.
      continue;
    }
    let months = MONTH_UNITS.has(unit) ? n.value : n.value * 12;
    if (!MONTH_UNITS.has(unit) && /^(et demi|and a half)/.test(after)) months += 6;
    if (months > 0 && months <= 600) return { months, mention: n };
  }
  return undefined;
}
