import { DEVELOPMENT_SUBJECT_KEY_SECRET } from '../../bot/config';
import { createFeatures } from '../../dialogs/features';
import { loadMartiniqueDemo } from '../../knowledge/directory/demo';
import { subjectKeyOf } from '../../knowledge/requests';
import { translator } from '../../locales/i18n';
import type { OpenedStore } from '../../stores/appStore';
import type { DirectoryRepository } from '../../stores/directory';
import { openRequestStores, type RequestStores } from '../../stores/requests/openRequests';
import { BotDriver, buttonsOf, textOf } from '../support/botDriver';
import { demoDirectory } from '../support/demoDirectory';

const fr = translator('fr');
const TENANT = '11111111-2222-3333-4444-555555555555';
const ADVISER = 'aaaaaaaa-0000-0000-0000-000000000001';
const STRANGER = 'cccccccc-0000-0000-0000-000000000003';
const ORG = loadMartiniqueDemo().find((s) => s.kind === 'FT')!.id;
let store: OpenedStore;
let directory: DirectoryRepository;
let stores: RequestStores;

beforeAll(async () => {
  ({ store, directory } = await demoDirectory());
  stores = await openRequestStores(store.backend);
  await stores.advisers.add({ tenantId: TENANT, aadObjectId: ADVISER, organisationId: ORG });
  await stores.requests.submit(
    {
      subjectKey: subjectKeyOf('webchat', 'person-identity', DEVELOPMENT_SUBJECT_KEY_SECRET),
      consent: { version: 'request-v1', givenAt: new Date('2026-11-20T10:00:00Z') },
      person: { firstName: 'Lucie', lastName: 'Durand', birthDate: '1985-05-05', contact: { kind: 'email', value: 'lucie@example.org' }, communeInsee: '97209' },
      criteria: ['RSA'],
      organisationId: ORG,
      routing: { ruleId: 'default', kind: 'FT' },
    },
    'key-identity-1',
  );
});
afterAll(() => store.close());

const features = () => createFeatures({ directory, requests: stores.requests, advisers: stores.advisers, subjectSecret: DEVELOPMENT_SUBJECT_KEY_SECRET });

/** One Teams conversation whose next sender can be changed (several people in one conversation). */
function teamsConversation() {
  const bot = new BotDriver({ features: features(), channelId: 'msteams', teamsIdentity: { aadObjectId: ADVISER, tenantId: TENANT } });
  const as = (aadObjectId: string) => Object.assign(bot, { teamsIdentity: { aadObjectId, tenantId: TENANT } });
  return { bot, as };
}

async function openTheRequest(bot: BotDriver) {
  await bot.join();
  const list = await bot.say('demandes reçues');
  return bot.say(buttonsOf(list).find((b) => b.startsWith('GI-'))!);
}

describe('adviser identity, checked on every step', () => {
  it('someone else in the same conversation cannot act on the adviser\u2019s open request', async () => {
    const { bot, as } = teamsConversation();
    expect(buttonsOf(await openTheRequest(bot))).toContain(fr('adviser:moveTo.diagnosis_in_progress'));
    as(STRANGER);
    expect(textOf(await bot.say(fr('adviser:moveTo.diagnosis_in_progress')))).toContain(fr('adviser:notAnAdviser'));
    const record = (await stores.requests.listForOrganisation(ORG, { limit: 10, offset: 0 })).items[0]!;
    expect(record.status).toBe('received');
    expect(record.history).toHaveLength(1);
  });

  it('an adviser removed while the request is open loses access at once', async () => {
    const { bot } = teamsConversation();
    await openTheRequest(bot);
    await stores.advisers.remove(TENANT, ADVISER);
    try {
      expect(textOf(await bot.say(fr('adviser:export.json')))).toContain(fr('adviser:notAnAdviser'));
      const record = (await stores.requests.listForOrganisation(ORG, { limit: 10, offset: 0 })).items[0]!;
      expect(record.history.some((h) => h.action === 'export')).toBe(false);
    } finally {
      await stores.advisers.add({ tenantId: TENANT, aadObjectId: ADVISER, organisationId: ORG });
    }
  });

  it('is refused outside a personal conversation (a group chat or a channel)', async () => {
    const { bot } = teamsConversation();
    await bot.join();
    const original = bot.adapter.receiveActivity.bind(bot.adapter);
    bot.adapter.receiveActivity = (activity) => {
      const a = activity as { conversation?: { conversationType?: string } };
      if (a.conversation) a.conversation.conversationType = 'groupChat';
      return original(activity);
    };
    // The adviser is told where requests are handled, and no request is shown here.
    const said = await bot.say('demandes reçues');
    expect(textOf(said)).toContain(fr('teams:personalOnly'));
    expect(buttonsOf(said).some((b) => b.startsWith('GI-'))).toBe(false);
  });
});
