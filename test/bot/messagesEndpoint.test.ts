import { MemoryStorage } from 'botbuilder';
import { translator } from '../../locales/i18n';
import { postJson, startApp, type RunningApp } from '../support/appServer';

const fr = translator('fr');

function activity(overrides: Record<string, unknown> = {}) {
  return {
    type: 'message',
    text: 'aide',
    channelId: 'emulator',
    serviceUrl: 'http://127.0.0.1:9/unused',
    from: { id: 'user-1' },
    recipient: { id: 'bot' },
    conversation: { id: `conv-${Math.random()}` },
    locale: 'fr-FR',
    deliveryMode: 'expectReplies',
    ...overrides,
  };
}

describe('POST /api/messages without app id (local)', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startApp();
  });
  afterAll(() => running.close());

  it('returns the replies in the response with deliveryMode expectReplies', async () => {
    const res = await postJson(`${running.baseUrl}/api/messages`, activity());
    expect(res.status).toBe(200);
    const body = (await res.json()) as { activities: Array<{ text?: string }> };
    const texts = body.activities.map((a) => a.text ?? '').join('\n');
    expect(texts).toContain(fr('common:welcome.hello'));
    expect(texts).toContain(fr('common:help.commands'));
  });

  it('answers in English for an en-US channel', async () => {
    const res = await postJson(`${running.baseUrl}/api/messages`, activity({ text: 'help', locale: 'en-US' }));
    const body = (await res.json()) as { activities: Array<{ text?: string }> };
    expect(body.activities.map((a) => a.text).join('\n')).toContain(translator('en')('common:help.commands'));
  });

  it.each([
    ['an empty object', {}],
    ['no type', { ...activity(), type: undefined }],
    ['no conversation', { ...activity(), conversation: undefined }],
    ['no serviceUrl', { ...activity(), serviceUrl: undefined }],
    ['a type that is not a string', { ...activity(), type: 42 }],
    ['an array', [1, 2]],
  ])('answers 400, not 500, for %s', async (_name, body) => {
    const res = await postJson(`${running.baseUrl}/api/messages`, body);
    expect(res.status).toBe(400);
    const problem = (await res.json()) as { error: { code: string; message: string } };
    expect(problem.error.code).toBe('invalid_request');
  });

  it('answers 400 for a body that is not JSON', async () => {
    const res = await postJson(`${running.baseUrl}/api/messages`, '{"type": "message"');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBeDefined();
  });

  it('answers 413 for a body that is too large', async () => {
    const res = await postJson(`${running.baseUrl}/api/messages`, activity({ text: 'x'.repeat(300 * 1024) }));
    expect(res.status).toBe(413);
  });

  it('answers 404 with the error body on an unknown route', async () => {
    const res = await fetch(`${running.baseUrl}/nothing-here`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('resourceNotFound');
  });
});

describe('POST /api/messages with an app id (channel authentication on)', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startApp({
      env: { MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-a-secret', MicrosoftAppTenantId: 'tenant' },
    });
  });
  afterAll(() => running.close());

  it('refuses a request without an Authorization header with 401', async () => {
    // botbuilder's CloudAdapter reports the refusal on console.error itself: expected here, so it is
    // checked rather than printed.
    const reported = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const res = await postJson(`${running.baseUrl}/api/messages`, activity());
      expect(res.status).toBe(401);
      expect(reported).toHaveBeenCalledWith(expect.objectContaining({ statusCode: 401 }));
    } finally {
      reported.mockRestore();
    }
  });
});

describe('health endpoints', () => {
  it('/healthz is alive and /readyz reflects the store', async () => {
    let up = true;
    const running = await startApp({
      store: { kind: 'memory', stateStorage: new MemoryStorage(), ping: async () => up },
    });
    try {
      expect((await fetch(`${running.baseUrl}/healthz`)).status).toBe(200);
      expect((await fetch(`${running.baseUrl}/readyz`)).status).toBe(200);
      up = false;
      const down = await fetch(`${running.baseUrl}/readyz`);
      expect(down.status).toBe(503);
      expect(((await down.json()) as { error: { code: string } }).error.code).toBe('store_unavailable');
    } finally {
      await running.close();
    }
  });
});
