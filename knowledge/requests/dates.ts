/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD), in UTC so that results never depend on the
 * machine's time zone. Adding months clamps to the end of the month (31 Jan + 1 month = 28/29 Feb),
 * as the national platform does (relativedelta).
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: string): [number, number, number] {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError('dates: expected an ISO date (YYYY-MM-DD)');
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) {
    throw new RangeError('dates: not a calendar date');
  }
  return [y, mo, d];
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const format = (d: Date) => `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

export function isIsoDate(value: string): boolean {
  try {
    parts(value);
    return true;
  } catch {
    return false;
  }
}

/** The date `months` later (or earlier when negative), clamped to the last day of the month. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const firstOfTarget = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth() + 1, 0)).getUTCDate();
  firstOfTarget.setUTCDate(Math.min(d, lastDay));
  return format(firstOfTarget);
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  return format(new Date(Date.UTC(y, m - 1, d + days)));
}

/** Same instant arithmetic for timestamps: `months` calendar months later (UTC), clamped. */
export function addMonthsToInstant(instant: Date, months: number): Date {
  const day = addMonths(format(instant), months);
  const [y, m, d] = parts(day);
  return new Date(Date.UTC(y, m - 1, d, instant.getUTCHours(), instant.getUTCMinutes(), instant.getUTCSeconds(), instant.getUTCMilliseconds()));
}

/** Midnight UTC starting that day. */
export function startOfDayUtc(date: string): Date {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d));
}

/** Full years of age on `on` (a birthday counts from its day; 29 Feb birthdays count from 1 Mar in common years). */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = parts(birthDate);
  const [y, m, d] = parts(on);
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}

/** Today's date in a time zone (default Europe/Paris), as YYYY-MM-DD. */
export function todayIn(now: Date = new Date(), timeZone = 'Europe/Paris'): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
