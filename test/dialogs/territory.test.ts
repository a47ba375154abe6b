import { createFeatures } from '../../dialogs/features';
import type { Understand } from '../../dialogs/shared/understanding';
import { translator } from '../../locales/i18n';
import type { OpenedStore } from '../../stores/appStore';
import type { DirectoryRepository } from '../../stores/directory';
import { BotDriver, textOf } from '../support/botDriver';
import { demoDirectory } from '../support/demoDirectory';

/** Issue 13 in the conversation: the stats and the search of a guichet serving Martinique. */
const fr = translator('fr');
let store: OpenedStore;
let directory: DirectoryRepository;

beforeAll(async () => {
  ({ store, directory } = await demoDirectory());
});
afterAll(() => store.close());

const features = (territory?: string) => createFeatures({ today: () => '2026-11-22', directory, territory });
const kind = (k: string) => fr(`directory:kinds.${k}.name`);

describe('stats dialog: SIAE, as the DIECCTE table', () => {
  it('answers for the served territory when no place is said: Martinique 61 SIAE, 1103 posts, partners apart', async () => {
    const bot = new BotDriver({ features: features('972') });
    await bot.join();
    const said = textOf(await bot.say(fr('stats:menu')));
    expect(said).toContain(fr('stats:totalSiae', { place: 'Martinique', count: 61, posts: fr('stats:posts', { count: 1103 }) }));
    expect(said).toContain(fr('stats:apart'));
    expect(said).toContain(`- ${kind('FT')} : `);
    expect(said).toContain(fr('stats:otherPlace'));
    // The partners come after the line that says they are apart, never in the SIAE rows.
    expect(said.indexOf(`- ${kind('FT')}`)).toBeGreaterThan(said.indexOf(fr('stats:apart')));
  });

  it.each([
    ['972-NORD', 'Martinique Nord (CAP Nord)', 21, 245],
    ['972-CENTRE', 'Martinique Centre (CACEM)', 29, 737],
    ['972-SUD', 'Martinique Sud (Espace Sud)', 11, 121],
  ])('zone %s: %s, %i SIAE, %i posts', async (code, label, count, posts) => {
    const understand: Understand = () => ({ intent: 'stats', confidence: 0.9, slots: { place: { type: 'zone', code, label } } });
    const bot = new BotDriver({ features: features('972'), understand });
    await bot.join();
    const said = textOf(await bot.say('combien de structures ?'));
    expect(said).toContain(fr('stats:totalSiae', { place: label, count, posts: fr('stats:posts', { count: posts }) }));
    expect(said).not.toContain(fr('stats:otherPlace'));
  });

  it('counts the kinds asked (« combien de missions locales ? »)', async () => {
    const understand: Understand = () => ({ intent: 'stats', confidence: 0.9, slots: { kinds: ['ML'], place: { type: 'departement', code: '972', label: 'Martinique' } } });
    const bot = new BotDriver({ features: features('972'), understand });
    await bot.join();
    const said = textOf(await bot.say('combien de missions locales en Martinique ?'));
    expect(said).toMatch(/^Martinique : \d+ structures?, aucun poste d'insertion\./m);
    expect(said).toContain(`- ${kind('ML')} : `);
  });

  it.each([
    ['fr-FR', 'combien d\'ETTI dans le Nord ?'],
    ['en-US', 'how many ETTI in the north?'],
  ])('%s « %s » with none there: says so for that kind, and the other SIAE are SIAE, not partners', async (locale, message) => {
    const t = translator(locale === 'fr-FR' ? 'fr' : 'en');
    const understand: Understand = () => ({ intent: 'stats', confidence: 0.9, slots: { kinds: ['ETTI'], place: { type: 'zone', code: '972-NORD', label: 'Martinique Nord (CAP Nord)' } } });
    const bot = new BotDriver({ features: features('972'), understand, locale });
    await bot.join();
    const said = textOf(await bot.say(message));
    expect(said).toContain(t('stats:noneKinds', { kinds: t('directory:kinds.ETTI.name'), place: 'Martinique Nord (CAP Nord)', atPlace: 'dans la zone Martinique Nord (CAP Nord)' }));
    const aci = said.indexOf(`- ${t('directory:kinds.ACI.name')}`);
    expect(aci).toBeGreaterThan(said.indexOf(t('stats:otherSiae')));
    expect(said.indexOf(t('stats:otherSiae'))).toBeGreaterThan(-1);
    // With their posts, as SIAE rows; the partners stay apart after them.
    expect(said.slice(aci).split('\n')[0]).toMatch(locale === 'fr-FR' ? /structures?, \d+ postes?/ : /structures?, \d+ posts?/);
    expect(said.indexOf(t('stats:apart'))).toBeGreaterThan(aci);
    expect(said.indexOf(`- ${t('directory:kinds.FT.name')}`)).toBeGreaterThan(said.indexOf(t('stats:apart')));
  });

  it('a national guichet asks for the territory', async () => {
    const bot = new BotDriver({ features: features() });
    await bot.join();
    expect(textOf(await bot.say(fr('stats:menu')))).toContain(fr('stats:askPlace'));
  });
});

describe('search dialog on the Martinique desk', () => {
  async function searchFor(place: string, territory?: string) {
    const bot = new BotDriver({ features: features(territory) });
    await bot.join();
    await bot.say(fr('search:menu'));
    await bot.say(fr('common:answers.unknown'));
    return textOf(await bot.say(place));
  }

  it('« sainte marie » is Sainte-Marie of Martinique, not a choice', async () => {
    const said = await searchFor('sainte marie', '972');
    expect(said).toMatch(/Sainte-Marie \(972\)/);
    expect(said).not.toContain(fr('search:whichPlace'));
  });

  it('without a territory, « sainte marie » is a choice', async () => {
    expect(await searchFor('sainte marie')).toContain(fr('search:whichPlace'));
  });

  it('a search outside the territory says so, in one sentence', async () => {
    const said = await searchFor('Sainte-Anne en Guadeloupe', '972');
    expect(said).toContain('Cette commune est hors de la Martinique.');
    expect(said).toMatch(/Sainte-Anne \(971\)/);
  });

  it('a search inside says nothing of the territory', async () => {
    const said = await searchFor('Sainte-Anne', '972');
    expect(said).not.toMatch(/hors de/);
    expect(said).toMatch(/Sainte-Anne \(972\)/);
  });
});

describe('welcome', () => {
  it.each([
    ['972', 'Bonjour ! Je suis le Guichet IAE de la Martinique.'],
    ['974', 'Bonjour ! Je suis le Guichet IAE de La Réunion.'],
    ['59', 'Bonjour ! Je suis le Guichet IAE du Nord.'],
    [undefined, fr('common:welcome.hello')],
  ])('served territory %s: « %s »', async (territory, hello) => {
    const bot = new BotDriver({ features: features(territory), territory });
    expect(textOf(await bot.join())).toContain(hello);
  });

  it('in English', async () => {
    const bot = new BotDriver({ features: features('972'), territory: '972', locale: 'en-US' });
    expect(textOf(await bot.join())).toContain('Hello! I am the Guichet IAE for Martinique.');
  });
});
