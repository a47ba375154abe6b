import { Culture, recognizeAge, recognizeDateTime } from '@microsoft/recognizers-text-suite';
import type { Locale } from '../../locales/i18n';
import { isCalendarDate, NUMERIC_DATE } from '../calendar';
import { foldText } from '../text/fold';

export type AgeOrBirthDate = { kind: 'age'; years: number } | { kind: 'birthDate'; date: string };

const CULTURES: Record<Locale, string> = { fr: Culture.French, en: Culture.English };
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** "32", "j'ai 32", "I am 54", "I'm 54", "age 40": a number said as an age without "ans"/"years". */
const STATED_AGE = /^(?:j ai|jai|i am|i m|im|age|mon age est|my age is)?\s*(\d{1,3})(?:\s+(?:ans?|years?(?: old)?|yo))?$/;

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
  // A plain number ("32", "j'ai 32 ans"): no recognizer needed (they cost milliseconds per call).
  const plain = STATED_AGE.exec(foldText(text));
  if (plain) return { kind: 'age', years: Number(plain[1]) };
  const reference = new Date(`${today}T12:00:00`);
  for (const found of recognizeDateTime(text, CULTURES[locale], undefined, reference)) {
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
  for (const locale of locales) parseAgeOrBirthDate('né le 3 mars 1990, 32 ans', locale, '2026-01-01');
}
