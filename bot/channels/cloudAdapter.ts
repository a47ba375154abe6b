import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
} from 'botbuilder';
import type { Config } from '../config';

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
  const auth = new ConfigurationBotFrameworkAuthentication(
    {
      MicrosoftAppId: config.MicrosoftAppId,
      MicrosoftAppType: appType,
      MicrosoftAppTenantId: config.MicrosoftAppTenantId,
    },
    credentials,
  );
  return new CloudAdapter(auth);
}
