import { readLocaleResources, LOCALES } from '../../locales/i18n';
import { CRITERION_KEYS } from '../../knowledge/eligibility/criterionKeys';
import { CRITERIA, loadCatalogue } from '../../knowledge/eligibility';
import criteriaFile from '../../knowledge/eligibility/data/criteria.json';

/** The criteria table of eligibility-rules.md: level and proof age of each key. */
const FROM_RULES_DOCUMENT = {
  RSA: [1, { months: 3 }],
  ASS: [1, { months: 3 }],
  AAH: [1, { months: 3 }],
  DETLD: [1, { months: 3 }],
  CAP_BEP: [2, { months: 3 }],
  SENIOR: [2, null],
  JEUNE: [2, null],
  ASE: [2, { months: 12 }],
  DELD: [2, { months: 3 }],
  TH: [2, 'valid_at_hiring'],
  PI: [2, { months: 3 }],
  PSH_PR: [2, { months: 3 }],
  REF_DA: [2, 'valid_at_hiring'],
  ZRR: [2, { months: 6 }],
  QPV: [2, { months: 6 }],
  DETENTION_MJ: [2, { months: 6 }],
  FLE: [2, { months: 6 }],
  PM: [2, { months: 6 }],
} as const;

const TEXT_FIELDS = ['label', 'question', 'questionAdviser', 'explain', 'proof'] as const;
const resources = readLocaleResources();

function lookup(tree: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), tree);
}

describe('criteria catalogue (data)', () => {
  it('holds every key of criterionKeys.ts exactly once', () => {
    expect(CRITERIA.map((c) => c.key).sort()).toEqual([...CRITERION_KEYS].sort());
  });

  it.each(Object.entries(FROM_RULES_DOCUMENT))('%s has the level and proof age of the rules document', (key, [level, proofAge]) => {
    const c = CRITERIA.find((x) => x.key === key)!;
    expect(c.level).toBe(level);
    expect(c.proofAge).toEqual(proofAge);
  });

  it.each(['DETENTION_MJ', 'FLE', 'PM'])('%s exists from 2021-09-03', (key) => {
    expect(CRITERIA.find((c) => c.key === key)!.validFrom).toBe('2021-09-03');
  });

  it('the other criteria exist from the earliest supported date and none has ended', () => {
    for (const c of CRITERIA.filter((x) => !['DETENTION_MJ', 'FLE', 'PM'].includes(x.key))) expect(c.validFrom).toBe('2020-12-16');
    expect(CRITERIA.filter((c) => c.validTo !== undefined)).toEqual([]);
  });

  it.each(CRITERIA.map((c) => [c.key, c] as const))('%s has a legal source', (_key, c) => {
    expect(c.source.text.length).toBeGreaterThan(10);
    expect(c.source.reference).toMatch(/arrêté|décret|Code du travail/i);
  });

  it('groups: minima are RSA/ASS/AAH, unemployment DETLD/DELD, age JEUNE/SENIOR; they are asked first', () => {
    const keysOf = (group: string) => CRITERIA.filter((c) => c.group === group).map((c) => c.key).sort();
    expect(keysOf('minima')).toEqual(['AAH', 'ASS', 'RSA']);
    expect(keysOf('unemployment')).toEqual(['DELD', 'DETLD']);
    expect(keysOf('age')).toEqual(['JEUNE', 'SENIOR']);
    expect(CRITERIA.slice(0, 7).map((c) => c.group)).toEqual(['minima', 'minima', 'minima', 'unemployment', 'unemployment', 'age', 'age']);
  });

  it('derived criteria say where they come from', () => {
    const derived = Object.fromEntries(CRITERIA.filter((c) => c.derivedFrom).map((c) => [c.key, c.derivedFrom]));
    expect(derived).toEqual({ JEUNE: 'birthDate', SENIOR: 'birthDate', DELD: 'registration', DETLD: 'registration' });
  });

  describe.each(LOCALES)('texts in %s', (lng) => {
    it.each(CRITERION_KEYS.flatMap((key) => TEXT_FIELDS.map((field) => `criteria.${key}.${field}`)))('%s is written', (path) => {
      const text = lookup(resources[lng].eligibility, path);
      expect(typeof text).toBe('string');
      expect((text as string).trim()).not.toBe('');
    });
  });

  it('French questions are short and plain', () => {
    for (const key of CRITERION_KEYS) {
      const question = lookup(resources.fr.eligibility, `criteria.${key}.question`) as string;
      expect(question.endsWith('?')).toBe(true);
      expect(question.split(/\s+/).length).toBeLessThanOrEqual(14);
    }
  });
});

describe('catalogue loading fails loudly on bad data', () => {
  const good = criteriaFile as { $comment: string; criteria: Array<Record<string, unknown>> };
  const withEntry = (index: number, patch: Record<string, unknown>) => ({
    ...good,
    criteria: good.criteria.map((c, i) => (i === index ? { ...c, ...patch } : c)),
  });

  it('accepts the shipped file', () => {
    expect(loadCatalogue(good)).toHaveLength(18);
  });

  it.each([
    ['a level 3', withEntry(0, { level: 3 })],
    ['an unknown key', withEntry(0, { key: 'LOTTERY' })],
    ['an impossible date', withEntry(0, { validFrom: '2021-02-30' })],
    ['a validTo before validFrom', withEntry(0, { validTo: '2019-01-01' })],
    ['a proof age of 4 months', withEntry(0, { proofAge: { months: 4 } })],
    ['a missing source', withEntry(0, { source: undefined })],
    ['an extra field', withEntry(0, { colour: 'red' })],
    ['a key listed twice', { ...good, criteria: [...good.criteria, good.criteria[0]] }],
    ['a key missing', { ...good, criteria: good.criteria.slice(1) }],
  ])('rejects %s', (_name, data) => {
    expect(() => loadCatalogue(data)).toThrow();
  });
});
