/**
 * Builds the Teams app package (manifest, its English localization, icons) from the configuration.
 *   node dist/scripts/teamsPackage.js [--out file.zip]
 * Needs MicrosoftAppId (the Azure Bot's app id) and TEAMS_WEBSITE_URL; see the README's Teams part.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ConfigError, loadConfig } from '../bot/config';
import { projectPath } from '../knowledge/projectFiles';
import { packageFiles, zipPackage } from '../teams/appPackage';
import { packageSettings } from '../teams/manifest';

export const USAGE = 'usage: teams:package [--out file.zip]';
export const DEFAULT_OUT = projectPath('dist', 'teams', 'guichet-iae-teams.zip');

/** The app's version, from package.json (Teams wants a new version for each update of the package). */
export function appVersion(): string {
  const pkg = z.object({ version: z.string().regex(/^\d+\.\d+\.\d+$/) }).parse(JSON.parse(readFileSync(projectPath('package.json'), 'utf8')));
  return pkg.version;
}

export async function runTeamsPackage(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  out: (line: string) => void = console.log,
  err: (line: string) => void = console.error,
): Promise<number> {
  let file: string;
  try {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { out: { type: 'string' } }, strict: true });
    if (positionals.length) throw new Error('teams:package takes no positional arguments');
    file = values.out ?? DEFAULT_OUT;
  } catch (error) {
    err(`teams:package: ${error instanceof Error ? error.message : 'invalid arguments'}`);
    err(USAGE);
    return 2;
  }
  try {
    const settings = packageSettings(loadConfig(env));
    const files = packageFiles(settings, appVersion());
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, await zipPackage(files));
    out(`Teams app package: ${file}`);
    out(`  app id ${settings.appId}, bot id ${settings.botId}, files: ${[...files.keys()].join(', ')}`);
    return 0;
  } catch (error) {
    if (error instanceof ConfigError) {
      err(error.message);
      return 78;
    }
    throw error;
  }
}

if (require.main === module) {
  // The same settings as the bot: a .env file in the working folder is read, as when the bot starts.
  if (existsSync('.env')) process.loadEnvFile('.env');
  runTeamsPackage(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(`teams:package: ${error instanceof Error ? error.message : 'failed'}`);
      process.exitCode = 1;
    },
  );
}
