import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { projectPath } from '../../knowledge/projectFiles';

/**
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
    execFileSync(process.execPath, [projectPath('scripts', 'build.mjs'), '--if-stale'], { cwd: projectPath(), stdio: 'pipe' });
    const map = JSON.parse(readFileSync(projectPath('dist', 'bot', 'bot.js.map'), 'utf8')) as { sources: string[] };
    expect(map.sources.some((source) => source.includes('recognizers-text-suite'))).toBe(false);
    expect(map.sources.some((source) => source.endsWith('scripts/recognizersSuite.cjs'))).toBe(true);
  });
});
