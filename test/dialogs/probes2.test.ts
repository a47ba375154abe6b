import { loadMartiniqueDemo } from '../../knowledge/directory/demo';
import { getFaqEntry, searchFaq } from '../../knowledge/faq';
import { understand, warmUnderstanding } from '../../knowledge/understanding/understand';
import { BotDriver, buttonsOf, textOf, type Reply } from '../support/botDriver';
import { martiniqueBot, play } from '../support/probeBot';
import { useDemoBot, webRequest } from '../support/demoBot';

/**
 * Conversations as new people hold them (session 8 probes, after test/dialogs/probes.test.ts).
 */
const demo = useDemoBot({ today: '2026-11-22', warm: true, requests: [{ draft: webRequest(loadMartiniqueDemo().find((s) => s.kind === 'FT')!.id, 'retry-elsewhere'), key: 'probes2-retry' }] });
const demoForRetry = demo;
beforeAll(() => warmUnderstanding());

const newBot = (locale = 'fr-FR') => martiniqueBot(demo, locale);

describe('an adviser changes a fact of the candidate after the result', () => {
  it('« et s’il a 52 ans ? » after a 23-year-old’s result gives a new result, never an error', async () => {
    const bot = newBot();
    await play(bot, 'mon candidat a 23 ans, il est au RSA ?');
    const replies = await bot.say("et s'il a 52 ans ?");
    expect(textOf(replies)).not.toMatch(/problème/);
    expect(textOf(replies)).toMatch(/50 ans ou plus/);
    expect(textOf(replies)).not.toMatch(/Moins de 26 ans/);
  });
});

describe('an adviser changes a fact of the candidate (more)', () => {
  it('a birth date then another age: the result follows the last fact, never an error', async () => {
    const bot = newBot();
    await play(bot, 'mon candidat a 23 ans et touche le RSA, est-il éligible ?');
    const replies = await bot.say('en fait il a 55 ans');
    expect(textOf(replies)).not.toMatch(/problème/);
    expect(textOf(replies)).toMatch(/50 ans ou plus/);
  });
});

describe('someone following their request gives the reference and the code at once', () => {
  const demoWithRequest = useDemoBot({ today: '2026-11-22', warm: true, requests: [{ draft: webRequest(loadMartiniqueDemo().find((s) => s.kind === 'FT')!.id, 'someone-else'), key: 'probes2-follow' }] });
  function botWithRequest(): BotDriver {
    return new BotDriver({ features: demoWithRequest.features({ faq: { searchFaq, getFaqEntry } }), understand: (text, lng, context) => understand(text, lng, { territory: '972', ...context }), territory: '972' });
  }

  it('« ma demande GI-… code 123456 » in one message: the code is not asked', async () => {
    const { request: { reference }, followUpCode = '' } = demoWithRequest.submitted[0]!;
    const replies = await play(botWithRequest(), `ma demande ${reference} code ${followUpCode}`);
    expect(textOf(replies)).not.toMatch(/code secret/);
    expect(textOf(replies)).toMatch(new RegExp(reference));
    expect(textOf(replies)).toMatch(/Reçue|reçue/);
  });

  it('reference and code typed together at the reference question', async () => {
    const { request: { reference }, followUpCode = '' } = demoWithRequest.submitted[0]!;
    const bot = botWithRequest();
    await play(bot, 'suivre ma demande');
    const replies = await bot.say(`${reference.toLowerCase()} ${followUpCode.slice(0, 3)} ${followUpCode.slice(3)}`);
    expect(textOf(replies)).not.toMatch(/code secret|ne va pas/);
    expect(textOf(replies)).toMatch(new RegExp(reference));
  });

  it('« mon code c’est … » at the code question', async () => {
    const { request: { reference }, followUpCode = '' } = demoWithRequest.submitted[0]!;
    const bot = botWithRequest();
    await play(bot, 'suivre ma demande', reference);
    const replies = await bot.say(`mon code c'est ${followUpCode}`);
    expect(textOf(replies)).not.toMatch(/n'est pas bon|Je n'ai pas compris/);
    expect(textOf(replies)).toMatch(new RegExp(reference));
  });
});

