import { warmUnderstanding } from '../../knowledge/understanding/understand';
import { buttonsOf, textOf } from '../support/botDriver';
import { martiniqueBot, play } from '../support/probeBot';
import { useDemoBot } from '../support/demoBot';

const demo = useDemoBot({ today: '2026-11-22', warm: true });
beforeAll(() => warmUnderstanding());

const newBot = (locale = 'fr-FR') => martiniqueBot(demo, locale);
const MINIMA = /Touchez-vous le RSA, l'ASS ou l'AAH \?/;
const RESUME = /Reprenons où nous en étions/;

describe('a question that names a choice asks what it is: it is answered, the choice is not taken', () => {
  it.each(["c'est quoi l'ass ?", "qu'est-ce que l'AAH ?", 'ca veut dire quoi ASS'])('« %s » at the minima question', async (question) => {
    const bot = newBot();
    await play(bot, 'Vérifier mon éligibilité');
    const replies = await bot.say(question);
    const said = textOf(replies);
    expect(said).not.toMatch(/Voici le résultat|Ce qui compte pour vous/);
    expect(said).toMatch(RESUME);
    expect(said).toMatch(MINIMA);
    // Nothing was taken as the person's: the next answer decides.
    const next = textOf(await bot.say('Non, aucune'));
    expect(next).toMatch(/Quel âge avez-vous/);
    expect(next).not.toMatch(/Je reprends/);
  });

  it('« c’est quoi une association intermédiaire ? » at the kind question of a search: explained, then the kind question again', async () => {
    const bot = newBot();
    await play(bot, 'Trouver une structure');
    const said = textOf(await bot.say("c'est quoi une association intermédiaire ?"));
    expect(said).toMatch(/Une association intermédiaire, ou AI/);
    expect(said).toMatch(/Quel type de structure cherchez-vous \?/);
    expect(said).not.toMatch(/Où cherchez-vous/);
  });

  it('in English: "what is the ASS?" at the minima question', async () => {
    const bot = newBot('en-US');
    await play(bot, 'Check my eligibility');
    const said = textOf(await bot.say('what is the ASS?'));
    expect(said).not.toMatch(/Here is the result/);
    expect(said).toMatch(/RSA, the ASS, or the AAH\?/);
  });
});

describe('« c’est quoi ? » alone at a question is about the question: it explains itself', () => {
  it('at the contact question of a request: the question again with a person, no « pas de réponse »', async () => {
    const bot = newBot();
    await play(bot, 'Faire une demande de diagnostic', "J'accepte", 'Marie', 'Joseph', '15 avril 1988');
    const replies = await bot.say("c'est quoi ?");
    expect(textOf(replies)).not.toMatch(/Je n'ai pas de réponse/);
    expect(textOf(replies)).toMatch(/Comment vous joindre \?/);
    expect(buttonsOf(replies)).toContain("Parler à quelqu'un");
  });
});
