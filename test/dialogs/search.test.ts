import type { Activity } from 'botbuilder';
import { translator } from '../../locales/i18n';
import { createFeatures } from '../../dialogs/features';
import { anchorOf, resolvePlace } from '../../knowledge/territory';
import type { Understand } from '../../dialogs/shared/understanding';
import type { OpenedStore } from '../../stores/appStore';
import type { DirectoryRepository } from '../../stores/directory';
import { BotDriver, buttonsOf, textOf, type Reply } from '../support/botDriver';
import { demoDirectory } from '../support/demoDirectory';
import { formatKm } from '../../dialogs/search/structureCard';

const fr = translator('fr');
const en = translator('en');
let store: OpenedStore;
let directory: DirectoryRepository;

beforeAll(async () => {
  ({ store, directory } = await demoDirectory());
});
afterAll(() => store.close());

const features = () => createFeatures({ today: () => '2026-11-22', directory });

/** The Adaptive Cards of a turn's replies. */
function cardsOf(replies: Reply[]): Array<{ version: string; body: Array<{ text?: string }>; actions: Array<{ type: string; title: string; url?: string }> }> {
  return replies
    .flatMap((r) => (r.attachments ?? []) as Activity['attachments'])
    .filter((a) => a?.contentType === 'application/vnd.microsoft.card.adaptive')
    .map((a) => a!.content);
}

async function menuSearch(locale: 'fr' | 'en' = 'fr', understand?: Understand) {
  const bot = new BotDriver({ features: features(), locale: locale === 'fr' ? 'fr-FR' : 'en-US', understand });
  await bot.join();
  const first = await bot.say(locale === 'fr' ? fr('search:menu') : en('search:menu'));
  return { bot, first };
}

