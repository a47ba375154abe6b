import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * The layers run bot → dialogs → stores → knowledge; `locales/` (the translator) sits with
 * `knowledge/` at the bottom, where every layer may use it. A file may import its own layer and the
 * layers below it, never one above. `knowledge` is pure: no framework, database or server package.
 * The entry points (scripts/, bench/, eval/) may import anything.
 */
const ROOT = resolve(__dirname, '..', '..');
const RANK: Record<string, number> = { knowledge: 0, locales: 0, stores: 1, dialogs: 2, bot: 3 };
const IMPURE_PACKAGES = /^(botbuilder|botframework|restify|mongodb|@seald-io\/nedb|pino)(\/|$)/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** Every module specifier a file imports, re-exports, requires or imports dynamically. */
function specifiersOf(source: string): string[] {
  const found: string[] = [];
  const patterns = [/\bfrom\s+['"]([^'"]+)['"]/g, /\bimport\s+['"]([^'"]+)['"]/g, /\b(?:require|import)\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const pattern of patterns) for (const m of source.matchAll(pattern)) found.push(m[1]!);
  return found;
}

const layerOf = (path: string) => relative(ROOT, path).split(sep)[0]!;

interface Edge {
  file: string;
  target: string;
}

const files = Object.keys(RANK).flatMap((layer) => sourceFiles(join(ROOT, layer)));
const edges: Edge[] = files.flatMap((file) => specifiersOf(readFileSync(file, 'utf8')).map((target) => ({ file, target })));

describe('layers', () => {
  it('reads the source files of every layer', () => {
    for (const layer of Object.keys(RANK)) expect(files.some((f) => layerOf(f) === layer)).toBe(true);
    expect(edges.length).toBeGreaterThan(100);
  });

  it('has no import running upward (bot → dialogs → stores → knowledge)', () => {
    const upward = edges
      .filter((e) => e.target.startsWith('.'))
      .map((e) => ({ from: relative(ROOT, e.file), to: relative(ROOT, resolve(dirname(e.file), e.target)) }))
      .filter(({ from, to }) => {
        const target = to.split(sep)[0]!;
        return target in RANK && RANK[target]! > RANK[from.split(sep)[0]!]!;
      })
      .map(({ from, to }) => `${from} → ${to}`);
    expect(upward).toEqual([]);
  });

  it('keeps knowledge/ pure: no framework, database or server package', () => {
    const impure = edges
      .filter((e) => ['knowledge', 'locales'].includes(layerOf(e.file)) && IMPURE_PACKAGES.test(e.target))
      .map((e) => `${relative(ROOT, e.file)} → ${e.target}`);
    expect(impure).toEqual([]);
  });

  it('catches an upward import when there is one (the check itself works)', () => {
    const sample = "import { x } from '../../bot/config';\nexport { y } from '../dialogs/z';\nconst m = require('../stores/q');";
    expect(specifiersOf(sample)).toEqual(['../../bot/config', '../dialogs/z', '../stores/q']);
  });
});
