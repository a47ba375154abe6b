import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { projectPath } from '../../knowledge/projectFiles';
import { describeWithMongo, mongoUri } from '../support/mongo';

/**
 * The MongoDB driver (and its BSON buffers) is loaded only when MongoDB is configured (issue 15):
 * the compiled bot, started as `npm start` starts it, with a `--require` hook that writes the
 * modules it has loaded when the process exits.
 */
let dir: string;
let hook: string;

beforeAll(() => {
  execFileSync(process.execPath, [projectPath('scripts', 'build.mjs'), '--if-stale'], { cwd: projectPath(), stdio: 'pipe' });
  dir = mkdtempSync(join(tmpdir(), 'lazy-driver-'));
  hook = join(dir, 'loadedModules.js');
  writeFileSync(
    hook,
    "process.on('exit', () => require('node:fs').writeFileSync(process.env.LOADED_MODULES_FILE, JSON.stringify(Object.keys(require.cache))));\n",
  );
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts the bot, waits until the recognizers are warmed (the start is over), stops it; returns the modules it loaded. */
async function modulesLoadedByTheBot(env: NodeJS.ProcessEnv, name: string): Promise<string[]> {
  const out = join(dir, `${name}.json`);
  const child = spawn(process.execPath, ['--require', hook, '--disable-warning=DEP0111', projectPath('dist', 'bot', 'index.js')], {
    cwd: projectPath(),
    env: { PATH: process.env.PATH, TZ: process.env.TZ, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', LOADED_MODULES_FILE: out, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += String(chunk)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the bot did not warm up in 90 s: ${stderr}`)), 90_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.includes('"event":"recognizers_warmed"')) {
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the bot exited (${code}): ${stderr}`));
    });
  });
  child.kill('SIGTERM');
  await exited;
  return JSON.parse(readFileSync(out, 'utf8')) as string[];
}

const isDriver = (path: string) => /[\\/]node_modules[\\/](mongodb|bson)[\\/]/.test(path);

describe('the MongoDB driver on the embedded store', () => {
  it('is never loaded', async () => {
    const modules = await modulesLoadedByTheBot({ DATA_DIR: join(dir, 'data') }, 'embedded');
    // The hook saw the bot (one bundled file, test/bot/bundle.test.ts, which leaves the driver to Node: the test below), so an empty answer is not a pass.
    expect(modules).toContain(projectPath('dist', 'bot', 'index.js'));
    expect(modules.filter(isDriver)).toEqual([]);
  }, 120_000);
});

describeWithMongo('the MongoDB driver with MongoDB configured', (connection) => {
  it('is loaded', async () => {
    const modules = await modulesLoadedByTheBot({ MONGODB_URI: mongoUri, MONGODB_DB: connection().db.databaseName }, 'mongodb');
    expect(modules.filter(isDriver).length).toBeGreaterThan(0);
  }, 120_000);
});
