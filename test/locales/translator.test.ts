import { getI18n, LOCALES, readLocaleResources, translator, WORDINGS } from '../../locales/i18n';

/**
 * `translator` remembers the texts of a key alone and calls `i18n.t` directly with options (issue 15,
 * throughput): every key of every namespace, in both languages and both wordings, alone and with
 * options (count, interpolation, a default value), gives what i18next's own `getFixedT` gives, on a
 * first call and again.
 */

function leaves(tree: unknown, prefix = ''): string[] {
  if (!tree || typeof tree !== 'object' || Array.isArray(tree)) return [prefix];
  return Object.entries(tree as Record<string, unknown>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

const resources = readLocaleResources();
const keys = [
  ...new Set(Object.entries(resources.fr).flatMap(([ns, tree]) => leaves(tree).map((key) => `${ns}:${key.replace(/_(zero|one|two|few|many|other|easy|adviser)+$/, '')}`))),
  'common:no.such.key',
];
const optionSets: Array<Record<string, unknown>> = [{ count: 0 }, { count: 1 }, { count: 3, of: 'du Lamentin', name: 'Lucie', n: 2 }, { returnObjects: true }];

test.each(LOCALES.flatMap((locale) => WORDINGS.map((wording) => [locale, wording] as const)))('translator(%s, %s) gives the texts of getFixedT', (locale, wording) => {
  const fixed = getI18n().getFixedT(locale);
  const expected = (key: string, options?: Record<string, unknown>) =>
    wording === 'easy' ? fixed(key, { context: 'easy', ...options }) : options ? fixed(key, options) : fixed(key);
  const t = translator(locale, wording);
  expect(keys.length).toBeGreaterThan(500);
  for (let pass = 0; pass < 2; pass++) {
    for (const key of keys) {
      expect(t(key)).toEqual(expected(key));
      for (const options of optionSets) expect(t(key, options)).toEqual(expected(key, options));
    }
  }
  expect(t('common:no.such.key', 'défaut')).toEqual(wording === 'easy' ? fixed('common:no.such.key', 'défaut', { context: 'easy' }) : fixed('common:no.such.key', 'défaut'));
  expect(t(['common:no.such.key', 'common:menu.prompt'])).toEqual(expected('common:menu.prompt'));
});
