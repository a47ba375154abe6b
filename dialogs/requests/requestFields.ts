import { contactSchema, freeNoteSchema, requestDraftSchema } from '../../knowledge/requests';
import { resolveInsee, type Place, type ResolveContext } from '../../knowledge/territory';
import { readPlaceAnswer } from '../../knowledge/understanding/placeAnswer';
import { parseAgeOrBirthDate } from '../../knowledge/understanding/ageOrBirthDate';
import type { Locale } from '../../locales/i18n';
import { ageOn } from '../../knowledge/calendar';

/** What the request dialog collects, in the order it asks. */
export const REQUEST_FIELDS = ['firstName', 'lastName', 'birthDate', 'contact', 'commune', 'note'] as const;
export type RequestField = (typeof REQUEST_FIELDS)[number];

/** The draft as it fills up, kept in the conversation until it is sent (or erased, or expired). */
export interface RequestDraftState {
  consent?: { version: string; givenAt: string };
  firstName?: string;
  lastName?: string;
  birthDate?: string;
  contact?: { kind: 'phone' | 'email'; value: string };
  commune?: { insee: string; label: string; lat?: number; lng?: number };
  /** null: the person chose not to add one. */
  note?: string | null;
  structureId?: string;
  /** Made once, at the first summary, so that a retried submission is the same submission. */
  idempotencyKey?: string;
  followUpCode?: string;
}

export type FieldReading<T> = { ok: true; value: T } | { ok: false; errorKey: string };

const personShape = requestDraftSchema.shape.person.shape;

/** How people introduce their name (« je m'appelle Marie », « moi c'est Dupont », "my name is Mary"): not part of it. */
const NAME_INTRO = /^\s*(je m['’ ]?appelle|je me nomme|moi c['’ ]?est|c['’ ]?est|mon (pr[eé])?nom (de famille )?(c['’ ]?est|est)|my (first |last |family )?name is|i am|i'm)\s+/i;

function name(text: string): FieldReading<string> {
  const parsed = personShape.firstName.safeParse(text.replace(NAME_INTRO, ''));
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errorKey: 'requests:errors.name' };
}

/**
 * A first and a last name typed together at the first-name question (« Marie Dupont », « DUPONT
 * Marie »): two words, the one in capitals is the last name (the administrative order), else the
 * second. Three words or more are not split (« Marie Claire Dupont » could be either).
 */
export function splitFullName(name: string): { firstName: string; lastName: string } | undefined {
  const words = name.trim().split(/\s+/);
  if (words.length !== 2) return undefined;
  const [a, b] = words as [string, string];
  const capitals = (w: string) => w.length > 1 && w === w.toUpperCase() && w !== w.toLowerCase();
  return capitals(a) && !capitals(b) ? { firstName: b, lastName: a } : { firstName: a, lastName: b };
}

/** A date that says its year: four digits, or two after a day and a month (« 12/03/92 », « 12 mars 92 », "March 12 92"). */
const WITH_YEAR = /\d{4}|\b\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2}\b|\b\d{1,2}(er|st|nd|rd|th)?\s+\p{L}+\.?,?\s+\d{2}\b|\p{L}+\.?\s+\d{1,2}(st|nd|rd|th)?,?\s+\d{2}\b/iu;

/** Reads one field from what the person typed. `today` bounds the age (16 to 99). */
export function readField(field: RequestField, text: string, locale: Locale, today: string, places?: ResolveContext): FieldReading<unknown> {
  switch (field) {
    case 'firstName':
    case 'lastName':
      return name(text);
    case 'birthDate': {
      // A birth date needs its year ("le 3 mars" alone would be read as this year), in 4 digits or 2 (« 12/03/92 », « 12 mars 92 »).
      const parsed = WITH_YEAR.test(text) ? parseAgeOrBirthDate(text, locale, today) : undefined;
      if (!parsed || parsed.kind !== 'birthDate') return { ok: false, errorKey: 'requests:errors.birthDate' };
      const age = ageOn(parsed.date, today);
      if (age < 16 || age > 99) return { ok: false, errorKey: 'requests:errors.age' };
      return { ok: true, value: parsed.date };
    }
    case 'contact': {
      const value = text.trim();
      // Neither a digit nor an « @ » (« j'ai pas de téléphone »): what to give instead, not « Ce numéro ne va pas ».
      if (!/[\d@]/.test(value)) return { ok: false, errorKey: 'requests:errors.contactNone' };
      const parsed = contactSchema.safeParse(value.includes('@') ? { kind: 'email', value } : { kind: 'phone', value });
      return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errorKey: value.includes('@') ? 'requests:errors.email' : 'requests:errors.phone' };
    }
    case 'commune': {
      // « Sainte Marie » in Martinique's guichet is its Sainte-Marie; « j'habite à Ducos » is Ducos.
      const result = readPlaceAnswer(text, places);
      const place = result.status === 'found' ? communeOf(result.place) : undefined;
      if (place) return { ok: true, value: place };
      return { ok: false, errorKey: result.status === 'ambiguous' ? 'requests:errors.communeAmbiguous' : 'requests:errors.commune' };
    }
    case 'note': {
      const parsed = freeNoteSchema.safeParse(text);
      if (parsed.success) return { ok: true, value: parsed.data };
      return { ok: false, errorKey: text.trim().length > 500 ? 'requests:errors.noteLong' : 'requests:errors.noteNir' };
    }
  }
}

/** A commune from a place: a commune or arrondissement, or a postal code of one commune. */
export function communeOf(place: Place): RequestDraftState['commune'] | undefined {
  if (place.type === 'commune' || place.type === 'arrondissement') {
    return { insee: place.code, label: place.label, lat: place.center?.lat, lng: place.center?.lng };
  }
  if (place.type === 'postcode' && place.communes?.length === 1) {
    const commune = resolveInsee(place.communes[0]!);
    if (commune) return communeOf(commune);
  }
  return undefined;
}
