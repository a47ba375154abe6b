import type { Activity, Attachment } from 'botbuilder';
import { TEAMS_LIMITS } from '../../bot/channels/teamsRendering';
import { structureCard } from '../../dialogs/search/structureCard';
import { loadMartiniqueDemo } from '../../knowledge/directory/demo';
import { structureSchema, type Structure } from '../../knowledge/directory/structure';
import { LOCALES, translator, type Locale } from '../../locales/i18n';
import { BotDriver, type Reply } from '../support/botDriver';
import { useDemoBot, webRequest } from '../support/demoBot';

/**
 * Every card the bot makes stays within what Teams shows: Adaptive Cards of version 1.5 at most and
 * 28 KB at most, no more than 6 actions side by side; hero cards of 6 buttons at most; 3 suggested
 * actions at most.
 */
const MAX_ACTIONS = 6;

type CardJson = { type?: string; version?: string; actions?: unknown[]; body?: Array<{ type?: string; actions?: unknown[] }> };

/** What is wrong with one attachment for Teams (empty when nothing). */
function cardProblems(attachment: Attachment): string[] {
  const problems: string[] = [];
  const bytes = Buffer.byteLength(JSON.stringify(attachment.content), 'utf8');
  if (attachment.contentType === 'application/vnd.microsoft.card.adaptive') {
    const card = attachment.content as CardJson;
    if (Number(card.version) > Number(TEAMS_LIMITS.adaptiveCardVersion)) problems.push(`Adaptive Card version ${card.version}`);
    if (bytes > TEAMS_LIMITS.adaptiveCardBytes) problems.push(`Adaptive Card of ${bytes} bytes`);
    if ((card.actions?.length ?? 0) > MAX_ACTIONS) problems.push(`${card.actions!.length} card actions`);
    for (const set of card.body ?? []) if (set.type === 'ActionSet' && (set.actions?.length ?? 0) > MAX_ACTIONS) problems.push(`${set.actions!.length} actions in one set`);
  } else if (attachment.contentType === 'application/vnd.microsoft.card.hero') {
    const buttons = (attachment.content as { buttons?: unknown[] }).buttons?.length ?? 0;
    if (buttons > TEAMS_LIMITS.heroCardButtons) problems.push(`hero card of ${buttons} buttons`);
  } else {
    problems.push(`attachment Teams does not show: ${attachment.contentType}`);
  }
  return problems;
}

function messageProblems(activity: Partial<Activity>): string[] {
  const suggested = activity.suggestedActions?.actions?.length ?? 0;
  return [
    ...(suggested > TEAMS_LIMITS.suggestedActions ? [`${suggested} suggested actions`] : []),
    ...(activity.attachments ?? []).flatMap(cardProblems),
  ];
}

describe('every structure card fits Teams', () => {
  const demo = loadMartiniqueDemo();

  it.each(LOCALES.map((l) => [l]))('the %s cards of every demo structure, with and without distance and request button', (locale) => {
    const t = translator(locale as Locale);
    const problems = demo.flatMap((s) =>
      [undefined, 3.2].flatMap((km) => cardProblems(structureCard(s, km, t, locale as Locale, { canRequest: true })).map((p) => `${s.id}: ${p}`)),
    );
    expect(problems).toEqual([]);
    expect(demo.length).toBeGreaterThan(60);
  });

  it('the largest structure the directory accepts (every text at its maximum length, 3-byte characters)', () => {
    const long = (n: number) => '€'.repeat(n);
    const base = demo[0]!;
    const largest: Structure = structureSchema.parse({
      ...base,
      name: long(200),
      address: { line1: long(200), line2: long(200), postcode: '97232', communeName: long(100) },
      phone: '+596 596 00 00 00 00',
      email: `${'a'.repeat(188)}@example.org`,
      website: `https://example.org/${'a'.repeat(280)}`,
      description: long(2000),
      sectors: Array.from({ length: 20 }, () => long(100)),
      insertionPosts: 100000,
      acceptsApplications: false,
      location: { ...base.location, precision: 'commune' },
    });
    for (const locale of LOCALES) {
      const card = structureCard(largest, 99.9, translator(locale), locale, { canRequest: true });
      expect(cardProblems(card)).toEqual([]);
      // About 16 KB measured: the worst case is large, and within 28 KB.
      expect(Buffer.byteLength(JSON.stringify(card.content))).toBeGreaterThan(15000);
    }
  });
});