describe('the minima question answered in words', () => {
  const MINIMA = /Touchez-vous le RSA/;
  it.each(['je touche rien', 'non je touche aucune aide', "j'ai rien", 'aucune aide'])('« %s » is « Non, aucune »', async (answer) => {
    const bot = newBot();
    expect(textOf(await play(bot, 'suis-je éligible ?'))).toMatch(MINIMA);
    const replies = await bot.say(answer);
    expect(textOf(replies)).not.toMatch(/pas compris/);
    expect(textOf(replies)).not.toMatch(MINIMA);
    expect(textOf(replies)).toMatch(/Quel âge/);
  });

  it('« je touche pas le RSA » says no to the RSA only: the other benefits are asked', async () => {
    const bot = newBot();
    await play(bot, 'suis-je éligible ?');
    const replies = await bot.say('je touche pas le RSA');
    expect(textOf(replies)).not.toMatch(/pas compris/);
    expect(textOf(replies)).toMatch(/Touchez-vous l'ASS ou l'AAH/);
  });

  it('« je comprends pas » is no answer to it', async () => {
    const bot = newBot();
    await play(bot, 'suis-je éligible ?');
    const replies = await bot.say('je comprends pas');
    expect(textOf(replies)).toMatch(MINIMA);
  });

  it('« oui » is asked which one, not « Je n’ai pas compris »', async () => {
    const bot = newBot();
    await play(bot, 'suis-je éligible ?');
    const replies = await bot.say('oui');
    expect(textOf(replies)).not.toMatch(/pas compris/);
    expect(textOf(replies)).toMatch(/Laquelle/);
    expect(buttonsOf(replies)).toContain('RSA');
    const next = await bot.say('le RSA');
    expect(textOf(next)).toMatch(/Bénéficiaire du RSA/);
  });
});

describe('a place given at the kind question', () => {
  it('replaces the place the search began with (English on a French browser)', async () => {
    const bot = newBot();
    await play(bot, 'hello, I am looking for a job in Martinique');
    const noted = await bot.say('Le Lamentin');
    expect(textOf(noted)).toMatch(/Noted: Place: Le Lamentin/);
    const replies = await bot.say("I don't know");
    expect(textOf(replies)).toMatch(/Le Lamentin|Lamentin/);
    expect(textOf(replies)).not.toMatch(/here: Martinique/);
  });

  it('in French too', async () => {
    const bot = newBot();
    await play(bot, 'je cherche une structure à Fort-de-France');
    await bot.say('au Robert plutôt');
    const replies = await bot.say('chantier');
    expect(textOf(replies)).toMatch(/du Robert/);
  });
});

