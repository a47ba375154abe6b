import { DEVELOPMENT_SUBJECT_KEY_SECRET } from '../../bot/config';
import { translator } from '../../locales/i18n';
import { createFeatures } from '../../dialogs/features';
import { loadMartiniqueDemo } from '../../knowledge/directory/demo';
import { warmRecognizers } from '../../knowledge/understanding/ageOrBirthDate';
import { openStore, type OpenedStore } from '../../stores/appStore';
import { openDirectory } from '../../stores/directory';
import { openRequestStores } from '../../stores/requests/openRequests';
import { BotDriver, textOf } from '../support/botDriver';
import { describeWithMongo } from '../support/mongo';
import { OwnMongoServer, freePort, ownMongoServerAvailable } from '../support/ownMongoServer';

const fr = translator('fr');

describeWithMongo('a request when MongoDB goes down and comes back', () => {
  let server: OwnMongoServer;
  let requestStore: OpenedStore;
  let directoryStore: OpenedStore;

  beforeAll(async () => {
    if (!ownMongoServerAvailable) throw new Error('build the test MongoDB server first: bash .ci/mongo.sh start');
    warmRecognizers();
    server = new OwnMongoServer(await freePort());
    await server.start();
    requestStore = await openStore({ mongodbUri: server.uri, mongodbDb: 'outage', dataDir: null, mongodbTimeoutMs: 1500 });
    // The directory stays on the embedded store: only the requests' MongoDB goes down.
    directoryStore = await openStore({ dataDir: null, mongodbDb: 'unused' });
  }, 60_000);

  afterAll(async () => {
    await requestStore?.close().catch(() => undefined);
    await directoryStore?.close();
    await server?.stop();
  });

  it('says so in one sentence, keeps the draft, and sends it once the store is back', async () => {
    const directory = await openDirectory(directoryStore.backend);
    await directory.upsertMany(loadMartiniqueDemo());
    const { requests } = await openRequestStores(requestStore.backend);
    const bot = new BotDriver({ features: createFeatures({ today: () => '2026-11-22', directory, requests, subjectSecret: DEVELOPMENT_SUBJECT_KEY_SECRET }) });
    await bot.join();
    await bot.say(fr('requests:menu'));
    await bot.say(fr('requests:accept'));
    for (const answer of ['Marie', 'Dupont', '03/03/1990', '0612345678', 'Le Robert', 'Passer']) await bot.say(answer);

    await server.stop();
    const down = textOf(await bot.say(fr('requests:summary.send')));
    expect(down).toContain(fr('requests:storeDown'));
    expect(down).not.toContain(fr('requests:sent.title'));

    await server.start();
    // The draft is still there: asking again goes straight to the summary.
    const again = textOf(await bot.say('envoyer ma demande'));
    expect(again).toContain(fr('requests:summary.title'));
    expect(again).toContain('Marie');
    const sent = textOf(await bot.say(fr('requests:summary.send')));
    expect(sent).toContain(fr('requests:sent.title'));
    expect(sent).toMatch(/GI-[2-9A-HJ-NP-Z]{6}/);
  }, 90_000);
});
