/**
 * The 18 administrative criteria of IAE eligibility, by the keys of the national platform
 * (arrêté du 1er septembre 2021; ../shared/domain/eligibility-rules.md). The stable identifiers
 * everywhere: data, API, understanding, tests.
 */
export const CRITERION_KEYS = [
  'RSA',
  'ASS',
  'AAH',
  'DETLD',
  'CAP_BEP',
  'SENIOR',
  'JEUNE',
  'ASE',
  'DELD',
  'TH',
  'PI',
  'PSH_PR',
  'REF_DA',
  'ZRR',
  'QPV',
  'DETENTION_MJ',
  'FLE',
  'PM',
] as const;

export type CriterionKey = (typeof CRITERION_KEYS)[number];

export function isCriterionKey(value: string): value is CriterionKey {
  return (CRITERION_KEYS as readonly string[]).includes(value);
}
