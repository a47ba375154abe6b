import { warmUnderstanding } from '../../knowledge/understanding/understand';
import { textOf } from '../support/botDriver';
import { martiniqueBot, play } from '../support/probeBot';
import { useDemoBot } from '../support/demoBot';

const demo = useDemoBot({ today: '2026-11-22', warm: true });
beforeAll(() => warmUnderstanding());

const newBot = (locale = 'fr-FR') => martiniqueBot(demo, locale);
const RESULT = /Voici le résultat|Touchez-vous le RSA/;

describe('a fact told at a question of the orientation or a search is kept; the feature goes on', () => {
  it('« je touche le rsa » at the orientation’s RQTH question: noted, the RQTH question again, no eligibility check', async () => {
    const bot = newBot();
    await play(bot, 'Être orienté', 'Un emploi', '55 ans');
    const said = textOf(await bot.say('je touche le rsa'));
    expect(said).toMatch(/C'est noté : Bénéficiaire du RSA/);
    expect(said).not.toMatch(RESULT);
    expect(said).toMatch(/Avez-vous une reconnaissance de handicap \(RQTH\) \?/);
    expect(textOf(await bot.say('non'))).toMatch(/Où habitez-vous \?/);
  });

  it.each([
    ["j'ai une rqth", /Travailleur handicapé \(RQTH\)/, /Quel type de structure cherchez-vous \?/, ['Trouver une structure']],
    ['je suis au rsa', /Bénéficiaire du RSA/, /Où cherchez-vous \?/, ['Trouver une structure', "Chantier d'insertion"]],
  ])('« %s » at a question of a search: noted, the same question', async (fact, noted, question, before) => {
    const bot = newBot();
    await play(bot, ...before);
    const said = textOf(await bot.say(fact));
    expect(said).toMatch(noted);
    expect(said).not.toMatch(RESULT);
    expect(said).toMatch(question);
  });

  it('the fact counts later: the eligibility check does not ask it again', async () => {
    const bot = newBot();
    await play(bot, 'Trouver une structure', 'je touche le RSA', 'menu');
    const said = textOf(await bot.say('Vérifier mon éligibilité'));
    expect(said).not.toMatch(/Touchez-vous le RSA/);
  });

  it('a question with the fact still starts the check (« je touche le rsa, j’ai droit ? »)', async () => {
    const bot = newBot();
    await play(bot, 'Être orienté', 'Un emploi', '55 ans');
    expect(textOf(await bot.say("je touche le rsa, j'ai droit ?"))).toMatch(/Voici le résultat/);
  });
});
