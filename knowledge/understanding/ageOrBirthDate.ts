import type { Locale } from '../../locales/i18n';
import { isCalendarDate, NUMERIC_DATE } from '../calendar';
import { foldText } from '../text/fold';
import { modelWarmSteps, RECOGNIZER_CULTURES as CULTURES, recognizeAge, recognizeDateTime } from './recognizers';

export type AgeOrBirthDate = { kind: 'age'; years: number } | { kind: 'birthDate'; date: string };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** 12/03/92, 12.03.05: a two-digit year. */
const SHORT_YEAR_DATE = /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{2})\b/;
/** "12 mars 92", "1er mai 05", "3 march 92" (folded): a month in words and a two-digit year. */
const MONTHS = ['janvier|january|jan', 'fevrier|february|feb|fev', 'mars|march|mar', 'avril|april|apr|avr', 'mai|may', 'juin|june|jun', 'juillet|july|jul|juil', 'aout|august|aug', 'septembre|september|sept|sep', 'octobre|october|oct', 'novembre|november|nov', 'decembre|december|dec'];
const WORD_SHORT_YEAR_DATE = new RegExp(`\\b(\\d{1,2})(?:er|st|nd|rd|th)? (${MONTHS.join('|')}) (\\d{2})\\b`);
/** A person is at least this old: a two-digit year that would make them younger is in the previous century. */
const YOUNGEST = 16;

/** "32", "j'ai 32", "I am 54", "I'm 54", "age 40": a number said as an age without "ans"/"years". */
const STATED_AGE = /^(?:j ai|jai|i am|i m|im|age|mon age est|my age is)?\s*(\d{1,3})(?:\s+(?:ans?|years?(?: old)?|yo))?$/;

/** The century of a two-digit birth year: the latest that leaves the person at least YOUNGEST years old ("92" → 1992, "05" → 2005 in 2026). */
function birthYear(yy: string, today: string): number {
  const latest = Number(today.slice(0, 4)) - YOUNGEST;
  const recent = 2000 + Number(yy);
  return recent <= latest ? recent : recent - 100;
}

function pad(n: string): string {
  return n.padStart(2, '0');
}

/**
 * Reads an age ("32 ans", "I am 54", "vingt-cinq ans", "32") or a full birth date ("né le 3 mars
 * 1990", "03/03/1990") from a message. A year alone is not a date: it returns undefined so the
 * question can be asked again. `today` is YYYY-MM-DD.
 */
export function parseAgeOrBirthDate(text: string, locale: Locale, today: string): AgeOrBirthDate | undefined {
  const numeric = NUMERIC_DATE.exec(text);
  if (numeric) {
    const iso = `${numeric[3]}-${pad(numeric[2])}-${pad(numeric[1])}`;
    return isCalendarDate(iso) && iso <= today ? { kind: 'birthDate', date: iso } : undefined;
  }
  const short = SHORT_YEAR_DATE.exec(text);
  const words = short ? undefined : WORD_SHORT_YEAR_DATE.exec(foldText(text));
  if (short || words) {
    const [day, month, yy] = short ? [short[1]!, short[2]!, short[3]!] : [words![1]!, String(MONTHS.findIndex((m) => m.split('|').includes(words![2]!)) + 1), words![3]!];
    const iso = `${birthYear(yy, today)}-${pad(month)}-${pad(day)}`;
    return isCalendarDate(iso) && iso <= today ? { kind: 'birthDate', date: iso } : undefined;
  }
  // A plain number ("32", "j'ai 32 ans"): no recognizer needed (they cost milliseconds per call).
  const plain = STATED_AGE.exec(foldText(text));
  if (plain) return { kind: 'age', years: Number(plain[1]) };
  const reference = new Date(`${today}T12:00:00`);
  for (const found of recognizeDateTime(text, CULTURES[locale], reference)) {
    if (found.typeName !== 'datetimeV2.date') continue;
    const values = (found.resolution as { values?: Array<{ value?: string }> }).values ?? [];
    const iso = values.map((v) => v.value).find((v): v is string => !!v && ISO_DATE.test(v) && v <= today);
    if (iso && isCalendarDate(iso)) return { kind: 'birthDate', date: iso };
  }
  for (const found of recognizeAge(text, CULTURES[locale])) {
    const years = Number((found.resolution as { value?: string }).value);
    if (Number.isInteger(years)) return { kind: 'age', years };
  }
  return undefined;
}

/** Loads the recognizer models (French and English, or the locales given) once, so the first person does not wait. */
export function warmRecognizers(locales: readonly Locale[] = ['fr', 'en']): void {
  for (const step of modelWarmSteps(locales)) step();
}
