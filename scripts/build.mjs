// The build: TypeScript to dist/, then what never changes between builds is computed once (the
// web page's compressed assets, scripts/buildWebAssets.ts; the territory sources reduced to what
// is read, scripts/packTerritory.ts; the understanding's learning, scripts/learnUnderstanding.ts),
// then a stamp.
//   node scripts/build.mjs             always builds (npm run build)
//   node scripts/build.mjs --if-stale  builds only when a source is newer than the last build (npm start)
// Plain JavaScript: it runs before anything is compiled.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'dist', '.build-stamp');
/** What the build reads: the folders tsconfig.build.json includes and the files that change its output. */
const SOURCES = [
  ...JSON.parse(readFileSync(join(root, 'tsconfig.build.json'), 'utf8')).include,
  'tsconfig.json',
  'tsconfig.build.json',
  'package-lock.json',
];

function newestChange(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, name)));
  return newest;
}

function isStale() {
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  return SOURCES.some((source) => newestChange(join(root, source)) > built);
}

if (process.argv.includes('--if-stale') && !isStale()) process.exit(0);

const run = (script, args) => execFileSync(process.execPath, [script, ...args], { cwd: root, stdio: 'inherit' });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
try {
  run(tsc, ['-p', 'tsconfig.build.json']);
  run(join(root, 'dist', 'scripts', 'buildWebAssets.js'), []);
  run(join(root, 'dist', 'scripts', 'packTerritory.js'), []);
  run(join(root, 'dist', 'scripts', 'learnUnderstanding.js'), []);
} catch {
  process.exit(1);
}
writeFileSync(stamp, `${new Date().toISOString()}\n`);