describe('search dialog', () => {
  it('asks the kind with a one-line explanation of each, then the place, then shows cards nearest first', async () => {
    const { bot, first } = await menuSearch();
    expect(textOf(first)).toContain(fr('search:askKind'));
    expect(textOf(first)).toContain(fr('directory:kinds.ACI.explain'));
    expect(buttonsOf(first)).toContain("Chantier d'insertion");
    expect(buttonsOf(first)).toContain(fr('common:answers.unknown'));
    expect(textOf(await bot.say("Chantier d'insertion"))).toContain(fr('search:askPlace'));
    const results = await bot.say('le lamentin');
    const said = textOf(results);
    expect(said).toMatch(/J'ai trouvé \d+ résultats? \(chantiers d'insertion\) à moins de 25 km du Lamentin \(972\)\./);
    const cards = cardsOf(results);
    // The five nearest chantiers of the directory itself, in its order (nearest first).
    const lamentin = resolvePlace('Le Lamentin');
    if (lamentin.status !== 'found') throw new Error('Le Lamentin is a commune of the territory');
    const nearest = await directory.search({ center: anchorOf(lamentin.place)!.center, radiusKm: 25, kinds: ['ACI'], limit: 5, offset: 0 });
    expect(nearest.items.length).toBeGreaterThan(1);
    expect(cards.map((c) => c.body[0]!.text)).toEqual(nearest.items.map((i) => i.structure.name));
    expect(nearest.items.map((i) => i.distanceKm)).toEqual([...nearest.items.map((i) => i.distanceKm)].sort((a, b) => a - b));
    expect(cards[0]!.version).toBe('1.5');
    expect(cards[0]!.body.map((b) => b.text)).toContain(fr('directory:kinds.ACI.name'));
    expect(cards[0]!.body.map((b) => b.text)).toContain(fr('directory:demoNotice'));
    expect(cards[0]!.actions.some((a) => a.type === 'Action.OpenUrl' && a.url?.startsWith('https://www.openstreetmap.org/'))).toBe(true);
    expect(said).toContain(fr('directory:demoDataset'));
    expect(buttonsOf(results)).toEqual(expect.arrayContaining([fr('search:next.radius'), fr('search:next.partners'), fr('search:next.new')]));
  });

  it('"je ne sais pas" searches every kind; "voir plus" shows the next page', async () => {
    const { bot } = await menuSearch();
    await bot.say('je ne sais pas');
    const results = await bot.say('Fort-de-France');
    const total = Number(/J'ai trouvé (\d+) résultats/.exec(textOf(results))?.[1]);
    expect(total).toBeGreaterThan(5);
    const more = buttonsOf(results).find((b) => b.startsWith('Voir '));
    expect(more).toBe(fr('search:next.more', { count: total - 5 }));
    const page2 = await bot.say(more!);
    const firstNames = cardsOf(results).map((c) => c.body[0]!.text);
    const secondNames = cardsOf(page2).map((c) => c.body[0]!.text);
    expect(secondNames.length).toBeGreaterThan(0);
    expect(secondNames.some((n) => firstNames.includes(n))).toBe(false);
  });

  it('« le premier », « la dernière », « la 2e structure » at the results: that structure of the page alone, then the same question; « 2 » stays the second button', async () => {
    const { bot } = await menuSearch();
    await bot.say('je ne sais pas');
    const results = await bot.say('Fort-de-France');
    const names = cardsOf(results).map((c) => c.body[0]!.text);
    expect(names.length).toBe(5);
    const buttons = buttonsOf(results);
    for (const [said, name] of [['le premier', names[0]], ['la dernière', names[4]], ['je veux la 2e structure', names[1]], ['Le troisième', names[2]]] as const) {
      const replies = await bot.say(said);
      expect(textOf(replies)).toContain(fr('search:focused', { name }));
      expect(cardsOf(replies).map((c) => c.body[0]!.text)).toEqual([name]);
      expect(textOf(replies)).not.toMatch(/J'ai trouvé/);
      expect(buttonsOf(replies)).toEqual(buttons);
    }
    // The next page still follows the first one.
    const page2 = await bot.say(buttons[0]!);
    expect(cardsOf(page2).map((c) => c.body[0]!.text).some((n) => names.includes(n))).toBe(false);
    // A plain number picks a button, as under every question.
    expect(textOf(await bot.say('2'))).toContain(fr('search:askRadius'));
  });

  it('"the second one" in English', async () => {
    const { bot } = await menuSearch('en');
    await bot.say("I don't know");
    const names = cardsOf(await bot.say('Fort-de-France')).map((c) => c.body[0]!.text);
    const replies = await bot.say('the second one');
    expect(textOf(replies)).toContain(en('search:focused', { name: names[1] }));
    expect(cardsOf(replies).map((c) => c.body[0]!.text)).toEqual([names[1]]);
  });

  it('reads a kind named at the results without keeping the kinds in the conversation state', async () => {
    const { bot } = await menuSearch();
    await bot.say('je ne sais pas');
    await bot.say('Fort-de-France');
    // What waits in the store while the results' question is open: the dialog stack, not the kinds' synonyms.
    const kept = JSON.stringify((bot.storage as unknown as { memory: Record<string, string> }).memory);
    expect(kept).not.toContain('hiddenChoices');
    expect(kept.length).toBeLessThan(3000);
    const again = await bot.say("des entreprises d'insertion");
    expect(textOf(again)).toMatch(/J'ai trouvé \d+ résultats? \(entreprises d'insertion\)/);
  });

  it('asks which one when a name is shared (Sainte-Luce: Isère or Martinique)', async () => {
    const { bot } = await menuSearch();
    await bot.say('je ne sais pas');
    const which = await bot.say('Sainte-Luce');
    expect(textOf(which)).toContain(fr('search:whichPlace'));
    expect(buttonsOf(which)).toEqual(expect.arrayContaining(['Sainte-Luce (972)', 'Sainte-Luce (38)']));
    expect(textOf(await bot.say('Sainte-Luce (972)'))).toMatch(/Sainte-Luce \(972\)/);
  });

  it('says when nothing is within the radius and shows the nearest ones anyway, with their distance', async () => {
    const understand: Understand = () => ({
      intent: 'search',
      confidence: 0.9,
      slots: { kinds: ['CAP_EMPLOI'], place: { type: 'commune', code: '97207', label: 'Ducos' }, radiusKm: 5 },
    });
    const bot = new BotDriver({ features: features(), understand });
    await bot.join();
    const none = await bot.say('le cap emploi le plus proche de ducos');
    const said = textOf(none);
    // Only the kind of adviser asked for (not every adviser kind).
    expect(said).toContain(fr('search:noneAround', { what: fr('search:kindPlural.CAP_EMPLOI'), km: 5, ofPlace: 'de Ducos (972)' }));
    const ducos = resolvePlace('Ducos');
    if (ducos.status !== 'found') throw new Error('Ducos is a commune of the territory');
    const nearest = await directory.search({ center: anchorOf(ducos.place)!.center, radiusKm: 100, kinds: ['CAP_EMPLOI'], limit: 3, offset: 0 });
    expect(nearest.items.length).toBeGreaterThan(0);
    expect(nearest.items[0]!.distanceKm).toBeGreaterThan(5);
    expect(cardsOf(none).map((c) => c.body[0]!.text)).toEqual(nearest.items.map((i) => i.structure.name));
    expect(said).toContain(fr('search:nearestInstead', { count: nearest.items.length, km: formatKm(nearest.items[0]!.distanceKm!, 'fr') }));
    // The nearest are on screen: no « Chercher à 10 km », the distance can still be changed.
    expect(buttonsOf(none)).not.toContain(fr('search:next.widen', { km: 10 }));
    expect(buttonsOf(none)).toContain(fr('search:next.radius'));
    // « le premier » is the first of those shown.
    expect(textOf(await bot.say('le premier'))).toContain(nearest.items[0]!.structure.name);
  });

  it('a whole request in one message goes straight to the results', async () => {
    const understand: Understand = () => ({
      intent: 'search',
      confidence: 0.9,
      slots: { kinds: ['ACI'], place: { type: 'commune', code: '97213', label: 'Le Lamentin' }, radiusKm: 20 },
    });
    const bot = new BotDriver({ features: features(), understand });
    await bot.join();
    const results = await bot.say("un chantier d'insertion près du Lamentin dans 20 km");
    expect(textOf(results)).toMatch(/à moins de 20 km du Lamentin/);
    expect(textOf(results)).not.toContain(fr('search:askKind'));
    expect(cardsOf(results).length).toBeGreaterThan(0);
  });

  it('searches an area (zone Sud) by name, without distances', async () => {
    const understand: Understand = () => ({ intent: 'search', confidence: 0.9, slots: { kinds: ['EI'], place: { type: 'epci', code: '249720053', label: 'Espace Sud' } } });
    const bot = new BotDriver({ features: features(), understand });
    await bot.join();
    const results = await bot.say('ei sud martinique');
    expect(textOf(results)).toMatch(/J'ai trouvé 3 résultats \(entreprises d'insertion\) dans la CA de l'Espace Sud de la Martinique\./);
    expect(cardsOf(results)).toHaveLength(3);
  });

  it('finds advisers (France Travail, Mission Locale…) near the same place', async () => {
    const { bot } = await menuSearch();
    await bot.say('je ne sais pas');
    await bot.say('Fort-de-France');
    const partners = await bot.say(fr('search:next.partners'));
    const said = textOf(partners);
    expect(said).toMatch(/conseillers/);
    expect(said).toMatch(/5 km/);
  });

  it('in English', async () => {
    const { bot, first } = await menuSearch('en');
    expect(textOf(first)).toContain(en('search:askKind'));
    // English punctuation: no space before the colon (it was « integration enterprise : A company… »).
    expect(textOf(first)).toContain(`- ${en('directory:kinds.EI.short')}: ${en('directory:kinds.EI.explain')}`);
    expect(textOf(first)).not.toMatch(/\S : /);
    await bot.say("I don't know");
    const results = await bot.say('Schoelcher');
    expect(textOf(results)).toMatch(/I found \d+ results? \(integration structures\) within 25 km of Schœlcher/);
  });

  it('on Teams the kinds come as card buttons', async () => {
    const bot = new BotDriver({ features: features(), channelId: 'msteams' });
    await bot.join();
    const first = await bot.say(fr('search:menu'));
    expect(buttonsOf(first)).toContain("Chantier d'insertion");
  });
});

describe('stats dialog', () => {
  it('counts structures and posts of a zone from the directory (Sud: 11 SIAE, 121 posts)', async () => {
    const understand: Understand = () => ({ intent: 'stats', confidence: 0.9, slots: { place: { type: 'epci', code: '249720053', label: 'Espace Sud' } } });
    const bot = new BotDriver({ features: features(), understand });
    await bot.join();
    const said = textOf(await bot.say('combien de structures dans le Sud ?'));
    expect(said).toContain(`- ${fr('directory:kinds.ACI.name')} : ${fr('stats:row', { count: 6, posts: 86 })}`);
    expect(said).toContain(`- ${fr('directory:kinds.EI.name')} : ${fr('stats:row', { count: 3, posts: 22 })}`);
    expect(said).toContain(`- ${fr('directory:kinds.AI.name')} : ${fr('stats:row', { count: 2, posts: 13 })}`);
  });

  it('asks for the territory when none was said', async () => {
    const bot = new BotDriver({ features: features() });
    await bot.join();
    expect(textOf(await bot.say(fr('stats:menu')))).toContain(fr('stats:askPlace'));
    const said = textOf(await bot.say('Martinique'));
    expect(said).toMatch(/1103 postes d'insertion/);
  });
});
