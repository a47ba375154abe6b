import { DEVELOPMENT_SUBJECT_KEY_SECRET } from '../../bot/config';
import { createFeatures } from '../../dialogs/features';
import { translator } from '../../locales/i18n';
import { openStore, type OpenedStore } from '../../stores/appStore';
import { openDirectory } from '../../stores/directory';
import { openRequestStores } from '../../stores/requests/openRequests';
import { withTimeout } from '../../stores/timeouts';
import { directLineChat, startApp, type RunningApp } from '../support/appServer';
import { OwnMongoServer, freePort, ownMongoServerAvailable } from '../support/ownMongoServer';

/**
 * Faults on a real MongoDB wire server of the test's own: frozen mid-conversation (then thawed),
 * and stopped then restarted. Each turn during a fault is answered at once with « Service
 * momentanément indisponible », nothing is wiped, and the service resumes by itself.
 */
const fr = translator('fr');
const TIMEOUT_MS = 1000;
let server: OwnMongoServer;
let store: OpenedStore;
let running: RunningApp;
let faults = 0;

beforeAll(async () => {
  if (!ownMongoServerAvailable) throw new Error('build the test MongoDB server first: bash .ci/mongo.sh start');
  server = new OwnMongoServer(await freePort());
  await server.start();
  store = await openStore({ mongodbUri: server.uri, mongodbDb: 'faults', dataDir: null, mongodbTimeoutMs: TIMEOUT_MS });
  const directory = await openDirectory(store.backend);
  const stores = await openRequestStores(store.backend);
  const features = createFeatures({
    directory: withTimeout(directory, TIMEOUT_MS, 'directory'),
    requests: withTimeout(stores.requests, TIMEOUT_MS, 'requests'),
    advisers: withTimeout(stores.advisers, TIMEOUT_MS, 'advisers'),
    subjectSecret: DEVELOPMENT_SUBJECT_KEY_SECRET,
  });
  running = await startApp({ env: { STORE_TIMEOUT_MS: String(TIMEOUT_MS) }, store, features });
}, 60_000);

afterAll(async () => {
  server?.resume();
  await running?.close();
  await store?.close().catch(() => undefined);
  await server?.stop();
  console.log(`mongo faults injected: ${faults}`);
});

/** A web chat conversation whose every message is accepted (200) even during a fault. */
async function webChat() {
  const chat = await directLineChat(running.baseUrl);
  return async (text: string) => {
    const { status, replies } = await chat.say(text);
    expect(status).toBe(200);
    return replies;
  };
}

async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`still not ${what} after 30 s`);
}

describe('MongoDB faults in the middle of a conversation', () => {
  jest.setTimeout(120_000);

  it('frozen: the person is told at once, the dialog is kept, and it goes on once MongoDB answers again', async () => {
    const say = await webChat();
    expect(await say('suivre ma demande')).toContain(fr('followUp:askReference'));
    server.pause();
    faults += 1;
    try {
      expect(await say('GI-7K3P9Q')).toContain(fr('common:errors.unavailable'));
      expect((await fetch(`${running.baseUrl}/readyz`)).status).toBe(503);
    } finally {
      server.resume();
    }
    await until(async () => (await fetch(`${running.baseUrl}/readyz`)).status === 200, 'ready');
    expect(await say('GI-7K3P9Q')).toContain(fr('followUp:askCode'));
  });

  it('stopped then restarted: answered during the outage, served again after it', async () => {
    const say = await webChat();
    expect(await say('aide')).toContain(fr('common:help.commands'));
    await server.stop();
    faults += 1;
    expect(await say('aide')).toContain(fr('common:errors.unavailable'));
    expect((await fetch(`${running.baseUrl}/readyz`)).status).toBe(503);
    await server.start();
    faults += 1;
    await until(async () => (await fetch(`${running.baseUrl}/readyz`)).status === 200, 'ready');
    // The test server restarts empty (in memory): a new conversation works from the start.
    const again = await webChat();
    expect(await again('aide')).toContain(fr('common:help.commands'));
  });
});
