import { translator } from '../../locales/i18n';
import { buttonsOf, textOf, type Reply } from '../support/botDriver';
import { useDemoBot } from '../support/demoBot';
import { martiniqueBot } from '../support/probeBot';

const demo = useDemoBot({ today: '2026-11-22', warm: true });
const fr = translator('fr');
const en = translator('en');

const cardCount = (replies: Reply[]) => replies.flatMap((r) => r.attachments ?? []).length;

/** Conversations played by hand that went wrong, end to end with the real understanding. */
describe('the nearest, when nothing is within the radius', () => {
  it.each([
    [['Bonjour, je suis conseillère à la mission locale', 'le cap emploi le plus proche de ducos']],
    [['le cap emploi le plus proche de ducos']],
    [['un cap emploi à ducos dans 5 km']],
  ])('%j: the nearest ones anyway, with the distance of the first', async (messages) => {
    const bot = martiniqueBot(demo);
    await bot.join();
    let last: Reply[] = [];
    for (const m of messages) last = await bot.say(m);
    const said = textOf(last);
    expect(said).toContain('à moins de 5 km de Ducos');
    expect(said).toMatch(/plus proches?.*à \d+(,\d)? km/);
    expect(cardCount(last)).toBeGreaterThan(0);
    expect(buttonsOf(last)).not.toContain(fr('search:next.widen', { km: 10 }));
    expect(buttonsOf(last)).toContain(fr('search:next.radius'));
  });

  it('in English too', async () => {
    const bot = martiniqueBot(demo, 'en-US');
    await bot.join();
    const last = await bot.say('find the nearest Cap Emploi in Ducos');
    expect(textOf(last)).toMatch(/nearest.*\d+(\.\d)? km away/);
    expect(cardCount(last)).toBeGreaterThan(0);
    expect(buttonsOf(last)).not.toContain(en('search:next.widen', { km: 10 }));
  });
});
