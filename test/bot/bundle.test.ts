import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { projectPath } from '../../knowledge/projectFiles';
import { translator } from '../../locales/i18n';
import { understand } from '../../knowledge/understanding/understand';

/**
 * `npm start` runs dist/bot/index.js, which the build makes bot/launcher.ts running dist/bot/bot.js,
 * one file holding the bot and its packages (esbuild, scripts/build.mjs), from V8's code cache of it.
 * Started as `npm start` starts it, the bot uses that cache, loads no other module of dist/ and no
 * bundled package from node_modules, finds the files the build put next to the modules that read
 * them (the packed territory, the learned understanding), and answers a turn and a place search. A
 * `--require` hook writes the modules loaded and the files read when the process exits.
 */
const fr = translator('fr');
let dir: string;
let hook: string;
let child: ChildProcess;
let baseUrl: string;
let listening: { port?: number; codeCache?: string };
let recognizersWarmed: { patterns?: { saved: number; translated: number } } | undefined;
let stderr = '';
/** Messages whose understanding reads numbers, ages, dates and durations (the recognizers). */
const UNDERSTOOD: Array<[string, 'fr' | 'en']> = [
  ["j'ai cinquante-quatre ans, au RSA depuis trente mois", 'fr'],
  ['je suis né le 3 mars 1990, inscrit à France Travail depuis le 1er janvier 2024', 'fr'],
  ['le deuxième, dans un rayon de 20 km', 'fr'],
  ['I am fifty four years old, unemployed for two years', 'en'],
  ['born on March 3rd 1990, registered since January 2024', 'en'],
];
/** What the sources (their recognizers ask XRegExp) understand of them. */
let freshUnderstood: Array<[string, unknown]>;

