/**
 * Adviser registry CLI, on the store the bot uses (same environment: MONGODB_URI, MONGODB_DB, DATA_DIR).
 *   node dist/scripts/advisers.js add <tenantId> <aadObjectId> <organisationId> [--name "…"]
 *   node dist/scripts/advisers.js remove <tenantId> <aadObjectId>
 *   node dist/scripts/advisers.js list [--organisation <organisationId>]
 * Prints counts and ids only; exits non-zero on failure.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig } from '../bot/config';
import { InvalidRequestError } from '../knowledge/requests/errors';
import { openStore } from '../stores/appStore';
import { adviserIdentitySchema, adviserInputSchema } from '../stores/requests/adviserRegistry';
import { openRequestStores } from '../stores/requests/openRequests';
import { structureIdSchema } from '../knowledge/requests/schema';

export const USAGE = `usage:
  advisers add <tenantId> <aadObjectId> <organisationId> [--name "display name"]
  advisers remove <tenantId> <aadObjectId>
  advisers list [--organisation <organisationId>]
tenantId and aadObjectId are GUIDs (Entra ID); organisationId is a directory id (e.g. demo:972-ft-01).`;

const commandSchema = z.discriminatedUnion('command', [
  adviserInputSchema.extend({ command: z.literal('add') }).strict(),
  adviserIdentitySchema.extend({ command: z.literal('remove') }).strict(),
  z.object({ command: z.literal('list'), organisationId: structureIdSchema.optional() }).strict(),
]);

export type AdvisersCommand = z.output<typeof commandSchema>;

/** Reads the command line; throws a message naming the bad argument (never echoing values). */
export function parseAdvisersArgs(argv: string[]): AdvisersCommand {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { name: { type: 'string' }, organisation: { type: 'string' } },
    strict: true,
  });
  const [command, ...rest] = positionals;
  const expected: Record<string, number> = { add: 3, remove: 2, list: 0 };
  if (!command || !(command in expected)) throw new Error('unknown or missing command');
  if (rest.length !== expected[command]) throw new Error(`${command} takes ${expected[command]} argument(s)`);
  const raw =
    command === 'add'
      ? { command, tenantId: rest[0], aadObjectId: rest[1], organisationId: rest[2], ...(values.name !== undefined ? { name: values.name } : {}) }
      : command === 'remove'
        ? { command, tenantId: rest[0], aadObjectId: rest[1] }
        : { command, ...(values.organisation !== undefined ? { organisationId: values.organisation } : {}) };
  const parsed = commandSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`argument "${issue?.path.join('.') || command}": ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

export async function runAdvisers(argv: string[], out: (line: string) => void = console.log, err: (line: string) => void = console.error): Promise<number> {
  let command: AdvisersCommand;
  try {
    command = parseAdvisersArgs(argv);
  } catch (error) {
    err(`advisers: ${error instanceof Error ? error.message : 'invalid arguments'}`);
    err(USAGE);
    return 2;
  }
  const config = loadConfig();
  const store = await openStore({ mongodbUri: config.MONGODB_URI, mongodbDb: config.MONGODB_DB, dataDir: config.DATA_DIR });
  try {
    const { advisers } = await openRequestStores(store.backend);
    switch (command.command) {
      case 'add': {
        const { command: _c, ...input } = command;
        const { adviser, created } = await advisers.add(input);
        out(`${created ? 'added' : 'updated'}: ${adviser.id} → ${adviser.organisationId}`);
        return 0;
      }
      case 'remove': {
        const removed = await advisers.remove(command.tenantId, command.aadObjectId);
        out(removed ? 'removed: 1' : 'removed: 0 (no such adviser)');
        return removed ? 0 : 1;
      }
      case 'list': {
        const all = await advisers.list(command.organisationId ? { organisationId: command.organisationId } : {});
        const byOrganisation = new Map<string, number>();
        for (const a of all) byOrganisation.set(a.organisationId, (byOrganisation.get(a.organisationId) ?? 0) + 1);
        out(`advisers: ${all.length}`);
        for (const [organisationId, count] of byOrganisation) out(`  ${organisationId}: ${count}`);
        return 0;
      }
    }
  } catch (error) {
    err(`advisers ${command.command} failed: ${error instanceof InvalidRequestError ? error.message : error instanceof Error ? error.name : 'unknown error'}`);
    return 1;
  } finally {
    await store.close();
  }
}

if (require.main === module) {
  runAdvisers(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(`advisers: ${error instanceof Error ? error.message : 'failed'}`);
      process.exitCode = 1;
    },
  );
}
