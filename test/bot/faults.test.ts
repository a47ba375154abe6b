import { shutDown } from '../../bot/lifecycle';
import { createLogger } from '../../bot/logger';
import { translator } from '../../locales/i18n';
import { directLineChat, postJson, startApp, type RunningApp } from '../support/appServer';
import { useDemoBot } from '../support/demoBot';
import { SwitchableStorage } from '../support/switchableStorage';

const fr = translator('fr');
const demo = useDemoBot();
const webChat = (running: RunningApp) => directLineChat(running.baseUrl);

describe('faults: the store stops answering in the middle of a conversation', () => {
  it('tells the person at once, keeps the conversation, and resumes when the store is back', async () => {
    const storage = new SwitchableStorage();
    const features = demo.features();
    const running = await startApp({ env: { STORE_TIMEOUT_MS: '300' }, store: { kind: 'memory', stateStorage: storage, ping: async () => storage.mode === 'up' }, features });
    try {
      const chat = await webChat(running);
      expect((await chat.say('suivre ma demande')).replies).toContain(fr('followUp:askReference'));
      const before = JSON.stringify(storage.inner);

      storage.mode = 'down';
      const during = await chat.say('GI-7K3P9Q');
      expect(during.status).toBe(200);
      expect(during.replies).toContain(fr('common:errors.unavailable'));
      expect(JSON.stringify(storage.inner)).toBe(before); // nothing wiped

      storage.mode = 'up';
      // The dialog is where it was: the reference is taken and the code asked.
      expect((await chat.say('GI-7K3P9Q')).replies).toContain(fr('followUp:askCode'));
    } finally {
      storage.mode = 'up';
      await running.close();
    }
  });
});

describe('faults: SIGTERM during a slow turn', () => {
  it('answers /readyz 503 and refuses new requests, lets the turn finish, then closes the store', async () => {
    const storage = new SwitchableStorage();
    let storeClosed = 0;
    const running = await startApp({ env: { STORE_TIMEOUT_MS: '5000' }, store: { kind: 'memory', stateStorage: storage, ping: async () => true } });
    const chat = await webChat(running);
    storage.mode = { delayMs: 400 };
    const inFlight = chat.post('aide');
    while (running.app.lifecycle.requestsInFlight === 0) await new Promise((resolve) => setImmediate(resolve));

    const stopping = shutDown({
      lifecycle: running.app.lifecycle,
      server: running.app.server,
      graceMs: 10_000,
      logger: createLogger('silent'),
      closeStore: async () => void storeClosed++,
    });
    const ready = await fetch(`${running.baseUrl}/readyz`);
    expect(ready.status).toBe(503);
    expect((await postJson(`${running.baseUrl}/directline/tokens/generate`, {})).status).toBe(503);
    expect(storeClosed).toBe(0);

    expect((await inFlight).status).toBe(200);
    expect(await stopping).toEqual({ finished: true });
    expect(storeClosed).toBe(1);
  });
});
