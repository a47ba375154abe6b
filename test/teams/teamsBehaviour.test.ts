import type { Activity } from 'botbuilder';
import { ADVISER_MENU } from '../../dialogs/requests/adviserAccess';
import { loadMartiniqueDemo } from '../../knowledge/directory/demo';
import { translator, type Locale } from '../../locales/i18n';
import { COMMANDS } from '../../teams/manifest';
import { BotDriver, buttonsOf, textOf, type Reply, type TeamsIdentity } from '../support/botDriver';
import { webRequest, useDemoBot } from '../support/demoBot';

/**
 * The bot as Teams talks to it: activities with `channelId: 'msteams'`, the tenant in
 * `channelData.tenant`, the person's `from.aadObjectId`, the kind of conversation, and @mentions.
 */
const fr = translator('fr');
const en = translator('en');
const TENANT = '11111111-2222-3333-4444-555555555555';
const ADVISER = 'aaaaaaaa-0000-0000-0000-000000000001';
const STRANGER = 'cccccccc-0000-0000-0000-000000000003';
const ORG = loadMartiniqueDemo().find((s) => s.kind === 'FT')!.id;

const demo = useDemoBot({
  today: '2026-11-22',
  advisers: [{ tenantId: TENANT, aadObjectId: ADVISER, organisationId: ORG, name: 'Conseillère A' }],
  requests: [{ draft: webRequest(ORG, 'person-lucie'), key: 'key-lucie' }],
});
const features = () => demo.features();

function teams(who: string, conversationType: TeamsIdentity['conversationType'] = 'personal', locale: Locale = 'fr'): BotDriver {
  return new BotDriver({
    features: features(),
    channelId: 'msteams',
    locale: locale === 'fr' ? 'fr-FR' : 'en-US',
    teamsIdentity: { aadObjectId: who, tenantId: TENANT, conversationType },
  });
}

/** A channel message that @mentions the bot, as Teams sends it. */
function mentioning(text: string, others: Array<{ id: string; name: string }> = []): Partial<Activity> {
  const bot = { id: 'bot', name: 'Guichet IAE' };
  const mentions = [bot, ...others].map((m) => ({ type: 'mention', mentioned: m, text: `<at>${m.name}</at>` }));
  return {
    type: 'message',
    text: `<at>${bot.name}</at> ${text}${others.map((o) => ` <at>${o.name}</at>`).join('')}`,
    entities: mentions,
    recipient: bot,
  };
}

const install = (type: 'conversationUpdate' | 'installationUpdate'): Partial<Activity> =>
  type === 'conversationUpdate'
    ? { type, membersAdded: [{ id: 'bot', name: 'Guichet IAE' }], recipient: { id: 'bot', name: 'Guichet IAE' } }
    : { type, action: 'add', recipient: { id: 'bot', name: 'Guichet IAE' } };

const welcomeText = (replies: Reply[]) => textOf(replies).includes(fr('common:welcome.hello'));

describe('Teams: welcome on install in a personal chat', () => {
  it.each([
    ['conversationUpdate', 'installationUpdate'],
    ['installationUpdate', 'conversationUpdate'],
  ] as const)('welcomes once when %s comes before %s, with the menu', async (first, second) => {
    const bot = teams(STRANGER);
    const welcome = await bot.send(install(first));
    expect(welcomeText(welcome)).toBe(true);
    expect(buttonsOf(welcome)).toContain(fr('common:menu.help'));
    expect(await bot.send(install(second))).toEqual([]);
  });

  it('does not greet in a team channel when the app is added or people join', async () => {
    const bot = teams(STRANGER, 'channel');
    expect(await bot.send(install('conversationUpdate'))).toEqual([]);
    expect(await bot.send({ type: 'conversationUpdate', membersAdded: [{ id: 'user2', name: 'New member' }], recipient: { id: 'bot', name: 'Guichet IAE' } })).toEqual([]);
    expect(await bot.send(install('installationUpdate'))).toEqual([]);
  });
});

describe('Teams: @mentions in channel conversations', () => {
  it('reads the message without the mention of the bot, nor of anyone else', async () => {
    const bot = teams(STRANGER, 'channel');
    const help = await bot.send(mentioning('aide', [{ id: 'user2', name: 'Marie Dupont' }]));
    expect(textOf(help)).toContain(fr('common:help.intro'));
    expect(textOf(help)).not.toContain('Marie');
  });

  it.each(COMMANDS.map((c) => [c]))('understands the command « %s » of the manifest, in French and English', async (command) => {
    for (const [locale, t] of [['fr', fr], ['en', en]] as const) {
      const bot = teams(STRANGER, 'channel', locale);
      const said = textOf(await bot.send(mentioning(t(`teams:commands.${command}.title`))));
      const expected = {
        search: t('search:askKind'),
        eligibility: t('eligibilityDialog:intro').slice(0, 20),
        requests: t('teams:personalOnly'),
        stats: t('stats:askPlace'),
        help: t('common:help.intro'),
      }[command];
      expect([locale, command, said.includes(expected)]).toEqual([locale, command, true]);
    }
  });
});

