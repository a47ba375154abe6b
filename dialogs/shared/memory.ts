import type { TurnContext } from 'botbuilder';
import { isSiaeKind } from '../../knowledge/directory/kinds';
import { criteriaDecidedBy } from '../../knowledge/eligibility';
import { placeOfSlot } from '../../knowledge/understanding/slots/place';
import { sessionOf } from './session';
import { tr } from './turnLocale';
import type { Intent, UnderstoodSlots } from './understanding';

/**
 * Says what the conversation reuses instead of asking again (« Je reprends : Le Lamentin. »), so the
 * person can change it ("annuler", or give another answer later).
 */
export async function sayReused(context: TurnContext, facts: readonly string[]): Promise<void> {
  if (facts.length === 0) return;
  await context.sendActivity(tr(context)('conversation:memory.reused', { facts: facts.join(', ') }));
}

/**
 * Keeps the facts a message gave (age, birth date, criteria, registration length, kinds, place) in
 * the conversation, so that every feature reuses them until the person changes them. A kind named in a
 * question (« c'est quoi un chantier d'insertion ? ») is not a choice of it.
 */
export function rememberFacts(context: TurnContext, slots: UnderstoodSlots, intent?: Intent): void {
  const session = sessionOf(context);
  const situation = (session.situation ??= {});
  // A new age or registration length replaces the criteria the old one gave (never JEUNE and SENIOR at once).
  const replaced: string[] = criteriaDecidedBy(slots);
  if (replaced.length > 0 && situation.criteria) situation.criteria = Object.fromEntries(Object.entries(situation.criteria).filter(([key]) => !replaced.includes(key)));
  if (slots.age !== undefined) situation.age = slots.age;
  if (slots.birthDate) situation.birthDate = slots.birthDate;
  for (const key of slots.criteria ?? []) situation.criteria = { ...situation.criteria, [key]: 'yes' };
  if (slots.registrationMonths !== undefined) situation.registrationMonths = slots.registrationMonths;
  const siae = intent === 'question' ? [] : (slots.kinds ?? []).filter(isSiaeKind);
  if (siae.length > 0) session.kinds = siae;
  const place = slots.place && placeOfSlot(slots.place);
  if (place) {
    session.place = place;
    if (place.departement) session.departement = place.departement;
  }
}
