// Jest transformer: TypeScript (and kdbush and loadtest, ES modules only) to CommonJS with esbuild, the
// compiler the build already uses (scripts/build.mjs). It only strips types and converts modules,
// as ts-jest did here (tsconfig's isolatedModules made ts-jest transpile file by file): the types
// are checked once, by `npm run typecheck` (tsc --noEmit), before jest runs.
// Each file is compiled with tsconfig.json's compiler options (class fields, module interop).
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');
const esbuild = require('esbuild');

const tsconfigFile = join(__dirname, '..', '..', 'tsconfig.json');
const tsconfig = readFileSync(tsconfigFile, 'utf8');
const { compilerOptions } = JSON.parse(tsconfig);

const options = (sourcePath) => ({
  loader: sourcePath.endsWith('.ts') ? 'ts' : 'js',
  format: 'cjs',
  platform: 'node',
  target: compilerOptions.target.toLowerCase(),
  sourcefile: sourcePath,
  sourcemap: 'external',
  sourcesContent: false,
  tsconfigRaw: { compilerOptions },
  // CommonJS has no import.meta: a module's own URL (loadtest reads its package.json beside it).
  define: { 'import.meta.url': JSON.stringify(pathToFileURL(sourcePath).href) },
});

const configKey = createHash('sha256').update(esbuild.version).update('\0').update(tsconfig).update('\0').update(readFileSync(__filename)).digest('hex');

module.exports = {
  getCacheKey(sourceText, sourcePath) {
    return createHash('sha256').update(configKey).update('\0').update(sourcePath).update('\0').update(sourceText).digest('hex');
  },
  process(sourceText, sourcePath) {
    const { code, map } = esbuild.transformSync(sourceText, options(sourcePath));
    return { code, map };
  },
};
