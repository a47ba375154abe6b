import { calendarDate, NUMERIC_DATE } from '../../calendar';
import { tokensOfSpan, type PreparedText } from './text';

/** Words that announce a birth date ("né le", "née le", "date de naissance", "born on", "DOB"). */
const BIRTH_CUE = /(^| )(ne|nee|naissance|ddn|born|birth|dob|birthday)( |$)/;
const MONTHS: Record<string, number> = {
  janvier: 1, fevrier: 2, mars: 3, avril: 4, mai: 5, juin: 6, juillet: 7, aout: 8, septembre: 9, octobre: 10, novembre: 11, decembre: 12,
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
};
/** "3 mars 1990", "1er mars 1990", "3 march 1990" on the folded text. */
const WORDED_DATE = new RegExp(`(?:^| )(\\d{1,2})(?:er|st|nd|rd|th)? (${Object.keys(MONTHS).join('|')}) (\\d{4})(?= |$)`);
/** "march 3 1990" (English order). */
const WORDED_DATE_EN = new RegExp(`(?:^| )(${Object.keys(MONTHS).join('|')}) (\\d{1,2})(?:st|nd|rd|th)? (\\d{4})(?= |$)`);

/** A real calendar day (no 31 February) in any plausible year of birth. */
function iso(year: number, month: number, day: number): string | undefined {
  return year >= 1900 && year <= 2100 ? calendarDate(year, month, day) : undefined;
}

/**
 * A full birth date said after "né(e) le", "date de naissance", "born": "née le 03/03/1990",
 * "né le 1er mars 1975", "born on March 3, 1990" → "YYYY-MM-DD". A year alone is not a date. The
 * dialogs work out the age from it on the day (the understanding has no clock).
 */
export function findBirthDate(p: PreparedText): { date: string; tokens: number[] } | undefined {
  if (!BIRTH_CUE.test(p.folded)) return undefined;
  const numeric = NUMERIC_DATE.exec(p.raw);
  if (numeric) {
    const date = iso(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]));
    // The folded text spells it "03 03 1990".
    const folded = [numeric[1], numeric[2], numeric[3]].join(' ');
    const at = p.folded.indexOf(folded);
    return date ? { date, tokens: at >= 0 ? tokensOfSpan(p, at, at + folded.length) : [] } : undefined;
  }
  const worded = WORDED_DATE.exec(p.folded);
  const english = worded ? undefined : WORDED_DATE_EN.exec(p.folded);
  const match = worded ?? english;
  if (!match) return undefined;
  const date = worded ? iso(Number(worded[3]), MONTHS[worded[2]!]!, Number(worded[1])) : iso(Number(english![3]), MONTHS[english![1]!]!, Number(english![2]));
  return date ? { date, tokens: tokensOfSpan(p, match.index, match.index + match[0].length) } : undefined;
}
