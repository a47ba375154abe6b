import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { PNG } from 'pngjs';
import { fromBuffer, type Entry, type ZipFile } from 'yauzl';
import { ConfigError, loadConfig } from '../../bot/config';
import { translator } from '../../locales/i18n';
import { packageFiles, zipPackage } from '../../teams/appPackage';
import { COLOR_ICON_SIZE, OUTLINE_ICON_SIZE } from '../../teams/icons';
import { COMMANDS, MANIFEST_VERSION, packageSettings, type Manifest } from '../../teams/manifest';
import { appVersion, runTeamsPackage } from '../../scripts/teamsPackage';

// The JSON schemas come from the npm package that ships them (no download at test time).
const schemaDir = `@microsoft/app-manifest/build/json-schemas/teams/v${MANIFEST_VERSION}`;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const manifestSchema = require(`${schemaDir}/MicrosoftTeams.schema.json`) as object;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const localizationSchema = require(`${schemaDir}/MicrosoftTeams.Localization.schema.json`) as object;

const BOT_ID = '0b1d2c3e-4f56-4789-8abc-def012345678';
const TENANT = '11111111-2222-3333-4444-555555555555';
const env = {
  MicrosoftAppId: BOT_ID,
  MicrosoftAppPassword: 'secret',
  MicrosoftAppTenantId: TENANT,
  TEAMS_WEBSITE_URL: 'https://guichet-iae.example.fr/',
};

/** The schemas are draft-04 with a few later keywords (strictTypes off, as their own tooling does) and patterns written for non-unicode regular expressions. */
function validator(schema: object) {
  const ajv = new Ajv({ allErrors: true, strictTypes: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

async function unzip(zip: Buffer): Promise<Map<string, Buffer>> {
  const zipFile = await new Promise<ZipFile>((resolve, reject) =>
    fromBuffer(zip, { lazyEntries: true }, (error, file) => (error ? reject(error) : resolve(file))),
  );
  const files = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zipFile.on('entry', (entry: Entry) => {
      zipFile.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          files.set(entry.fileName, Buffer.concat(chunks));
          zipFile.readEntry();
        });
      });
    });
    zipFile.on('end', () => resolve());
    zipFile.on('error', reject);
    zipFile.readEntry();
  });
  return files;
}

const build = (extra: Record<string, string> = {}) => packageFiles(packageSettings(loadConfig({ ...env, ...extra })), appVersion());
const manifestOf = (files: Map<string, Buffer>) => JSON.parse(files.get('manifest.json')!.toString('utf8')) as Manifest;

