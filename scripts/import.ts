/**
 * Loads structures into the directory of the store the bot uses (same environment as the bot).
 *   node dist/scripts/import.js <file> [--format asp|emplois|data-inclusion] [--dry-run]
 *   node dist/scripts/import.js --from-emplois (--departement 972 | --commune 97209 --distance 25) [--dry-run]
 * Every row is validated; rejected rows are listed with their line and reason; records are upserted
 * by their stable id, so running the same import twice changes nothing.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig } from '../bot/config';
import {
  MAX_IMPORT_CHARS,
  detectFormat,
  parseAspCsv,
  parseDataInclusionJson,
  parseEmploisJson,
  territoryCommuneResolver,
  type ImportFormat,
  type ImportResult,
} from '../knowledge/directory/import';
import { fetchEmploisStructures, type EmploisQuery } from './emploisClient';
import { openStore } from '../stores/appStore';
import { openDirectory } from '../stores/directory';

export const USAGE = [
  'usage: import <file> [--format asp|emplois|data-inclusion] [--dry-run]',
  '       import --from-emplois (--departement 972 | --commune 97209 --distance 25) [--dry-run]',
].join('\n');

/** Rejected rows listed one by one up to this many; the rest are counted. */
const MAX_LISTED = 50;

const argsSchema = z.union([
  z
    .object({
      mode: z.literal('file'),
      file: z.string().min(1),
      format: z.enum(['asp', 'emplois', 'data-inclusion']).optional(),
      dryRun: z.boolean(),
    })
    .strict(),
  z
    .object({
      mode: z.literal('emplois'),
      query: z.union([
        z.object({ departement: z.string().regex(/^(\d{2,3}|2[AB])$/, '--departement must be a code like 972') }).strict(),
        z.object({ codeInsee: z.string().regex(/^(\d{5}|2[AB]\d{3})$/, '--commune must be an INSEE code'), distanceKm: z.number().int().min(1).max(100) }).strict(),
      ]),
      dryRun: z.boolean(),
    })
    .strict(),
]);
export type ImportArgs = z.output<typeof argsSchema>;

export function parseImportArgs(argv: string[]): ImportArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string' },
      'dry-run': { type: 'boolean' },
      'from-emplois': { type: 'boolean' },
      departement: { type: 'string' },
      commune: { type: 'string' },
      distance: { type: 'string' },
    },
  });
  const dryRun = values['dry-run'] === true;
  if (values['from-emplois']) {
    if (positionals.length) throw new Error('--from-emplois takes no file');
    const query = values.departement
      ? { departement: values.departement }
      : { codeInsee: values.commune ?? '', distanceKm: Number(values.distance ?? 25) };
    return argsSchema.parse({ mode: 'emplois', query, dryRun });
  }
  if (positionals.length !== 1) throw new Error('give exactly one file');
  return argsSchema.parse({ mode: 'file', file: positionals[0], format: values.format, dryRun });
}

function parseFile(format: ImportFormat, text: string): ImportResult {
  if (format === 'asp') return parseAspCsv(text, territoryCommuneResolver);
  const json: unknown = JSON.parse(text);
  return format === 'emplois' ? parseEmploisJson(json, territoryCommuneResolver) : parseDataInclusionJson(json, territoryCommuneResolver);
}

export interface ImportIo {
  out(line: string): void;
  err(line: string): void;
  /** The network, for --from-emplois (tests pass a recorded one). */
  fetch?: typeof fetch;
}

export async function runImport(argv: string[], io: ImportIo = { out: console.log, err: console.error }): Promise<number> {
  let args: ImportArgs;
  try {
    args = parseImportArgs(argv);
  } catch (error) {
    io.err(`import: ${error instanceof z.ZodError ? error.issues[0]?.message : error instanceof Error ? error.message : 'invalid arguments'}`);
    io.err(USAGE);
    return 2;
  }

  let result: ImportResult;
  if (args.mode === 'file') {
    const size = await stat(args.file).then((s) => s.size, () => -1);
    if (size < 0) return fail(io, `cannot read ${basename(args.file)}`);
    if (size > MAX_IMPORT_CHARS) return fail(io, `${basename(args.file)} is too large (${size} bytes)`);
    const text = await readFile(args.file, 'utf8');
    const format = args.format ?? detectFormat(args.file, text);
    if (!format) return fail(io, `cannot tell the format of ${basename(args.file)}: give --format asp|emplois|data-inclusion`);
    try {
      result = parseFile(format, text);
    } catch (error) {
      return fail(io, `${basename(args.file)} is not a valid ${format} file (${error instanceof Error ? error.message : 'unreadable'})`);
    }
    io.out(`${basename(args.file)} (${format}): ${result.structures.length} valid, ${result.rejected.length} rejected, ${result.warnings.length} warnings`);
  } else {
    const fetched = await fetchEmploisStructures(args.query as EmploisQuery, {
      fetch: io.fetch ?? fetch,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      now: () => Date.now(),
    }).catch((error: unknown) => error as Error);
    if (fetched instanceof Error) return fail(io, `Les emplois API: ${fetched.message}`);
    result = parseEmploisJson(fetched.results, territoryCommuneResolver);
    io.out(`Les emplois: ${fetched.results.length} received in ${fetched.pages} pages${fetched.truncated ? ' (stopped at the page cap)' : ''}, ${result.structures.length} valid, ${result.rejected.length} rejected`);
  }

  for (const r of result.rejected.slice(0, MAX_LISTED)) io.out(`  rejected line ${r.line}: ${r.reason}`);
  if (result.rejected.length > MAX_LISTED) io.out(`  … and ${result.rejected.length - MAX_LISTED} more rejected`);
  for (const w of result.warnings.slice(0, MAX_LISTED)) io.out(`  warning line ${w.line}, ${w.field}: ${w.message}`);
  if (result.warnings.length > MAX_LISTED) io.out(`  … and ${result.warnings.length - MAX_LISTED} more warnings`);

  if (args.dryRun) {
    io.out('dry run: nothing written');
    return result.structures.length > 0 || result.rejected.length === 0 ? 0 : 1;
  }
  const config = loadConfig();
  const store = await openStore({ mongodbUri: config.MONGODB_URI, mongodbDb: config.MONGODB_DB, dataDir: config.DATA_DIR });
  try {
    const directory = await openDirectory(store.backend);
    const counts = await directory.upsertMany(result.structures);
    io.out(`written to the ${store.kind} store: ${counts.inserted} inserted, ${counts.updated} updated, ${counts.unchanged} unchanged`);
    return result.structures.length > 0 || result.rejected.length === 0 ? 0 : 1;
  } finally {
    await store.close();
  }
}

function fail(io: ImportIo, message: string): number {
  io.err(`import: ${message}`);
  return 1;
}

if (require.main === module) {
  runImport(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(`import failed: ${error instanceof Error ? error.message : 'unknown error'}`);
      process.exitCode = 1;
    },
  );
}
