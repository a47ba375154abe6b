// The build: TypeScript to dist/, then what never changes between builds is computed once (the
// web page's compressed assets, scripts/buildWebAssets.ts; the territory sources reduced to what
// is read, scripts/packTerritory.ts; the understanding's learning, scripts/learnUnderstanding.ts),
// then the bot bundled into one file and V8's code cache of it (bundleBot, writeCodeCache below; the
// code cache's first start also records XRegExp's translations of the recognizers' patterns,
// knowledge/understanding/recognizerPatterns.ts), then a stamp.
//   node scripts/build.mjs             always builds (npm run build)
//   node scripts/build.mjs --if-stale  builds only when a source is newer than the last build (npm start)
// Plain JavaScript: it runs before anything is compiled.
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { createInterface } from 'node:readline';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { asciiRegExpLiterals, firstNonAscii } = createRequire(import.meta.url)('./asciiRegExps.cjs');
const { suiteNamesRead } = createRequire(import.meta.url)('./suiteNamesRead.cjs');
const { routeGetSafeRegExp } = createRequire(import.meta.url)('./recognizerPatterns.cjs');
const stamp = join(root, 'dist', '.build-stamp');
/** What the build reads: the folders tsconfig.build.json includes and the files that change its output. */
const SOURCES = [
  ...JSON.parse(readFileSync(join(root, 'tsconfig.build.json'), 'utf8')).include,
  'tsconfig.json',
  'tsconfig.build.json',
  'package-lock.json',
  // The start script's V8 flags: the code cache the build writes is valid only with them.
  'package.json',
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

// One build at a time in this tree: two test files (or `npm start` and a test) that find the tree
// stale at the same moment would otherwise write dist/ together, and one could read a half-written
// file. The lock is a directory (mkdir is atomic) holding the builder's pid; a lock whose process is
// gone is taken over.
const lock = join(root, 'dist', '.build-lock');
mkdirSync(join(root, 'dist'), { recursive: true });
const pause = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
};
let told = false;
for (;;) {
  try {
    mkdirSync(lock);
    writeFileSync(join(lock, 'pid'), String(process.pid));
    break;
  } catch (error) {
    if (error.code !== 'EEXIST') throw error;
    const pid = Number(existsSync(join(lock, 'pid')) ? readFileSync(join(lock, 'pid'), 'utf8') : NaN);
    const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (Number.isInteger(pid) ? !alive(pid) : age > 60_000) {
      rmSync(lock, { recursive: true, force: true });
      continue;
    }
    if (!told) console.error('Another build of this tree is running: waiting for it…');
    told = true;
    pause(500);
  }
}
const release = () => rmSync(lock, { recursive: true, force: true });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => { release(); process.exit(1); });
// Built by the other process while this one waited.
if (process.argv.includes('--if-stale') && !isStale()) {
  release();
  process.exit(0);
}

/**
 * The bot (what `npm start`, the bench and the tests that start dist/bot/index.js
 * run) in one file, dist/bot/bot.js, holding the bot and its packages (esbuild), from tsc's output:
 * the same modules Node would load (`require` conditions), read and compiled from one file instead
 * of ~1 900 (module loading was ~1.7 s of the start's CPU). The other dist/ files stay as tsc wrote
 * them (scripts, bench, eval; the tests run the sources). Left to Node at run time: the MongoDB
 * driver (loaded only when MONGODB_URI is set), restify's optional dtrace-provider (a native
 * module), `open` (an ES module of @azure/identity's interactive sign-in, never used here). A module
 * of ours that reads a file next to itself (`__dirname`: the packed territory, the learned
 * understanding) gets its own dist/ folder. dist/bot/index.js becomes bot/launcher.ts, which runs
 * bot.js with V8's code cache of it (writeCodeCache below).
 */
