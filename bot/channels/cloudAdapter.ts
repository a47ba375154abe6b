import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  StatusCodes,
  type Activity,
  type Request,
  type Response,
  type TurnContext,
} from 'botbuilder';
// botbuilder's own helpers, the copies its CloudAdapter uses (botframework-connector is its dependency, same version).
import { validateAndFixActivity } from 'botbuilder/lib/activityValidator';
import { AuthenticationError } from 'botframework-connector';
import type { Config } from '../config';

type ClaimsIdentity = Parameters<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>[0];
type ConnectorFactory = ReturnType<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;
type UserTokenClient = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['createUserTokenClient']>>;
type AuthenticateRequestResult = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;

/** Service addresses, audiences and app ids are few; the bound only guards against a caller inventing many. */
const MAX_CLIENTS = 64;

/** A map that forgets its least recently used entry past `max`. */
class RecentClients<T> {
  private readonly entries = new Map<string, T>();
  constructor(private readonly max: number) {}
  get(key: string): T | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }
  set(key: string, value: T): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
  }
}

/**
 * The SDK's configuration authentication, which checks every request exactly as before, but whose
 * connector and user-token clients are made once for each app id, audience and service address and
 * then reused. botbuilder's CloudAdapter asks for both on every turn (a ConnectorClient and a
 * TokenApiClient, each with its HTTP pipeline and credentials), though a turn answered in the HTTP
 * response (`expectReplies`) or a turn that never signs anyone in uses neither. They are made from the
 * same inputs each time (the claims' app id, the audience, the service URL and this configuration),
 * hold no per-turn state, and their credentials cache the channel token anyway.
 */
export class ReusingClientsAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectors = new RecentClients<ConnectorClient>(MAX_CLIENTS);
  private readonly userTokenClients = new RecentClients<UserTokenClient>(MAX_CLIENTS);

  override async authenticateRequest(activity: Parameters<ConfigurationBotFrameworkAuthentication['authenticateRequest']>[0], authHeader: string): Promise<AuthenticateRequestResult> {
    return this.reusing(await super.authenticateRequest(activity, authHeader));
  }

  override async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.reusing(await super.authenticateStreamingRequest(authHeader, channelIdHeader));
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.reusingFactory(super.createConnectorFactory(claimsIdentity), claimsIdentity);
  }

  override async createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    const key = appKey(claimsIdentity);
    const known = this.userTokenClients.get(key);
    if (known) return known;
    const client = await super.createUserTokenClient(claimsIdentity);
    this.userTokenClients.set(key, client);
    return client;
  }

  private reusing(result: AuthenticateRequestResult): AuthenticateRequestResult {
    if (!result.connectorFactory) return result;
    return { ...result, connectorFactory: this.reusingFactory(result.connectorFactory, result.claimsIdentity) };
  }

  private reusingFactory(factory: ConnectorFactory, claimsIdentity: ClaimsIdentity): ConnectorFactory {
    const app = appKey(claimsIdentity);
    return {
      create: async (serviceUrl: string, audience?: string): Promise<ConnectorClient> => {
        const key = `${app}\n${audience ?? ''}\n${serviceUrl}`;
        const known = this.connectors.get(key);
        if (known) return known;
        const client = await factory.create(serviceUrl, audience);
        this.connectors.set(key, client);
        return client;
      },
    };
  }
}

/** The claims the SDK takes the app id from (audience, then appid: the emulator's). */
function appKey(claimsIdentity: ClaimsIdentity): string {
  return `${claimsIdentity.getClaimValue('aud') ?? ''}\n${claimsIdentity.getClaimValue('appid') ?? ''}`;
}

/** What zod's `z.record()` accepts: an object that is not an array, a date, a map, a set or a promise. */
function isRecord(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    !(value instanceof Map) &&
    !(value instanceof Set) &&
    !(value instanceof Promise)
  );
}

/**
 * botbuilder's CloudAdapter, whose HTTP `process` makes the same checks and answers without building
 * zod schemas on each request: the SDK's version builds a record schema twice and copies the body
 * into a new object twice (once for its own check, once inside its activity check), then drops the
 * copies. Web socket connections (the four-argument call) go to the SDK unchanged.
 */
export class GuichetCloudAdapter extends CloudAdapter {
  override async process(req: Request, res: Response, logic: (context: TurnContext) => Promise<void>): Promise<void>;
  override async process(req: Request, socket: never, head: never, logic: (context: TurnContext) => Promise<void>): Promise<void>;
  override async process(
    req: Request,
    resOrSocket: unknown,
    logicOrHead: unknown,
    maybeLogic?: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    if (maybeLogic || !isHttpResponse(resOrSocket) || typeof logicOrHead !== 'function') {
      // The web socket form, or arguments the SDK's own checks must refuse (with its errors).
      return (super.process as (...args: unknown[]) => Promise<void>).call(this, req, resOrSocket, logicOrHead, maybeLogic);
    }
    const res = resOrSocket;
    const logic = logicOrHead as (context: TurnContext) => Promise<void>;
    const end = (status: StatusCodes, body?: unknown) => {
      res.status(status);
      if (body) res.send(body);
      res.end();
    };
    if (req.method !== 'POST') return end(StatusCodes.METHOD_NOT_ALLOWED);
    if (!isRecord(req.body)) {
      return end(StatusCodes.BAD_REQUEST, '`req.body` not an object, make sure you are using middleware to parse incoming requests.');
    }
    const activity = validateAndFixActivity(req.body as unknown as Activity);
    if (!activity.type) {
      console.warn('BadRequest: Missing activity or activity type.');
      return end(StatusCodes.BAD_REQUEST);
    }
    const authHeader = req.headers?.Authorization ?? req.headers?.authorization ?? '';
    if (typeof authHeader !== 'string') {
      // The SDK parses the header with z.string(): anything else throws out of `process`.
      return (super.process as (...args: unknown[]) => Promise<void>).call(this, req, res, logic);
    }
    try {
      const invokeResponse = await this.processActivity(authHeader, activity, logic);
      return end(invokeResponse?.status ?? StatusCodes.OK, invokeResponse?.body);
    } catch (err) {
      console.error(err);
      return end(
        err instanceof AuthenticationError ? StatusCodes.UNAUTHORIZED : StatusCodes.INTERNAL_SERVER_ERROR,
        (err as { message?: string }).message ?? err,
      );
    }
  }
}

function isHttpResponse(value: unknown): value is Response {
  const v = value as Partial<Record<'end' | 'header' | 'send' | 'status', unknown>> | null | undefined;
  return typeof v?.end === 'function' && typeof v.header === 'function' && typeof v.send === 'function' && typeof v.status === 'function';
}

/**
 * The Bot Framework channel adapter (Teams, Emulator, Direct Line service). With an app id it checks
 * every request's token; without one, authentication is off, which the config allows only outside
 * production.
 */
export function createCloudAdapter(config: Config): CloudAdapter {
  // Without an app id there is nothing to authenticate with; the SDK then wants the MultiTenant type.
  const appType = config.MicrosoftAppId ? config.MicrosoftAppType : 'MultiTenant';
  const credentials = new ConfigurationServiceClientCredentialFactory({
    MicrosoftAppId: config.MicrosoftAppId,
    MicrosoftAppPassword: config.MicrosoftAppPassword,
    MicrosoftAppType: appType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId,
  });
  const auth = new ReusingClientsAuthentication(
    {
      MicrosoftAppId: config.MicrosoftAppId,
      MicrosoftAppType: appType,
      MicrosoftAppTenantId: config.MicrosoftAppTenantId,
    },
    credentials,
  );
  return new GuichetCloudAdapter(auth);
}
