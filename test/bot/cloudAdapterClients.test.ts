import { CloudAdapter, ConfigurationBotFrameworkAuthentication, ConfigurationServiceClientCredentialFactory, TurnContext, type Activity } from 'botbuilder';
import { createCloudAdapter, ReusingClientsAuthentication } from '../../bot/channels/cloudAdapter';

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

describe('the channel adapter answers HTTP requests as the SDK does', () => {
  /** What `process` did to a response: status, body, ended. */
  function fakeResponse() {
    const calls: unknown[] = [];
    const res = {
      status: (s: number) => void calls.push(['status', s]),
      send: (b: unknown) => void calls.push(['send', b]),
      end: () => void calls.push(['end']),
      header: () => undefined,
    };
    return { res, calls };
  }

  async function answer(target: CloudAdapter, req: { method: string; body: unknown; headers: Record<string, unknown> }) {
    const { res, calls } = fakeResponse();
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const warnings = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      await target.process(structuredClone(req) as never, res as never, async (context) => {
        await context.sendActivity(`vu ${context.activity.text}`);
      });
    } finally {
      errors.mockRestore();
      warnings.mockRestore();
    }
    // Reply ids and timestamps differ between two runs: compare the replies' texts.
    return JSON.parse(JSON.stringify(calls, (k, v) => (k === 'id' || k === 'timestamp' || k === 'localTimestamp' ? undefined : v)));
  }

  function sdkAdapter(appId = ''): CloudAdapter {
    const options = { MicrosoftAppId: appId, MicrosoftAppPassword: appId ? 'secret' : '', MicrosoftAppType: 'MultiTenant' };
    return new CloudAdapter(new ConfigurationBotFrameworkAuthentication(options, new ConfigurationServiceClientCredentialFactory(options)));
  }

  const ours = (appId = '') => {
    return createCloudAdapter({ MicrosoftAppId: appId, MicrosoftAppPassword: appId ? 'secret' : '', MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: '' } as never);
  };

  const activity = { ...message('http://127.0.0.1:3978/'), timestamp: '2026-01-01T10:00:00.000Z' };
  const cases: Array<[string, { method: string; body: unknown; headers: Record<string, unknown> }, string]> = [
    ['an expectReplies message', { method: 'POST', body: activity, headers: {} }, ''],
    ['an invoke', { method: 'POST', body: { ...activity, type: 'invoke', name: 'unknown/x' }, headers: {} }, ''],
    ['a GET', { method: 'GET', body: activity, headers: {} }, ''],
    ['an array body', { method: 'POST', body: [activity], headers: {} }, ''],
    ['a body without a type', { method: 'POST', body: { ...activity, type: '' }, headers: {} }, ''],
    ['a request without a token, app id set', { method: 'POST', body: activity, headers: {} }, '00000000-0000-0000-0000-000000000001'],
    ['a request with a bad token, app id set', { method: 'POST', body: activity, headers: { authorization: 'Bearer nope' } }, '00000000-0000-0000-0000-000000000001'],
  ];
  it.each(cases)('%s', async (_name, req, appId) => {
    const expected = await answer(sdkAdapter(appId), req);
    expect(await answer(ours(appId), req)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
  });
});
