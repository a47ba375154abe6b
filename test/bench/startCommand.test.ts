import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BOT_NODE_FLAGS, BOT_START_ENV } from '../../bench/turns';

describe("the bench starts the bot as `npm start` does", () => {
  const start = (JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.start!;
  const command = start.split('&&').map((part) => part.trim()).find((part) => part.includes('dist/bot/index.js'))!;

  it("gives it npm start's node flags", () => {
    for (const flag of BOT_NODE_FLAGS) expect(command.split(/\s+/)).toContain(flag);
    expect(BOT_NODE_FLAGS).toContain('--no-regexp-tier-up');
  });

  it("gives it the environment npm start sets before node, and nothing else", () => {
    const before = command.slice(0, command.indexOf('node ')).trim();
    const expected = Object.fromEntries(before.split(/\s+/).filter(Boolean).map((word) => word.split('=', 2) as [string, string]));
    expect(BOT_START_ENV).toEqual(expected);
    expect(Object.keys(BOT_START_ENV)).toContain('MALLOC_TRIM_THRESHOLD_');
  });
});