describe('every card of a Teams conversation fits Teams', () => {
  const TENANT = '11111111-2222-3333-4444-555555555555';
  const ADVISER = 'aaaaaaaa-0000-0000-0000-000000000001';
  const org = loadMartiniqueDemo().find((s) => s.kind === 'FT')!.id;
  const demo = useDemoBot({
    today: '2026-11-22',
    advisers: [{ tenantId: TENANT, aadObjectId: ADVISER, organisationId: org, name: 'Conseillère A' }],
    requests: ['Lucie', 'Hugo', 'Inès', 'Jules', 'Karim', 'Léa', 'Marc', 'Nina', 'Omar', 'Paul', 'Rose', 'Sami'].map((firstName, i) => ({
      draft: webRequest(org, `person-${i}`, { firstName, contact: { kind: 'email', value: `p${i}@example.org` } }),
      key: `key-card-limits-${i}`,
    })),
  });
  const features = () => demo.features();

  /**
   * Walks a conversation from a first message: presses the first button offered (skipping the
   * global ones), or gives a place when no button is offered, for a number of turns. Returns every
   * message the bot sent.
   */
  async function walk(bot: BotDriver, first: string, locale: Locale, turns = 12): Promise<Array<Partial<Activity>>> {
    const t = translator(locale);
    const globals = new Set([t('common:menu.help'), t('common:menu.language'), t('common:menu.label')]);
    const sent: Array<Partial<Activity>> = [];
    let replies: Reply[] = await bot.say(first);
    for (let turn = 0; turn < turns; turn++) {
      sent.push(...bot.lastActivities);
      const next = replies.flatMap((r) => r.buttons).find((b) => !globals.has(b));
      replies = await bot.say(next ?? 'Le Lamentin');
    }
    sent.push(...bot.lastActivities);
    return sent;
  }

  it.each(LOCALES.map((l) => [l]))('from every menu button, in %s (cards of every kind seen)', async (locale) => {
    const t = translator(locale as Locale);
    const start = new BotDriver({ features: features(), channelId: 'msteams', locale: locale === 'fr' ? 'fr-FR' : 'en-US' });
    await start.join();
    const labels = features().filter((f) => !f.hidden).map((f) => t(f.menuLabelKey));
    const sent: Array<Partial<Activity>> = [...start.lastActivities];
    for (const label of labels) {
      const bot = new BotDriver({ features: features(), channelId: 'msteams', locale: locale === 'fr' ? 'fr-FR' : 'en-US' });
      await bot.join();
      sent.push(...(await walk(bot, label, locale as Locale)));
    }
    expect(sent.flatMap(messageProblems)).toEqual([]);
    const kinds = new Set(sent.flatMap((a) => a.attachments ?? []).map((a) => a.contentType));
    expect([...kinds].sort()).toEqual(['application/vnd.microsoft.card.adaptive', 'application/vnd.microsoft.card.hero']);
  });

  it('in the adviser space (a list of 12 requests, a request opened, exported)', async () => {
    const bot = new BotDriver({ features: features(), channelId: 'msteams', teamsIdentity: { aadObjectId: ADVISER, tenantId: TENANT } });
    await bot.join();
    const sent = [...bot.lastActivities, ...(await walk(bot, translator('fr')('adviser:menu'), 'fr', 4))];
    const exported = await bot.say(translator('fr')('adviser:export.json'));
    sent.push(...bot.lastActivities);
    expect(exported.length).toBeGreaterThan(0);
    expect(sent.flatMap(messageProblems)).toEqual([]);
    expect(sent.some((a) => (a.attachments ?? []).some((c) => c.contentType === 'application/vnd.microsoft.card.adaptive'))).toBe(true);
  });
});
