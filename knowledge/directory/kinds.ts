/**
 * Kinds of organisations in the directory, with the national platform's codes
 * (../shared/domain/eligibility-rules.md, "Structure kinds").
 */

/** Structures d'insertion par l'activité économique (Code du travail L5132-4). */
export const SIAE_KINDS = ['EI', 'AI', 'ACI', 'ETTI', 'EITI'] as const;
/** Inclusive employers that are not SIAE (Fonds d'inclusion dans l'emploi family). */
export const OTHER_EMPLOYER_KINDS = ['GEIQ', 'EA', 'EATT', 'OPCS'] as const;
/** Prescribers and partners a person is sent to. */
export const PARTNER_KINDS = [
  'FT',
  'ML',
  'CAP_EMPLOI',
  'PLIE',
  'DEPT',
  'CCAS',
  'CAF',
  'CHRS',
  'SPIP',
  'PJJ',
  'E2C',
  'EPIDE',
  'AFPA',
] as const;

export const STRUCTURE_KINDS = [...SIAE_KINDS, ...OTHER_EMPLOYER_KINDS, ...PARTNER_KINDS] as const;

export type SiaeKind = (typeof SIAE_KINDS)[number];
export type StructureKind = (typeof STRUCTURE_KINDS)[number];

/** Partners that are authorised prescribers by law (arrêté du 1er septembre 2021). */
export const AUTHORISED_PRESCRIBER_KINDS: readonly StructureKind[] = [
  'FT',
  'ML',
  'CAP_EMPLOI',
  'PLIE',
  'DEPT',
  'CCAS',
  'CHRS',
  'SPIP',
  'PJJ',
  'E2C',
  'EPIDE',
];

export function isSiaeKind(kind: string): kind is SiaeKind {
  return (SIAE_KINDS as readonly string[]).includes(kind);
}

export function isStructureKind(kind: string): kind is StructureKind {
  return (STRUCTURE_KINDS as readonly string[]).includes(kind);
}

export function isPartnerKind(kind: string): boolean {
  return (PARTNER_KINDS as readonly string[]).includes(kind);
}

/** Default search radius (km), as the national platform: 25 for employers, 5 for prescribers. */
export const DEFAULT_RADIUS_KM = { employers: 25, partners: 5 } as const;
/** Radii offered to the user (km). */
export const RADIUS_CHOICES_KM = [2, 5, 10, 15, 25, 50, 100] as const;
