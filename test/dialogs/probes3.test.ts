import { warmUnderstanding } from '../../knowledge/understanding/understand';
import { BotDriver, buttonsOf, textOf, type Reply } from '../support/botDriver';
import { martiniqueBot, play } from '../support/probeBot';
import { useDemoBot } from '../support/demoBot';

const demo = useDemoBot({ today: '2026-11-22', warm: true });
beforeAll(() => warmUnderstanding());

const newBot = (locale = 'fr-FR') => martiniqueBot(demo, locale);

const MENU_BUTTON = 'Vérifier mon éligibilité';

describe('someone lost at the menu gets two short sentences, not the whole help', () => {
  it.each(['je comprends pas', "c'est quoi ce truc", 'hein ?', "j'y comprends rien", 'c koi ?'])('« %s »: what the bot does, the buttons, a person', async (text) => {
    const replies = await play(newBot(), text);
    const said = textOf(replies);
    expect(said).toMatch(/trouver un travail accompagné/);
    expect(said).toMatch(/touchez un bouton/);
    expect(said).toMatch(/parler à quelqu'un/);
    expect(said).not.toMatch(/Je peux vous aider à|À tout moment|pas compris/);
    expect(said.split('\n').length).toBeLessThanOrEqual(2);
    expect(buttonsOf(replies)).toContain(MENU_BUTTON);
  });

  it('in English too', async () => {
    const replies = await play(newBot('en-US'), "I don't understand");
    expect(textOf(replies)).toMatch(/find a job with support/);
    expect(textOf(replies)).not.toMatch(/I can help you to/);
  });

  it('« aide » still gives the whole help', async () => {
    const replies = await play(newBot(), 'aide');
    expect(textOf(replies)).toMatch(/Je peux vous aider à/);
    expect(textOf(replies)).toMatch(/À tout moment/);
  });
});

describe('every way into the request from words about the PASS says once who asks for it', () => {
  const PASS_FIRST = /l'employeur qui le demande, le jour de l'embauche/;
  it.each(['pass iae', 'PASS IAE', 'agrément', 'je veux le pass iae'])('« %s » at the menu', async (text) => {
    const said = textOf(await play(newBot(), text));
    expect(said.match(new RegExp(PASS_FIRST, 'g'))).toHaveLength(1);
    expect(said).toMatch(/Êtes-vous d'accord/);
  });

  it('the menu button says nothing of the PASS', async () => {
    expect(textOf(await play(newBot(), 'Faire une demande de diagnostic'))).not.toMatch(PASS_FIRST);
  });
});

describe('a fact typed at an eligibility question', () => {
  const INTRO = /C'est une première idée/;
  it('« il a pas de diplome » is noted; the check goes on without its intro again', async () => {
    const bot = newBot();
    expect(textOf(await play(bot, 'suis-je éligible ?'))).toMatch(INTRO);
    const replies = await bot.say('il a pas de diplome');
    expect(textOf(replies)).toMatch(/C'est noté : Niveau CAP ou BEP, ou moins/);
    expect(textOf(replies)).not.toMatch(INTRO);
    expect(textOf(replies)).toMatch(/Touchez-vous le RSA/);
  });

  it('the fact noted is not asked again, and counts in the result', async () => {
    const bot = newBot();
    const checklist = await play(bot, 'suis-je éligible ?', 'il a pas de diplome', 'Non, aucune', '30 ans', 'je ne sais pas');
    expect(textOf(checklist)).toMatch(/Cochez ce qui vous concerne/);
    expect(JSON.stringify(checklist)).not.toMatch(/CAP ou BEP/);
    const result = await bot.say('aucun');
    expect(textOf(result)).toMatch(/Ce qui compte pour vous : Niveau CAP ou BEP, ou moins/);
  });

  it('after the result a new fact still gives a new result (« et s’il a 52 ans ? »)', async () => {
    const bot = newBot();
    await play(bot, 'mon candidat a 23 ans, il est au RSA ?');
    expect(textOf(await bot.say("et s'il a 52 ans ?"))).toMatch(/50 ans ou plus/);
  });
});

describe('the request’s birth date not known', () => {
  async function atBirthDate(bot: BotDriver): Promise<void> {
    await play(bot, 'Faire une demande de diagnostic', "J'accepte", 'Marie', 'Joseph');
  }

  it.each(['je sais plus', 'je ne sais pas', 'je me souviens plus'])('« %s »: why it is needed, where to find it, a person; no « Je n’ai pas compris »', async (text) => {
    const bot = newBot();
    await atBirthDate(bot);
    const replies = await bot.say(text);
    expect(textOf(replies)).not.toMatch(/pas compris/);
    expect(textOf(replies)).toMatch(/besoin de votre date de naissance/);
    expect(textOf(replies)).toMatch(/pièce d'identité/);
    expect(textOf(replies)).toMatch(/Quelle est votre date de naissance/);
    expect(buttonsOf(replies)).toContain("Parler à quelqu'un");
    const person = await bot.say("Parler à quelqu'un");
    expect(textOf(person)).toMatch(/3949/);
  });

  it('said again and again: the way out comes, never the same answer forever', async () => {
    const bot = newBot();
    await atBirthDate(bot);
    let last: Reply[] = [];
    for (let i = 0; i < 6; i++) last = await bot.say('je sais pas');
    expect(textOf(last)).toMatch(/parler à une personne|Je n'arrive pas à comprendre/);
    expect(buttonsOf(last)).toContain("Parler à quelqu'un");
  });

  it('an age instead: kept, and the date asked again (no « Je n’ai pas compris »)', async () => {
    const bot = newBot();
    await atBirthDate(bot);
    const replies = await bot.say("j'ai 35 ans");
    expect(textOf(replies)).not.toMatch(/pas compris/);
    expect(textOf(replies)).toMatch(/Quelle est votre date de naissance/);
  });

  it('then the date is taken', async () => {
    const bot = newBot();
    await atBirthDate(bot);
    await bot.say('je sais plus');
    const replies = await bot.say('03/03/1990');
    expect(textOf(replies)).toMatch(/téléphone|joindre/);
  });
});

describe('« retour » in a feature that interrupted a question', () => {
  const MINIMA = /Touchez-vous le RSA/;
  it.each([
    ["parler à quelqu'un", 'retour'],
    ['je cherche une structure', 'revenir en arrière'],
  ])('after « %s » at the minima question, « %s » goes back to that question', async (aside, back) => {
    const bot = newBot();
    await play(bot, 'suis-je éligible ?');
    const interrupted = await bot.say(aside);
    expect(textOf(interrupted)).not.toMatch(MINIMA);
    const replies = await bot.say(back);
    expect(textOf(replies)).toMatch(/Reprenons où nous en étions/);
    expect(textOf(replies)).toMatch(MINIMA);
    expect(textOf(replies)).not.toMatch(/Que voulez-vous faire|C'est une première idée/);
    const next = await bot.say('Non, aucune');
    expect(textOf(next)).toMatch(/Quel âge/);
  });

  it('« menu » there still goes to the menu', async () => {
    const bot = newBot();
    await play(bot, 'suis-je éligible ?', "parler à quelqu'un");
    const replies = await bot.say('menu');
    expect(textOf(replies)).toMatch(/Que voulez-vous faire/);
  });

  it('« retour » at the results of a search: back to its kind question, the place kept and said', async () => {
    const bot = newBot();
    await play(bot, "un chantier d'insertion au Lamentin");
    const replies = await bot.say('retour');
    expect(textOf(replies)).toContain("Retour à l'étape d'avant : le type de structure. Je garde le lieu : Le Lamentin.");
    expect(textOf(replies)).toMatch(/Quel type de structure/);
    expect(textOf(replies)).not.toMatch(/Que voulez-vous faire/);
    const next = await bot.say("entreprise d'insertion");
    expect(textOf(next)).toMatch(/entreprises d'insertion\) à moins de 25 km du Lamentin/);
  });

  it('« retour » after « Voir 19 de plus »: the kind question too', async () => {
    const bot = newBot();
    await play(bot, "un chantier d'insertion au Lamentin", 'Voir 19 de plus');
    const replies = await bot.say('retour');
    expect(textOf(replies)).toContain("Retour à l'étape d'avant : le type de structure. Je garde le lieu : Le Lamentin.");
  });

  it('« retour » after « le premier » (one structure shown alone): the page again', async () => {
    const bot = newBot();
    await play(bot, "un chantier d'insertion au Lamentin", 'le premier');
    const replies = await bot.say('retour');
    expect(textOf(replies)).toContain('Retour à la liste.');
    expect(replies.flatMap((r) => r.attachments ?? []).length).toBe(5);
    expect(textOf(await bot.say('retour'))).toContain("Retour à l'étape d'avant : le type de structure.");
  });

  it('"go back" at the place question of a search: the kind question again', async () => {
    const bot = newBot('en-US');
    await play(bot, 'find a structure', 'integration worksite');
    const replies = await bot.say('go back');
    expect(textOf(replies)).toContain('Back to the step before: the kind of structure.');
    expect(textOf(replies)).toMatch(/What kind of structure/);
  });

  it.each([
    [['suis-je éligible ?', 'RSA']],
    [['le cap emploi le plus proche de ducos']],
  ])('« retour » after %j (no step before worth going to): the menu, said so', async (messages) => {
    const bot = newBot();
    await play(bot, ...messages);
    const replies = await bot.say('retour');
    expect(textOf(replies)).toContain('Retour au menu.');
    expect(textOf(replies)).toMatch(/Que voulez-vous faire/);
  });

  it('« go back » in English too', async () => {
    const bot = newBot('en-US');
    await play(bot, 'am I eligible?', 'I want to talk to someone');
    const replies = await bot.say('go back');
    expect(textOf(replies)).toMatch(/Do you receive the RSA/);
  });
});

describe('pay asked in phone spelling', () => {
  it.each(['kombien je vé gagné', 'kombien je vais gagné ?'])('« %s » is the question about pay (the SMIC), not off-topic', async (text) => {
    const replies = await play(newBot(), text);
    expect(textOf(replies)).toMatch(/SMIC/);
  });
});

describe('« et au Lamentin ? » right after the figures of a territory', () => {
  it('gives the figures for that place, not a search', async () => {
    const bot = newBot();
    await play(bot, 'combien de structures dans le Sud ?');
    const said = textOf(await bot.say('et au lamentin ?'));
    expect(said).toMatch(/Le Lamentin \(972\) : \d+ structures d'insertion/);
    expect(said).not.toMatch(/Quel type de structure/);
    expect(textOf(await bot.say('et les ACI au Robert ?'))).toMatch(/Le Robert \(972\) : \d+ structures?, \d+ postes/);
  });

  it('in English too', async () => {
    const bot = newBot('en-US');
    await play(bot, 'how many structures in Martinique?');
    expect(textOf(await bot.say('what about Le Robert?'))).toMatch(/Le Robert \(972\): \d+ integration structures/);
  });

  it('elsewhere « et au Lamentin ? » is still a search', async () => {
    const said = textOf(await play(newBot(), 'et au lamentin ?'));
    expect(said).toMatch(/Quel type de structure/);
  });
});

describe('facts typed with the answer at the orientation are its answer and facts, not an eligibility check', () => {
  it('« j ai 52 ans et je suis au rsa » at « Quel âge avez-vous ? »: noted, the RSA not asked, the orientation goes on', async () => {
    const bot = newBot();
    const asked = textOf(await bot.say('je veux travailler'));
    expect(asked).toMatch(/Quel âge avez-vous/);
    const said = textOf(await bot.say('j ai 52 ans et je suis au rsa'));
    expect(said).toMatch(/C'est noté : .*RSA/);
    expect(said).toMatch(/52 ans/);
    expect(said).not.toMatch(/Voici le résultat/);
    expect(said).not.toMatch(/RSA, l'ASS ou l'AAH/);
    expect(said).toMatch(/reconnaissance de handicap/);
  });

  it('with a question mark it asks for the check, which is done', async () => {
    const bot = newBot();
    await bot.say('je veux travailler');
    expect(textOf(await bot.say('j ai 52 ans et je suis au rsa, je peux avoir le pass ?'))).toMatch(/Voici le résultat/);
  });
});
