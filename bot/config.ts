import { z } from 'zod';
import { servedPlace, SERVED_TYPES } from '../knowledge/territory';
import { isLoopbackHost } from './clientAddress';

/**
 * The one schema of the environment. Every key has a description and a default where one is safe;
 * `.env.example` mirrors it (a test keeps the two in step).
 */
const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());
const booleanFlag = (fallback: 'true' | 'false') =>
  z
    .enum(['true', 'false'])
    .default(fallback)
    .transform((v) => v === 'true');
const positiveInt = (fallback: number) => z.coerce.number().int().min(1).max(1_000_000).default(fallback);
export const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const httpsUrl = z.preprocess(
  emptyToUndefined,
  z.url({ protocol: /^https$/, error: 'must be an https address' }).optional(),
);

/** `https://host[:port]` exactly: no path, query or credentials. */
function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}

export const configSchema = z
  .object({
    NODE_ENV: z
      .enum(['development', 'test', 'production'])
      .default('development')
      .describe('production turns on the credentials guard'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3978).describe('HTTP port (0 = any free port)'),
    HOST: optionalString.describe(
      'interface to listen on; empty = 0.0.0.0 with channel authentication, 127.0.0.1 (loopback only) without',
    ),
    ALLOW_UNAUTHENTICATED_NETWORK: booleanFlag('false').describe(
      'true lets a bot without MicrosoftAppId listen on another interface than loopback (never in production)',
    ),
    TRUST_PROXY: booleanFlag('false').describe(
      'true when a load balancer in front sets X-Forwarded-For: rate limits then count its first address',
    ),
    RATE_LIMIT_PER_MINUTE: positiveInt(240).describe('HTTP requests per minute per client address (probes excepted)'),
    RATE_LIMIT_TOKENS_PER_MINUTE: positiveInt(10).describe('web chat tokens per minute per client address'),
    RATE_LIMIT_FOLLOW_UP_PER_HOUR: positiveInt(20).describe('follow-up code checks per hour per client address'),
    RATE_LIMIT_SUBMISSIONS_PER_HOUR: positiveInt(10).describe('request submissions per hour per client address'),
    TURNS_PER_MINUTE: positiveInt(30).describe('messages per minute per conversation'),
    STORE_TIMEOUT_MS: positiveInt(1500).describe('longest wait for one store operation in a turn before the person is told the service is unavailable (ms)'),
    SHUTDOWN_GRACE_SECONDS: positiveInt(10).describe('on SIGTERM, how long turns in flight get to finish before the store closes'),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info')
      .describe('level of the JSON logs written to stdout'),
    MicrosoftAppId: optionalString.describe('Azure Bot app id; empty = no channel authentication (local only)'),
    MicrosoftAppPassword: optionalString.describe('client secret of the app registration'),
    MicrosoftAppType: z
      .enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI'])
      .default('SingleTenant')
      .describe('kind of app registration; new Azure registrations are SingleTenant'),
    MicrosoftAppTenantId: optionalString.describe('tenant of a SingleTenant registration'),
    MONGODB_URI: optionalString.describe('MongoDB connection string; empty = the embedded store'),
    MONGODB_DB: z.string().min(1).default('guichet_iae').describe('MongoDB database name'),
    DATA_DIR: z.string().min(1).default('.data').describe('folder of the embedded store'),
    SUBJECT_KEY_SECRET: z
      .preprocess(emptyToUndefined, z.string().min(16, 'must have at least 16 characters').optional())
      .describe('secret of the pseudonymous key that links a person to their requests (required in production)'),
    STATE_RETENTION_DAYS: z.coerce
      .number()
      .int()
      .min(1)
      .max(365)
      .default(30)
      .describe('days after which an idle conversation and its user state are forgotten'),
    DEMO_DATA: z
      .enum(['true', 'false'])
      .default('true')
      .transform((v) => v === 'true')
      .describe('load the Martinique demo structures into the directory at start (false removes them)'),
    TEAMS_APP_ID: z
      .preprocess(emptyToUndefined, z.string().regex(GUID, 'must be a GUID').optional())
      .describe('id of the Teams app package (npm run teams:package); empty = the MicrosoftAppId'),
    TEAMS_APP_NAME: z
      .string()
      .trim()
      .min(1)
      .max(30)
      .default('Guichet IAE')
      .describe('short name of the Teams app and its bot (30 characters at most)'),
    TEAMS_DEVELOPER_NAME: z.string().trim().min(1).max(32).default('Guichet IAE').describe('who publishes the Teams app, as Teams shows it'),
    TEAMS_WEBSITE_URL: httpsUrl.describe('https page about the service, shown in Teams (required by npm run teams:package)'),
    TEAMS_PRIVACY_URL: httpsUrl.describe('https page of the privacy notice; empty = TEAMS_WEBSITE_URL'),
    TEAMS_TERMS_URL: httpsUrl.describe('https page of the terms of use; empty = TEAMS_WEBSITE_URL'),
    TERRITORY: z
      .string()
      .trim()
      .max(40)
      .optional()
      .describe(
        'territory this guichet serves: a département (972), an EPCI SIREN (200041788), a zone (972-NORD) or a région (region:02); unset = 972 with the demo data, national without; empty = national',
      ),
    WEBCHAT_ENABLED: z
      .enum(['true', 'false'])
      .default('true')
      .transform((v) => v === 'true')
      .describe('serve the web chat page and its Direct Line endpoints'),
    WEBCHAT_FRAME_ANCESTORS: z
      .string()
      .default('')
      .transform((value, ctx) => {
        const origins = value.split(/[\s,]+/).filter(Boolean);
        for (const origin of origins) {
          if (!isOrigin(origin)) ctx.addIssue({ code: 'custom', message: `${origin} is not an origin such as https://intranet.example.fr` });
        }
        return origins;
      })
      .describe('origins allowed to show the web page and the kiosk in a frame, separated by spaces; empty = none'),
    KIOSK_IDLE_SECONDS: z.coerce
      .number()
      .int()
      .min(5)
      .max(3600)
      .default(180)
      .describe('seconds without a touch after which the kiosk clears the screen and ends the conversation'),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.MicrosoftAppId) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppId'],
        message: 'is required when NODE_ENV=production (without it, channel authentication is off)',
      });
    }
    if (env.NODE_ENV === 'production' && !env.SUBJECT_KEY_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['SUBJECT_KEY_SECRET'], message: 'is required when NODE_ENV=production' });
    }
    if (!env.MicrosoftAppId && env.HOST && !isLoopbackHost(env.HOST) && !env.ALLOW_UNAUTHENTICATED_NETWORK) {
      ctx.addIssue({
        code: 'custom',
        path: ['HOST'],
        message: 'without MicrosoftAppId the bot listens on loopback only; set ALLOW_UNAUTHENTICATED_NETWORK=true to open it anyway',
      });
    }
    if (env.MicrosoftAppId && !env.MicrosoftAppPassword && env.MicrosoftAppType !== 'UserAssignedMSI') {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: 'is required with MicrosoftAppId' });
    }
    const served = env.TERRITORY ? servedPlace(env.TERRITORY) : undefined;
    if (env.TERRITORY && !(served && (SERVED_TYPES as readonly string[]).includes(served.type))) {
      ctx.addIssue({
        code: 'custom',
        path: ['TERRITORY'],
        message: 'must be a département (972), EPCI SIREN (200041788), zone (972-NORD) or région (region:02) code, or empty for the whole country',
      });
    }
    if (env.MicrosoftAppId && env.MicrosoftAppType === 'SingleTenant' && !env.MicrosoftAppTenantId) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppTenantId'], message: 'is required for a SingleTenant app' });
    }
  });