async function bundleBot() {
  const { build } = await import('esbuild');
  const botDir = join(root, 'dist', 'bot');
  const distDir = join(root, 'dist') + sep;
  // A module of ours gets its own dist/ folder as `__dirname`; every module has its regular-expression
  // literals written in ASCII (scripts/asciiRegExps.cjs: esbuild escapes every other non-ASCII
  // character, and one left makes V8 hold the whole bundle as a two-byte string, 13 MB more).
  const rewritten = [];
  // The recognizers packages build their regular expressions from XRegExp's translations saved by
  // the build (knowledge/understanding/recognizerPatterns.ts; recorded by the code cache's first start below).
  const patternsModule = join(distDir, 'knowledge', 'understanding', 'recognizerPatterns.js');
  const routed = [];
  const ownDirnameAsciiRegExps = {
    name: 'own-dirname-ascii-regexps',
    setup(builder) {
      builder.onLoad({ filter: /\.[cm]?js$/ }, async (args) => {
        const ours = args.path.startsWith(distDir);
        let text = await readFile(args.path, 'utf8');
        if (/[\\/]@microsoft[\\/]recognizers-text[^\\/]*[\\/]dist[\\/]/.test(args.path)) {
          const route = routeGetSafeRegExp(text, patternsModule);
          if (route.unknown > 0) throw new Error(`${relative(root, args.path)}: RegExpUtility.getSafeRegExp is written otherwise than scripts/recognizerPatterns.cjs expects`);
          if (route.count > 0) routed.push(relative(root, args.path));
          text = route.text;
        }
        const { text: ascii, rewrites } = asciiRegExpLiterals(text);
        if (rewrites.length > 0) rewritten.push({ file: relative(root, args.path).split(sep).join('/'), rewrites });
        if (!ours) return ascii === text && !routed.includes(relative(root, args.path)) ? undefined : { contents: ascii, loader: 'js' };
        if (!ascii.includes('__dirname')) return { contents: ascii, loader: 'js' };
        const folder = JSON.stringify(relative(botDir, dirname(args.path)));
        return { contents: ascii.replace(/\b__dirname\b/g, `require("node:path").join(__dirname, ${folder})`), loader: 'js' };
      });
    },
  };
  // botbuilder-dialogs reads only `Culture`'s locale codes of @microsoft/recognizers-text-suite: the
  // bundle gets scripts/recognizersSuite.cjs in its place (1.4 MB less source), and the build
  // stops if a module reads anything else of it.
  const suiteInPlace = {
    name: 'recognizers-suite-culture',
    setup(builder) {
      builder.onResolve({ filter: /^@microsoft\/recognizers-text-suite$/ }, async (args) => {
        const names = suiteNamesRead(await readFile(args.importer, 'utf8'));
        if (!names || names.some((name) => name !== 'Culture')) {
          throw new Error(`${relative(root, args.importer)} reads ${names ? names.join(', ') : 'more'} of @microsoft/recognizers-text-suite, not only Culture: see scripts/recognizersSuite.cjs`);
        }
        return { path: join(root, 'scripts', 'recognizersSuite.cjs') };
      });
    },
  };
  // A package npm installed more than once at the same version (zod 3.25.76 under five botbuilder
  // packages, semver under two) is bundled once: an import resolved to another copy goes to the
  // first copy in package-lock.json's order, when the file is the same there. Only packages with no
  // dependencies of their own, whose copies cannot resolve anything differently.
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')).packages ?? {};
  const firstCopy = new Map();
  for (const [path, entry] of Object.entries(lock)) {
    const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    const key = `${name}@${entry.version}`;
    if (path.includes('node_modules/') && !firstCopy.has(key)) firstCopy.set(key, join(root, path) + sep);
  }
  const samePackagesOnce = {
    name: 'same-packages-once',
    setup(builder) {
      builder.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.pluginData?.deduping || args.path.startsWith('node:')) return undefined;
        const resolved = await builder.resolve(args.path, { importer: args.importer, resolveDir: args.resolveDir, kind: args.kind, pluginData: { deduping: true } });
        // Unresolved (an optional package left to a try/catch, which esbuild itself lets pass): its own resolution.
        if (resolved.errors.length > 0) return undefined;
        if (resolved.external || !resolved.path.includes(`${sep}node_modules${sep}`)) return resolved;
        const at = resolved.path.lastIndexOf(`${sep}node_modules${sep}`) + `${sep}node_modules${sep}`.length;
        const rest = resolved.path.slice(at).split(sep);
        const packageDir = resolved.path.slice(0, at) + rest.slice(0, rest[0].startsWith('@') ? 2 : 1).join(sep) + sep;
        const manifest = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8'));
        const first = firstCopy.get(`${manifest.name}@${manifest.version}`);
        if (!first || first === packageDir || Object.keys(manifest.dependencies ?? {}).length > 0) return resolved;
        const same = join(first, relative(packageDir, resolved.path));
        if (!existsSync(same) || !(await readFile(same)).equals(await readFile(resolved.path))) return resolved;
        return { ...resolved, path: same };
      });
    },
  };
  rmSync(join(botDir, 'bot.js.cache'), { force: true });
  await build({
    entryPoints: [join(botDir, 'index.js')],
    outfile: join(botDir, 'bot.js'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['mongodb', 'dtrace-provider', 'open'],
    plugins: [suiteInPlace, samePackagesOnce, ownDirnameAsciiRegExps],
    charset: 'ascii',
    // The packages' licence comments (some not ASCII) in dist/bot/bot.js.LEGAL.txt, linked from bot.js.
    legalComments: 'linked',
    // Whitespace and syntax only (names kept, for logs and stack traces): 14 MB instead of 21, which
    // the process holds as source text (RSS after start 317 MB instead of 333). `node
    // --enable-source-maps dist/bot/bot.js` maps a stack trace back to the TypeScript.
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: 'linked',
    logLevel: 'error',
  });
  // What was rewritten, for test/bot/bundle.test.ts (each literal still matches the same text).
  rewritten.sort((a, b) => (a.file < b.file ? -1 : 1));
  writeFileSync(join(botDir, 'bot.js.regexps.json'), `${JSON.stringify(rewritten, null, 1)}\n`);
  const nonAscii = firstNonAscii(readFileSync(join(botDir, 'bot.js'), 'utf8'));
  if (nonAscii) throw new Error(`dist/bot/bot.js holds a non-ASCII character (line ${nonAscii.line}: ${JSON.stringify(nonAscii.around)}): V8 would hold the whole bundle as a two-byte string; write it in ASCII in scripts/asciiRegExps.cjs`);
  copyFileSync(join(botDir, 'launcher.js'), join(botDir, 'index.js'));
  copyFileSync(join(botDir, 'launcher.js.map'), join(botDir, 'index.js.map'));
}

