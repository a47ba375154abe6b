import type { TFunction } from 'i18next';
import { CRITERION_KEYS, type CriterionKey } from '../../knowledge/eligibility/criterionKeys';
import { criterionTextKey } from '../../knowledge/eligibility';
import type { UnderstoodMessage } from './understanding';

/** Features whose questions the slots of a message answer: for them the assistant says what it took. */
const ECHOED_INTENTS = new Set(['eligibility', 'search', 'request', 'orientation', 'stats', 'followup']);

/**
 * What the assistant understood from a free-text message, one fact per line, before the feature
 * it starts uses those facts ("J'ai compris : Bénéficiaire du RSA / Lieu : Le Lamentin"). Criteria
 * derived from a stated age or registration length are not repeated. Undefined when the message
 * carried no fact.
 */
export function understoodSummary(understood: UnderstoodMessage, t: TFunction): string | undefined {
  if (!ECHOED_INTENTS.has(understood.intent)) return undefined;
  const lines = understoodFacts(understood, t);
  if (lines.length === 0) return undefined;
  return [t('common:understood.intro'), ...lines.map((l) => `- ${l}`), t('common:understood.fix')].join('\n');
}

/** The facts a message gave, one short phrase each (« Âge : 40 ans », « Bénéficiaire du RSA »), whatever its intent. */
export function understoodFacts(understood: UnderstoodMessage, t: TFunction): string[] {
  const { slots } = understood;
  const lines: string[] = [];
  const derived = new Set<string>([
    ...(slots.age !== undefined ? ['JEUNE', 'SENIOR'] : []),
    ...(slots.registrationMonths !== undefined ? ['DELD', 'DETLD'] : []),
  ]);
  for (const key of slots.criteria ?? []) {
    if (derived.has(key) || !(CRITERION_KEYS as readonly string[]).includes(key)) continue;
    lines.push(t(criterionTextKey(key as CriterionKey, 'label')));
  }
  if (slots.age !== undefined) lines.push(t('common:understood.age', { age: slots.age }));
  if (slots.birthDate) lines.push(t('common:understood.birthDate', { date: slots.birthDate.split('-').reverse().join('/') }));
  if (slots.registrationMonths !== undefined) lines.push(t('common:understood.months', { months: slots.registrationMonths }));
  if (slots.kinds && slots.kinds.length > 0) {
    lines.push(t('common:understood.kinds', { kinds: slots.kinds.map((k) => t(`directory:kinds.${k}.short`, { defaultValue: k })).join(', ') }));
  }
  if (slots.place) lines.push(t('common:understood.place', { place: slots.place.label }));
  if (slots.radiusKm !== undefined) lines.push(t('common:understood.radius', { km: slots.radiusKm }));
  if (slots.reference) lines.push(t('common:understood.reference', { reference: slots.reference }));
  return lines;
}