describe('Teams: the adviser space', () => {
  it('an identified adviser in their personal chat is welcomed with the request queue and the quick lookup first', async () => {
    const bot = teams(ADVISER);
    const welcome = await bot.join();
    expect(textOf(welcome)).toContain(fr('teams:adviserHelloNamed', { name: 'Conseillère A' }));
    expect(textOf(welcome)).toContain(fr('teams:adviserSpace'));
    expect(welcomeText(welcome)).toBe(false);
    const menu = ADVISER_MENU.map((id) => ({ adviser: 'adviser:menu', search: 'search:menu', eligibility: 'eligibilityDialog:menu', stats: 'stats:menu' })[id]);
    expect(buttonsOf(welcome)).toEqual([...menu.map((k) => fr(k)), fr('common:menu.help'), fr('common:menu.language')]);
    // The first button opens the queue.
    const queue = await bot.say(buttonsOf(welcome)[0]!);
    expect(textOf(queue)).toContain(fr('adviser:list', { count: 1, shown: 1 }));
    expect(buttonsOf(queue).some((b) => b.includes('Lucie D.'))).toBe(true);
  });

  it('someone not in the registry gets the general welcome and menu', async () => {
    const welcome = await teams(STRANGER).join();
    expect(welcomeText(welcome)).toBe(true);
    expect(buttonsOf(welcome)).not.toContain(fr('adviser:menu'));
    expect(buttonsOf(welcome)).toContain(fr('eligibilityDialog:menu'));
  });

  it.each(['channel', 'groupChat'] as const)('in a %s, the adviser gets the general menu and no request is shown', async (conversationType) => {
    const bot = teams(ADVISER, conversationType);
    const menu = await bot.send(mentioning('menu'));
    expect(buttonsOf(menu)).not.toContain(fr('adviser:menu'));
    const refused = await bot.send(mentioning('demandes reçues'));
    expect(textOf(refused)).toContain(fr('teams:personalOnly'));
    expect(JSON.stringify(refused)).not.toContain('Lucie');
  });
});

describe('Teams: choices as Teams shows them', () => {
  it('a menu longer than a hero card holds is one Adaptive Card with every choice as a button', async () => {
    const welcome = await teams(STRANGER).join();
    const menu = welcome.find((r) => r.buttons.length > 0)!;
    expect(menu.buttons.length).toBeGreaterThan(6);
    expect(menu.text).toContain(fr('common:menu.prompt'));
    expect(menu.attachments).toHaveLength(1);
    expect(menu.attachments![0]!.contentType).toBe('application/vnd.microsoft.card.adaptive');
    // Pressing a button sends its label back, as typing it would.
    const chosen = await teams(STRANGER).send({ type: 'message', text: menu.buttons[menu.buttons.indexOf(fr('search:menu'))]! });
    expect(textOf(chosen)).toContain(fr('search:askKind'));
  });

  it('a question with a few answers stays a hero card with its buttons', async () => {
    const bot = teams(STRANGER);
    await bot.join();
    const question = await bot.say(fr('eligibilityDialog:menu'));
    const heroes = question.flatMap((r) => r.attachments ?? []).filter((a) => a.contentType === 'application/vnd.microsoft.card.hero');
    expect(heroes).toHaveLength(1);
    const buttons = (heroes[0]!.content as { buttons: Array<{ type: string; title: string }> }).buttons;
    // The first eligibility question: which minimum benefit, if any (five answers, under Teams' six).
    const answers = ['RSA', 'ASS', 'AAH', 'none'].map((k) => fr(`eligibilityDialog:minima.choices.${k}`));
    expect(buttons.map((b) => [b.type, b.title])).toEqual([...answers, fr('common:answers.unknown')].map((t) => ['imBack', t]));
  });
});

describe('Teams: a person is one message away, also on the buttons a question built itself', () => {
  const heroButtons = (replies: Reply[]) =>
    replies
      .flatMap((r) => r.attachments ?? [])
      .filter((a) => a.contentType === 'application/vnd.microsoft.card.hero')
      .flatMap((a) => (a.content as { buttons: Array<{ title: string }> }).buttons.map((b) => b.title));

  it.each([
    ['the minima question (a hero card)', [fr('eligibilityDialog:menu')]],
    ['the registration question', [fr('eligibilityDialog:menu'), fr('eligibilityDialog:minima.choices.none'), '40 ans']],
  ])('%s: after two answers it cannot read, its buttons end with « Parler à quelqu’un », which reaches a person', async (_name, reach) => {
    const bot = teams(STRANGER);
    await bot.join();
    let asked: Reply[] = [];
    for (const message of reach) asked = await bot.say(message);
    const choices = buttonsOf(asked);
    expect(choices.length).toBeGreaterThan(1);
    expect(buttonsOf(await bot.say('blablabla'))).not.toContain(fr('conversation:person.button'));
    const retry = await bot.say('blablabla');
    expect(buttonsOf(retry)).toEqual([...choices, fr('conversation:person.button')]);
    // Teams shows it in the question's own card, not in another message.
    expect(retry.filter((r) => r.buttons.length > 0)).toHaveLength(1);
    if (heroButtons(asked).length > 0) expect(heroButtons(retry)).toContain(fr('conversation:person.button'));
    expect(textOf(await bot.say(fr('conversation:person.button')))).toContain(fr('conversation:person.intro'));
  });

  it('on Web Chat the same question offers it as a suggested action', async () => {
    const bot = new BotDriver({ features: features(), channelId: 'webchat', locale: 'fr-FR' });
    await bot.join();
    const asked = await bot.say(fr('eligibilityDialog:menu'));
    await bot.say('blablabla');
    const retry = await bot.say('blablabla');
    expect(buttonsOf(retry)).toEqual([...buttonsOf(asked), fr('conversation:person.button')]);
  });
});
