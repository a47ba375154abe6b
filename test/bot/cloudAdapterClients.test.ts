import { CloudAdapter, ConfigurationServiceClientCredentialFactory, TurnContext, type Activity } from 'botbuilder';
import { ReusingClientsAuthentication } from '../../bot/channels/cloudAdapter';

function adapter(appId = ''): CloudAdapter {
  const options = { MicrosoftAppId: appId, MicrosoftAppPassword: appId ? 'secret' : '', MicrosoftAppType: 'MultiTenant' };
  return new CloudAdapter(new ReusingClientsAuthentication(options, new ConfigurationServiceClientCredentialFactory(options)));
}

function message(serviceUrl: string, conversation = 'c1'): Activity {
  return {
    type: 'message',
    text: 'aide',
    channelId: 'emulator',
    serviceUrl,
    conversation: { id: conversation },
    from: { id: 'u' },
    recipient: { id: 'b' },
    deliveryMode: 'expectReplies',
  } as Activity;
}

/** The connector and user-token clients one turn saw. */
async function clientsOf(target: CloudAdapter, activity: Activity, authHeader = ''): Promise<{ connector: unknown; userToken: unknown; status?: number }> {
  let seen: { connector: unknown; userToken: unknown } = { connector: undefined, userToken: undefined };
  const response = await (target as unknown as { processActivity(a: string, b: Activity, c: (context: TurnContext) => Promise<void>): Promise<{ status: number } | undefined> })
    .processActivity(authHeader, activity, async (context) => {
      seen = { connector: context.turnState.get(target.ConnectorClientKey), userToken: context.turnState.get(target.UserTokenClientKey) };
      await context.sendActivity('ok');
    });
  return { ...seen, status: response?.status };
}

describe('the channel adapter reuses its connector and user-token clients', () => {
  it('gives turns on the same service address the same clients, other addresses their own', async () => {
    const target = adapter();
    const first = await clientsOf(target, message('http://127.0.0.1:3978/'));
    const second = await clientsOf(target, message('http://127.0.0.1:3978/', 'c2'));
    const other = await clientsOf(target, message('http://127.0.0.1:4000/'));
    expect(first.connector).toBeDefined();
    expect(first.userToken).toBeDefined();
    expect(second.connector).toBe(first.connector);
    expect(second.userToken).toBe(first.userToken);
    expect(other.connector).not.toBe(first.connector);
    expect((other.connector as { baseUri?: string }).baseUri ?? (other.connector as { endpoint?: string }).endpoint).toContain('4000');
    expect(first.status).toBe(200);
  });

  it('still checks every request when an app id is set', async () => {
    const target = adapter('00000000-0000-0000-0000-000000000001');
    await expect(clientsOf(target, message('https://smba.trafficmanager.net/emea/'))).rejects.toThrow();
    await expect(clientsOf(target, message('https://smba.trafficmanager.net/emea/'), 'Bearer not-a-token')).rejects.toThrow();
  });
});
