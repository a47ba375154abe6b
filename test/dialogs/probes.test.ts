import { searchFaq } from '../../knowledge/faq';
import { smallTalkOf } from '../../knowledge/understanding/smallTalk';
import { warmUnderstanding } from '../../knowledge/understanding/understand';
import { recognizeYesNo } from '../../knowledge/understanding/yesNo';
import { readChoice } from '../../dialogs/shared/prompts/readChoice';
import { BotDriver, buttonsOf, textOf, type Reply } from '../support/botDriver';
import { martiniqueBot, play } from '../support/probeBot';
import { useDemoBot } from '../support/demoBot';

/**
 * Conversations as people hold them (issue 12 probes): a sentence with « j'ai » at the kind
 * question, « je sais pas trop », thanks and goodbye at a question, « oui » / « je sais pas » after
 * an eligibility result, two kinds compared in one question.
 */
const demo = useDemoBot({ today: '2026-11-22', warm: true });
beforeAll(() => warmUnderstanding());

const newBot = (locale = 'fr-FR') => martiniqueBot(demo, locale);

const KIND_QUESTION = /Quel type de structure/;
const NOT_UNDERSTOOD = /Je n'ai pas compris|Choisissez un type/;

describe('« ai » in « j’ai » is the verb, never the association intermédiaire', () => {
  const choices = [
    { value: 'AI', synonyms: ['ai', 'association intermediaire'] },
    { value: 'ACI', synonyms: ['aci', 'chantier'] },
  ];
  it.each(["j'ai 23 ans", "je n'ai pas de diplôme", "j'y ai travaillé", "je n'en ai pas", 'ai-je droit au chantier ?'])('%s names no AI', (text) => {
    expect(readChoice(text, choices)?.value).not.toBe('AI');
  });
  it.each(['une AI', "j'ai vu une ai près de chez moi", 'AI'])('%s names the AI', (text) => {
    expect(readChoice(text, choices)?.value).toBe('AI');
  });

  it('a sentence with « j’ai » asks the kind before searching', async () => {
    const replies = await play(newBot(), "j'ai 23 ans et je cherche un emploi près de Fort-de-France");
    expect(textOf(replies)).toMatch(KIND_QUESTION);
  });
});