export type Config = z.infer<typeof configSchema>;

/** The territory of the demo data (Martinique), served when TERRITORY is not set and the demo data is loaded. */
export const DEMO_TERRITORY = '972';

/** The code of the territory this guichet serves, or undefined for the whole country (TERRITORY, see the schema). */
export function servedTerritoryOf(config: Pick<Config, 'TERRITORY' | 'DEMO_DATA'>): string | undefined {
  if (config.TERRITORY === undefined) return config.DEMO_DATA ? DEMO_TERRITORY : undefined;
  return config.TERRITORY === '' || config.TERRITORY.toUpperCase() === 'FR' ? undefined : config.TERRITORY;
}

/** Where to listen: HOST, else every interface with authentication and loopback without. */
export function listenHost(config: Config): string {
  return config.HOST ?? (config.MicrosoftAppId ? '0.0.0.0' : '127.0.0.1');
}

/** True when the bot listens beyond loopback with no channel authentication (warned at start). */
export function isOpenWithoutAuthentication(config: Config): boolean {
  return !config.MicrosoftAppId && !isLoopbackHost(listenHost(config));
}

/** Used outside production when SUBJECT_KEY_SECRET is not set: fine on a laptop, never in production. */
export const DEVELOPMENT_SUBJECT_KEY_SECRET = 'guichet-iae-development-only-secret';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads the configuration from an environment; throws a ConfigError naming every bad key. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const known = Object.fromEntries(Object.keys(configSchema.shape).map((k) => [k, env[k]]));
  const parsed = configSchema.safeParse(known);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || 'env'}: ${i.message}`));
  }
  return parsed.data;
}
