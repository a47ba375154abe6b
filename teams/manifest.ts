import type { TeamsManifestV1D22 } from '@microsoft/app-manifest/build/generated-types/teams/TeamsManifestV1D22';
import { z } from 'zod';
import { ConfigError, GUID, type Config } from '../bot/config';
import { translator, type Locale } from '../locales/i18n';
import { ACCENT_COLOR } from './icons';

/** The Teams app manifest schema this package follows (its JSON schema ships in @microsoft/app-manifest). */
export const MANIFEST_VERSION = '1.22';
const SCHEMA_BASE = `https://developer.microsoft.com/en-us/json-schemas/teams/v${MANIFEST_VERSION}`;

export const ICON_FILES = { color: 'color.png', outline: 'outline.png' } as const;

/** French is the manifest's own language; English comes as a localization file. */
export const DEFAULT_LANGUAGE = 'fr-fr';
export const LOCALIZATIONS: ReadonlyArray<{ languageTag: string; file: string; locale: Locale }> = [
  { languageTag: 'en-us', file: 'en-us.json', locale: 'en' },
];

/** The bot's commands, in the order Teams lists them. Each title is a phrase the bot understands. */
export const COMMANDS = ['search', 'eligibility', 'requests', 'stats', 'help'] as const;

/**
 * Where the command list applies. Teams' guidance is a prompt starter *or* a welcome message in a
 * personal chat, not both: the personal chat opens with a welcome and its buttons, so the commands
 * are offered where the bot is @mentioned, in a team's channels.
 */
export const COMMAND_SCOPES = ['team'] as const;

/** What the package needs from the configuration, checked here rather than when the bot starts. */
const packageSettingsSchema = z.object({
  MicrosoftAppId: z.string({ error: 'is required to build the Teams package' }).regex(GUID, 'must be the GUID of the Azure Bot app'),
  TEAMS_WEBSITE_URL: z.string({ error: 'is required to build the Teams package (an https page about the service)' }),
});

export interface TeamsPackageSettings {
  appId: string;
  botId: string;
  name: string;
  developer: { name: string; websiteUrl: string; privacyUrl: string; termsOfUseUrl: string };
}

/** The settings of the package, or a ConfigError naming every missing key. */
export function packageSettings(config: Config): TeamsPackageSettings {
  const parsed = packageSettingsSchema.safeParse(config);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  const website = parsed.data.TEAMS_WEBSITE_URL;
  return {
    appId: config.TEAMS_APP_ID ?? parsed.data.MicrosoftAppId,
    botId: parsed.data.MicrosoftAppId,
    name: config.TEAMS_APP_NAME,
    developer: {
      name: config.TEAMS_DEVELOPER_NAME,
      websiteUrl: website,
      privacyUrl: config.TEAMS_PRIVACY_URL ?? website,
      termsOfUseUrl: config.TEAMS_TERMS_URL ?? website,
    },
  };
}

export type Manifest = TeamsManifestV1D22;

/** The strings Teams translates, keyed as its localization files want them. */
function localizedStrings(locale: Locale, name: string): Record<string, string> {
  const t = translator(locale);
  const strings: Record<string, string> = {
    'name.short': name,
    'name.full': t('teams:app.fullName', { name }),
    'description.short': t('teams:app.shortDescription', { name }),
    'description.full': t('teams:app.fullDescription', { name }),
  };
  COMMANDS.forEach((command, i) => {
    strings[`bots[0].commandLists[0].commands[${i}].title`] = t(`teams:commands.${command}.title`);
    strings[`bots[0].commandLists[0].commands[${i}].description`] = t(`teams:commands.${command}.description`);
  });
  return strings;
}

/** The manifest (in French) and its localization files, by file name. */
export function buildManifest(settings: TeamsPackageSettings, version: string): { manifest: Manifest; localizations: Record<string, object> } {
  const fr = localizedStrings('fr', settings.name);
  const manifest: Manifest = {
    $schema: `${SCHEMA_BASE}/MicrosoftTeams.schema.json`,
    manifestVersion: MANIFEST_VERSION,
    version,
    id: settings.appId,
    localizationInfo: {
      defaultLanguageTag: DEFAULT_LANGUAGE,
      additionalLanguages: LOCALIZATIONS.map(({ languageTag, file }) => ({ languageTag, file })),
    },
    developer: settings.developer,
    name: { short: fr['name.short']!, full: fr['name.full']! },
    description: { short: fr['description.short']!, full: fr['description.full']! },
    icons: { ...ICON_FILES },
    accentColor: ACCENT_COLOR,
    bots: [
      {
        botId: settings.botId,
        scopes: ['personal', 'team'],
        isNotificationOnly: false,
        supportsFiles: false,
        supportsCalling: false,
        supportsVideo: false,
        commandLists: [
          {
            scopes: [...COMMAND_SCOPES],
            commands: COMMANDS.map((_, i) => ({
              title: fr[`bots[0].commandLists[0].commands[${i}].title`]!,
              description: fr[`bots[0].commandLists[0].commands[${i}].description`]!,
            })),
          },
        ],
      },
    ],
    validDomains: [],
  };
  const localizations = Object.fromEntries(
    LOCALIZATIONS.map(({ file, locale }) => [file, { $schema: `${SCHEMA_BASE}/MicrosoftTeams.Localization.schema.json`, ...localizedStrings(locale, settings.name) }]),
  );
  return { manifest, localizations };
}
