import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
} from 'botbuilder';
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
  return new CloudAdapter(auth);
}