/**
 * V8's code cache of the bundled bot (dist/bot/bot.js.cache): the bot started as `npm start` starts
 * it (its node flags: V8 refuses a cache made with other flags), on the embedded store in a
 * temporary folder, stopped once it listens; it writes the cache as it exits.
 */
async function writeCodeCache(extraEnv = {}) {
  const start = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.start;
  const command = start.split('&&').find((part) => part.includes('dist/bot/index.js')) ?? '';
  const flags = command.split(/\s+/).filter((word) => word.startsWith('--'));
  const dir = mkdtempSync(join(tmpdir(), 'code-cache-'));
  try {
    const child = spawn(process.execPath, [...flags, join(root, 'dist', 'bot', 'index.js')], {
      cwd: dir,
      env: { PATH: process.env.PATH, TZ: process.env.TZ, NODE_ENV: 'development', PORT: '0', HOST: '127.0.0.1', DATA_DIR: join(dir, 'data'), MONGODB_URI: '', LOG_LEVEL: 'info', WRITE_CODE_CACHE: '1', ...extraEnv },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const timer = setTimeout(() => child.kill('SIGKILL'), 180_000);
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.includes('"event":"listening"')) child.kill('SIGTERM');
    });
    const code = await exited;
    clearTimeout(timer);
    if (code !== 0 || !existsSync(join(root, 'dist', 'bot', 'bot.js.cache'))) throw new Error(`the bundled bot did not start and stop cleanly (exit ${code})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const run = (script, args) => execFileSync(process.execPath, [script, ...args], { cwd: root, stdio: 'inherit' });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
try {
  run(tsc, ['-p', 'tsconfig.build.json']);
  run(join(root, 'dist', 'scripts', 'buildWebAssets.js'), []);
  run(join(root, 'dist', 'scripts', 'packTerritory.js'), []);
  run(join(root, 'dist', 'scripts', 'learnUnderstanding.js'), []);
  await bundleBot();
  // Twice: a start compiled from source leaves out of the cache part of what it ran (with the ASCII
  // bundle, 5.8 MB instead of 11 MB, and 300 ms more CPU to listen with it); a start from that cache
  // writes what it held and what it compiled.
  // The first start also records XRegExp's translations of the recognizers' patterns
  // (knowledge/understanding/recognizerPatterns.ts); the second starts from them.
  const patterns = join(root, 'dist', 'knowledge', 'understanding', 'recognizer-patterns.json');
  rmSync(patterns, { force: true });
  await writeCodeCache({ RECORD_RECOGNIZER_PATTERNS: patterns });
  if (!existsSync(patterns)) throw new Error('the bundled bot recorded no translation of the recognizers\' patterns');
  await writeCodeCache();
} catch (error) {
  // tsc and the build steps printed their errors; esbuild and the code cache's start are told here.
  if (!(typeof error === 'object' && error !== null && 'status' in error)) console.error(error instanceof Error ? error.message : error);
  release();
  process.exit(1);
}
writeFileSync(stamp, `${new Date().toISOString()}\n`);
release();
