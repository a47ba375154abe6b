import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LOCALES, readLocaleResources } from '../../locales/i18n';

/**
 * Every namespace of locales/: French and English have the same keys, and every key is used by the
 * code (a key nobody reads is a text nobody checks). Plural forms (`_one`, `_other`, `_zero`…) are
 * compared by their base key, since each language has its own set of forms.
 */
const ROOT = resolve(__dirname, '..', '..');
const resources = readLocaleResources();
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
/** The « français facile » variant of a key (i18next context `easy`, see locales/i18n.ts). */
const EASY_SUFFIX = /_easy$/;
/** The adviser's variant of a key (i18next context `adviser`: the third person, see knowledge/eligibility/describe.ts). */
const ADVISER_SUFFIX = /_adviser$/;

/**
 * Subtrees looked up from data rather than written in code: the key under them is an id that a data
 * file holds (e.g. `faq:entries.<entry id>` from knowledge/faq/entries.json).
 */
const DATA_DRIVEN = ['faq:entries', 'faq:topics'];

function leafKeys(tree: unknown, prefix = ''): string[] {
  if (Array.isArray(tree)) return [prefix];
  if (!tree || typeof tree !== 'object') return [prefix];
  return Object.entries(tree as Record<string, unknown>).flatMap(([k, v]) => leafKeys(v, prefix ? `${prefix}.${k}` : k));
}

const baseKeys = (tree: unknown) => [...new Set(leafKeys(tree).map((k) => k.replace(PLURAL_SUFFIX, '').replace(EASY_SUFFIX, '').replace(ADVISER_SUFFIX, '')))].sort();

const namespaces = [...new Set(LOCALES.flatMap((lng) => Object.keys(resources[lng])))].sort();

/** Source and data files of the app (not tests, not the locale files). */
function appText(): string {
  // The folders the build compiles (tsconfig.build.json), without the locale files themselves.
  const folders: string[] = JSON.parse(readFileSync(join(ROOT, 'tsconfig.build.json'), 'utf8')).include;
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', ...folders], { cwd: ROOT })
    .toString()
    .split('\n')
    .filter((f) => /\.(ts|json|js|html)$/.test(f) && !f.startsWith('locales/'));
  return files.map((f) => readFileSync(join(ROOT, f), 'utf8')).join('\n');
}

describe('locale files', () => {
  it('has the same namespaces in every language', () => {
    for (const lng of LOCALES) expect(readdirSync(join(ROOT, 'locales', lng)).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort()).toEqual(namespaces);
  });

  test.each(namespaces)('%s: fr and en have the same keys', (ns) => {
    expect(baseKeys(resources.en[ns])).toEqual(baseKeys(resources.fr[ns]));
  });

  test.each(namespaces)('%s: every easy variant has its usual key', (ns) => {
    for (const lng of LOCALES) {
      const usual = new Set(leafKeys(resources[lng][ns]).map((k) => k.replace(PLURAL_SUFFIX, '')).filter((k) => !EASY_SUFFIX.test(k)));
      const orphans = leafKeys(resources[lng][ns])
        .map((k) => k.replace(PLURAL_SUFFIX, ''))
        .filter((k) => EASY_SUFFIX.test(k) && !usual.has(k.replace(EASY_SUFFIX, '')));
      expect(orphans).toEqual([]);
    }
  });

  it('uses every key somewhere in the code', () => {
    const code = appText();
    // `t(\`ns:some.prefix.${x}\`)`: every key under that prefix may be read.
    const dynamicPrefixes = [...code.matchAll(/['"`]([a-zA-Z]+:[\w.-]*)\$\{/g)].map((m) => m[1]!);
    const strings = new Set([...code.matchAll(/(['"`])([^'"`\n]{1,200})\1/g)].map((m) => m[2]!));
    const quoted = (s: string) => strings.has(s);
    const unused = namespaces.flatMap((ns) =>
      baseKeys(resources.fr[ns]).filter((key) => {
        const full = `${ns}:${key}`;
        if (code.includes(full)) return false;
        const parts = key.split('.');
        // A parent read whole (returnObjects) or a key passed without its namespace.
        if (parts.some((_, i) => quoted(`${ns}:${parts.slice(0, i + 1).join('.')}`))) return false;
        if (quoted(key)) return false;
        if (dynamicPrefixes.some((p) => full.startsWith(p))) return false;
        const subtree = DATA_DRIVEN.find((d) => full.startsWith(`${d}.`));
        return !(subtree && parts[1] !== undefined && quoted(parts[1]));
      }).map((key) => `${ns}:${key}`),
    );
    expect(unused).toEqual([]);
  });
});
