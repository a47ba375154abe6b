import type { ResolveContext } from '../../territory';
import type { StructureKind } from '../../directory/kinds';
import type { CriterionKey } from '../../eligibility/criterionKeys';
import type { Place } from '../../territory';
import { findBirthDate } from './birthDate';
import { derivedCriteria, extractCriteriaWords, mergeCriteria } from './criteria';
import { extractKinds } from './kinds';
import { findAge, findNumbers, findRadius, findRegistrationMonths, mentionTokens, type NluLocale } from './numbers';
import { extractPlace, type PlaceSlot } from './place';
import { findReference } from './reference';
import type { PreparedText } from './text';

export interface Slots {
  kinds?: StructureKind[];
  place?: PlaceSlot;
  /** Set instead of `place` when the place name fits several places (≤ 5, best first). */
  placeCandidates?: Place[];
  criteria?: CriterionKey[];
  age?: number;
  birthDate?: string;
  registrationMonths?: number;
  radiusKm?: number;
  reference?: string;
}

/** Every slot of a prepared message. Pure and synchronous; never throws on odd text. */
export function extractSlots(p: PreparedText, locale: NluLocale, context: ResolveContext): Slots {
  const slots: Slots = {};
  if (p.tokens.length === 0) return slots;
  const skip = new Set<number>();
  const reference = findReference(p.raw);
  if (reference) {
    slots.reference = reference.reference;
    const refTokens = reference.text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
    p.tokens.forEach((t, i) => refTokens.includes(t) && skip.add(i));
  }
  const kinds = extractKinds(p, locale);
  if (kinds.kinds.length > 0) slots.kinds = kinds.kinds;
  kinds.usedTokens.forEach((i) => skip.add(i));

  const numbers = findNumbers(p, locale);
  const radius = findRadius(p, numbers);
  if (radius) {
    slots.radiusKm = radius.km;
    mentionTokens(p, radius.mention).forEach((i) => skip.add(i));
  }
  const rest = numbers.filter((n) => n !== radius?.mention);
  const registration = findRegistrationMonths(p, rest);
  if (registration) {
    slots.registrationMonths = registration.months;
    mentionTokens(p, registration.mention).forEach((i) => skip.add(i));
  }
  const birthDate = findBirthDate(p);
  if (birthDate) {
    slots.birthDate = birthDate.date;
    // Its day, month and year are a date, not an age or a place ("mars" is a commune too).
    birthDate.tokens.forEach((i) => skip.add(i));
  }
  const age = birthDate ? undefined : findAge(p, rest.filter((n) => n !== registration?.mention));
  if (age) {
    slots.age = age.years;
    mentionTokens(p, age.mention).forEach((i) => skip.add(i));
  }
  const words = extractCriteriaWords(p);
  words.usedTokens.forEach((i) => skip.add(i));
  const criteria = mergeCriteria(words.criteria, derivedCriteria(slots.age, slots.registrationMonths));
  if (criteria.length > 0) slots.criteria = criteria;

  const place = extractPlace(p, skip, context, locale);
  if (place.place) slots.place = place.place;
  else if (place.placeCandidates) slots.placeCandidates = place.placeCandidates;
  return slots;
}
