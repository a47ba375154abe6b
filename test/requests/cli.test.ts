import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseAdvisersArgs, runAdvisers } from '../../scripts/advisers';
import { parsePurgeArgs, runPurge } from '../../scripts/purge';

const TENANT = 'aaaaaaaa-0000-4000-8000-000000000001';
const OBJECT = 'bbbbbbbb-0000-4000-8000-000000000002';

describe('advisers and purge command lines', () => {
  const saved = { DATA_DIR: process.env.DATA_DIR, MONGODB_URI: process.env.MONGODB_URI };
  const dir = mkdtempSync(path.join(tmpdir(), 'guichet-cli-'));
  beforeAll(() => {
    process.env.DATA_DIR = dir;
    delete process.env.MONGODB_URI;
  });
  afterAll(() => {
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
    else process.env[k] = v;
    rmSync(dir, { recursive: true, force: true });
  });

  it('parse and validate arguments', () => {
    expect(parseAdvisersArgs(['add', TENANT, OBJECT, 'demo:972-ft-01', '--name', 'Test'])).toEqual({
      command: 'add', tenantId: TENANT, aadObjectId: OBJECT, organisationId: 'demo:972-ft-01', name: 'Test',
    });
    expect(parseAdvisersArgs(['list'])).toEqual({ command: 'list' });
    expect(() => parseAdvisersArgs(['add', 'x', OBJECT, 'demo:972-ft-01'])).toThrow(/tenantId/);
    expect(() => parseAdvisersArgs(['remove', TENANT])).toThrow(/2 argument/);
    expect(() => parseAdvisersArgs([])).toThrow(/command/);
    expect(parsePurgeArgs(['--dry-run'])).toEqual({ dryRun: true });
    expect(() => parsePurgeArgs(['now'])).toThrow();
  });

  it('add, list and remove advisers on the embedded store, printing no names', async () => {
    const out: string[] = [];
    const err: string[] = [];
    expect(await runAdvisers(['add', TENANT, OBJECT, 'demo:972-ft-01', '--name', 'Jeanne Secret'], (l) => out.push(l), (l) => err.push(l))).toBe(0);
    expect(await runAdvisers(['list'], (l) => out.push(l))).toBe(0);
    expect(out).toContain('advisers: 1');
    expect(await runAdvisers(['remove', TENANT, OBJECT], (l) => out.push(l))).toBe(0);
    expect(await runAdvisers(['remove', TENANT, OBJECT], (l) => out.push(l))).toBe(1);
    expect(await runAdvisers(['frobnicate'], (l) => out.push(l), (l) => err.push(l))).toBe(2);
    expect(err.join('\n')).toMatch(/usage/);
    expect(out.join('\n')).not.toContain('Secret');
  });

  it('purge prints counts', async () => {
    const out: string[] = [];
    expect(await runPurge(['--dry-run'], (l) => out.push(l))).toBe(0);
    expect(await runPurge([], (l) => out.push(l))).toBe(0);
    expect(out[0]).toBe('requests would delete: 0');
    expect(out).toContain('requests deleted: 0');
    expect(await runPurge(['--bogus'], () => undefined, () => undefined)).toBe(2);
  });
});
