import { loadMartiniqueDemo } from '../../knowledge/directory/demo';
import { translator } from '../../locales/i18n';
import type { RequestStores } from '../../stores/requests/openRequests';
import { BotDriver, buttonsOf, textOf } from '../support/botDriver';
import { webRequest, useDemoBot } from '../support/demoBot';

const fr = translator('fr');
const TENANT = '11111111-2222-3333-4444-555555555555';
const ADVISER = 'aaaaaaaa-0000-0000-0000-000000000001';
const STRANGER = 'cccccccc-0000-0000-0000-000000000003';
const ORG = loadMartiniqueDemo().find((s) => s.kind === 'FT')!.id;
const demo = useDemoBot({
  advisers: [{ tenantId: TENANT, aadObjectId: ADVISER, organisationId: ORG }],
  requests: [{ draft: webRequest(ORG, 'person-identity'), key: 'key-identity-1' }],
});
let stores: RequestStores;
beforeAll(() => {
  ({ stores } = demo);
});

const features = () => demo.features();

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
