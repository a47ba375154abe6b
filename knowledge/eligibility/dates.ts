/** Calendar dates as `YYYY-MM-DD` strings: compared as strings, never through the machine's zone. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

interface Ymd {
  year: number;
  month: number;
  day: number;
}

function parts(date: string): Ymd | undefined {
  const m = ISO_DATE.exec(date);
  if (!m) return undefined;
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A `YYYY-MM-DD` string naming a day that exists (2024-02-29 yes, 2023-02-30 no). */
export function isCalendarDate(value: string): boolean {
  const p = parts(value);
  return !!p && p.year >= 1 && p.month >= 1 && p.month <= 12 && p.day >= 1 && p.day <= daysInMonth(p.year, p.month);
}

function mustParse(date: string): Ymd {
  const p = parts(date);
  if (!p || !isCalendarDate(date)) throw new RangeError(`not a calendar date: ${date}`);
  return p;
}

/**
 * Age in whole years on `date`: a birthday counts from its day. Someone born on 29 February
 * has their birthday on 1 March in a year without 29 February (the day after 28 February).
 */
export function ageOn(birthDate: string, date: string): number {
  const b = mustParse(birthDate);
  const d = mustParse(date);
  const beforeBirthday = d.month < b.month || (d.month === b.month && d.day < b.day);
  return d.year - b.year - (beforeBirthday ? 1 : 0);
}

/** The same day `years` later; 29 February becomes 28 February in a year without it. */
export function addYears(date: string, years: number): string {
  const p = mustParse(date);
  const year = p.year + years;
  const day = Math.min(p.day, daysInMonth(year, p.month));
  return `${String(year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Today's date in Paris, where the rules apply (metropolitan legal time). */
export function todayInParis(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
