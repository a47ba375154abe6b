import { warmUnderstanding } from '../../knowledge/understanding/understand';
import { buttonsOf, textOf } from '../support/botDriver';
import { martiniqueBot, play } from '../support/probeBot';
import { useDemoBot } from '../support/demoBot';

const demo = useDemoBot({ today: '2026-11-22', warm: true });
beforeAll(() => warmUnderstanding());

const newBot = (locale = 'fr-FR') => martiniqueBot(demo, locale);
const CONFUSED = /Pas de souci, je vous repose la question/;
const WHOLE_HELP = /Je peux vous aider à|À tout moment/;

describe('« je comprends pas » at a question: a short word, the same question, a person offered (not the whole help)', () => {
  it.each([
    ['the place of a search', ['je cherche un chantier'], /Où cherchez-vous \?/],
    ['the minima of the eligibility check', ['suis-je éligible ?'], /Touchez-vous le RSA, l'ASS ou l'AAH \?/],
    ['the consent of a request', ['je veux demander un diagnostic'], /Êtes-vous d'accord \?/],
    ['what to do with search results', ['aci près du Lamentin'], /Que voulez-vous faire \?/],
  ])('at %s', async (_where, before, question) => {
    const replies = await play(newBot(), ...before, 'je comprends pas');
    const said = textOf(replies);
    expect(said).toMatch(CONFUSED);
    expect(said).toMatch(question);
    expect(said).not.toMatch(WHOLE_HELP);
    expect(buttonsOf(replies)).toContain("Parler à quelqu'un");
  });

  it('is no first name', async () => {
    const bot = newBot();
    await play(bot, 'je veux demander un diagnostic', "J'accepte");
    const replies = await bot.say('je comprends pas');
    expect(textOf(replies)).toMatch(CONFUSED);
    expect(textOf(replies)).toMatch(/Quel est votre prénom \?/);
    expect(textOf(await bot.say('Marie'))).toMatch(/Quel est votre nom de famille \?/);
  });

  it('after an answer of the FAQ, is no new question', async () => {
    const replies = await play(newBot(), "c'est quoi un ACI ?", 'je comprends pas');
    expect(textOf(replies)).toMatch(CONFUSED);
    expect(textOf(replies)).not.toMatch(/Je n'ai pas de réponse/);
    expect(buttonsOf(replies)).toContain("Parler à quelqu'un");
  });

  it('in English too', async () => {
    const replies = await play(newBot('en-US'), 'I am looking for a job in a work integration site', "I don't understand");
    expect(textOf(replies)).toMatch(/No problem, here is the question again/);
    expect(textOf(replies)).not.toMatch(/I can help you to/);
  });

  it('« aide » at a question still gives the whole help, then the question', async () => {
    const said = textOf(await play(newBot(), 'je cherche un chantier', 'aide'));
    expect(said).toMatch(WHOLE_HELP);
    expect(said).toMatch(/Où cherchez-vous \?/);
  });
});

describe('an age at the birth-date question of a request', () => {
  it.each(["j'ai 35 ans", '35'])('« %s »: the question says it needs the date, not the age, and waits for it', async (age) => {
    const bot = newBot();
    await play(bot, 'je veux demander un diagnostic', "J'accepte", 'Marie', 'Dupont');
    const replies = await bot.say(age);
    expect(textOf(replies)).toMatch(/Il me faut votre date de naissance, pas votre âge/);
    expect(textOf(replies)).toMatch(/Quelle est votre date de naissance \?/);
    expect(textOf(replies)).not.toMatch(/Touchez-vous le RSA/);
    expect(textOf(await bot.say('12/03/1991'))).toMatch(/Comment vous joindre \?/);
  });
});
