import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileWithCodeCache } from '../../bot/launcher';

/**
 * bot/launcher.ts runs the bundled bot from V8's code cache when the cache is of this very file
 * (test/bot/bundle.test.ts: the built bot uses the build's cache). Here on a small CommonJS file.
 */
let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'launcher-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const source = (answer: number) =>
  `const { join } = require('node:path');\nfunction answer() { return ${answer}; }\nmodule.exports = { answer: answer(), file: __filename, folder: __dirname, joined: join(__dirname, 'x') };\n`;

function runFile(file: string) {
  const compiled = compileWithCodeCache(file);
  // A copy: the file runs in the process's own context, not in jest's.
  return { compiled, exports: JSON.parse(JSON.stringify(compiled.run())) as Record<string, unknown> };
}

it('runs a file as require would, without a cache, then from the cache it wrote', () => {
  const file = join(dir, 'bundle.js');
  writeFileSync(file, source(42));
  const first = runFile(file);
  expect(first.compiled.status).toBe('absent');
  expect(first.exports).toEqual({ answer: 42, file, folder: dir, joined: join(dir, 'x') });
  first.compiled.writeCache();
  const second = runFile(file);
  expect(second.compiled.status).toBe('used');
  expect(second.exports).toEqual(first.exports);
});

it('refuses the cache of another file of the same length (V8 alone checks only the length)', () => {
  const file = join(dir, 'bundle.js');
  writeFileSync(file, source(42));
  runFile(file).compiled.writeCache();
  writeFileSync(file, source(43));
  expect(readFileSync(file, 'utf8').length).toBe(source(42).length);
  const changed = runFile(file);
  expect(changed.compiled.status).toBe('refused');
  expect(changed.exports).toMatchObject({ answer: 43 });
});
