/**
 * Retention purge, on the store the bot uses (same environment as the bot).
 *   node dist/scripts/purge.js [--dry-run]
 * Deletes requests past their retention period (knowledge/requests/retention.ts) and conversation
 * state idle longer than STATE_RETENTION_DAYS (where unsent drafts live). Prints counts only.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig } from '../bot/config';
import { openStore } from '../stores/appStore';
import { openRequestStores } from '../stores/requests/openRequests';

export const USAGE = 'usage: purge [--dry-run]';
const DAY_MS = 24 * 60 * 60 * 1000;

const optionsSchema = z.object({ dryRun: z.boolean() }).strict();

export function parsePurgeArgs(argv: string[]): z.output<typeof optionsSchema> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { 'dry-run': { type: 'boolean' } }, strict: true });
  if (positionals.length) throw new Error('purge takes no arguments');
  return optionsSchema.parse({ dryRun: values['dry-run'] === true });
}

export async function runPurge(argv: string[], out: (line: string) => void = console.log, err: (line: string) => void = console.error, now = new Date()): Promise<number> {
  let options: z.output<typeof optionsSchema>;
  try {
    options = parsePurgeArgs(argv);
  } catch (error) {
    err(`purge: ${error instanceof Error ? error.message : 'invalid arguments'}`);
    err(USAGE);
    return 2;
  }
  const config = loadConfig();
  const store = await openStore({ mongodbUri: config.MONGODB_URI, mongodbDb: config.MONGODB_DB, dataDir: config.DATA_DIR });
  try {
    const { requests } = await openRequestStores(store.backend);
    const counts = await requests.purgeExpired(now, { dryRun: options.dryRun });
    const verb = options.dryRun ? 'would delete' : 'deleted';
    out(`requests ${verb}: ${counts.total}`);
    for (const [status, n] of Object.entries(counts.byStatus)) if (n) out(`  ${status}: ${n}`);
    if (options.dryRun) {
      out('conversation state: not counted in a dry run');
    } else {
      const removed = await store.stateStorage.purgeWrittenBefore(new Date(now.getTime() - config.STATE_RETENTION_DAYS * DAY_MS));
      out(`conversation state deleted (idle > ${config.STATE_RETENTION_DAYS} days): ${removed}`);
    }
    return 0;
  } catch (error) {
    err(`purge failed: ${error instanceof Error ? error.name : 'unknown error'}`);
    return 1;
  } finally {
    await store.close();
  }
}

if (require.main === module) {
  runPurge(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(`purge: ${error instanceof Error ? error.message : 'failed'}`);
      process.exitCode = 1;
    },
  );
}
