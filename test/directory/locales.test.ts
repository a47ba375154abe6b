import { LOCALES, readLocaleResources } from '../../locales/i18n';
import { STRUCTURE_KINDS } from '../../knowledge/directory/kinds';

const resources = readLocaleResources();

function lookup(tree: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), tree);
}

function keysOf(tree: unknown, prefix = ''): string[] {
  if (!tree || typeof tree !== 'object') return [prefix];
  return Object.entries(tree as Record<string, unknown>).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

describe('directory vocabulary (locales/*/directory.json)', () => {
  const cases = LOCALES.flatMap((lng) => STRUCTURE_KINDS.flatMap((kind) => (['name', 'short', 'explain'] as const).map((field) => ({ lng, kind, field }))));
  test.each(cases)('$lng: kinds.$kind.$field', ({ lng, kind, field }) => {
    const value = lookup(resources[lng].directory, `kinds.${kind}.${field}`);
    expect(typeof value).toBe('string');
    expect((value as string).trim().length).toBeGreaterThan(1);
  });

  test('explanations are short: two plain sentences at most (each of 20 words at most, see test/faq/wording.test.ts)', () => {
    for (const lng of LOCALES) {
      for (const kind of STRUCTURE_KINDS) {
        const explain = lookup(resources[lng].directory, `kinds.${kind}.explain`) as string;
        expect(explain.length).toBeLessThanOrEqual(170);
        expect(explain).toMatch(/\.$/);
        expect(explain.slice(0, -1).split(/[.!?] /).length).toBeLessThanOrEqual(2);
      }
    }
  });

  test('no kind outside kinds.ts', () => {
    for (const lng of LOCALES) expect(Object.keys(lookup(resources[lng].directory, 'kinds') as object).sort()).toEqual([...STRUCTURE_KINDS].sort());
  });

  test('the demo notice', () => {
    expect(lookup(resources.fr.directory, 'demoNotice')).toBe('Exemple : cette structure est fictive.');
    expect(lookup(resources.en.directory, 'demoNotice')).toMatch(/fictitious/);
  });
});