beforeAll(async () => {
  // Before the bot starts: the first call compiles the recognizers for seconds, while the bot would close an idle connection.
  freshUnderstood = UNDERSTOOD.map(([text, locale]) => {
    const { intent, slots, confidence } = understand(text, locale);
    return [text, JSON.parse(JSON.stringify({ intent, slots, confidence })) as unknown];
  });
  execFileSync(process.execPath, [projectPath('scripts', 'build.mjs'), '--if-stale'], { cwd: projectPath(), stdio: 'pipe' });
  dir = mkdtempSync(join(tmpdir(), 'bundle-'));
  hook = join(dir, 'hook.js');
  writeFileSync(
    hook,
    [
      "const fs = require('node:fs');",
      'const read = new Set();',
      'const readFileSync = fs.readFileSync;',
      "fs.readFileSync = function (file, ...rest) { if (typeof file === 'string') read.add(file); return readFileSync.call(this, file, ...rest); };",
      "process.on('exit', () => fs.writeFileSync(process.env.SEEN_FILE, JSON.stringify({ modules: Object.keys(require.cache), read: [...read] })));",
      '',
    ].join('\n'),
  );
  const start = (JSON.parse(readFileSync(projectPath('package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.start!;
  const flags = start.split('&&').find((part) => part.includes('dist/bot/index.js'))!.split(/\s+/).filter((word) => word.startsWith('--'));
  child = spawn(process.execPath, ['--require', hook, ...flags, projectPath('dist', 'bot', 'index.js')], {
    cwd: projectPath(),
    env: { PATH: process.env.PATH, TZ: process.env.TZ, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', DATA_DIR: join(dir, 'data'), SEEN_FILE: join(dir, 'seen.json') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr!.on('data', (chunk: Buffer) => (stderr += String(chunk)));
  listening = await new Promise<typeof listening>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the bot did not start in 90 s: ${stderr}`)), 90_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      try {
        const entry = JSON.parse(line) as { event?: string } & typeof listening;
        if (entry.event === 'recognizers_warmed') recognizersWarmed = entry as typeof recognizersWarmed;
        if (entry.event === 'listening' && entry.port) {
          clearTimeout(timer);
          resolve(entry);
        }
      } catch {
        // not a log line
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the bot exited (${code}): ${stderr}`));
    });
  });
  baseUrl = `http://127.0.0.1:${listening.port}`;
}, 180_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('the bundled bot (dist/bot/index.js)', () => {
  it('is ready, started from the code cache the build wrote', async () => {
    const res = await fetch(`${baseUrl}/readyz`);
    expect(res.status).toBe(200);
    expect(listening.codeCache).toBe('used');
  });

  it('built every expression of the recognizers from the translations the build saved (knowledge/understanding/recognizerPatterns.ts)', () => {
    expect(recognizersWarmed?.patterns?.translated).toBe(0);
    expect(recognizersWarmed?.patterns?.saved).toBeGreaterThan(1000);
  });

  it('answers a turn', async () => {
    const res = await fetch(`${baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        text: 'aide',
        channelId: 'emulator',
        serviceUrl: 'http://127.0.0.1:9/unused',
        from: { id: 'user-1' },
        recipient: { id: 'bot' },
        conversation: { id: 'bundle-1' },
        locale: 'fr-FR',
        deliveryMode: 'expectReplies',
      }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { activities: Array<{ text?: string }> };
    expect(body.activities.map((a) => a.text ?? '').join('\n')).toContain(fr('common:help.commands'));
  });

  it('understands numbers, ages, dates and durations as the sources do, whose recognizers ask XRegExp', async () => {
    const fresh = freshUnderstood;
    // Ages, a birth date, a registration length and a radius read, in both languages.
    expect(JSON.stringify(fresh)).toEqual(expect.stringContaining('"age":54'));
    expect(JSON.stringify(fresh)).toEqual(expect.stringContaining('"birthDate":"1990-03-03"'));
    expect(JSON.stringify(fresh)).toEqual(expect.stringContaining('"registrationMonths":24'));
    for (const [i, [text, locale]] of UNDERSTOOD.entries()) {
      const res = await fetch(`${baseUrl}/api/v1/understand`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text, locale }) });
      expect(res.status).toBe(200);
      expect([text, await res.json()]).toEqual(fresh[i]);
    }
  });

  it('finds a place, and a misspelt one', async () => {
    for (const q of ['le lamentin', 'le lamantin']) {
      const res = await fetch(`${baseUrl}/api/v1/places?q=${encodeURIComponent(q)}`);
      const body = (await res.json()) as { status: string; places: Array<{ code: string }> };
      expect(res.status).toBe(200);
      expect(body.places[0]).toMatchObject({ code: '97213' });
    }
  });

  it('is one file (and its launcher), and reads the files the build put beside the modules', async () => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    const seen = JSON.parse(readFileSync(join(dir, 'seen.json'), 'utf8')) as { modules: string[]; read: string[] };
    const dist = projectPath('dist') + '/';
    expect(seen.modules.filter((path) => path.startsWith(dist))).toEqual([projectPath('dist', 'bot', 'index.js')]);
    // Left to Node: restify's optional dtrace-provider only (the MongoDB driver is not loaded on the embedded store).
    const packages = seen.modules.filter((path) => path.includes('/node_modules/')).map((path) => path.split('/node_modules/')[1]!.split('/')[0]);
    expect([...new Set(packages)]).toEqual(['dtrace-provider']);
    expect(seen.read).toEqual(
      expect.arrayContaining([
        projectPath('dist', 'bot', 'bot.js'),
        projectPath('dist', 'knowledge', 'territory', 'territory-sources.json'),
        projectPath('dist', 'knowledge', 'territory', 'name-index.json'),
        projectPath('dist', 'knowledge', 'understanding', 'learned.json'),
        projectPath('dist', 'knowledge', 'understanding', 'recognizer-patterns.json'),
      ]),
    );
  });
});

// scripts/asciiRegExps.cjs, plain CommonJS (the build runs it before anything is compiled).
const { asciiRegExpLiteral, asciiRegExpLiterals, firstNonAscii } = require(projectPath('scripts', 'asciiRegExps.cjs')) as {
  asciiRegExpLiteral: (raw: string, flags: string) => string;
  asciiRegExpLiterals: (text: string) => { text: string; rewrites: Array<[string, string]> };
  firstNonAscii: (text: string) => { line: number; around: string } | undefined;
};

/** A regular-expression literal's value. */
const literal = (raw: string) => new Function(`return ${raw};`)() as RegExp;

/** Every match of `re` in `text` (index and groups), global or not. */
function matches(re: RegExp, text: string): unknown[] {
  const global = new RegExp(re.source, re.flags.includes('g') ? re.flags.replace('y', '') : `${re.flags.replace('y', '')}g`);
  return Array.from(text.matchAll(global), (m) => [m.index, ...m, m.groups]);
}

/** Texts to try a literal on: its non-ASCII characters alone, together and inside words, its own text, common text. */
function probes(raw: string): string[] {
  const wide = [...new Set(Array.from(raw).filter((c) => c.codePointAt(0)! > 0x7f))];
  const out = [raw, raw.toUpperCase(), wide.join(''), `a${wide.join(' b')}c`, 'Saint-Étienne Île-de-France où ça ０１２ ２０２４年 😀😀 aide', ...wide, ...wide.map((c) => `x${c}${c.toUpperCase()}y`)];
  return out;
}

function expectSameMatches(before: string, after: string): void {
  expect(firstNonAscii(after)).toBeUndefined();
  const a = literal(before);
  const b = literal(after);
  expect(b.flags).toBe(a.flags);
  for (const text of probes(before)) expect([after, text, matches(b, text)]).toEqual([after, text, matches(a, text)]);
}

describe('the bundle written in ASCII (scripts/asciiRegExps.cjs)', () => {
  it('holds no non-ASCII character, so V8 keeps its source as a one-byte string', () => {
    expect(firstNonAscii(readFileSync(projectPath('dist', 'bot', 'bot.js'), 'utf8'))).toBeUndefined();
  });

  it('escapes a literal so that it matches the same text: classes, escaped characters, astral characters, with and without u', () => {
    const cases: Array<[string, string]> = [
      ['/á/g', '/\\u00e1/g'],
      ['/[aeiouyhâéèêîôû]/i', '/[aeiouyh\\u00e2\\u00e9\\u00e8\\u00ea\\u00ee\\u00f4\\u00fb]/i'],
      ['/\\é/', '/\\u00e9/'],
      ['/\\\\é/', '/\\\\\\u00e9/'],
      ['/０+/g', '/\\uff10+/g'],
      ['/😀+/', '/\\ud83d\\ude00+/'],
      ['/😀+/u', '/\\u{1f600}+/u'],
      ['/[😀é]/u', '/[\\u{1f600}\\u00e9]/u'],
      ['/[😀é]/', '/[\\ud83d\\ude00\\u00e9]/'],
      ['/(?<année>\\d{4})-é/', '/(?<ann\\u00e9e>\\d{4})-\\u00e9/'],
      ['/[\\p{L}--[é]]/v', '/[\\p{L}--[\\u00e9]]/v'],
    ];
    for (const [before, after] of cases) {
      const flags = before.slice(before.lastIndexOf('/') + 1);
      expect(asciiRegExpLiteral(before, flags)).toBe(after);
      expectSameMatches(before, after);
    }
  });

  it('finds literals with a parser: a division, a string or a comment holding a slash is left alone', () => {
    const source = 'const a = 4 / 2; const s = "/é/"; // /é/\nconst r = /é/g.test(s) ? a / 1 : /[àé]/i; export {};';
    const { text, rewrites } = asciiRegExpLiterals(source);
    expect(rewrites).toEqual([
      ['/é/g', '/\\u00e9/g'],
      ['/[àé]/i', '/[\\u00e0\\u00e9]/i'],
    ]);
    expect(text).toBe('const a = 4 / 2; const s = "/é/"; // /é/\nconst r = /\\u00e9/g.test(s) ? a / 1 : /[\\u00e0\\u00e9]/i; export {};');
  });

  it('rewrote, in the files bundled, literals that match the same text as before', () => {
    const rewritten = JSON.parse(readFileSync(projectPath('dist', 'bot', 'bot.js.regexps.json'), 'utf8')) as Array<{ file: string; rewrites: Array<[string, string]> }>;
    expect(rewritten.some((r) => r.file.includes('@microsoft/recognizers-text'))).toBe(true);
    expect(rewritten.some((r) => r.file.startsWith('dist/knowledge/'))).toBe(true);
    let count = 0;
    for (const { file, rewrites } of rewritten) {
      // The record is what the build would do to the file now.
      expect(asciiRegExpLiterals(readFileSync(projectPath(file), 'utf8')).rewrites).toEqual(rewrites);
      for (const [before, after] of rewrites) {
        expectSameMatches(before, after);
        count++;
      }
    }
    expect(count).toBeGreaterThan(100);
  });
});
