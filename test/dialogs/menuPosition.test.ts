import { warmUnderstanding } from '../../knowledge/understanding/understand';
import { buttonsOf, textOf } from '../support/botDriver';
import { martiniqueBot, play } from '../support/probeBot';
import { useDemoBot } from '../support/demoBot';

const demo = useDemoBot({ today: '2026-11-22', warm: true });
beforeAll(() => warmUnderstanding());

describe('a number alone at the menu is its button, as under every question', () => {
  it('« 7 » is the seventh button (« Chiffres d’un territoire »)', async () => {
    const bot = martiniqueBot(demo);
    const menu = await play(bot, 'menu');
    expect(buttonsOf(menu)[6]).toBe("Chiffres d'un territoire");
    const said = textOf(await bot.say('7'));
    expect(said).toMatch(/structures d'insertion \(SIAE\)/);
    expect(said).not.toMatch(/Je n'ai pas compris/);
  });

  it('« 3 » is the request (its consent)', async () => {
    expect(textOf(await play(martiniqueBot(demo), 'menu', '3'))).toMatch(/Êtes-vous d'accord \?/);
  });

  it('« 8 » is « Aide »: the whole help, then the menu', async () => {
    const said = textOf(await play(martiniqueBot(demo), 'menu', '8'));
    expect(said).toMatch(/Je peux vous aider à/);
    expect(said).toMatch(/Que voulez-vous faire \?/);
  });

  it('a number past the buttons is not understood, as before', async () => {
    expect(textOf(await play(martiniqueBot(demo), 'menu', '12'))).toMatch(/Je n'ai pas compris/);
  });
});
