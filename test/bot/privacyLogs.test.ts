import { Writable } from 'node:stream';
import { DEVELOPMENT_SUBJECT_KEY_SECRET } from '../../bot/config';
import { translator } from '../../locales/i18n';
import { createLogger } from '../../bot/logger';
import { createFeatures } from '../../dialogs/features';
import { warmRecognizers } from '../../knowledge/understanding/ageOrBirthDate';
import type { OpenedStore } from '../../stores/appStore';
import { openRequestStores } from '../../stores/requests/openRequests';
import { postJson, startApp, type RunningApp } from '../support/appServer';
import { demoDirectory } from '../support/demoDirectory';

const fr = translator('fr');
let store: OpenedStore;
let running: RunningApp;
const logLines: string[] = [];

beforeAll(async () => {
  warmRecognizers();
  const demo = await demoDirectory();
  store = demo.store;
  const { requests } = await openRequestStores(store.backend);
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  running = await startApp({
    features: createFeatures({ directory: demo.directory, requests, subjectSecret: DEVELOPMENT_SUBJECT_KEY_SECRET }),
    logger: createLogger('trace', sink),
  });
});
afterAll(async () => {
  await running.close();
  await store.close();
});

async function say(text: string): Promise<string> {
  const res = await postJson(`${running.baseUrl}/api/messages`, {
    type: 'message',
    text,
    channelId: 'emulator',
    serviceUrl: 'http://127.0.0.1:9/',
    deliveryMode: 'expectReplies',
    locale: 'fr-FR',
    from: { id: 'person-42', name: 'Marie Dupont' },
    recipient: { id: 'bot' },
    conversation: { id: 'conversation-42' },
  });
  const body = (await res.json()) as { activities?: Array<{ text?: string }> };
  return (body.activities ?? []).map((a) => a.text ?? '').join('\n');
}

describe('logs of a full request flow', () => {
  it('hold no name, birth date, phone, e-mail, reference or code', async () => {
    await say(fr('requests:menu'));
    await say(fr('requests:accept'));
    for (const answer of ['Marie', 'Dupont', '03/03/1990', 'marie.dupont@example.org', 'Le Robert', 'Je parle créole']) await say(answer);
    const sent = await say(fr('requests:summary.send'));
    const reference = /GI-[2-9A-HJ-NP-Z]{6}/.exec(sent)?.[0];
    const code = /: (\d{6})/.exec(sent)?.[1];
    expect(reference).toBeDefined();
    const logs = logLines.join('');
    expect(logs).toContain('"event":"turn"');
    for (const secret of ['Marie', 'Dupont', '1990', '03/03', 'marie.dupont', 'example.org', 'créole', 'person-42', 'conversation-42', reference!, code!]) {
      expect([secret, logs.includes(secret)]).toEqual([secret, false]);
    }
  });
});
