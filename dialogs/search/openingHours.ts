import type { TFunction } from 'i18next';
import type { Locale } from '../../locales/i18n';

const DAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;
/** 2024-01-01 was a Monday: the weekday names of the locale, Monday first. */
const MONDAY = Date.UTC(2024, 0, 1);
const DAY_MS = 86_400_000;

function dayName(day: string, locale: Locale): string {
  const index = DAYS.indexOf(day as (typeof DAYS)[number]);
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { weekday: 'long', timeZone: 'UTC' }).format(new Date(MONDAY + index * DAY_MS));
}

function time(hhmm: string, locale: Locale): string {
  const [h, m] = hhmm.split(':') as [string, string];
  const hour = String(Number(h));
  if (locale === 'en') return `${hour}:${m}`;
  return m === '00' ? `${hour} h` : `${hour} h ${m}`;
}

const RULE = /^((?:Mo|Tu|We|Th|Fr|Sa|Su)(?:-(?:Mo|Tu|We|Th|Fr|Sa|Su))?(?:,(?:Mo|Tu|We|Th|Fr|Sa|Su)(?:-(?:Mo|Tu|We|Th|Fr|Sa|Su))?)*) ((?:\d{2}:\d{2}-\d{2}:\d{2})(?:,\d{2}:\d{2}-\d{2}:\d{2})*)$/;

/**
 * Opening hours in words, from the OSM opening_hours syntax data·inclusion uses (the common part:
 * « Mo-Fr 08:30-12:00,13:30-17:00; Sa 09:00-12:00 » → « du lundi au vendredi : 8 h 30 – 12 h et
 * 13 h 30 – 17 h ; le samedi : 9 h – 12 h »). Anything else is shown as the source wrote it.
 */
export function openingHoursInWords(raw: string, t: TFunction, locale: Locale): string {
  const rules = raw.split(';').map((r) => r.trim()).filter(Boolean);
  const parts: string[] = [];
  for (const rule of rules) {
    const match = RULE.exec(rule);
    if (!match) return raw;
    const days = match[1]!.split(',').map((span) => {
      const [from, to] = span.split('-') as [string, string | undefined];
      return to
        ? t('search:hours.dayRange', { from: dayName(from, locale), to: dayName(to, locale) })
        : t('search:hours.day', { day: dayName(from, locale) });
    });
    const times = match[2]!.split(',').map((span) => {
      const [from, to] = span.split('-') as [string, string];
      return `${time(from, locale)} – ${time(to, locale)}`;
    });
    parts.push(t('search:hours.rule', { days: days.join(t('search:hours.and')), times: times.join(t('search:hours.and')) }));
  }
  return parts.join(' ; ');
}
