import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runImport } from '../../scripts/import';
import { openStore } from '../../stores/appStore';
import { openDirectory } from '../../stores/directory';
import { projectPath } from '../../knowledge/projectFiles';
import { describeWithMongo } from '../support/mongo';

const FIXTURES = projectPath('test', 'directory', 'fixtures');
let dataDir: string;
let lines: string[];
const io = () => ({ out: (l: string) => lines.push(l), err: (l: string) => lines.push(`ERR ${l}`) });

beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'guichet-import-'));
  process.env.DATA_DIR = dataDir;
  lines = [];
});
afterEach(() => {
  delete process.env.DATA_DIR;
  rmSync(dataDir, { recursive: true, force: true });
});

/** The import runs against the store the bot would use: here the embedded one in DATA_DIR. */
const savedUri = process.env.MONGODB_URI;
beforeAll(() => delete process.env.MONGODB_URI);
afterAll(() => {
  if (savedUri) process.env.MONGODB_URI = savedUri;
});

async function countInStore(): Promise<number> {
  const store = await openStore({ dataDir, mongodbDb: 'unused' });
  try {
    return await (await openDirectory(store.backend)).count();
  } finally {
    await store.close();
  }
}

describe('npm run import', () => {
  it('loads an ASP CSV, lists rejected lines, and a second run changes nothing', async () => {
    const file = path.join(FIXTURES, 'asp-siae.csv');
    expect(await runImport([file], io())).toBe(0);
    const summary = lines.find((l) => l.startsWith('asp-siae.csv (asp)'))!;
    const valid = Number(/: (\d+) valid/.exec(summary)![1]);
    expect(valid).toBeGreaterThan(0);
    expect(lines.some((l) => /rejected line \d+: /.test(l))).toBe(true);
    expect(lines).toContain(`written to the embedded store: ${valid} inserted, 0 updated, 0 unchanged`);
    lines = [];
    expect(await runImport([file], io())).toBe(0);
    expect(lines).toContain(`written to the embedded store: 0 inserted, 0 updated, ${valid} unchanged`);
    expect(await countInStore()).toBe(valid);
  });

  it('--dry-run writes nothing', async () => {
    expect(await runImport([path.join(FIXTURES, 'data-inclusion.json'), '--dry-run'], io())).toBe(0);
    expect(lines).toContain('dry run: nothing written');
    expect(await countInStore()).toBe(0);
  });

  it('recognises the Les emplois JSON format', async () => {
    expect(await runImport([path.join(FIXTURES, 'emplois', 'page1.json')], io())).toBe(0);
    expect(lines[0]).toMatch(/^page1\.json \(emplois\): \d+ valid/);
  });

  it('--from-emplois fetches pages through the throttled client (recorded responses, no network)', async () => {
    const pages = [readFileSync(path.join(FIXTURES, 'emplois', 'page1.json'), 'utf8'), readFileSync(path.join(FIXTURES, 'emplois', 'page2.json'), 'utf8')];
    const urls: string[] = [];
    const fetchFn = (async (input: string | URL | Request) => {
      urls.push(String(input));
      return new Response(pages[urls.length - 1] ?? '{}', { status: 200, headers: { 'Content-Type': 'application/json' } });
    }) as typeof fetch;
    const code = await runImport(['--from-emplois', '--departement', '972'], { ...io(), fetch: fetchFn });
    expect(code).toBe(0);
    expect(urls[0]).toContain('departement=972');
    expect(lines.some((l) => /inserted/.test(l))).toBe(true);
  });

  it.each([
    [[], 2],
    [['a.csv', 'b.csv'], 2],
    [['--from-emplois', '--departement', 'nope'], 2],
    [['--bogus'], 2],
  ])('bad arguments %j → usage and exit %d', async (argv, code) => {
    expect(await runImport(argv as string[], io())).toBe(code);
    expect(lines.some((l) => l.includes('usage: import'))).toBe(true);
  });

  it('an unreadable or unrecognised file is refused with a reason', async () => {
    expect(await runImport([path.join(dataDir, 'missing.csv')], io())).toBe(1);
    const odd = path.join(dataDir, 'notes.txt');
    writeFileSync(odd, 'hello');
    expect(await runImport([odd], io())).toBe(1);
    expect(lines.join('\n')).toMatch(/cannot tell the format/);
    const broken = path.join(dataDir, 'broken.json');
    writeFileSync(broken, '{"results": [');
    expect(await runImport([broken, '--format', 'emplois'], io())).toBe(1);
  });
});

describeWithMongo('npm run import on MongoDB', (connection) => {
  it('upserts into the MongoDB directory, idempotently', async () => {
    process.env.MONGODB_URI = savedUri;
    process.env.MONGODB_DB = connection().db.databaseName;
    try {
      const file = path.join(FIXTURES, 'asp-siae.csv');
      expect(await runImport([file], io())).toBe(0);
      expect(lines.some((l) => /^written to the mongodb store: [1-9]\d* inserted/.test(l))).toBe(true);
      lines = [];
      expect(await runImport([file], io())).toBe(0);
      expect(lines.some((l) => /^written to the mongodb store: 0 inserted, 0 updated, [1-9]\d* unchanged/.test(l))).toBe(true);
    } finally {
      delete process.env.MONGODB_URI;
      delete process.env.MONGODB_DB;
    }
  });
});