describe('rule questions about the contract and the follow-up, as people type them', () => {
  it.each(['mon employeur peut me renouveler ?', 'est-ce que mon patron peut me renouveler', 'je peux etre renouvele ?'])('« %s » answers about the CDDI, not the orientation', async (text) => {
    const replies = await play(newBot(), text);
    expect(textOf(replies)).toMatch(/renouvelé jusqu'à 24 mois/);
    expect(textOf(replies)).not.toMatch(/De quoi avez-vous le plus besoin/);
  });

  it.each([
    ["est-ce que je garde l'ASS si je travaille en chantier ?", /France Travail/],
    ['do I keep the ASS if I work?', /France Travail/],
    ['can I keep my AAH if I work?', /CAF/],
  ])('« %s » answers about the ASS and the AAH, not the RSA', async (text, expected) => {
    const replies = await play(newBot(), text);
    expect(textOf(replies)).toMatch(expected);
    expect(textOf(replies)).not.toMatch(/revu tous les 3 mois|reviewed every 3 months/);
  });

  it("« est-ce que je peux garder l'AAH si je travaille ? » is a question (not the eligibility check): its answer among the ones offered", async () => {
    const replies = await play(newBot(), "est-ce que je peux garder l'AAH si je travaille ?");
    expect(textOf(replies)).not.toMatch(/Touchez-vous|première idée/);
    expect(buttonsOf(replies)).toContain("Est-ce que je garde l'ASS ou l'AAH si je travaille ?");
  });
});

describe('« oui » and « retour » at the menu and at any question', () => {
  it('« oui » to « Voulez-vous faire autre chose ? » asks what, without « Je n’ai pas compris »', async () => {
    const bot = newBot();
    expect(textOf(await play(bot, 'effacer mes données'))).toMatch(/Voulez-vous faire autre chose/);
    const replies = await bot.say('oui');
    expect(textOf(replies)).not.toMatch(/pas compris/);
    expect(textOf(replies)).toMatch(/Que voulez-vous faire/);
    expect(buttonsOf(replies)).toContain('Trouver une structure');
  });

  it.each([
    ['suis-je éligible ?', 'retour'],
    ["c'est quoi un ACI", 'retour'],
    ['je cherche une structure à Fort-de-France', 'revenir en arrière'],
    ['Faire une demande de diagnostic', 'retour'],
  ])('after « %s », « %s » goes back to the menu (not the whole help)', async (first, back) => {
    const bot = newBot();
    await play(bot, first);
    const replies = await bot.say(back);
    expect(textOf(replies)).toMatch(/Que voulez-vous faire/);
    expect(textOf(replies)).not.toMatch(/Je peux vous aider à/);
    expect(buttonsOf(replies)).toContain('Vérifier mon éligibilité');
  });
});

describe('a place said in English at another question', () => {
  it('« I live in Sainte-Luce » at the orientation’s age question is noted, not a new search', async () => {
    const bot = newBot();
    await play(bot, 'I need help finding a job');
    const replies = await bot.say('I live in Sainte-Luce');
    expect(textOf(replies)).toMatch(/Noted: Place: Sainte-Luce/);
    expect(textOf(replies)).toMatch(/How old are you/);
    expect(textOf(replies)).not.toMatch(/What kind of structure/);
  });
});

describe('« non » and « oui » at the request’s questions', () => {
  async function atRequest(bot: BotDriver, ...answers: string[]): Promise<Reply[]> {
    return play(bot, 'Faire une demande de diagnostic', "J'accepte", ...answers);
  }

  it('« non » is no last name: the bot says why and asks again', async () => {
    const bot = newBot();
    await atRequest(bot, 'Marie');
    const replies = await bot.say('non');
    expect(textOf(replies)).toMatch(/besoin de votre nom/);
    expect(textOf(replies)).toMatch(/nom de famille/);
    expect(textOf(replies)).not.toMatch(/date de naissance/);
  });

  it('« non merci » to the note skips it; the summary has no note « non merci »', async () => {
    const bot = newBot();
    await atRequest(bot, 'Marie', 'Joseph', '03/03/1990', '0696123456', 'Le Robert');
    const replies = await bot.say('non merci');
    expect(textOf(replies)).toMatch(/Voici votre demande/);
    expect(textOf(replies)).not.toMatch(/Mot pour le conseiller : non/);
  });

  it('« j’ai pas de téléphone » at the contact question says what to give instead, not « Ce numéro ne va pas »', async () => {
    const bot = newBot();
    await atRequest(bot, 'Marie', 'Joseph', '03/03/1990');
    const replies = await bot.say("j'ai pas de telephone");
    expect(textOf(replies)).not.toMatch(/Ce numéro ne va pas/);
    expect(textOf(replies)).toMatch(/d'un proche/);
    expect(textOf(replies)).toMatch(/parler à quelqu'un/);
    const person = await bot.say("parler à quelqu'un");
    expect(textOf(person)).toMatch(/3949/);
  });

  it('« oui » to the note asks for the note, then takes it', async () => {
    const bot = newBot();
    await atRequest(bot, 'Marie', 'Joseph', '03/03/1990', '0696123456', 'Le Robert');
    const asked = await bot.say('oui');
    expect(textOf(asked)).toMatch(/Écrivez votre mot/);
    expect(textOf(asked)).not.toMatch(/Voici votre demande/);
    const summary = await bot.say('je suis disponible le matin');
    expect(textOf(summary)).toMatch(/Mot pour le conseiller : je suis disponible le matin/);
  });
});

describe('someone who asks for the PASS IAE itself', () => {
  it('« je veux le pass iae » is told the employer asks for it at the hire, before the diagnosis request', async () => {
    const replies = await play(newBot(), 'je veux le pass iae');
    const text = textOf(replies);
    expect(text).toMatch(/l'employeur qui le demande, le jour de l'embauche/);
    expect(text).toMatch(/diagnostic à un prescripteur/);
    expect(text).toMatch(/Êtes-vous d'accord/);
  });

  it('a plain request says nothing of the PASS', async () => {
    const replies = await play(newBot(), 'je veux faire une demande');
    expect(textOf(replies)).not.toMatch(/PASS IAE, c'est l'employeur/);
  });
});

describe('the 3949 asked about on a phone', () => {
  it('« c quoi le 3949 » answers how to reach France Travail, not « Je n’ai pas compris »', async () => {
    const replies = await play(newBot(), 'c quoi le 3949');
    expect(textOf(replies)).toMatch(/3949/);
    expect(textOf(replies)).not.toMatch(/pas compris|pas sûr/);
  });
});

describe('« non » at questions that have no « non » button', () => {
  it('at « De quoi avez-vous le plus besoin ? »: how to go on and a person, no « Je n’ai pas compris »', async () => {
    const bot = newBot();
    await play(bot, 'Être orienté');
    const replies = await bot.say('non');
    expect(textOf(replies)).not.toMatch(/pas compris/);
    expect(textOf(replies)).toMatch(/écrivez « menu »/);
    expect(textOf(replies)).toMatch(/De quoi avez-vous le plus besoin/);
    expect(buttonsOf(replies)).toContain("Parler à quelqu'un");
  });

  it('at the age question: skipped (rather not say), the next question comes', async () => {
    const bot = newBot();
    await play(bot, 'Être orienté', 'Un emploi');
    const replies = await bot.say('non');
    expect(textOf(replies)).not.toMatch(/pas compris/);
    expect(textOf(replies)).not.toMatch(/Quel âge/);
  });
});

describe('a wrong follow-up code', () => {
  it('« Vérifiez et réessayez » is followed by the question again, and the right pair then works', async () => {
    const bot = newBot();
    const { request: { reference }, followUpCode = '' } = demoForRetry.submitted[0]!;
    await play(bot, 'suivre ma demande', reference);
    const wrong = await bot.say(followUpCode === '111111' ? '222222' : '111111');
    expect(textOf(wrong)).toMatch(/n'est pas bon/);
    expect(textOf(wrong)).toMatch(/numéro de votre demande/);
    await bot.say(reference);
    const right = await bot.say(followUpCode);
    expect(textOf(right)).toMatch(new RegExp(reference));
    expect(textOf(right)).not.toMatch(/n'est pas bon/);
  });
});