describe('« je sais pas » at a question with a « Je ne sais pas » button picks it', () => {
  it.each(['je sais pas trop', 'euh je sais pas', 'aucune idée', 'jsp', 'chais pas moi'])('%s at the kind question searches every kind', async (answer) => {
    const bot = newBot();
    const asked = await play(bot, 'je cherche une structure à Fort-de-France');
    expect(textOf(asked)).toMatch(KIND_QUESTION);
    const replies = await bot.say(answer);
    expect(textOf(replies)).not.toMatch(NOT_UNDERSTOOD);
    expect(textOf(replies)).toMatch(/structures d'insertion/);
  });

  it('« je sais plus » at the registration question is « Je ne sais pas »', async () => {
    const bot = newBot();
    let replies = await play(bot, 'suis-je éligible ?', 'non', '40 ans');
    expect(textOf(replies)).toMatch(/inscrit/i);
    replies = await bot.say('je sais plus');
    expect(textOf(replies)).not.toMatch(/Je n'ai pas compris/);
  });

  it('the don’t-know phrases are read after an interjection', () => {
    expect(recognizeYesNo('euh je sais pas')).toBe('unknown');
    expect(recognizeYesNo('ben non')).toBe('no');
    expect(recognizeYesNo("je m'en souviens plus")).toBeUndefined();
  });
});

describe('thanks, ok and goodbye at a question', () => {
  it.each([
    ['merci', 'thanks'],
    ['merci beaucoup !', 'thanks'],
    ['ok merci', 'thanks'],
    ["d'accord", 'ack'],
    ['ok', 'ack'],
    ['au revoir', 'goodbye'],
    ['merci, au revoir madame', 'goodbye'],
    ['thanks, bye', 'goodbye'],
    ['bonne journée', 'goodbye'],
    ['merci je cherche un chantier', undefined],
    ['ok pour le lamentin', undefined],
  ] as const)('%s is %s', (text, kind) => {
    expect(smallTalkOf(text)).toBe(kind);
  });

  it('« merci » is answered and the question asked again, without « Je n’ai pas compris »', async () => {
    const bot = newBot();
    await play(bot, 'je cherche une structure à Fort-de-France');
    const replies = await bot.say('merci');
    expect(textOf(replies)).toMatch(/Avec plaisir/);
    expect(textOf(replies)).toMatch(KIND_QUESTION);
    expect(textOf(replies)).not.toMatch(NOT_UNDERSTOOD);
  });

  it('« ok » asks the question again; it counts as no miss (no person offered after two)', async () => {
    const bot = newBot();
    await play(bot, 'je cherche une structure à Fort-de-France');
    await bot.say('ok');
    const replies = await bot.say("d'accord");
    expect(textOf(replies)).toMatch(KIND_QUESTION);
    expect(textOf(replies)).not.toMatch(NOT_UNDERSTOOD);
    expect(buttonsOf(replies)).not.toContain("Parler à quelqu'un");
  });

  it('« au revoir » gets a goodbye, and the question waits for the person’s return', async () => {
    const bot = newBot();
    await play(bot, 'je cherche une structure à Fort-de-France');
    const bye = await bot.say('au revoir');
    expect(textOf(bye)).toMatch(/Au revoir/);
    expect(textOf(bye)).not.toMatch(/Avec plaisir|autre chose/);
    const back = await bot.say('chantier');
    expect(textOf(back)).toMatch(/chantiers d'insertion/);
  });

  it('« au revoir » and « ok » at the menu get no « I did not understand »', async () => {
    expect(textOf(await play(newBot(), 'au revoir'))).toMatch(/Au revoir/);
    expect(textOf(await play(newBot(), 'ok'))).not.toMatch(/pas compris/);
  });

  it('in English too', async () => {
    const bot = newBot('en-US');
    await play(bot, 'I am looking for a structure in Fort-de-France');
    const thanks = await bot.say('thanks');
    expect(textOf(thanks)).not.toMatch(/did not understand|didn't understand/i);
    expect(textOf(await bot.say('bye'))).toMatch(/Goodbye/);
  });
});

describe('a fact given at another question is kept, never asked again', () => {
  it('« 40 ans » at « Touchez-vous le RSA… ? » is noted, the question asked again, and the age never asked', async () => {
    const bot = newBot();
    const asked = await play(bot, 'suis-je éligible ?');
    expect(textOf(asked)).toMatch(/Touchez-vous/);
    const replies = await bot.say('40 ans');
    expect(textOf(replies)).toMatch(/C'est noté : Âge : 40 ans/);
    expect(textOf(replies)).toMatch(/Touchez-vous/);
    expect(textOf(replies)).not.toMatch(/pas compris/);
    const next = await bot.say('non');
    expect(textOf(next)).not.toMatch(/Quel âge/);
    expect(textOf(next)).toMatch(/inscrit/i);
  });
});

describe('« Et maintenant ? » after an eligibility result', () => {
  async function atNext(bot: BotDriver): Promise<Reply[]> {
    const replies = await play(bot, 'je touche le RSA, suis-je éligible ?');
    expect(textOf(replies)).toMatch(/Et maintenant/);
    return replies;
  }

  it.each(['je sais pas', 'oui', 'ben je sais pas trop'])('« %s » gets what each choice does and a person offered', async (answer) => {
    const bot = newBot();
    await atNext(bot);
    const replies = await bot.say(answer);
    expect(textOf(replies)).not.toMatch(/Je n'ai pas compris/);
    expect(textOf(replies)).toMatch(/Trouver une structure » : /);
    expect(textOf(replies)).toMatch(/Et maintenant/);
    expect(buttonsOf(replies)).toContain("Parler à quelqu'un");
  });

  it('« non » goes back to the menu', async () => {
    const bot = newBot();
    await atNext(bot);
    const replies = await bot.say('non');
    expect(textOf(replies)).not.toMatch(/Je n'ai pas compris/);
    expect(buttonsOf(replies)).toContain('Trouver une structure');
    expect(textOf(replies)).not.toMatch(/Et maintenant/);
  });
});

describe('a question that compares kinds', () => {
  it.each([
    ["c'est quoi la différence entre un ACI et une EI ?", 'fr', ['kind-aci', 'kind-ei']],
    ['ACI ou EI ?', 'fr', ['kind-aci', 'kind-ei']],
    ['chantier d insertion ou entreprise d insertion c quoi la diff', 'fr', ['kind-aci', 'kind-ei']],
    ["what's the difference between an ACI and an ETTI?", 'en', ['kind-aci', 'kind-etti']],
  ] as const)('%s answers about each kind', (text, locale, ids) => {
    const found = searchFaq(text, locale);
    expect(found.status).toBe('answer');
    if (found.status !== 'answer') return;
    expect([found.entry.id, ...(found.also ?? []).map((e) => e.id)].sort()).toEqual([...ids].sort());
  });

  it.each([
    ["une EI ou une ETTI peut-elle m'embaucher si je suis au RSA", 'fr'],
    ['difference entre orienteur et prescripteur', 'fr'],
    ["c'est quoi un ACI", 'fr'],
  ] as const)('%s is not a comparison', (text, locale) => {
    const found = searchFaq(text, locale);
    expect(found.status === 'answer' ? found.also ?? [] : []).toEqual([]);
  });

  it('in the conversation, both kinds are explained', async () => {
    const replies = await play(newBot(), "c'est quoi la différence entre un ACI et une EI ?");
    const text = textOf(replies);
    expect(text).toMatch(/atelier et chantier d'insertion/);
    expect(text).toMatch(/entreprise d'insertion, ou EI/);
    expect(text).not.toMatch(/orienteur/);
  });
});

describe('a jobseeker typing on a phone', () => {
  it('« ché pa » skips the age, « lamentin » at a yes/no question is kept for later, not a new search', async () => {
    const bot = newBot();
    await play(bot, 'slt jcherche du taf jsui o rsa');
    const skipped = await bot.say('ché pa');
    expect(textOf(skipped)).not.toMatch(/pas compris/);
    const noted = await bot.say('lamentin');
    expect(textOf(noted)).toMatch(/C'est noté : Lieu : Le Lamentin/);
    expect(textOf(noted)).not.toMatch(KIND_QUESTION);
    const after = await bot.say('non');
    expect(textOf(after)).not.toMatch(/Où |Dans quelle commune/);
    expect(textOf(after)).toMatch(/Lamentin/);
  });

  it('« nn » is no and « jsp » at the menu says what the assistant does', async () => {
    expect(recognizeYesNo('nn')).toBe('no');
    const replies = await play(newBot(), 'jsp');
    expect(textOf(replies)).toMatch(/Je peux vous aider à/);
    expect(textOf(replies)).not.toMatch(/pas compris|ne comprends pas/);
  });
});

describe('a Mission Locale adviser checking a candidate', () => {
  it('a fact added after the result keeps the third person and what was said of the candidate', async () => {
    const bot = newBot();
    const first = await play(bot, 'bonjour je suis conseillère mission locale, je vérifie si un jeune de 22 ans au RSA est éligible');
    expect(textOf(first)).toMatch(/embaucher la personne/);
    const again = await bot.say('il est inscrit depuis 8 mois');
    expect(textOf(again)).toMatch(/la personne/);
    expect(textOf(again)).not.toMatch(/vous embaucher|Quel âge|Touchez-vous/);
    expect(textOf(again)).toMatch(/Bénéficiaire du RSA/);
  });
});

describe('never a loop', () => {
  it('« ok » typed again and again ends, like any unreadable answer, with a way out', async () => {
    const bot = newBot();
    await play(bot, 'je cherche une structure à Fort-de-France');
    let replies: Reply[] = [];
    for (let i = 0; i < 5; i++) replies = await bot.say('ok');
    expect(buttonsOf(replies)).toContain("Parler à quelqu'un");
  });
});

describe('someone following their request', () => {
  it.each(["je l'ai perdu le numéro", "je l'ai perdu", 'je sais plus', "j'ai oublié", 'jlai perdu'])('« %s » at the reference question gets who to contact and a person, not « Ce numéro ne va pas »', async (answer) => {
    const bot = newBot();
    await play(bot, 'Suivre ma demande');
    const replies = await bot.say(answer);
    expect(textOf(replies)).toMatch(/Numéro perdu|Lost your number|lost/i);
    expect(textOf(replies)).not.toMatch(/ne va pas|not right|wrong/i);
    expect(buttonsOf(replies).some((b) => /Parler à quelqu'un|Talk to someone/i.test(b))).toBe(true);
  });
});

describe('facts about oneself told at the menu are kept and said back, not « not understood »', () => {
  it('« je suis née le 12 mars 1992 et j’habite au Lamentin », kept for what comes next', async () => {
    const bot = newBot();
    const noted = await play(bot, 'je suis née le 12 mars 1992 et j\u2019habite au Lamentin');
    expect(textOf(noted)).not.toMatch(NOT_UNDERSTOOD);
    expect(textOf(noted)).toContain("C'est noté");
    expect(textOf(noted)).toContain('12/03/1992');
    expect(textOf(noted)).toContain('Le Lamentin');
    const mine = await bot.say('mes données');
    expect(textOf(mine)).toMatch(/date de naissance : 12\/03\/1992/);
    expect(textOf(mine)).toMatch(/Lamentin/);
  });
});

describe('following a request, said in a sentence', () => {
  it.each(['je veux suivre ma demande', 'je voudrais suivre ma demande', 'suivre ma demande svp'])('« %s » asks for the reference at once', async (text) => {
    const replies = await play(newBot(), text);
    expect(textOf(replies)).toMatch(/numéro de (votre )?demande|référence/i);
    expect(textOf(replies)).not.toMatch(/Que voulez-vous faire/);
  });
});
