import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { projectPath } from '../../knowledge/projectFiles';

/**
 * What the build leaves out of the bundled bot (dist/bot/bot.js, scripts/build.mjs).
 *
 * The bundled bot gets scripts/recognizersSuite.cjs (only `Culture`) in place of
 * @microsoft/recognizers-text-suite, which botbuilder-dialogs requires for its locale codes alone
 * (scripts/build.mjs). The codes it reads are the suite's; the build refuses a module that reads
 * more of it (scripts/suiteNamesRead.cjs).
 */
// Plain CommonJS, as the build requires them.
const { suiteNamesRead } = require(projectPath('scripts', 'suiteNamesRead.cjs')) as { suiteNamesRead: (text: string) => string[] | undefined };
const shim = require(projectPath('scripts', 'recognizersSuite.cjs')) as { Culture: Record<string, unknown> };
const dialogsLib = join(dirname(require.resolve('botbuilder-dialogs/package.json')), 'lib');

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? jsFiles(join(dir, entry.name)) : entry.name.endsWith('.js') ? [join(dir, entry.name)] : [],
  );
}

jest.setTimeout(300_000);

beforeAll(() => {
  execFileSync(process.execPath, [projectPath('scripts', 'build.mjs'), '--if-stale'], { cwd: projectPath(), stdio: 'pipe' });
});

describe('@microsoft/recognizers-text-suite in the bundle (scripts/recognizersSuite.cjs)', () => {
  const requiring = jsFiles(dialogsLib)
    .map((file) => ({ file, text: readFileSync(file, 'utf8') }))
    .filter(({ text }) => text.includes('@microsoft/recognizers-text-suite'));

  it('botbuilder-dialogs reads only Culture of the suite', () => {
    expect(requiring.map(({ file }) => file.slice(dialogsLib.length + 1))).toEqual(['prompts/promptCultureModels.js']);
    for (const { text } of requiring) expect(suiteNamesRead(text)).toEqual(['Culture']);
  });

  it('gives the locale codes the suite gives', () => {
    // The suite itself, required by the test only (the bot never loads it).
    const suite = require('@microsoft/recognizers-text-suite') as { Culture: Record<string, unknown> };
    for (const { text } of requiring) {
      const codes = [...new Set([...text.matchAll(/\.Culture\.(\w+)/g)].map((m) => m[1]!))];
      expect(codes.length).toBeGreaterThan(5);
      for (const code of codes) {
        expect(typeof suite.Culture[code]).toBe('string');
        expect(shim.Culture[code]).toBe(suite.Culture[code]);
      }
    }
  });

  it('reads the names a module reads, and refuses any other use', () => {
    const req = 'const s_1 = require("@microsoft/recognizers-text-suite");\n';
    expect(suiteNamesRead(`${req}const a = s_1.Culture.French; const b = s_1.Culture.English;`)).toEqual(['Culture']);
    expect(suiteNamesRead(`${req}s_1.recognizeNumber('2', s_1.Culture.French);`)).toEqual(['Culture', 'recognizeNumber']);
    expect(suiteNamesRead(`${req}f(s_1);`)).toBeUndefined();
    expect(suiteNamesRead(`${req}s_1['Culture'];`)).toBeUndefined();
    expect(suiteNamesRead(`const { Culture } = require("@microsoft/recognizers-text-suite");`)).toBeUndefined();
    expect(suiteNamesRead(`${req}const again = require('@microsoft/recognizers-text-suite');`)).toBeUndefined();
  });

  it('is not in the bundle', () => {
    const map = JSON.parse(readFileSync(projectPath('dist', 'bot', 'bot.js.map'), 'utf8')) as { sources: string[] };
    expect(map.sources.some((source) => source.includes('recognizers-text-suite'))).toBe(false);
    expect(map.sources.some((source) => source.endsWith('scripts/recognizersSuite.cjs'))).toBe(true);
  });
});

describe('a package installed more than once at one version', () => {
  it('is bundled once (those with no dependencies of their own: zod 3 under five botbuilder packages)', () => {
    const map = JSON.parse(readFileSync(projectPath('dist', 'bot', 'bot.js.map'), 'utf8')) as { sources: string[] };
    const copies = new Map<string, Set<string>>();
    for (const source of map.sources) {
      const path = resolve(projectPath('dist', 'bot'), source);
      const at = path.lastIndexOf('/node_modules/');
      if (at < 0) continue;
      const rest = path.slice(at + '/node_modules/'.length).split('/');
      const packageDir = path.slice(0, at + '/node_modules/'.length) + rest.slice(0, rest[0]!.startsWith('@') ? 2 : 1).join('/');
      let manifest: { name: string; version: string; dependencies?: Record<string, string> };
      try {
        manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as typeof manifest;
      } catch {
        continue; // a folder of a package's own, not a package
      }
      if (Object.keys(manifest.dependencies ?? {}).length > 0) continue;
      const key = `${manifest.name}@${manifest.version}`;
      if (!copies.has(key)) copies.set(key, new Set());
      copies.get(key)!.add(packageDir);
    }
    expect([...copies].filter(([, dirs]) => dirs.size > 1)).toEqual([]);
    expect(copies.get('zod@3.25.76')?.size).toBe(1);
  });
});
