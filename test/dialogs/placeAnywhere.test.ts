import { warmUnderstanding } from '../../knowledge/understanding/understand';
import { buttonsOf, textOf } from '../support/botDriver';
import { martiniqueBot, play } from '../support/probeBot';
import { useDemoBot } from '../support/demoBot';

const demo = useDemoBot({ today: '2026-11-22', warm: true });
beforeAll(() => warmUnderstanding());

describe('the place question of a guichet that serves a territory', () => {
  it.each(['partout', 'peu importe', "n'importe où"])('« %s » is the whole territory (Martinique), not France', async (anywhere) => {
    const said = textOf(await play(martiniqueBot(demo), 'Trouver une structure', "Chantier d'insertion", anywhere));
    expect(said).toMatch(/résultats \(chantiers d'insertion\) en Martinique/);
    expect(said).not.toMatch(/France/);
  });

  it('« partout en France » still says France', async () => {
    expect(textOf(await play(martiniqueBot(demo), 'Trouver une structure', "Chantier d'insertion", 'partout en France'))).toMatch(/en France/);
  });

  it('« je sais pas » is no unknown place: how to answer, « partout », a person; then « partout » answers', async () => {
    const bot = martiniqueBot(demo);
    await play(bot, 'Trouver une structure', "Chantier d'insertion");
    const replies = await bot.say('je sais pas');
    expect(textOf(replies)).not.toMatch(/Je ne connais pas ce lieu/);
    expect(textOf(replies)).toMatch(/Pour chercher partout en Martinique, écrivez « partout »/);
    expect(textOf(replies)).toMatch(/Où cherchez-vous \?/);
    expect(buttonsOf(replies)).toContain("Parler à quelqu'un");
    expect(textOf(await bot.say('partout'))).toMatch(/en Martinique/);
  });

  it('in English: "I don\'t know", then "everywhere"', async () => {
    const bot = martiniqueBot(demo, 'en-US');
    await play(bot, 'Find a structure', 'Integration worksite');
    expect(textOf(await bot.say("I don't know"))).toMatch(/type "everywhere"/);
    expect(textOf(await bot.say('everywhere'))).toMatch(/Martinique/);
  });
});
