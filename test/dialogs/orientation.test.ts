import type { Activity } from 'botbuilder';
import { translator } from '../../locales/i18n';
import { createFeatures } from '../../dialogs/features';
import type { Understand } from '../../dialogs/shared/understanding';
import { warmRecognizers } from '../../knowledge/understanding/ageOrBirthDate';
import type { OpenedStore } from '../../stores/appStore';
import type { DirectoryRepository } from '../../stores/directory';
import { BotDriver, buttonsOf, textOf, type Reply } from '../support/botDriver';
import { demoDirectory } from '../support/demoDirectory';

const fr = translator('fr');
let store: OpenedStore;
let directory: DirectoryRepository;

beforeAll(async () => {
  warmRecognizers();
  ({ store, directory } = await demoDirectory());
});
afterAll(() => store.close());

const features = () => createFeatures({ today: () => '2026-11-22', directory });
const cardTitles = (replies: Reply[]) =>
  replies
    .flatMap((r) => (r.attachments ?? []) as Activity['attachments'])
    .filter((a) => a?.contentType === 'application/vnd.microsoft.card.adaptive')
    .map((a) => (a!.content as { body: Array<{ text: string }> }).body[1]!.text);

describe('orientation dialog', () => {
  it('a young person looking for a job: only the questions that matter, then Mission Locale and France Travail nearby', async () => {
    const bot = new BotDriver({ features: features() });
    await bot.join();
    const first = await bot.say(fr('orientation:menu'));
    expect(textOf(first)).toContain(fr('orientation:askNeed'));
    expect(buttonsOf(first)).toContain(fr('orientation:needs.job'));
    expect(textOf(await bot.say(fr('orientation:needs.job')))).toContain(fr('orientation:askAge'));
    // Under 26, a job: Mission Locale whatever the minima or RQTH, so neither is asked.
    const place = textOf(await bot.say('22 ans'));
    expect(place).toContain(fr('orientation:askPlace'));
    expect(place).not.toContain(fr('orientation:askMinima'));
    const result = await bot.say('Le Robert');
    const who = [fr('search:kindPlural.ML'), fr('search:kindPlural.FT')].join(', ');
    expect(textOf(result)).toContain(fr('orientation:result', { who }));
    expect(cardTitles(result)).toEqual([fr('directory:kinds.ML.name'), fr('directory:kinds.FT.name')]);
    expect(textOf(result)).toContain(fr('orientation:iaeNext'));
  });

  it('an adult asking about money and rights is asked about minima; RSA → the département first', async () => {
    const bot = new BotDriver({ features: features() });
    await bot.join();
    await bot.say(fr('orientation:menu'));
    const next = textOf(await bot.say(fr('orientation:needs.rights')));
    // Age does not change who to contact for rights: not asked.
    expect(next).toContain(fr('orientation:askMinima'));
    expect(textOf(await bot.say('oui'))).toContain(fr('orientation:askPlace'));
    const result = await bot.say('Fort-de-France');
    expect(textOf(result)).toContain(fr('orientation:result', { who: ['DEPT', 'CCAS', 'FT'].map((k) => fr(`search:kindPlural.${k}`)).join(', ') }));
    expect(textOf(result)).toContain(fr('orientation:notInDirectory', { who: fr('search:kindPlural.CCAS') }));
  });

  it('what the first message said is not asked again', async () => {
    const understand: Understand = () => ({
      intent: 'orientation',
      confidence: 0.9,
      slots: { age: 40, criteria: ['TH'], place: { type: 'commune', code: '97209', label: 'Fort-de-France' } },
    });
    const bot = new BotDriver({ features: features(), understand });
    await bot.join();
    await bot.say("j'ai 40 ans, une RQTH, je cherche qui contacter à Fort-de-France");
    const result = await bot.say(fr('orientation:needs.job'));
    expect(textOf(result)).toContain(fr('orientation:result', { who: ['CAP_EMPLOI', 'FT'].map((k) => fr(`search:kindPlural.${k}`)).join(', ') }));
  });

  it('a first message that names one need skips that question and says so; two needs are asked', async () => {
    const understand: Understand = () => ({ intent: 'orientation', confidence: 0.9, slots: {} });
    const bot = new BotDriver({ features: features(), understand });
    await bot.join();
    const next = textOf(await bot.say('je cherche du travail'));
    expect(next).toContain(fr('orientation:needUnderstood', { need: fr('orientation:needs.job') }));
    expect(next).not.toContain(fr('orientation:askNeed'));
    expect(next).toContain(fr('orientation:askAge'));

    const other = new BotDriver({ features: features(), understand });
    await other.join();
    expect(textOf(await other.say("j'ai besoin d'un logement et d'un travail"))).toContain(fr('orientation:askNeed'));
  });
});