describe('Teams app package', () => {
  let files: Map<string, Buffer>;
  let validate: ReturnType<typeof validator>;
  beforeAll(() => {
    files = build();
    validate = validator(manifestSchema);
  });

  it(`holds a manifest valid against the ${MANIFEST_VERSION} schema, and a valid English localization`, () => {
    expect([validate(manifestOf(files)), validate.errors]).toEqual([true, null]);
    const validateLocalization = validator(localizationSchema);
    const english = JSON.parse(files.get('en-us.json')!.toString('utf8'));
    expect([validateLocalization(english), validateLocalization.errors]).toEqual([true, null]);
  });

  it('is checked by a validator that does reject a wrong manifest', () => {
    const manifest = manifestOf(files) as unknown as Record<string, unknown>;
    expect(validate({ ...manifest, manifestVersion: '1.21' })).toBe(false);
    expect(validate({ ...manifest, bots: [{ botId: 'not-a-guid', scopes: ['personal'] }] })).toBe(false);
    expect(validate({ ...manifest, developer: { ...(manifest.developer as object), websiteUrl: 'ftp://x' } })).toBe(false);
  });

  it('takes the bot id, the app id and the names from the configuration', () => {
    const manifest = manifestOf(build({ TEAMS_APP_NAME: 'Guichet IAE 972', TEAMS_APP_ID: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', TEAMS_DEVELOPER_NAME: 'DEETS Martinique' }));
    expect(manifest.manifestVersion).toBe(MANIFEST_VERSION);
    expect(manifest.id).toBe('aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee');
    expect(manifest.bots?.[0]?.botId).toBe(BOT_ID);
    expect(manifest.name.short).toBe('Guichet IAE 972');
    expect(manifest.name.full).toBe(translator('fr')('teams:app.fullName', { name: 'Guichet IAE 972' }));
    expect(manifest.developer).toEqual({
      name: 'DEETS Martinique',
      websiteUrl: env.TEAMS_WEBSITE_URL,
      privacyUrl: env.TEAMS_WEBSITE_URL,
      termsOfUseUrl: env.TEAMS_WEBSITE_URL,
    });
    // Without TEAMS_APP_ID the app takes the bot's id.
    expect(manifestOf(files).id).toBe(BOT_ID);
    expect(manifest.version).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });

  it('offers the bot in personal chats and teams, with the five commands in French and English', () => {
    const manifest = manifestOf(files);
    const bot = manifest.bots![0]!;
    expect(bot.scopes).toEqual(['personal', 'team']);
    expect(manifest.localizationInfo).toEqual({ defaultLanguageTag: 'fr-fr', additionalLanguages: [{ languageTag: 'en-us', file: 'en-us.json' }] });
    const fr = translator('fr');
    const en = translator('en');
    expect(bot.commandLists![0]!.commands.map((c) => c.title)).toEqual(COMMANDS.map((c) => fr(`teams:commands.${c}.title`)));
    const english = JSON.parse(files.get('en-us.json')!.toString('utf8')) as Record<string, string>;
    COMMANDS.forEach((command, i) => {
      expect(english[`bots[0].commandLists[0].commands[${i}].title`]).toBe(en(`teams:commands.${command}.title`));
      expect(english[`bots[0].commandLists[0].commands[${i}].description`]).toBe(en(`teams:commands.${command}.description`));
    });
    expect(english['description.short']).toBe(en('teams:app.shortDescription'));
    expect(COMMANDS).toEqual(['search', 'eligibility', 'requests', 'stats', 'help']);
  });

  it('zips the manifest, its localization and the two icons at the root, the same bytes on every build', async () => {
    const zip = await zipPackage(files);
    expect(zip.equals(await zipPackage(build()))).toBe(true);
    const unzipped = await unzip(zip);
    expect([...unzipped.keys()].sort()).toEqual(['color.png', 'en-us.json', 'manifest.json', 'outline.png']);
    const manifest = manifestOf(unzipped);
    expect(manifest.icons).toEqual({ color: 'color.png', outline: 'outline.png' });

    const color = PNG.sync.read(unzipped.get(manifest.icons.color)!);
    expect([color.width, color.height]).toEqual([COLOR_ICON_SIZE, COLOR_ICON_SIZE]);
    expect([COLOR_ICON_SIZE, OUTLINE_ICON_SIZE]).toEqual([192, 32]);
    const alphas = (png: PNG) => Array.from({ length: png.width * png.height }, (_, i) => png.data[i * 4 + 3]!);
    expect(alphas(color).every((a) => a === 255)).toBe(true);

    const outline = PNG.sync.read(unzipped.get(manifest.icons.outline)!);
    expect([outline.width, outline.height]).toEqual([OUTLINE_ICON_SIZE, OUTLINE_ICON_SIZE]);
    // White on transparent: every visible pixel is white, and both drawn and empty pixels exist.
    const visible = Array.from({ length: 32 * 32 }, (_, i) => i).filter((i) => outline.data[i * 4 + 3]! > 0);
    expect(visible.every((i) => outline.data[i * 4] === 255 && outline.data[i * 4 + 1] === 255 && outline.data[i * 4 + 2] === 255)).toBe(true);
    expect(visible.length).toBeGreaterThan(50);
    expect(visible.length).toBeLessThan(32 * 32 / 2);
    expect(alphas(outline).filter((a) => a === 0).length).toBeGreaterThan(32 * 32 / 2);
  });

  it('refuses to build without a bot id or a website, naming the keys', () => {
    expect(() => packageSettings(loadConfig({}))).toThrow(ConfigError);
    expect(() => packageSettings(loadConfig({}))).toThrow(/MicrosoftAppId: is required to build the Teams package[\s\S]*TEAMS_WEBSITE_URL: is required/);
    expect(() => packageSettings(loadConfig({ ...env, MicrosoftAppId: 'guichet-bot' }))).toThrow(/MicrosoftAppId: must be the GUID/);
    expect(() => loadConfig({ ...env, TEAMS_WEBSITE_URL: 'http://guichet.example.fr' })).toThrow(/TEAMS_WEBSITE_URL: must be an https address/);
    expect(() => loadConfig({ ...env, TEAMS_APP_NAME: 'x'.repeat(31) })).toThrow(/TEAMS_APP_NAME/);
  });

  it('npm run teams:package writes the zip where asked, and stops with code 78 on a bad configuration', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'teams-package-'));
    try {
      const lines: string[] = [];
      const file = join(dir, 'app.zip');
      expect(await runTeamsPackage(['--out', file], env, (l) => lines.push(l), (l) => lines.push(l))).toBe(0);
      expect((await unzip(readFileSync(file))).has('manifest.json')).toBe(true);
      expect(lines.join('\n')).toContain(file);
      const errors: string[] = [];
      expect(await runTeamsPackage(['--out', file], {}, () => undefined, (l) => errors.push(l))).toBe(78);
      expect(errors.join('\n')).toMatch(/MicrosoftAppId/);
      expect(await runTeamsPackage(['extra'], env, () => undefined, () => undefined)).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
