/**
 * The one calendar module: days as `YYYY-MM-DD` strings, compared as strings and computed in UTC,
 * so that no result depends on the machine's time zone. Every layer uses it for ages, deadlines and
 * "today".
 */

import legalTimeFile from './data/legalTime.json';

const LEGAL_TIME: { default: string; byDepartement: Record<string, string>; byRegion: Record<string, string> } = legalTimeFile;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 3/3/1990, 03-03-1990, 3.3.1990: day first, as in France (and in the UK). */
export const NUMERIC_DATE = /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b/;

type Ymd = [year: number, month: number, day: number];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function partsOf(date: string): Ymd | undefined {
  const m = ISO_DATE.exec(date);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) ? [year, month, day] : undefined;
}

function mustParse(date: string): Ymd {
  const p = partsOf(date);
  if (!p) throw new RangeError(`calendar: not a calendar date (YYYY-MM-DD): ${String(date).slice(0, 20)}`);
  return p;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function format(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

const formatUtc = (d: Date) => format(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());

/** A `YYYY-MM-DD` string naming a day that exists (2024-02-29 yes, 2023-02-30 no). */
export function isCalendarDate(value: string): boolean {
  return partsOf(value) !== undefined;
}

/** The ISO day for a day, month and year said separately, when that day exists. */
export function calendarDate(year: number, month: number, day: number): string | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  const text = format(year, month, day);
  return isCalendarDate(text) ? text : undefined;
}

/**
 * Age in whole years on `date`: a birthday counts from its day. Someone born on 29 February
 * has their birthday on 1 March in a year without 29 February (the day after 28 February).
 */
export function ageOn(birthDate: string, date: string): number {
  const [by, bm, bd] = mustParse(birthDate);
  const [y, m, d] = mustParse(date);
  const beforeBirthday = m < bm || (m === bm && d < bd);
  return y - by - (beforeBirthday ? 1 : 0);
}

/** The same day `years` later; 29 February becomes 28 February in a year without it. */
export function addYears(date: string, years: number): string {
  const [y, m, d] = mustParse(date);
  const year = y + years;
  return format(year, m, Math.min(d, daysInMonth(year, m)));
}

/** The date `months` later (or earlier when negative), clamped to the last day of the month (relativedelta). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = mustParse(date);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const year = first.getUTCFullYear();
  const month = first.getUTCMonth() + 1;
  return format(year, month, Math.min(d, daysInMonth(year, month)));
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = mustParse(date);
  return formatUtc(new Date(Date.UTC(y, m - 1, d + days)));
}

/** `months` calendar months after an instant (UTC), clamped, keeping the time of day. */
export function addMonthsToInstant(instant: Date, months: number): Date {
  const [y, m, d] = mustParse(addMonths(formatUtc(instant), months));
  return new Date(Date.UTC(y, m - 1, d, instant.getUTCHours(), instant.getUTCMinutes(), instant.getUTCSeconds(), instant.getUTCMilliseconds()));
}

/** Midnight UTC starting that day. */
export function startOfDayUtc(date: string): Date {
  const [y, m, d] = mustParse(date);
  return new Date(Date.UTC(y, m - 1, d));
}

/** Today's date in a time zone, as YYYY-MM-DD. The rules apply in Paris (metropolitan legal time). */
export function todayIn(now: Date = new Date(), timeZone = 'Europe/Paris'): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    // A few time zones at most (the rules' and the deployment's); a bad one throws above and is not kept.
    if (dayFormats.size < MAX_DAY_FORMATS) dayFormats.set(timeZone, format);
  }
  return format.format(now);
}

/** The day formats by time zone: building one costs more than formatting a hundred dates. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();
const MAX_DAY_FORMATS = 16;

/** Today in Paris (metropolitan legal time). */
export function todayInParis(now: Date = new Date()): string {
  return todayIn(now, LEGAL_TIME.default);
}

/**
 * The time zone of a place's legal time (data/legalTime.json, from the décret of 6 March 2017): a
 * guichet in Martinique starts its day four or five hours after Paris, so a person's age and time
 * registered are counted on its own day. By département first, then région; metropolitan time
 * otherwise (and for the whole country).
 */
export function legalTimeZone(place: { departement?: string; region?: string } = {}): string {
  return (place.departement && LEGAL_TIME.byDepartement[place.departement]) || (place.region && LEGAL_TIME.byRegion[place.region]) || LEGAL_TIME.default;
}
