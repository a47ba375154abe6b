import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { projectPath } from '../../knowledge/projectFiles';
import { translator } from '../../locales/i18n';

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
let stderr = '';

beforeAll(async () => {
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
      ]),
    );
  });
});
