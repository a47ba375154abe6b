import type { RequestDraftInput } from '../../knowledge/requests/schema';

/** Builders of drafts, named after situations. Nobody here is real. */
export const ORG_A = 'demo:972-ft-01';
export const ORG_B = 'demo:972-ml-01';
export const NOW = new Date('2026-11-16T09:30:00.000Z');

let counter = 0;
/** A distinct pseudonymous subject key per call (or a fixed one by name). */
export function aSubjectKey(name?: string): string {
  return `subject_${name ?? `auto${++counter}`}_0123456789`;
}

export function aDraft(overrides: Partial<RequestDraftInput> = {}): RequestDraftInput {
  return {
    subjectKey: aSubjectKey('marie'),
    consent: { version: 'request-v1', givenAt: '2026-11-16T09:29:00.000Z' },
    person: {
      firstName: 'Marie-Josée',
      lastName: "N'Guyen",
      birthDate: '1990-05-12',
      contact: { kind: 'phone', value: '06 96 12 34 56' },
      communeInsee: '97209',
    },
    criteria: ['RSA', 'QPV'],
    organisationId: ORG_A,
    routing: { ruleId: 'default', kind: 'FT' },
    ...overrides,
  };
}

export const aDraftFor = {
  youngPerson: () =>
    aDraft({
      subjectKey: aSubjectKey('jeune'),
      person: { firstName: 'Léo', lastName: 'Martin', birthDate: '2004-02-29', contact: { kind: 'email', value: 'Leo.Martin@example.org' }, communeInsee: '97213' },
      criteria: ['JEUNE', 'CAP_BEP'],
      organisationId: ORG_B,
      routing: { ruleId: 'under26', kind: 'ML' },
    }),
};

export const adviserOfA = { kind: 'adviser' as const, adviserId: '11111111-1111-1111-1111-111111111111:22222222-2222-2222-2222-222222222222' };
